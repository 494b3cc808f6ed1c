/**
 * Trains on an imported data set (the MovieLens demo), holding out a tenth of the ratings so
 * the training panel can show the validation RMSE fall epoch by epoch.
 */
import type { Dataset } from '../shared/rows';
import { randomFolds } from '../shared/dataset';
import type { EngineId } from '../shared/engines';
import type { EpochReport } from '../shared/js-engine';
import { movieFeatures } from '../shared/movielens';
import { serialiseModel, type ModelMeta } from '../shared/model';
import type { RatingData } from '../shared/types';
import { trainWithEngine } from './engine-runner';

export interface TrainedDatasetModel {
  meta: ModelMeta;
  buffer: ArrayBuffer;
  validationRmse: number;
  /** The engine that trained (a tfjs backend that fails its self-check falls lower). */
  engine: EngineId;
  ms: number;
}

export function datasetRatings(dataset: Dataset): RatingData {
  const data: RatingData = {
    numUsers: dataset.userIds.length,
    numItems: dataset.itemIds.length,
    n: dataset.ratings.length,
    users: dataset.users,
    items: dataset.items,
    ratings: dataset.ratings,
  };
  if (dataset.timestamps) data.timestamps = dataset.timestamps;
  return data;
}

export function datasetFeatures(dataset: Dataset) {
  const maps = {
    userIds: dataset.userIds,
    itemIds: dataset.itemIds,
    userIndex: new Map(dataset.userIds.map((id, i) => [id, i])),
    itemIndex: new Map(dataset.itemIds.map((id, i) => [id, i])),
  };
  const movies = (dataset.movies ?? []).map((m, i) => ({ id: dataset.itemIds[i]!, ...m }));
  return movieFeatures(movies, maps);
}

export async function trainDataset(
  dataset: Dataset,
  onEpoch?: (e: EpochReport & { epochs: number }) => void,
  engine: EngineId = 'js',
): Promise<TrainedDatasetModel> {
  const started = performance.now();
  const [{ train, test }] = randomFolds(datasetRatings(dataset), 10, 42) as [
    { train: RatingData; test: RatingData },
  ];
  let validationRmse = NaN;
  // Each engine's own epoch count: 30 for JS's SGD, 20 for tfjs's Adam (TFJS_TUNING).
  const epochs = engine === 'js' ? 30 : 20;
  const run = await trainWithEngine(
    engine,
    train,
    datasetFeatures(dataset),
    { epochs },
    {
      validation: test,
      onEpoch: (e) => {
        validationRmse = e.validationRmse ?? NaN;
        onEpoch?.({ ...e, epochs });
      },
    },
  );
  const { meta, buffer } = serialiseModel(run.predictor.model);
  return { meta, buffer, validationRmse, engine: run.engine, ms: performance.now() - started };
}
