/**
 * Worker entry: training runs here, off the UI thread. Cancel terminates the worker (the JS
 * engine is one synchronous loop; tfjs state dies with the worker too).
 */
import { expose, transfer } from 'comlink';
import { allProducts, inDatabase } from '../../db/catalog';
import type { EpochReport } from '../shared/js-engine';
import { trainShopModel, type TrainRequest } from './trainer';

const api = {
  async train(request: TrainRequest, onEpoch: (e: EpochReport & { epochs: number }) => void) {
    // A stored catalog is read here, not handed over by the page (src/lib/catalog/stored.ts).
    const products =
      request.products ??
      (request.catalogDb ? await inDatabase(request.catalogDb, allProducts) : undefined);
    const result = await trainShopModel({ ...request, products }, onEpoch);
    return transfer(result, [result.buffer]);
  },
};

export type TrainerApi = typeof api;
expose(api);
