/** Worker entry for "Import ratings": reading and parsing never touch the UI thread. */
import { expose, transfer } from 'comlink';
import { parseRatingFiles, type ImportProgress, type ParseOutcome } from './ratings-importer';

const api = {
  async parse(
    files: File[],
    productIds: string[],
    onProgress: (p: ImportProgress) => void,
  ): Promise<ParseOutcome> {
    const outcome = await parseRatingFiles(files, new Set(productIds), onProgress);
    if (!outcome.ok) return outcome;
    const { users, items, ratings, timestamps } = outcome.dataset;
    const buffers = [users.buffer, items.buffer, ratings.buffer];
    if (timestamps) buffers.push(timestamps.buffer);
    return transfer(outcome, buffers as ArrayBuffer[]);
  },
};

export type RatingsImportApi = typeof api;
expose(api);
