/**
 * "Import ratings" from the UI: a worker reads and parses the files, then the data set is
 * stored here in one put through db/ (workers open IndexedDB only to read or store a large
 * shop's catalog: shop data, never a shopper's rows).
 */
import { proxy } from 'comlink';
import { putDataset, toStorageError, type AisleDB } from '../../db';
import {
  importSummary,
  type ImportOutcome,
  type ImportProgress,
  type ParseOutcome,
} from '../worker/ratings-importer';
import { ratingsImporter } from './workers';

export type { ImportOutcome, ImportProgress };

export async function importRatings(
  db: AisleDB,
  files: File[],
  productIds: string[],
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const parsed = await ratingsImporter.call<ParseOutcome>((api) =>
    api.parse(files, productIds, proxy(onProgress)),
  );
  if (!parsed.ok) return parsed;
  onProgress({ step: 'saving', done: 0, total: 1 });
  try {
    await putDataset(db, parsed.dataset);
  } catch (e) {
    const error = toStorageError(e);
    return { ok: false, code: error.code, detail: error.message };
  }
  onProgress({ step: 'saving', done: 1, total: 1 });
  return importSummary(parsed.dataset);
}
