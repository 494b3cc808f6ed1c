/**
 * Trains the shop's model from the device's ratings and events (plus the shop's imported ratings
 * as extra users), with the engine the settings ask for. Plain logic, so it runs in the worker
 * and in unit tests alike; the worker entry only exposes it.
 */
import type { Product } from '../../catalog/types';
import type { Rating, ShopEvent } from '../shared/rows';
import type { ProbeReport } from '../../ml/shared/ladder';
import type { Calibration, EngineId, EngineSetting } from '../shared/engines';
import type { EpochReport } from '../shared/js-engine';
import { serialiseModel, type HybridConfig, type ModelMeta } from '../shared/model';
import { shopTrainingData, type ImportedShopRatings } from '../shared/shop-data';
import { calibrate, trainWithEngine } from './engine-runner';
import { SHOP_CONFIG, itemGroups } from './shop-model';

export interface TrainRequest {
  ratings: Rating[];
  events: ShopEvent[];
  /** The catalog; absent when it is stored on the device (`catalogDb`: the worker reads it). */
  products?: Product[];
  /** The database holding a stored catalog (src/lib/catalog/stored.ts). */
  catalogDb?: string;
  config?: Partial<HybridConfig>;
  /** The user's engine setting; 'auto' (default) uses `calibration`, calibrating if absent. */
  engine?: EngineSetting;
  calibration?: Calibration | null;
  /** The shop's imported ratings (its 'shop' data set), trained as extra users. */
  imported?: ImportedShopRatings | null;
}

export interface TrainedShopModel {
  meta: ModelMeta;
  /** The weights (serialiseModel's buffer): transferred, not copied, out of the worker. */
  buffer: ArrayBuffer;
  userIds: string[];
  itemIds: string[];
  /** Each item's department (itemGroups). */
  groups: string[];
  featureNames: string[];
  /** The engine that actually trained (a forced backend that failed its check falls lower). */
  engine: EngineId;
  /** Set when this training calibrated the device: store it. */
  calibration?: Calibration;
  /** The tfjs backend ladder's reports, when tfjs was tried. */
  reports: ProbeReport[];
  ms: number;
}

export async function trainShopModel(
  request: TrainRequest,
  onEpoch?: (e: EpochReport & { epochs: number }) => void,
  signal?: AbortSignal,
): Promise<TrainedShopModel> {
  const started = performance.now();
  const products = request.products;
  if (!products) throw new Error('trainShopModel: the catalog was not given');
  const { data, maps, features } = shopTrainingData(
    request.ratings,
    request.events,
    products,
    request.imported,
  );
  const config = { ...SHOP_CONFIG, ...request.config };
  let engine: EngineId;
  let calibration: Calibration | undefined;
  const setting = request.engine ?? 'auto';
  if (setting !== 'auto') engine = setting;
  else if (request.calibration) engine = request.calibration.engine;
  else {
    calibration = await calibrate(data, features, config);
    engine = calibration.engine;
  }
  const epochs = config.epochs ?? 40;
  const run = await trainWithEngine(engine, data, features, config, {
    signal,
    onEpoch: (e) => onEpoch?.({ ...e, epochs }),
  });
  const { meta, buffer } = serialiseModel(run.predictor.model);
  return {
    meta,
    buffer,
    userIds: maps.userIds,
    itemIds: maps.itemIds,
    groups: itemGroups(maps.itemIds, products),
    featureNames: features.featureNames,
    engine: run.engine,
    ...(calibration ? { calibration } : {}),
    reports: run.reports,
    ms: performance.now() - started,
  };
}
