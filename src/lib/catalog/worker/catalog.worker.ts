/** Worker entry: a catalog shipped as a file is stored in IndexedDB here, off the UI thread. */
import { expose } from 'comlink';
import { createCatalogImportApi } from './catalog-import';

export type { CatalogImportApi, CatalogImportReport } from './catalog-import';
expose(createCatalogImportApi());
