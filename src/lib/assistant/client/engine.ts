/**
 * The assistant's engine for the UI: a worker that trains the intent model (TensorFlow.js on the
 * shared backend ladder) and ranks questions, used through the app's WorkerBridge. The worker
 * keeps its trained model in memory, so it is never shut down for idleness; `dispose` ends it.
 * Trained weights are kept through the `SnapshotStore` the caller passes in (the chat store
 * hands its database's), keyed by a hash of the training examples, so a restart with the same
 * knowledge base loads them instead of retraining.
 *
 * Which weights `train` uses, in order: the stored snapshot when it fits; else, for the built-in
 * FAQ, the model trained at build time and shipped with the app (worker/prebuilt.ts), so the
 * first answer never waits for training; else it trains (a shop's imported FAQ) and stores them.
 */
import { proxy } from 'comlink';
import type { ModelSnapshot } from '../../db';
import { WorkerBridge } from '../../workers/bridge';
import type { TrainingExample } from '../shared/knowledge';
import type { AnswerRanking, Ranked } from '../shared/rank';
import type { AssistantWorkerApi } from '../worker/assistant.worker';
import { MODEL_VERSION, examplesHash, type Snapshot, type SnapshotMeta } from '../worker/core';
import { builtInExamples, decodePrebuilt, prebuiltModelFile } from '../worker/prebuilt';

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

let builtInHash: string | undefined;

/** The model shipped with the app, when these examples are the built-in ones it was trained on. */
async function shippedSnapshot(hash: string): Promise<Snapshot | null> {
  builtInHash ??= examplesHash(builtInExamples());
  if (hash !== builtInHash) return null;
  try {
    const url = new URL(`${import.meta.env.BASE_URL}${prebuiltModelFile(hash)}`, location.href);
    const response = await fetch(url);
    return response.ok ? decodePrebuilt(await response.arrayBuffer()) : null;
  } catch {
    return null; // offline and not cached, or an unreadable file: train instead
  }
}

export function createAssistantEngine(snapshots: SnapshotStore | null): AssistantEngine {
  const worker = new WorkerBridge<AssistantWorkerApi>(
    () => new Worker(new URL('../worker/assistant.worker.ts', import.meta.url), { type: 'module' }),
  );

  return {
    async train(examples, onProgress) {
      const plain = examples.map(({ text, intent, lang }) => ({ text, intent, lang }));
      const hash = examplesHash(plain);
      const stored = await storedSnapshot(snapshots, hash);
      if (stored && (await worker.call((api) => api.load(plain, stored)))) {
        return { backend: stored.meta.backend, ms: 0, source: 'stored' };
      }
      const shipped = await shippedSnapshot(hash);
      if (shipped && (await worker.call((api) => api.load(plain, shipped)))) {
        return { backend: shipped.meta.backend, ms: 0, source: 'shipped' };
      }
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
    },
    async rank(text): Promise<AnswerRanking> {
      const r = await worker.call((api) => api.rank(text));
      return { best: r.best.map((b: Ranked) => ({ ...b })), verdict: r.verdict };
    },
    dispose() {
      worker.terminate();
    },
  };
}
