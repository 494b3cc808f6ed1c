/**
 * Worker entry: training runs here, off the UI thread. Training is one synchronous loop, so
 * Cancel terminates the worker rather than messaging it.
 */
import { expose, transfer } from 'comlink';
import type { EpochReport } from '../shared/js-engine';
import { trainShopModel, type TrainRequest } from './trainer';

const api = {
  train(request: TrainRequest, onEpoch: (e: EpochReport & { epochs: number }) => void) {
    const result = trainShopModel(request, onEpoch);
    return transfer(result, [result.buffer]);
  },
};

export type TrainerApi = typeof api;
expose(api);
