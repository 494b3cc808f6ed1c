/** Worker entry for "Import ratings": reading, parsing and storing never touch the UI thread. */
import { expose } from 'comlink';
import { AisleDB } from '../../db/schema';
import { toStorageError } from '../../db/errors';
import { importRatingFiles, type ImportProgress } from './ratings-importer';

const api = {
  async importRatings(
    files: File[],
    productIds: string[],
    onProgress: (p: ImportProgress) => void,
  ) {
    const db = new AisleDB();
    try {
      return await importRatingFiles(db, files, new Set(productIds), onProgress);
    } catch (e) {
      return { ok: false as const, code: toStorageError(e).code, detail: String(e) };
    } finally {
      db.close();
    }
  },
};

export type RatingsImportApi = typeof api;
expose(api);
