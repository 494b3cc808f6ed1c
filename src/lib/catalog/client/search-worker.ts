/**
 * The catalog search worker, as the Shop uses it: started on the first search, it loads the
 * index the build made (search/file.ts; precached), or, when that cannot be had, is handed the
 * shop's catalog to index; again when the worker had to be started anew (a crash). The worker
 * keeps its index between searches, so it is never shut down for idleness.
 */
import type { Remote } from 'comlink';
import { WorkerBridge } from '../../workers/bridge';
import { catalog, catalogVersion, inlineProducts, synonyms } from '../../shell/catalog';
import { searchIndexFile } from '../search/version';
import type { CatalogQuery, CatalogResult } from '../search/index';
import type { CatalogSearchApi } from '../worker/search.worker';

const bridge = new WorkerBridge<CatalogSearchApi>(
  () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
);

/** The index the build made for this catalog. */
const indexUrl = new URL(import.meta.env.BASE_URL + searchIndexFile(catalogVersion), location.href)
  .href;

/** The load of the running worker; null when none has been started (or it died). */
let loaded: Promise<unknown> | null = null;

/** Indexes the catalog in the worker: the one in the app's code, or the one stored. */
async function indexHere(api: Remote<CatalogSearchApi>) {
  if (catalog.inline) return api.load(inlineProducts, synonyms);
  const db = await catalog.whenStored();
  return api.loadStored(db.name, synonyms);
}

export function searchShop(query: CatalogQuery): Promise<CatalogResult> {
  if (!bridge.running) loaded = null;
  return bridge.call(async (api) => {
    loaded ??= api
      .loadFile(indexUrl)
      .then((shipped) => shipped ?? indexHere(api))
      .catch((e: unknown) => {
        loaded = null;
        throw e;
      });
    await loaded;
    return api.search(query);
  });
}
