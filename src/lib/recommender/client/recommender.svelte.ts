/**
 * The shop's recommender, one store for the whole app. Its rule: any rating or purchase, from any
 * view, goes through this store, which writes it through db/, folds it in at once (the list is
 * derived from live reads of the profile's ratings and events) and schedules one debounced
 * retrain, so a rating given on a product page retrains as surely as a like on For you.
 *
 * It also owns the model in use (the stored one, else the one shipped with the app: the device
 * trains only once the shopper rates or buys, never before the first list), the engine setting
 * and the device's calibration, and the training state (progress, cancel).
 */
import { SHOP_MODEL_SNAPSHOT } from '../shared/keys';
import { proxy } from 'comlink';
import type { Product } from '../../catalog/types';
import {
  StorageError,
  allEvents,
  allRatings,
  eventsFor,
  getDataset,
  getSetting,
  loadSnapshot,
  logEvent,
  ratingsFor,
  removeRating,
  removeSnapshot,
  saveSnapshot,
  setRating,
  setSetting,
  type AisleDB,
  type Rating,
  type ShopEvent,
} from '../../db';
import { live, type Live } from '../../db/live.svelte';
import type { ProbeReport } from '../../ml/shared/ladder';
import { reportStorageError } from '../../shell/notices.svelte';
import { vault } from '../../privacy/client/vault.svelte';
import { loadedShopModel } from '../../db/shop';
import { catalog, catalogVersion, inlineProducts, shopLoadedHere } from '../../shell/catalog';
import { session } from '../../shell/session.svelte';
import { isAbortError } from '../../workers/bridge';
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
import { likedByRating } from '../shared/liked';
import { deserialiseModel, foldInUser, type HybridModel } from '../shared/model';
import { recommend, type Reason } from '../shared/recommend';
import { profileSignals } from '../shared/shop-data';
import { SHOP_MODEL_FILE, decodeShopModel, type ShopSnapshotMeta } from '../worker/shop-model';
import type { TrainRequest, TrainedShopModel } from '../worker/trainer';
import { shopTrainer } from './workers';
import { measure } from '../../shell/timing';

export const SNAPSHOT_NAME = SHOP_MODEL_SNAPSHOT;

/** The full retrain waits until the rating stops: one training for a burst of clicks. */
export const RETRAIN_DELAY_MS = 3000;

export interface LoadedModel {
  model: HybridModel;
  itemIds: string[];
  /** Each item's department, as itemIds. */
  groups: string[];
  itemIndex: Map<string, number>;
  engine: EngineId;
  trainedAt: number;
  ms: number;
  /** The model shipped with the app (trained at build time), not one trained on this device. */
  shipped: boolean;
}

export type TrainingState =
  | { phase: 'idle' }
  | { phase: 'training'; epoch: number; epochs: number; losses: number[]; started: number }
  | { phase: 'done'; losses: number[]; ms: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export interface RecommendedItem {
  productId: string;
  reason: Reason & { likedId?: string };
}

/** The open database and the active profile, or null while there is none. */
/** The database and profile to use; `locked`: the profile's rows can't be read until unlocked. */
export type RecommenderSource = () => { db: AisleDB; profileId: string; locked?: boolean } | null;

export type EpochListener = (e: EpochReport & { epochs: number }) => void;

/** Trains the shop model off the UI thread; aborting `signal` stops it. */
export type ShopTrainer = (
  request: TrainRequest,
  onEpoch: EpochListener,
  signal: AbortSignal,
) => Promise<TrainedShopModel>;

/** The shipped model file's bytes, or null where it cannot be had. */
export type ShippedModelLoader = () => Promise<ArrayBuffer | null>;

export interface RecommenderOptions {
  source: RecommenderSource;
  /** The catalog; null when it is stored on the device, where the trainer reads it itself. */
  products: readonly Product[] | null;
  /** How many products the catalog has (default: products.length). */
  productCount?: number;
  /** The catalog's version: a shipped model trained for another catalog is not used. */
  catalogVersion: string;
  trainer?: ShopTrainer;
  /** Default: fetched from the app's own origin (precached by the service worker). */
  shipped?: ShippedModelLoader;
  retrainDelayMs?: number;
}

const workerTrainer: ShopTrainer = (request, onEpoch, signal) =>
  shopTrainer.call((api) => api.train(request, proxy(onEpoch)), signal);

const fetchShippedModel: ShippedModelLoader = async () => {
  const response = await fetch(`${import.meta.env.BASE_URL}${SHOP_MODEL_FILE}`);
  return response.ok ? response.arrayBuffer() : null;
};

function toLoaded(meta: unknown, buffer: ArrayBuffer, extra: Record<string, unknown>): LoadedModel {
  const model = deserialiseModel(meta, buffer);
  const itemIds = extra.itemIds as string[];
  const groups = extra.groups as string[];
  if (!Array.isArray(itemIds) || itemIds.length !== model.numItems) {
    throw new Error('snapshot item ids do not match the model');
  }
  if (!Array.isArray(groups) || groups.length !== model.numItems) {
    throw new Error('snapshot has no departments for its items'); // an older one: retrained
  }
  return {
    model,
    itemIds,
    groups,
    itemIndex: new Map(itemIds.map((id, i) => [id, i])),
    engine: isEngineId(extra.engine) ? extra.engine : 'js',
    trainedAt: Number(extra.trainedAt ?? 0),
    ms: Number(extra.ms ?? 0),
    shipped: typeof extra.shipped === 'object' && extra.shipped !== null,
  };
}

export class Recommender {
  #model = $state.raw<LoadedModel | null>(null);
  #training = $state<TrainingState>({ phase: 'idle' });
  #engineSetting = $state<EngineSetting>('auto');
  #calibration = $state.raw<Calibration | null>(null);
  #reports = $state.raw<ProbeReport[]>([]);
  readonly #ratings: Live<Rating[]>;
  readonly #events: Live<ShopEvent[]>;
  readonly #liked = $derived(likedByRating(this.ratings));

  readonly #source: RecommenderSource;
  readonly #products: readonly Product[] | null;
  readonly #productCount: number;
  readonly #catalogVersion: string;
  readonly #trainer: ShopTrainer;
  readonly #shipped: ShippedModelLoader;
  readonly #retrainDelayMs: number;
  readonly #stop: () => void;
  #controller: AbortController | null = null;
  #retrainTimer: ReturnType<typeof setTimeout> | undefined;
  #opening: Promise<void> | null = null;

  constructor(options: RecommenderOptions) {
    this.#source = options.source;
    this.#products = options.products;
    this.#productCount = options.productCount ?? options.products?.length ?? 0;
    this.#catalogVersion = options.catalogVersion;
    this.#trainer = options.trainer ?? workerTrainer;
    this.#shipped = options.shipped ?? fetchShippedModel;
    this.#retrainDelayMs = options.retrainDelayMs ?? RETRAIN_DELAY_MS;
    let ratings!: Live<Rating[]>;
    let events!: Live<ShopEvent[]>;
    this.#stop = $effect.root(() => {
      // A locked profile is read again once unlocked (the key changes).
      const key = () => {
        const source = this.#source();
        return source && !source.locked && ([source.db, source.profileId] as const);
      };
      ratings = live(key, ([db, profileId]) => ratingsFor(db, profileId), []);
      events = live(key, ([db, profileId]) => eventsFor(db, profileId), []);
    });
    this.#ratings = ratings;
    this.#events = events;
  }

  get model(): LoadedModel | null {
    return this.#model;
  }
  get training(): TrainingState {
    return this.#training;
  }
  /** 'auto' (the calibrated fastest engine) or the engine the user forced. */
  get engineSetting(): EngineSetting {
    return this.#engineSetting;
  }
  /** This device's calibration: which engine won, and each one's estimated training time. */
  get calibration(): Calibration | null {
    return this.#calibration;
  }
  /** The tfjs backend ladder's reports from the last training that tried tfjs. */
  get reports(): ProbeReport[] {
    return this.#reports;
  }
  /** The active profile's ratings, kept current by a live read. */
  get ratings(): Rating[] {
    return this.#ratings.current;
  }
  /** Why the profile's ratings or activity could not be read (a failed integrity check), if so. */
  get readError(): StorageError | null {
    return this.#ratings.error ?? this.#events.error;
  }
  /** The products the active profile rated liked (see isLiked). */
  get liked(): ReadonlySet<string> {
    return this.#liked;
  }
  /** The active profile's stars for a product, or null. */
  ratingOf(productId: string): number | null {
    return this.ratings.find((r) => r.productId === productId)?.rating ?? null;
  }

  /**
   * Recommendations for the active profile from its current ratings and events, folded in on
   * the spot: a rating given a moment ago counts before any retraining.
   */
  listFor(onlyGroup?: string, k = 10): RecommendedItem[] {
    const current = this.#model;
    if (!current) return [];
    const started = performance.now();
    const { model, itemIds, itemIndex, groups } = current;
    const signals = profileSignals(this.ratings, this.#events.current, itemIndex);
    // One fold-in gives both parts: the rating part for reasons, the ranking part for the order.
    const user = foldInUser(model, signals.items, signals.values, signals.weights);
    // With nothing rated yet the folded-in user is neutral: item and content biases decide.
    const list = recommend(model, user, {
      exclude: signals.exclude,
      liked: signals.liked,
      groupOf: (i) => groups[i]!,
      onlyGroup,
      k,
    });
    measure('recommend', started);
    return list.map(({ item, reason }) => ({
      productId: itemIds[item]!,
      reason: reason.kind === 'liked' ? { ...reason, likedId: itemIds[reason.item] } : reason,
    }));
  }

  /**
   * Loads the settings and the stored model, else the shipped one (a first training only where
   * neither can be read). Safe to call often.
   */
  open(): Promise<void> {
    this.#opening ??= this.#open().finally(() => (this.#opening = null));
    return this.#opening;
  }

  async #open(): Promise<void> {
    const db = this.#source()?.db;
    if (!db) return;
    try {
      await this.loadEngineSettings();
      if (this.#model || this.#controller) return;
      if (await this.#loadStoredModel(db)) return;
      if (!(await this.#loadShippedModel())) return await this.train();
      // Data that reached the device without a training (a restored export, a shop's imported
      // ratings): folded in already, trained in the background.
      if (await this.#hasTrainingData(db)) this.scheduleRetrain();
    } catch (e) {
      reportStorageError(e);
    }
  }

  /** Rates a product for the active profile, then retrains soon. False if it was not stored. */
  rate(productId: string, stars: number): Promise<boolean> {
    return this.#write((db, profileId) => setRating(db, profileId, productId, stars));
  }

  unrate(productId: string): Promise<boolean> {
    return this.#write((db, profileId) => removeRating(db, profileId, productId));
  }

  /** For you's like button: five stars, or no rating again. */
  toggleLike(productId: string): Promise<boolean> {
    return this.liked.has(productId) ? this.unrate(productId) : this.rate(productId, 5);
  }

  /** A purchase is the strongest implicit signal: it retrains like a rating does. */
  recordPurchase(productId: string): Promise<boolean> {
    return this.#write((db, profileId) => logEvent(db, { profileId, productId, type: 'purchase' }));
  }

  async #write(change: (db: AisleDB, profileId: string) => Promise<unknown>): Promise<boolean> {
    const source = this.#source();
    try {
      if (!source) throw new StorageError('unavailable', 'No local storage');
      await source.db.holds.run(() => change(source.db, source.profileId));
    } catch (e) {
      reportStorageError(e);
      return false;
    }
    this.scheduleRetrain();
    return true;
  }

  /** One retrain after the last of a burst of changes. */
  scheduleRetrain(): void {
    clearTimeout(this.#retrainTimer);
    this.#retrainTimer = setTimeout(() => {
      this.#retrainTimer = undefined;
      void this.train();
    }, this.#retrainDelayMs);
  }

  /** Reads the engine setting and the calibration from the settings table. */
  async loadEngineSettings(): Promise<void> {
    const db = this.#source()?.db;
    if (!db) return;
    const [setting, stored] = await Promise.all([
      getSetting<unknown>(db, ENGINE_SETTING_KEY, 'auto'),
      getSetting<unknown>(db, CALIBRATION_KEY, null),
    ]);
    this.#engineSetting = isEngineSetting(setting) ? setting : 'auto';
    this.#calibration = isCalibration(stored) ? stored : null;
  }

  /** The engine a training asks for: the forced one, else the calibrated one, else JS. */
  get wantedEngine(): EngineId {
    const setting = this.#engineSetting;
    return setting !== 'auto' ? setting : (this.#calibration?.engine ?? 'js');
  }

  /** Remembers the user's engine choice and retrains with it. */
  async setEngine(value: EngineSetting): Promise<void> {
    const db = this.#source()?.db;
    if (!db) return;
    this.#engineSetting = value;
    try {
      await setSetting(db, ENGINE_SETTING_KEY, value);
    } catch (e) {
      reportStorageError(e);
    }
    await this.train();
  }

  /** The stored model, if there is a readable one; a corrupt one is discarded (then retrained). */
  async #loadStoredModel(db: AisleDB): Promise<boolean> {
    const snapshot = await loadSnapshot(db, SNAPSHOT_NAME);
    if (!snapshot) return false;
    try {
      const { model: meta, ...extra } = snapshot.meta as { model: unknown } & Record<
        string,
        unknown
      >;
      this.#model = toLoaded(meta, snapshot.weights, extra);
      return true;
    } catch {
      await removeSnapshot(db, snapshot.id);
      return false;
    }
  }

  /** The model shipped with the app, if it was trained for this catalog. */
  async #loadShippedModel(): Promise<boolean> {
    try {
      const bytes = await this.#shipped();
      if (this.#model) return true; // a training finished meanwhile
      if (!bytes) return false;
      const { meta, weights } = decodeShopModel(bytes);
      const { model: modelMeta, ...extra } = meta;
      const loaded = toLoaded(modelMeta, weights, { ...extra });
      const forThisCatalog =
        meta.shipped?.catalogVersion === this.#catalogVersion &&
        loaded.itemIds.length === this.#productCount;
      if (!forThisCatalog) return false;
      this.#model = loaded;
      return true;
    } catch {
      return false; // offline before the first precache, or a file from another version
    }
  }

  async #hasTrainingData(db: AisleDB): Promise<boolean> {
    const [ratings, events, imported] = await Promise.all([
      allRatings(db),
      allEvents(db),
      getDataset(db, 'shop'),
    ]);
    return ratings.length > 0 || events.length > 0 || !!imported;
  }

  /** Trains in the worker from everything on the device, then stores and uses the result. */
  async train(): Promise<void> {
    const db = this.#source()?.db;
    if (!db) return;
    // Held: erasing or importing stops the training and waits for it before the swap.
    await db.holds.run((released) => this.#train(db, released));
  }

  async #train(db: AisleDB, released: AbortSignal): Promise<void> {
    clearTimeout(this.#retrainTimer); // this training covers a pending retrain
    this.#retrainTimer = undefined;
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const current = () => this.#controller === controller;
    released.addEventListener('abort', () => current() && this.cancel(), { once: true });
    const started = performance.now();
    const losses: number[] = [];
    this.#training = { phase: 'training', epoch: 0, epochs: 1, losses, started };
    // Progress comes through its own message port, so a last report may arrive after the result.
    const onEpoch: EpochListener = (e) => {
      if (!current()) return;
      losses.push(e.loss);
      this.#training = {
        phase: 'training',
        epoch: e.epoch,
        epochs: e.epochs,
        losses: [...losses],
        started,
      };
    };
    let result: TrainedShopModel;
    try {
      const [ratings, events, imported] = await Promise.all([
        allRatings(db),
        allEvents(db),
        getDataset(db, 'shop'),
        this.loadEngineSettings(),
      ]);
      if (!current()) return;
      const request: TrainRequest = {
        ratings,
        events,
        ...(this.#products ? { products: [...this.#products] } : { catalogDb: db.name }),
        engine: this.#engineSetting,
        calibration: this.#calibration,
        imported: imported ?? null,
      };
      result = await this.#trainer(request, onEpoch, controller.signal);
    } catch (e) {
      if (current()) {
        this.#controller = null;
        this.#training = isAbortError(e)
          ? { phase: 'cancelled' }
          : { phase: 'failed', message: String(e) };
      }
      return;
    }
    if (!current()) return;
    this.#controller = null;
    const extra = {
      itemIds: result.itemIds,
      groups: result.groups,
      engine: result.engine,
      trainedAt: Date.now(),
      ms: result.ms,
    } satisfies Omit<ShopSnapshotMeta, 'model'>;
    this.#model = toLoaded(result.meta, result.buffer, extra);
    this.#reports = result.reports;
    this.#training = { phase: 'done', losses, ms: performance.now() - started };
    // Keeping it for next time waits for the next task: the new list paints first, and neither
    // half is a long task on a busy phone.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (released.aborted) return; // the database is being replaced: nothing to keep in it
    try {
      if (result.calibration) {
        this.#calibration = result.calibration;
        await setSetting(db, CALIBRATION_KEY, result.calibration);
      }
      await saveSnapshot(db, {
        name: SNAPSHOT_NAME,
        version: result.meta.version,
        meta: { model: result.meta, ...extra },
        weights: result.buffer,
      });
    } catch (e) {
      reportStorageError(e); // the model is in use; only keeping it for next time failed
    }
  }

  /** Stops a training in progress; the previous model stays in use. */
  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    this.#training = { phase: 'cancelled' };
  }

  /** Stops the live reads, a pending retrain and a training (tests; the app keeps its store). */
  destroy(): void {
    clearTimeout(this.#retrainTimer);
    this.#retrainTimer = undefined;
    this.cancel();
    this.#stop();
  }
}

/** The app's recommender: the open database and the active profile of the session. */
export const recommender = new Recommender({
  source: () => {
    const { db, profileId } = session;
    return db ? { db, profileId, locked: vault.isLocked(db, profileId) } : null;
  },
  products: catalog.inline ? inlineProducts : null,
  productCount: catalog.summary.count,
  catalogVersion,
  // A shop loaded on this device brought its model with it (trained when it was loaded).
  ...(shopLoadedHere ? { shipped: loadedShopModel } : {}),
});
