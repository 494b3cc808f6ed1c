/**
 * The MovieLens demo on For you: the same model and trainer as the shop, on a real data set the
 * user imported, so anyone can watch the recommender learn (validation RMSE per epoch).
 */
import { proxy, wrap } from 'comlink';
import { loadSnapshot, saveSnapshot, type AisleDB } from '../../db';
import type { Dataset } from '../../db/schema';
import type { EpochReport } from '../shared/js-engine';
import { deserialiseModel, type HybridModel } from '../shared/model';
import { recommend, type Reason } from '../shared/recommend';
import { isEngineId, type EngineId } from '../shared/engines';
import { loadEngineSettings, recommender } from './recommender.svelte';
import type { DatasetTrainerApi } from '../worker/dataset.worker';
import { spawnDatasetTrainer } from './workers';

const SNAPSHOT = 'recommender:movielens';

export type DemoTraining =
  | { phase: 'idle' }
  | { phase: 'training'; epoch: number; epochs: number; validation: number[] }
  | { phase: 'done'; validation: number[]; ms: number }
  | { phase: 'failed'; message: string };

let dataset = $state.raw<Dataset | null>(null);
let model = $state.raw<HybridModel | null>(null);
let training = $state<DemoTraining>({ phase: 'idle' });
let engine = $state<EngineId>('js');
let worker: Worker | null = null;

export const demo = {
  get dataset() {
    return dataset;
  },
  get model() {
    return model;
  },
  get training() {
    return training;
  },
  /** The engine that trained the demo's model. */
  get engine() {
    return engine;
  },
};

/** Loads the imported MovieLens data set and, if it matches, the model trained on it. */
export async function loadDemo(db: AisleDB): Promise<void> {
  dataset = (await db.datasets.get('movielens')) ?? null;
  model = null;
  if (!dataset) return;
  const snapshot = await loadSnapshot(db, SNAPSHOT);
  if (!snapshot || snapshot.meta.importedAt !== dataset.importedAt) return;
  try {
    model = deserialiseModel(snapshot.meta.model, snapshot.weights);
    engine = isEngineId(snapshot.meta.engine) ? snapshot.meta.engine : 'js';
  } catch {
    await db.modelSnapshots.delete(snapshot.id); // unreadable: retrain instead
  }
}

export async function trainDemo(db: AisleDB): Promise<void> {
  worker?.terminate();
  const current = (worker = spawnDatasetTrainer());
  const validation: number[] = [];
  let finished = false;
  training = { phase: 'training', epoch: 0, epochs: 1, validation };
  const onEpoch = (e: EpochReport & { epochs: number }) => {
    if (finished || worker !== current) return;
    validation.push(e.validationRmse ?? NaN);
    training = { phase: 'training', epoch: e.epoch, epochs: e.epochs, validation: [...validation] };
  };
  try {
    // The shop's engine setting: a forced engine, else the calibrated one, else JS.
    await loadEngineSettings(db);
    const wanted =
      recommender.engineSetting !== 'auto'
        ? recommender.engineSetting
        : (recommender.calibration?.engine ?? 'js');
    const result = await wrap<DatasetTrainerApi>(current).train(
      'movielens',
      proxy(onEpoch),
      wanted,
    );
    finished = true;
    model = deserialiseModel(result.meta, result.buffer);
    engine = result.engine;
    training = { phase: 'done', validation, ms: result.ms };
    await saveSnapshot(db, {
      name: SNAPSHOT,
      version: result.meta.version,
      meta: { model: result.meta, importedAt: result.importedAt, engine: result.engine },
      weights: result.buffer,
    });
  } catch (e) {
    if (worker === current) training = { phase: 'failed', message: String(e) };
  } finally {
    finished = true;
    current.terminate();
    if (worker === current) worker = null;
  }
}

export function cancelDemo(): void {
  worker?.terminate();
  worker = null;
  training = { phase: 'idle' };
}

export interface DemoItem {
  title: string;
  rating?: number;
  because?: string;
  genre?: string;
}

const titleOf = (d: Dataset, item: number) => d.movies?.[item]?.title ?? `#${d.itemIds[item]}`;

/** A MovieLens user's favourites and what the model recommends them, with reasons. */
export function demoFor(
  userId: string,
  k = 10,
): { favourites: DemoItem[]; recommended: DemoItem[] } {
  const d = dataset;
  const m = model;
  const user = d?.userIds.indexOf(userId) ?? -1;
  if (!d || !m || user < 0) return { favourites: [], recommended: [] };
  const rated: { item: number; rating: number }[] = [];
  for (let r = 0; r < d.ratings.length; r++) {
    if (d.users[r] === user) rated.push({ item: d.items[r]!, rating: d.ratings[r]! });
  }
  rated.sort((a, b) => b.rating - a.rating);
  const liked = rated.filter((r) => r.rating >= 4).map((r) => r.item);
  const genreOf = (item: number) => d.movies?.[item]?.genres[0] ?? '';
  const list = recommend(m, user, {
    exclude: rated.map((r) => r.item),
    liked,
    groupOf: genreOf,
    k,
  });
  const reasonText = (reason: Reason) =>
    reason.kind === 'liked' ? { because: titleOf(d, reason.item) } : { genre: reason.group };
  return {
    favourites: rated.slice(0, 5).map((r) => ({ title: titleOf(d, r.item), rating: r.rating })),
    recommended: list.map((r) => ({ title: titleOf(d, r.item), ...reasonText(r.reason) })),
  };
}
