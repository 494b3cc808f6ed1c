/**
 * The recommender's training engines, as the app names, stores and shows them: the plain
 * typed-array trainer ('js') and the TensorFlow.js trainer on one of its backends.
 */
import type { BackendName, ProbeReport } from '../../ml/shared/ladder';

export type EngineId = 'js' | BackendName;
/** The user's setting: 'auto' = the calibrated fastest, else a forced engine. */
export type EngineSetting = 'auto' | EngineId;

export const ENGINE_IDS: readonly EngineId[] = ['js', 'webgpu', 'webgl', 'wasm', 'cpu'];
export const ENGINE_SETTINGS: readonly EngineSetting[] = ['auto', ...ENGINE_IDS];

/** Settings-table keys: the forced engine, and the calibration of this device. */
export const ENGINE_SETTING_KEY = 'recommender.engine';
export const CALIBRATION_KEY = 'recommender.calibration';

const LABELS: Record<EngineId, string> = {
  js: 'JS',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU (tfjs)',
};

export const engineLabel = (engine: EngineId): string => LABELS[engine];

export const isEngineId = (v: unknown): v is EngineId =>
  typeof v === 'string' && (ENGINE_IDS as readonly string[]).includes(v);
export const isEngineSetting = (v: unknown): v is EngineSetting => v === 'auto' || isEngineId(v);

/** One engine's short timed run during calibration. */
export interface EngineTiming {
  engine: EngineId;
  /** Estimated time of a full training on this data, ms; null when the engine is unusable. */
  estimateMs: number | null;
  /** Why it was not timed or not eligible (failed self-check, software GPU). */
  note?: string;
}

/** The outcome of calibration, kept in the settings table. */
export interface Calibration {
  engine: EngineId;
  at: number;
  timings: EngineTiming[];
}

export function isCalibration(v: unknown): v is Calibration {
  const c = v as Partial<Calibration> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    isEngineId(c.engine) &&
    typeof c.at === 'number' &&
    Array.isArray(c.timings)
  );
}

/** The fastest timed engine; JS when nothing else was usable. */
export function fastestEngine(timings: readonly EngineTiming[]): EngineId {
  let best: EngineTiming | null = null;
  for (const t of timings) {
    if (t.estimateMs === null) continue;
    if (!best || t.estimateMs < best.estimateMs!) best = t;
  }
  return best?.engine ?? 'js';
}

/** Which engine actually trained, and the ladder's reports when tfjs was asked for. */
export interface EngineOutcome {
  engine: EngineId;
  reports: ProbeReport[];
}
