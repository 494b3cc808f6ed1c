/**
 * Runs one training with a chosen engine, inside a worker (or the eval page): the JS engine,
 * or the tfjs engine on the backend ladder (a forced backend is tried first; one that fails its
 * self-check falls to the next, and with no tfjs backend at all the JS engine trains). Also the
 * calibration: a short timed run of every usable engine on the data to be trained.
 */
import { pickBackend, type BackendName, type ProbeReport } from '../../ml/tf';
import {
  fastestEngine,
  type Calibration,
  type EngineId,
  type EngineTiming,
} from '../shared/engines';
import { trainHybrid, type HybridPredictor, type TrainHooks } from '../shared/js-engine';
import { resolveConfig } from '../shared/js-engine';
import type { HybridConfig } from '../shared/model';
import {
  TFJS_TUNING,
  TF_DEFAULTS,
  recommenderSelfCheck,
  trainHybridTf,
  type TfTrainOptions,
} from '../shared/tfjs-engine';
import type { ItemFeatures, RatingData } from '../shared/types';

export interface EngineRun {
  predictor: HybridPredictor;
  engine: EngineId;
  reports: ProbeReport[];
}

export async function trainWithEngine(
  engine: EngineId,
  train: RatingData,
  features: ItemFeatures | undefined,
  config: Partial<HybridConfig>,
  hooks: TrainHooks,
  tfOptions: TfTrainOptions = {},
): Promise<EngineRun> {
  if (engine === 'js') {
    return { predictor: trainHybrid(train, features, config, hooks), engine, reports: [] };
  }
  let picked;
  try {
    picked = await pickBackend(recommenderSelfCheck, { prefer: engine });
  } catch (e) {
    // No tfjs backend works here: the JS engine trains the same model.
    const reports = (e as { reports?: ProbeReport[] }).reports ?? [];
    return { predictor: trainHybrid(train, features, config, hooks), engine: 'js', reports };
  }
  const predictor = await trainHybridTf(picked.tf, train, features, config, hooks, tfOptions);
  return { predictor, engine: picked.backend, reports: picked.reports };
}

const now = () => performance.now();

/**
 * Times each engine briefly on this data and estimates a full training: JS one epoch (times
 * the configured epochs), each tfjs backend that passes its self-check two Adam steps after a
 * warm-up step (times the steps of a full run). A software GPU (SwiftShader, a fallback
 * adapter) is listed but not eligible: it is the CPU in disguise, and much slower.
 */
export async function calibrate(
  train: RatingData,
  features: ItemFeatures | undefined,
  config: Partial<HybridConfig>,
  backends: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'],
): Promise<Calibration> {
  const timings: EngineTiming[] = [];
  const jsCfg = resolveConfig(config, train.n);
  let t0 = now();
  trainHybrid(train, features, { ...config, epochs: 1, rankIterations: 0 });
  timings.push({ engine: 'js', estimateMs: (now() - t0) * Math.max(1, jsCfg.epochs) });

  const tfCfg = resolveConfig({ ...TFJS_TUNING, ...config });
  const batch = TF_DEFAULTS.batchSize;
  const stepsPerEpoch = Math.max(1, Math.ceil(train.n / batch));
  const short = { ...config, epochs: 1, rankIterations: 0 };
  for (const backend of backends) {
    try {
      const picked = await pickBackend(recommenderSelfCheck, { order: [backend] });
      if (picked.software) {
        timings.push({ engine: backend, estimateMs: null, note: 'software GPU' });
        continue;
      }
      const opts = { batchSize: batch, skipRanking: true };
      await trainHybridTf(picked.tf, train, features, short, {}, { ...opts, maxSteps: 1 });
      const steps = Math.min(2, stepsPerEpoch);
      t0 = now();
      await trainHybridTf(picked.tf, train, features, short, {}, { ...opts, maxSteps: steps });
      const perStep = (now() - t0) / steps;
      timings.push({ engine: backend, estimateMs: perStep * stepsPerEpoch * tfCfg.epochs });
    } catch (e) {
      timings.push({ engine: backend, estimateMs: null, note: String(e).slice(0, 200) });
    }
  }
  return { engine: fastestEngine(timings), at: Date.now(), timings };
}
