/**
 * The For you view's recommender: loads the stored model (or trains one in a worker), folds
 * the active profile in from its latest ratings at once, and retrains in the background.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Product } from '../../catalog/types';
import { getSetting, loadSnapshot, saveSnapshot, setSetting, type AisleDB } from '../../db';
import type { ProbeReport } from '../../ml/shared/ladder';
import {
  CALIBRATION_KEY,
  ENGINE_SETTING_KEY,
  isCalibration,
  isEngineId,
  isEngineSetting,
  type Calibration,
  type EngineId,
  type EngineSetting,
} from '../shared/engines';
import type { EpochReport } from '../shared/js-engine';
import { deserialiseModel, foldInUser, type HybridModel } from '../shared/model';
import { profileSignals } from '../shared/shop-data';
import { recommend, type Recommendation } from '../shared/recommend';
import type { TrainerApi } from '../worker/train.worker';
import type { TrainedShopModel } from '../worker/trainer';
import { spawnShopTrainer } from './workers';

export const SNAPSHOT_NAME = 'recommender';

interface LoadedModel {
  model: HybridModel;
  itemIds: string[];
  itemIndex: Map<string, number>;
  engine: EngineId;
  trainedAt: number;
  ms: number;
}

export type TrainingState =
  | { phase: 'idle' }
  | { phase: 'training'; epoch: number; epochs: number; losses: number[]; started: number }
  | { phase: 'done'; losses: number[]; ms: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

let loaded = $state.raw<LoadedModel | null>(null);
let training = $state<TrainingState>({ phase: 'idle' });
let worker: Worker | null = null;
let engineSetting = $state<EngineSetting>('auto');
let calibration = $state.raw<Calibration | null>(null);
let reports = $state.raw<ProbeReport[]>([]);

export const recommender = {
  get model() {
    return loaded;
  },
  get training() {
    return training;
  },
  /** 'auto' (the calibrated fastest engine) or the engine the user forced. */
  get engineSetting() {
    return engineSetting;
  },
  /** This device's calibration: which engine won, and each one's estimated training time. */
  get calibration() {
    return calibration;
  },
  /** The tfjs backend ladder's reports from the last training that tried tfjs. */
  get reports() {
    return reports;
  },
};

/** Reads the engine setting and the calibration from the settings table. */
export async function loadEngineSettings(db: AisleDB): Promise<void> {
  const [setting, stored] = await Promise.all([
    getSetting<unknown>(db, ENGINE_SETTING_KEY, 'auto'),
    getSetting<unknown>(db, CALIBRATION_KEY, null),
  ]);
  engineSetting = isEngineSetting(setting) ? setting : 'auto';
  calibration = isCalibration(stored) ? stored : null;
}

/** Remembers the user's engine choice and retrains with it. */
export async function setEngineSetting(
  db: AisleDB,
  products: Product[],
  value: EngineSetting,
): Promise<void> {
  engineSetting = value;
  await setSetting(db, ENGINE_SETTING_KEY, value);
  await train(db, products);
}

function toLoaded(meta: unknown, buffer: ArrayBuffer, extra: Record<string, unknown>): LoadedModel {
  const model = deserialiseModel(meta, buffer);
  const itemIds = extra.itemIds as string[];
  if (!Array.isArray(itemIds) || itemIds.length !== model.numItems) {
    throw new Error('snapshot item ids do not match the model');
  }
  return {
    model,
    itemIds,
    itemIndex: new Map(itemIds.map((id, i) => [id, i])),
    engine: isEngineId(extra.engine) ? extra.engine : 'js',
    trainedAt: Number(extra.trainedAt ?? 0),
    ms: Number(extra.ms ?? 0),
  };
}

/** The stored model, if there is a readable one; a corrupt one is discarded (then retrained). */
export async function loadStoredModel(db: AisleDB): Promise<boolean> {
  const snapshot = await loadSnapshot(db, SNAPSHOT_NAME);
  if (!snapshot) return false;
  try {
    const { model: meta, ...extra } = snapshot.meta as { model: unknown } & Record<string, unknown>;
    loaded = toLoaded(meta, snapshot.weights, extra);
    return true;
  } catch {
    await db.modelSnapshots.delete(snapshot.id);
    return false;
  }
}

/** Trains in the worker from everything on the device, then stores and uses the result. */
export async function train(db: AisleDB, products: Product[]): Promise<void> {
  cancel();
  const [ratings, events, imported] = await Promise.all([
    db.ratings.toArray(),
    db.events.toArray(),
    db.datasets.get('shop'),
    loadEngineSettings(db),
  ]);
  worker = spawnShopTrainer();
  const api: Remote<TrainerApi> = wrap(worker);
  const started = performance.now();
  const losses: number[] = [];
  training = { phase: 'training', epoch: 0, epochs: 1, losses, started };
  const current = worker;
  let finished = false;
  // Progress comes through its own message port, so a last report may arrive after the result.
  const onEpoch = (e: EpochReport & { epochs: number }) => {
    if (finished || worker !== current) return;
    losses.push(e.loss);
    training = {
      phase: 'training',
      epoch: e.epoch,
      epochs: e.epochs,
      losses: [...losses],
      started,
    };
  };
  let result: TrainedShopModel;
  try {
    result = await api.train(
      { ratings, events, products, engine: engineSetting, calibration, imported: imported ?? null },
      proxy(onEpoch),
    );
  } catch (e) {
    if (worker === current) training = { phase: 'failed', message: String(e) };
    return;
  } finally {
    finished = true;
    if (worker === current) {
      current.terminate();
      worker = null;
    }
  }
  const extra = {
    itemIds: result.itemIds,
    engine: result.engine,
    trainedAt: Date.now(),
    ms: result.ms,
  };
  loaded = toLoaded(result.meta, result.buffer, extra);
  reports = result.reports;
  training = { phase: 'done', losses, ms: performance.now() - started };
  if (result.calibration) {
    calibration = result.calibration;
    await setSetting(db, CALIBRATION_KEY, result.calibration);
  }
  await saveSnapshot(db, {
    name: SNAPSHOT_NAME,
    version: result.meta.version,
    meta: { model: result.meta, ...extra },
    weights: result.buffer,
  });
}

export function cancel(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  training = { phase: 'cancelled' };
}

/**
 * Recommendations for a profile from its current ratings and events, folded in on the spot:
 * a rating given a moment ago counts before any retraining.
 */
export async function recommendFor(
  db: AisleDB,
  profileId: string,
  groupOf: (productId: string) => string,
  onlyGroup?: string,
  k = 10,
): Promise<{ productId: string; reason: Recommendation['reason'] & { likedId?: string } }[]> {
  const current = loaded;
  if (!current) return [];
  const { model, itemIds, itemIndex } = current;
  const [ratings, events] = await Promise.all([
    db.ratings.where('profileId').equals(profileId).toArray(),
    db.events.where('profileId').equals(profileId).toArray(),
  ]);
  const { items, values, weights, exclude, liked } = profileSignals(ratings, events, itemIndex);
  // One fold-in gives both parts: the rating part for reasons, the ranking part for the order.
  const user = foldInUser(model, items, values, weights);
  // With nothing rated yet the folded-in user is neutral: item and content biases decide.
  const list = recommend(model, user, {
    exclude,
    liked,
    groupOf: (i) => groupOf(itemIds[i]!),
    onlyGroup,
    k,
  });
  return list.map(({ item, reason }) => ({
    productId: itemIds[item]!,
    reason: reason.kind === 'liked' ? { ...reason, likedId: itemIds[reason.item] } : reason,
  }));
}
