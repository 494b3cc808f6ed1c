/**
 * The assistant's engine for the UI: a worker that trains the intent model (TensorFlow.js on the
 * shared backend ladder) and ranks questions, used through the app's WorkerBridge. The worker
 * keeps its trained model in memory, so it is never shut down for idleness; `dispose` ends it.
 * Trained weights are kept through the `SnapshotStore` the caller passes in (the chat store
 * hands its database's), keyed by a hash of the training examples, so a restart with the same
 * knowledge base loads them instead of retraining.
 *
 * Which weights `train` uses, in order: the stored snapshot when it fits; else, for the app's own
 * FAQ (built-in and the shop pack's), the model trained at build time and shipped with the app
 * (worker/prebuilt.ts), so the first answer never waits for training; else it trains (a FAQ
 * imported in My data) and stores them.
 */
import { proxy } from 'comlink';
import { modelFile } from 'virtual:assistant-model';
import type { ModelSnapshot } from '../../db';
import { WorkerBridge } from '../../workers/bridge';
import type { TrainingExample } from '../shared/knowledge';
import { wordVectorsUrl } from '../shared/word-vectors';
import type { AnswerRanking, Ranked } from '../shared/rank';
import type { AssistantWorkerApi } from '../worker/assistant.worker';
import { MODEL_VERSION, examplesHash, type Snapshot, type SnapshotMeta } from '../worker/core';
import { prebuiltModelFile } from '../worker/prebuilt-file';

export type { AnswerRanking, Ranked } from '../shared/rank';
export type { TrainingExample } from '../shared/knowledge';

/** A ready engine: its backend, how long training took, and where its weights came from. */
export interface TrainedEngine {
  backend: string;
  ms: number;
  /** Trained now, stored by an earlier training on this device, or shipped with the app. */
  source: 'trained' | 'stored' | 'shipped';
}

export interface AssistantEngine {
  train(
    examples: TrainingExample[],
    onProgress?: (p: { epoch: number; epochs: number }) => void,
  ): Promise<TrainedEngine>;
  /** Rejects with a WorkerCrashedError when the worker died: train again before ranking. */
  rank(text: string): Promise<AnswerRanking>;
  dispose(): void;
}

export const SNAPSHOT_NAME = 'assistant';

/** Where the weights are kept between starts (none: always train). */
export interface SnapshotStore {
  load(name: string): Promise<ModelSnapshot | undefined>;
  save(snapshot: Omit<ModelSnapshot, 'id' | 'createdAt'>): Promise<unknown>;
}

async function storedSnapshot(store: SnapshotStore | null, hash: string): Promise<Snapshot | null> {
  if (!store) return null;
  try {
    const row = await store.load(SNAPSHOT_NAME);
    const meta = row?.meta as Partial<SnapshotMeta>;
    if (!row || meta?.hash !== hash || meta.version !== MODEL_VERSION) return null;
    return { meta: meta as SnapshotMeta, weights: row.weights };
  } catch {
    return null; // storage unavailable (private mode): train instead
  }
}

const fileUrl = (file: string) => new URL(`${import.meta.env.BASE_URL}${file}`, location.href).href;

/** The file of the model shipped with the app, when these examples are the ones it learned. */
async function shippedModel(hash: string, downloaded?: Blob): Promise<Blob | null> {
  if (modelFile !== prebuiltModelFile(hash)) return null;
  if (downloaded) return downloaded;
  try {
    const response = await fetch(fileUrl(modelFile));
    return response.ok ? await response.blob() : null;
  } catch {
    return null; // offline and not cached: train instead
  }
}

/** Files just downloaded, by URL (offline-assets.svelte.ts). */
type Downloaded = ReadonlyMap<string, Blob>;

export interface EngineHooks {
  /** Makes sure the shipped model is cached; resolves with the files it downloaded now. */
  model?: () => Promise<Downloaded>;
  /** Makes sure the whole word-vector table is cached, likewise (after the model). */
  words?: () => Promise<Downloaded>;
  /** The table could not be read: its copy should not be kept (the next start fetches it anew). */
  unreadableWords?: () => void;
}

export function createAssistantEngine(
  snapshots: SnapshotStore | null,
  hooks: EngineHooks = {},
): AssistantEngine {
  const worker = new WorkerBridge<AssistantWorkerApi>(
    () => new Worker(new URL('../worker/assistant.worker.ts', import.meta.url), { type: 'module' }),
  );

  async function fit(
    examples: TrainingExample[],
    onProgress?: (p: { epoch: number; epochs: number }) => void,
  ): Promise<TrainedEngine> {
    const plain = examples.map(({ text, intent, lang }) => ({ text, intent, lang }));
    const hash = examplesHash(plain);
    void worker.call(async (api) => api.start()).catch(() => undefined); // loads while we wait
    const downloaded = (await hooks.model?.()) ?? new Map<string, Blob>();
    // The whole word-vector table follows, after the shipped model is in (the two would only
    // slow each other down); the worker waits for it only where it must, and is always told
    // when it is here (or cannot be had: then it reads the cache, or does without).
    let words: Promise<void> | undefined;
    const wordsFollow = () =>
      (words ??= (hooks.words?.() ?? Promise.resolve(new Map<string, Blob>()))
        .then(
          (got) => got.get(wordVectorsUrl(location.href, import.meta.env.BASE_URL)),
          () => undefined,
        )
        .then((table) => worker.call((api) => api.openVectors(table)))
        .then((readable) => {
          if (!readable) hooks.unreadableWords?.();
        })
        .catch(() => undefined)); // a crashed worker says so at the next call
    const stored = await storedSnapshot(snapshots, hash);
    if (stored) {
      void wordsFollow();
      if (await worker.call((api) => api.load(plain, stored)))
        return { backend: stored.meta.backend, ms: 0, source: 'stored' };
    }
    const shipped = await shippedModel(hash, downloaded.get(fileUrl(modelFile)));
    const backend = shipped && (await worker.call((api) => api.loadShipped(plain, shipped)));
    void wordsFollow();
    if (backend) return { backend, ms: 0, source: 'shipped' };
    const snapshot = await worker.call((api) =>
      api.train(
        plain,
        onProgress ? proxy((p: { epoch: number; epochs: number }) => onProgress(p)) : undefined,
      ),
    );
    await snapshots
      ?.save({
        name: SNAPSHOT_NAME,
        version: MODEL_VERSION,
        meta: { ...snapshot.meta },
        weights: snapshot.weights,
      })
      .catch(() => undefined); // a full disk only costs a retrain next time
    return { backend: snapshot.meta.backend, ms: snapshot.meta.ms, source: 'trained' };
  }

  return {
    train: fit,
    async rank(text): Promise<AnswerRanking> {
      const r = await worker.call((api) => api.rank(text));
      return { best: r.best.map((b: Ranked) => ({ ...b })), verdict: r.verdict };
    },
    dispose() {
      worker.terminate();
    },
  };
}
