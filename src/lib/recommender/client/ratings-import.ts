/** "Import ratings" from the UI: the files go to a worker, which parses and stores them. */
import { proxy, wrap } from 'comlink';
import type { RatingsImportApi } from '../worker/import.worker';
import type { ImportOutcome, ImportProgress } from '../worker/ratings-importer';
import { spawnRatingsImporter } from './workers';

export type { ImportOutcome, ImportProgress };

export async function importRatings(
  files: File[],
  productIds: string[],
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const worker = spawnRatingsImporter();
  try {
    return await wrap<RatingsImportApi>(worker).importRatings(files, productIds, proxy(onProgress));
  } finally {
    worker.terminate();
  }
}
