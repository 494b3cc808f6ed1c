/**
 * The backend ladder's pure logic: which backend to try next, and whether a self-check's numbers
 * are good enough. No tfjs import, so it is unit-tested in Node with fakes.
 */

/** TensorFlow.js backends, fastest first on a device with a real GPU. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKEND_LADDER: readonly BackendName[] = Object.freeze([
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
]);

/** What happened when one backend was tried. */
export interface ProbeReport {
  backend: BackendName;
  ok: boolean;
  /** Why it was rejected: 'unavailable', 'init-failed', 'non-finite', 'mismatch', 'check-threw'. */
  reason?: string;
  /** Details for the console / the report (error text, worst difference). */
  detail?: string;
  /** A software GPU (SwiftShader, a WebGPU fallback adapter): works, but no faster than the CPU. */
  software?: boolean;
  /** Initialisation plus self-check, milliseconds. */
  ms: number;
}

/**
 * The order to try: `prefer` first, then the backends below it on `order` (default: the ladder),
 * then those above it. A forced WASM that fails falls to CPU before any GPU is tried.
 */
export function ladderOrder(
  prefer?: BackendName,
  order: readonly BackendName[] = BACKEND_LADDER,
): BackendName[] {
  const at = prefer ? order.indexOf(prefer) : -1;
  if (!prefer) return [...order];
  if (at < 0) return [prefer, ...order];
  return [prefer, ...order.slice(at + 1), ...order.slice(0, at)];
}

/**
 * Compares a candidate backend's self-check output with the CPU reference: every value finite,
 * and |a − b| ≤ tol · max(1, |b|) element-wise. Returns null when it passes, else the reason.
 */
export function compareCheck(
  candidate: ArrayLike<number>,
  reference: ArrayLike<number> | null,
  tolerance: number,
): { reason: string; detail: string } | null {
  for (let k = 0; k < candidate.length; k++) {
    if (!Number.isFinite(candidate[k]!)) {
      return { reason: 'non-finite', detail: `value ${k} is ${candidate[k]}` };
    }
  }
  if (!reference) return null;
  if (candidate.length !== reference.length) {
    return {
      reason: 'mismatch',
      detail: `${candidate.length} values, expected ${reference.length}`,
    };
  }
  let worst = 0;
  let at = -1;
  for (let k = 0; k < candidate.length; k++) {
    const diff = Math.abs(candidate[k]! - reference[k]!) / Math.max(1, Math.abs(reference[k]!));
    if (diff > worst) {
      worst = diff;
      at = k;
    }
  }
  if (worst > tolerance) {
    return {
      reason: 'mismatch',
      detail: `value ${at}: ${candidate[at]} vs CPU ${reference[at]} (rel. diff ${worst.toExponential(2)})`,
    };
  }
  return null;
}

/**
 * Walks the order and returns the first backend whose attempt passes, with a report of every
 * one tried; null when none passed. `attempt` does the backend-specific work (init + check).
 */
export async function climbLadder(
  order: readonly BackendName[],
  attempt: (backend: BackendName) => Promise<Omit<ProbeReport, 'backend' | 'ms'>>,
): Promise<{ backend: BackendName | null; reports: ProbeReport[] }> {
  const reports: ProbeReport[] = [];
  for (const backend of order) {
    const t0 = performance.now();
    let result: Omit<ProbeReport, 'backend' | 'ms'>;
    try {
      result = await attempt(backend);
    } catch (e) {
      result = { ok: false, reason: 'init-failed', detail: String(e) };
    }
    reports.push({ backend, ...result, ms: Math.round(performance.now() - t0) });
    if (result.ok) return { backend, reports };
  }
  return { backend: null, reports };
}
