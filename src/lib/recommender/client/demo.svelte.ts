/**
 * The MovieLens demo on For you: the same model and trainer as the shop, on a real data set the
 * user imported, so anyone can watch the recommender learn (validation RMSE per epoch). The store
 * reads the data set through db/ and hands it to the worker, which never opens IndexedDB.
 */
import { proxy } from 'comlink';
import { getDataset, loadSnapshot, removeSnapshot, saveSnapshot, type AisleDB } from '../../db';
import type { Dataset } from '../../db/schema';
import { reportStorageError } from '../../shell/notices.svelte';
import { session } from '../../shell/session.svelte';
import { isAbortError } from '../../workers/bridge';
import { isEngineId, type EngineId } from '../shared/engines';
import { isLiked } from '../shared/liked';
import { deserialiseModel, foldInUser, type HybridModel } from '../shared/model';
import { recommend, type Reason } from '../shared/recommend';
import type { TrainedDatasetModel } from '../worker/dataset-trainer';
import { recommender, type EpochListener, type Recommender } from './recommender.svelte';
import { datasetTrainer } from './workers';

const SNAPSHOT = 'recommender:movielens';

export type DemoTraining =
  | { phase: 'idle' }
  | { phase: 'training'; epoch: number; epochs: number; validation: number[] }
  | { phase: 'done'; validation: number[]; ms: number }
  | { phase: 'failed'; message: string };

export interface DemoItem {
  title: string;
  rating?: number;
  because?: string;
  genre?: string;
  /** Neither: many of their items carry it ('shoppers') or their features do ('similar'). */
  other?: 'shoppers' | 'similar';
}

/** Trains on a data set off the UI thread; aborting `signal` stops it. */
export type DatasetTrainer = (
  dataset: Dataset,
  onEpoch: EpochListener,
  engine: EngineId,
  signal: AbortSignal,
) => Promise<TrainedDatasetModel & { importedAt: number }>;

export interface DemoOptions {
  source: () => AisleDB | null;
  /** The shop's recommender: the demo trains with the same engine setting. */
  recommender: Recommender;
  trainer?: DatasetTrainer;
}

const workerTrainer: DatasetTrainer = (dataset, onEpoch, engine, signal) =>
  datasetTrainer.call((api) => api.train(dataset, proxy(onEpoch), engine), signal);

const titleOf = (d: Dataset, item: number) => d.movies?.[item]?.title ?? `#${d.itemIds[item]}`;

export class MovieLensDemo {
  #dataset = $state.raw<Dataset | null>(null);
  #model = $state.raw<HybridModel | null>(null);
  #training = $state<DemoTraining>({ phase: 'idle' });
  #engine = $state<EngineId>('js');
  #controller: AbortController | null = null;
  readonly #source: () => AisleDB | null;
  readonly #recommender: Recommender;
  readonly #trainer: DatasetTrainer;

  constructor(options: DemoOptions) {
    this.#source = options.source;
    this.#recommender = options.recommender;
    this.#trainer = options.trainer ?? workerTrainer;
  }

  get dataset(): Dataset | null {
    return this.#dataset;
  }
  get model(): HybridModel | null {
    return this.#model;
  }
  get training(): DemoTraining {
    return this.#training;
  }
  /** The engine that trained the demo's model. */
  get engine(): EngineId {
    return this.#engine;
  }

  /** Loads the imported MovieLens data set and, if it matches, the model trained on it. */
  async open(): Promise<void> {
    const db = this.#source();
    if (!db) return;
    await this.#open(db).catch(reportStorageError);
  }

  async #open(db: AisleDB): Promise<void> {
    const dataset = (await getDataset(db, 'movielens')) ?? null;
    this.#dataset = dataset;
    this.#model = null;
    if (!dataset) return;
    const snapshot = await loadSnapshot(db, SNAPSHOT);
    if (!snapshot || snapshot.meta.importedAt !== dataset.importedAt) return;
    try {
      this.#model = deserialiseModel(snapshot.meta.model, snapshot.weights);
      this.#engine = isEngineId(snapshot.meta.engine) ? snapshot.meta.engine : 'js';
    } catch {
      await removeSnapshot(db, snapshot.id); // unreadable: retrain instead
    }
  }

  async train(): Promise<void> {
    const db = this.#source();
    const dataset = this.#dataset;
    if (!db || !dataset) return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const current = () => this.#controller === controller;
    const validation: number[] = [];
    this.#training = { phase: 'training', epoch: 0, epochs: 1, validation };
    const onEpoch: EpochListener = (e) => {
      if (!current()) return;
      validation.push(e.validationRmse ?? NaN);
      this.#training = {
        phase: 'training',
        epoch: e.epoch,
        epochs: e.epochs,
        validation: [...validation],
      };
    };
    try {
      await this.#recommender.loadEngineSettings();
      const wanted = this.#recommender.wantedEngine;
      const result = await this.#trainer(dataset, onEpoch, wanted, controller.signal);
      if (!current()) return;
      this.#controller = null;
      this.#model = deserialiseModel(result.meta, result.buffer);
      this.#engine = result.engine;
      this.#training = { phase: 'done', validation, ms: result.ms };
      await saveSnapshot(db, {
        name: SNAPSHOT,
        version: result.meta.version,
        meta: { model: result.meta, importedAt: result.importedAt, engine: result.engine },
        weights: result.buffer,
      }).catch(reportStorageError); // the model is in use; only keeping it for next time failed
    } catch (e) {
      if (!current() || isAbortError(e)) return;
      this.#controller = null;
      this.#training = { phase: 'failed', message: String(e) };
    }
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    this.#training = { phase: 'idle' };
  }

  /** A MovieLens user's favourites and what the model recommends them, with reasons. */
  demoFor(userId: string, k = 10): { favourites: DemoItem[]; recommended: DemoItem[] } {
    const d = this.#dataset;
    const m = this.#model;
    const user = d?.userIds.indexOf(userId) ?? -1;
    if (!d || !m || user < 0) return { favourites: [], recommended: [] };
    const rated: { item: number; rating: number }[] = [];
    for (let r = 0; r < d.ratings.length; r++) {
      if (d.users[r] === user) rated.push({ item: d.items[r]!, rating: d.ratings[r]! });
    }
    rated.sort((a, b) => b.rating - a.rating);
    const liked = rated.filter((r) => isLiked({ rating: r.rating })).map((r) => r.item);
    const genreOf = (item: number) => d.movies?.[item]?.genres[0] ?? '';
    // Folded in from their ratings, as For you does: the item-item terms and the reasons need
    // the items they chose, which the model does not keep.
    const folded = foldInUser(
      m,
      rated.map((r) => r.item),
      rated.map((r) => r.rating),
    );
    const list = recommend(m, folded, {
      exclude: rated.map((r) => r.item),
      liked,
      groupOf: genreOf,
      k,
    });
    const reasonText = (reason: Reason) =>
      reason.kind === 'liked'
        ? { because: titleOf(d, reason.item) }
        : reason.kind === 'popular'
          ? { genre: reason.group }
          : { other: reason.kind };
    return {
      favourites: rated.slice(0, 5).map((r) => ({ title: titleOf(d, r.item), rating: r.rating })),
      recommended: list.map((r) => ({ title: titleOf(d, r.item), ...reasonText(r.reason) })),
    };
  }
}

/** The app's MovieLens demo, on the session's database. */
export const movieLensDemo = new MovieLensDemo({ source: () => session.db, recommender });
