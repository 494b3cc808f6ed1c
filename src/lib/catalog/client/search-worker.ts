/**
 * The catalog search worker, as the Shop uses it: started on the first search, handed the
 * shop's catalog once, and handed it again when the worker had to be started anew (a crash).
 * The worker keeps its index between searches, so it is never shut down for idleness.
 */
import { WorkerBridge } from '../../workers/bridge';
import { products, synonyms } from '../../shell/catalog';
import type { CatalogQuery, CatalogResult } from '../search/index';
import type { CatalogSearchApi } from '../worker/search.worker';

const bridge = new WorkerBridge<CatalogSearchApi>(
  () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
);

/** The load of the running worker; null when none has been started (or it died). */
let loaded: Promise<unknown> | null = null;

export function searchShop(query: CatalogQuery): Promise<CatalogResult> {
  if (!bridge.running) loaded = null;
  return bridge.call(async (api) => {
    loaded ??= api.load(products, synonyms).catch((e: unknown) => {
      loaded = null;
      throw e;
    });
    await loaded;
    return api.search(query);
  });
}
