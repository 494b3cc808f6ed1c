/**
 * The assistant's engine for the UI: a worker that trains the intent model (TensorFlow.js on the
 * shared backend ladder) and ranks questions. Trained weights are stored in IndexedDB
 * (db.modelSnapshots), keyed by a hash of the training examples, so a restart with the same
 * knowledge base loads them instead of retraining.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { loadSnapshot, saveSnapshot, type AisleDB } from '../../db';
import type { TrainingExample } from '../shared/knowledge';
import type { AnswerRanking, Ranked } from '../shared/rank';
import type { AssistantWorkerApi } from '../worker/assistant.worker';
import { MODEL_VERSION, examplesHash, type Snapshot, type SnapshotMeta } from '../worker/core';

export type { AnswerRanking, Ranked } from '../shared/rank';
export type { TrainingExample } from '../shared/knowledge';

export interface AssistantEngine {
  train(
    examples: TrainingExample[],
    onProgress?: (p: { epoch: number; epochs: number }) => void,
  ): Promise<{ backend: string; ms: number }>;
  rank(text: string): Promise<AnswerRanking>;
  dispose(): void;
}

export const SNAPSHOT_NAME = 'assistant';

export interface EngineOptions {
  /** Where snapshots live; by default the app session's database (none: always train). */
  db?: AisleDB | null;
}

async function sessionDb(): Promise<AisleDB | null> {
  try {
    return (await import('../../shell/session.svelte')).session.db ?? null;
  } catch {
    return null;
  }
}

async function storedSnapshot(db: AisleDB | null, hash: string): Promise<Snapshot | null> {
  if (!db) return null;
  try {
    const row = await loadSnapshot(db, SNAPSHOT_NAME);
    const meta = row?.meta as Partial<SnapshotMeta>;
    if (!row || meta?.hash !== hash || meta.version !== MODEL_VERSION) return null;
    return { meta: meta as SnapshotMeta, weights: row.weights };
  } catch {
    return null; // storage unavailable (private mode): train instead
  }
}

export function createAssistantEngine(options: EngineOptions = {}): AssistantEngine {
  let worker: Worker | null = new Worker(
    new URL('../worker/assistant.worker.ts', import.meta.url),
    { type: 'module' },
  );
  const remote: Remote<AssistantWorkerApi> = wrap<AssistantWorkerApi>(worker);
  const dbPromise = options.db !== undefined ? Promise.resolve(options.db) : sessionDb();

  return {
    async train(examples, onProgress) {
      const plain = examples.map(({ text, intent, lang }) => ({ text, intent, lang }));
      const hash = examplesHash(plain);
      const db = await dbPromise;
      const stored = await storedSnapshot(db, hash);
      if (stored && (await remote.load(plain, stored))) {
        return { backend: `${stored.meta.backend} (stored)`, ms: 0 };
      }
      const snapshot = await remote.train(
        plain,
        onProgress ? proxy((p: { epoch: number; epochs: number }) => onProgress(p)) : undefined,
      );
      if (db) {
        await saveSnapshot(db, {
          name: SNAPSHOT_NAME,
          version: MODEL_VERSION,
          meta: { ...snapshot.meta },
          weights: snapshot.weights,
        }).catch(() => undefined); // a full disk only costs a retrain next time
      }
      return { backend: snapshot.meta.backend, ms: snapshot.meta.ms };
    },
    async rank(text): Promise<AnswerRanking> {
      const r = await remote.rank(text);
      return { best: r.best.map((b: Ranked) => ({ ...b })), verdict: r.verdict };
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
