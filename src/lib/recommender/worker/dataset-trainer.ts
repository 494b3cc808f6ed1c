/**
 * Trains on an imported data set (the MovieLens demo), holding out a tenth of the ratings so
 * the training panel can show the validation RMSE fall epoch by epoch.
 */
import type { Dataset } from '../../db/schema';
import { randomFolds } from '../shared/dataset';
import { trainHybrid, type EpochReport } from '../shared/js-engine';
import { movieFeatures } from '../shared/movielens';
import { serialiseModel, type ModelMeta } from '../shared/model';
import type { RatingData } from '../shared/types';

export interface TrainedDatasetModel {
  meta: ModelMeta;
  buffer: ArrayBuffer;
  validationRmse: number;
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

export function trainDataset(
  dataset: Dataset,
  onEpoch?: (e: EpochReport & { epochs: number }) => void,
): TrainedDatasetModel {
  const started = performance.now();
  const [{ train, test }] = randomFolds(datasetRatings(dataset), 10, 42) as [
    { train: RatingData; test: RatingData },
  ];
  let validationRmse = NaN;
  const epochs = 30;
  const { model } = trainHybrid(
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
  const { meta, buffer } = serialiseModel(model);
  return { meta, buffer, validationRmse, ms: performance.now() - started };
}
