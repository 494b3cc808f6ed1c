/**
 * Worker entry: training runs here, off the UI thread. Cancel terminates the worker (the JS
 * engine is one synchronous loop; tfjs state dies with the worker too).
 */
import { expose, transfer } from 'comlink';
import { allProducts } from '../../db/catalog';
import { AisleDB } from '../../db/schema';
import type { EpochReport } from '../shared/js-engine';
import { trainShopModel, type TrainRequest } from './trainer';

/** A stored catalog, read here rather than on the page (src/lib/catalog/stored.ts). */
async function storedCatalog(dbName: string) {
  const db = new AisleDB(dbName);
  await db.open();
  try {
    return await allProducts(db);
  } finally {
    db.close();
  }
}

const api = {
  async train(request: TrainRequest, onEpoch: (e: EpochReport & { epochs: number }) => void) {
    const products =
      request.products ?? (request.catalogDb && (await storedCatalog(request.catalogDb)));
    const result = await trainShopModel({ ...request, products: products || undefined }, onEpoch);
    return transfer(result, [result.buffer]);
  },
};

export type TrainerApi = typeof api;
expose(api);
