/**
 * The recommender's workers, each behind a WorkerBridge (typed calls, cancel by AbortSignal, a
 * crashed worker reported, idle shutdown). Vite bundles a worker only from a literal
 * `new Worker(new URL(..., import.meta.url), { type: 'module' })`, so each has its own line here.
 * None keeps state between calls: each shuts down when idle.
 */
import { WorkerBridge } from '../../workers/bridge';
import type { DatasetTrainerApi } from '../worker/dataset.worker';
import type { RatingsImportApi } from '../worker/import.worker';
import type { TrainerApi } from '../worker/train.worker';

/** Kept a little after a training, so a retrain soon after skips loading the engine again. */
const TRAINER_IDLE_MS = 15_000;

export const shopTrainer = new WorkerBridge<TrainerApi>(
  () => new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: TRAINER_IDLE_MS },
);

export const datasetTrainer = new WorkerBridge<DatasetTrainerApi>(
  () => new Worker(new URL('../worker/dataset.worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: TRAINER_IDLE_MS },
);

export const ratingsImporter = new WorkerBridge<RatingsImportApi>(
  () => new Worker(new URL('../worker/import.worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: 1_000 },
);
