/**
 * Reads the chosen files and builds the data set, off the UI thread. Storing it is the client's
 * job (one put through db/), so the worker never opens IndexedDB.
 */
import type { Dataset } from '../shared/rows';
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

export type ImportFailure = {
  ok: false;
  code: RatingsImportCode | StorageErrorCode;
  detail: string;
};

export type ImportOutcome = ImportSummary | ImportFailure;

/** What the worker hands back: the data set to store, or why the files could not be read. */
export type ParseOutcome = { ok: true; dataset: Dataset } | ImportFailure;

export async function parseRatingFiles(
  files: File[],
  productIds: ReadonlySet<string>,
  onProgress: (p: ImportProgress) => void,
): Promise<ParseOutcome> {
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
  try {
    return { ok: true, dataset: buildDataset(texts, productIds) };
  } catch (e) {
    if (e instanceof RatingsImportError) return { ok: false, code: e.code, detail: e.message };
    throw e;
  }
}

/** The import report for a stored data set. */
export function importSummary(dataset: Dataset): ImportSummary {
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
