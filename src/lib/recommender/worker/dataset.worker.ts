/** Worker entry for the MovieLens demo: trains on the data set the client read and passed in. */
import { expose, transfer } from 'comlink';
import type { Dataset } from '../shared/rows';
import type { EngineId } from '../shared/engines';
import type { EpochReport } from '../shared/js-engine';
import { trainDataset } from './dataset-trainer';

const api = {
  async train(
    dataset: Dataset,
    onEpoch: (e: EpochReport & { epochs: number }) => void,
    engine: EngineId = 'js',
  ) {
    const result = await trainDataset(dataset, onEpoch, engine);
    return transfer({ ...result, importedAt: dataset.importedAt }, [result.buffer]);
  },
};

export type DatasetTrainerApi = typeof api;
expose(api);
