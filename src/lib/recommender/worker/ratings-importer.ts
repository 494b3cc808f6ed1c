/** Reads the chosen files, builds the data set and stores it in one put (all or nothing). */
import type { AisleDB, Dataset } from '../../db/schema';
import {
  MAX_RATINGS_IMPORT_BYTES,
  RatingsImportError,
  buildDataset,
  encodingOf,
  type RatingsImportCode,
} from '../shared/ratings-import';
import type { StorageErrorCode } from '../../db/errors';

export interface ImportProgress {
  step: 'reading' | 'parsing' | 'saving';
  done: number;
  total: number;
}

export interface ImportSummary {
  ok: true;
  id: Dataset['id'];
  name: string;
  ratings: number;
  users: number;
  items: number;
  badRows: number;
  firstBad?: Dataset['firstBad'];
}

export type ImportOutcome =
  | ImportSummary
  | {
      ok: false;
      code: RatingsImportCode | StorageErrorCode;
      detail: string;
    };

export async function importRatingFiles(
  db: AisleDB,
  files: File[],
  productIds: ReadonlySet<string>,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > MAX_RATINGS_IMPORT_BYTES) {
    return { ok: false, code: 'too-large', detail: `${bytes} bytes` };
  }
  const texts = [];
  for (const [k, file] of files.entries()) {
    onProgress({ step: 'reading', done: k, total: files.length });
    const name = file.webkitRelativePath || file.name;
    texts.push({ name, text: new TextDecoder(encodingOf(name)).decode(await file.arrayBuffer()) });
  }
  onProgress({ step: 'parsing', done: files.length, total: files.length });
  let dataset: Dataset;
  try {
    dataset = buildDataset(texts, productIds);
  } catch (e) {
    if (e instanceof RatingsImportError) return { ok: false, code: e.code, detail: e.message };
    throw e;
  }
  onProgress({ step: 'saving', done: 0, total: 1 });
  await db.datasets.put(dataset);
  onProgress({ step: 'saving', done: 1, total: 1 });
  const summary: ImportSummary = {
    ok: true,
    id: dataset.id,
    name: dataset.name,
    ratings: dataset.ratings.length,
    users: dataset.userIds.length,
    items: dataset.itemIds.length,
    badRows: dataset.badRows,
  };
  if (dataset.firstBad) summary.firstBad = dataset.firstBad;
  return summary;
}
