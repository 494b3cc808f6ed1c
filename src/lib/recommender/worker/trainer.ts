/**
 * Trains the shop's model from the device's ratings and events. Plain logic, so it runs in the
 * worker and in unit tests alike; the worker entry only exposes it.
 */
import type { Product } from '../../catalog/types';
import type { Rating, ShopEvent } from '../../db/schema';
import { trainHybrid, type EpochReport } from '../shared/js-engine';
import { serialiseModel, type HybridConfig, type ModelMeta } from '../shared/model';
import { shopTrainingData } from '../shared/shop-data';

export interface TrainRequest {
  ratings: Rating[];
  events: ShopEvent[];
  products: Product[];
  config?: Partial<HybridConfig>;
}

export interface TrainedShopModel {
  meta: ModelMeta;
  /** The weights (serialiseModel's buffer): transferred, not copied, out of the worker. */
  buffer: ArrayBuffer;
  userIds: string[];
  itemIds: string[];
  featureNames: string[];
  engine: 'js';
  ms: number;
}

/**
 * A shop has far fewer ratings than MovieLens, so fewer factors and epochs do; the rest of the
 * defaults (tuned on ML-100K) carry over.
 */
export const SHOP_CONFIG: Partial<HybridConfig> = { dim: 16, epochs: 40 };

export function trainShopModel(
  request: TrainRequest,
  onEpoch?: (e: EpochReport & { epochs: number }) => void,
  signal?: AbortSignal,
): TrainedShopModel {
  const started = performance.now();
  const { data, maps, features } = shopTrainingData(
    request.ratings,
    request.events,
    request.products,
  );
  const config = { ...SHOP_CONFIG, ...request.config };
  const epochs = config.epochs ?? 40;
  const { model } = trainHybrid(data, features, config, {
    signal,
    onEpoch: (e) => onEpoch?.({ ...e, epochs }),
  });
  const { meta, buffer } = serialiseModel(model);
  return {
    meta,
    buffer,
    userIds: maps.userIds,
    itemIds: maps.itemIds,
    featureNames: features.featureNames,
    engine: 'js',
    ms: performance.now() - started,
  };
}
