/**
 * The browser side of `npm run eval:recs -- --engine …`: trains with the app's own engine
 * runner (worker/engine-runner.ts: the JS engine, or tfjs on the backend ladder with its
 * self-check) in headless Chromium, and hands the serialised model back to Node. Built by
 * tests/eval/recs-chromium.ts into tests/.output, never part of the app's build.
 */
import { serialiseModel, type HybridConfig } from '../../src/lib/recommender/shared/model';
import type { EngineId } from '../../src/lib/recommender/shared/engines';
import type { ItemFeatures, RatingData } from '../../src/lib/recommender/shared/types';
import { trainWithEngine } from '../../src/lib/recommender/worker/engine-runner';

/** Typed arrays travel as base64 of their bytes (page.evaluate speaks JSON). */
export interface WireArrays {
  [name: string]: string;
}

export interface EvalTrainRequest {
  engine: EngineId;
  numUsers: number;
  numItems: number;
  arrays: WireArrays; // users, items, ratings, (weights), itemOffsets, featureIds
  numFeatures: number;
  config: Partial<HybridConfig>;
}

export interface EvalTrainResult {
  engine: EngineId;
  ms: number;
  meta: unknown;
  weights: string;
  reports: unknown[];
  epochs: { epoch: number; loss: number; ms: number }[];
}

function bytes(b64: string): ArrayBuffer {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out.buffer;
}

function base64(buffer: ArrayBuffer): string {
  const u8 = new Uint8Array(buffer);
  let s = '';
  for (let k = 0; k < u8.length; k += 0x8000) {
    s += String.fromCharCode(...u8.subarray(k, k + 0x8000));
  }
  return btoa(s);
}

async function evalTrain(req: EvalTrainRequest): Promise<EvalTrainResult> {
  const a = req.arrays;
  const train: RatingData = {
    numUsers: req.numUsers,
    numItems: req.numItems,
    n: bytes(a.users!).byteLength / 4,
    users: new Uint32Array(bytes(a.users!)),
    items: new Uint32Array(bytes(a.items!)),
    ratings: new Float32Array(bytes(a.ratings!)),
  };
  const features: ItemFeatures | undefined = a.itemOffsets
    ? {
        numFeatures: req.numFeatures,
        itemOffsets: new Uint32Array(bytes(a.itemOffsets)),
        featureIds: new Uint32Array(bytes(a.featureIds!)),
        featureNames: [],
      }
    : undefined;
  const epochs: EvalTrainResult['epochs'] = [];
  const t0 = performance.now();
  const run = await trainWithEngine(req.engine, train, features, req.config, {
    onEpoch: (e) => epochs.push({ epoch: e.epoch, loss: e.loss, ms: e.ms }),
  });
  const ms = performance.now() - t0;
  const { meta, buffer } = serialiseModel(run.predictor.model);
  return { engine: run.engine, ms, meta, weights: base64(buffer), reports: run.reports, epochs };
}

(globalThis as unknown as { evalTrain: typeof evalTrain }).evalTrain = evalTrain;
document.getElementById('status')!.textContent = 'ready';
