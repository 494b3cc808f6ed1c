/**
 * Worker entry: training runs here, off the UI thread. Cancel terminates the worker (the JS
 * engine is one synchronous loop; tfjs state dies with the worker too).
 */
import { expose, transfer } from 'comlink';
import type { EpochReport } from '../shared/js-engine';
import { trainShopModel, type TrainRequest } from './trainer';

const api = {
  async train(request: TrainRequest, onEpoch: (e: EpochReport & { epochs: number }) => void) {
    const result = await trainShopModel(request, onEpoch);
    return transfer(result, [result.buffer]);
  },
};

export type TrainerApi = typeof api;
expose(api);
