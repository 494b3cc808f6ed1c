/** Worker entry for the MovieLens demo: reads the data set from IndexedDB here and trains. */
import { expose, transfer } from 'comlink';
import { AisleDB } from '../../db/schema';
import type { EngineId } from '../shared/engines';
import type { EpochReport } from '../shared/js-engine';
import { trainDataset } from './dataset-trainer';

const api = {
  async train(
    id: 'movielens' | 'shop',
    onEpoch: (e: EpochReport & { epochs: number }) => void,
    engine: EngineId = 'js',
  ) {
    const db = new AisleDB();
    const dataset = await db.datasets.get(id).finally(() => db.close());
    if (!dataset) throw new Error(`No imported data set "${id}"`);
    const result = await trainDataset(dataset, onEpoch, engine);
    return transfer({ ...result, importedAt: dataset.importedAt }, [result.buffer]);
  },
};

export type DatasetTrainerApi = typeof api;
expose(api);
