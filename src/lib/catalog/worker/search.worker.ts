/**
 * Worker entry: catalog search runs here, off the UI thread, with the index kept between
 * searches. Page side (the lead wires it into the Shop):
 *
 *   const catalogSearch = new WorkerBridge<CatalogSearchApi>(
 *     () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
 *   );
 *   await catalogSearch.call((api) => api.load(products, synonyms));
 *   const result = await catalogSearch.call((api) => api.search({ text, category, limit: 24 }));
 *
 * The worker keeps state (the index), so the bridge takes no idleMs; terminate() it when the
 * shop changes or the Shop is left for good.
 */
import { expose } from 'comlink';
import { createCatalogSearchApi } from './search-api';

export type { CatalogSearchApi } from './search-api';
expose(createCatalogSearchApi());
