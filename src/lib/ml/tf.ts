/**
 * TensorFlow.js for the whole app, lazy-loaded, on the best backend that works *correctly* here.
 *
 *   const { tf, backend, reports } = await pickBackend(selfCheck, { prefer: 'wasm' });
 *
 * `selfCheck(tf)` is the caller's own small computation (e.g. one training step of its model on
 * a tiny fixed input) returning numbers. It runs once on the 'cpu' backend as the reference,
 * then on each candidate of the ladder WebGPU → WebGL → WASM → CPU: a candidate must initialise,
 * give only finite numbers, and match the reference within `tolerance`, else the next is tried.
 * The chosen backend stays active (tfjs has one global backend per JS realm, so call this in the
 * worker that does the work). WebGPU and WebGL then run the check once more to compile their
 * shaders before any timing (warm-up).
 *
 * Known traps this module avoids or documents for callers (see the recommender's tfjs engine):
 * - tf.gather's gradient needs UnsortedSegmentSum: missing on WASM, buggy on WebGPU, one kernel
 *   per row on CPU. Use a tf.customGrad whose gradient is tf.scatterND (sums duplicates).
 * - tf.oneHot(..., 'float32') returns zeros on WASM: use int32 and cast.
 * - WebGL may report 16-bit float precision, making Adam's default epsilon 1e-4: pass 1e-7.
 * - Dispose everything (tf.tidy); check tf.memory().numTensors stays flat.
 *
 * The module only imports tfjs when called, so views that never use ML never download it.
 */
import type * as TfModule from '@tensorflow/tfjs';
import {
  BACKEND_LADDER,
  climbLadder,
  compareCheck,
  ladderOrder,
  type BackendName,
  type ProbeReport,
} from './shared/ladder';

export { BACKEND_LADDER, type BackendName, type ProbeReport } from './shared/ladder';

export type Tf = typeof TfModule;

/** The caller's numeric self-check: a few numbers computed with tfjs on the active backend. */
export type SelfCheck = (tf: Tf) => Promise<ArrayLike<number>> | ArrayLike<number>;

export interface PickOptions {
  /** Try this backend first (a forced choice), then those below it, then those above (ladderOrder). */
  prefer?: BackendName;
  /** Only these backends, in this order (default: the whole ladder). */
  order?: readonly BackendName[];
  /** Largest relative difference from the CPU reference accepted (default 1e-3). */
  tolerance?: number;
}

export interface PickedBackend {
  tf: Tf;
  backend: BackendName;
  /** True when the GPU is a software one (SwiftShader / a fallback WebGPU adapter). */
  software: boolean;
  /** Every backend tried, in order, with why it was rejected. */
  reports: ProbeReport[];
}

export class NoBackendError extends Error {
  override name = 'NoBackendError';
  constructor(readonly reports: ProbeReport[]) {
    super(
      'No TensorFlow.js backend passed its self-check: ' +
        reports.map((r) => `${r.backend} ${r.reason ?? ''} ${r.detail ?? ''}`).join('; '),
    );
  }
}

let tfPromise: Promise<Tf> | null = null;

/** The tfjs module (core, layers, CPU and WebGL backends), loaded once. */
export function loadTf(): Promise<Tf> {
  return (tfPromise ??= import('@tensorflow/tfjs'));
}

const isNode = () => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

let wasmRegistered: Promise<void> | null = null;
let webgpuRegistered: Promise<void> | null = null;

/** Registers the extra backend packages on first use (they are separate, sizeable chunks). */
async function register(backend: BackendName): Promise<void> {
  if (backend === 'wasm') {
    wasmRegistered ??= (async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (!isNode()) wasm.setWasmPaths((await import('./wasm-paths')).WASM_PATHS);
    })();
    await wasmRegistered;
  } else if (backend === 'webgpu') {
    webgpuRegistered ??= import('@tensorflow/tfjs-backend-webgpu').then(() => undefined);
    await webgpuRegistered;
  }
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    vendor?: string;
    architecture?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
}

/** Null when there is no WebGPU adapter at all; else whether it is a software one. */
async function webgpuAdapter(): Promise<{ software: boolean } | null> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)
    ?.gpu;
  if (!gpu) return null;
  const adapter = (await gpu.requestAdapter().catch(() => null)) as GpuAdapterLike | null;
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const text = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`;
  return {
    software:
      adapter.isFallbackAdapter === true ||
      info.isFallbackAdapter === true ||
      /swiftshader|llvmpipe|software/i.test(text),
  };
}

function webglIsSoftware(tf: Tf): boolean {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
    const gl = backend.gpgpu?.gl;
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    return /swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

async function activate(tf: Tf, backend: BackendName): Promise<boolean> {
  await register(backend);
  if (!tf.findBackendFactory(backend)) return false;
  const ok = await tf.setBackend(backend);
  await tf.ready();
  return ok && tf.getBackend() === backend;
}

const references = new WeakMap<SelfCheck, Promise<Float64Array>>();

/** The check's output on the CPU backend, computed once per check function. */
function cpuReference(tf: Tf, selfCheck: SelfCheck): Promise<Float64Array> {
  let ref = references.get(selfCheck);
  if (!ref) {
    ref = (async () => {
      if (!(await activate(tf, 'cpu'))) throw new Error('the tfjs CPU backend did not start');
      return Float64Array.from(await selfCheck(tf));
    })();
    references.set(selfCheck, ref);
  }
  return ref;
}

/**
 * Picks the first backend of the ladder (or `options.order`, `prefer` first) that initialises and
 * passes `selfCheck`, leaves it active and returns it. Throws NoBackendError when none passes.
 */
export async function pickBackend(
  selfCheck: SelfCheck,
  options: PickOptions = {},
): Promise<PickedBackend> {
  const tf = await loadTf();
  const tolerance = options.tolerance ?? 1e-3;
  let reference: Float64Array;
  try {
    reference = await cpuReference(tf, selfCheck);
  } catch (e) {
    references.delete(selfCheck);
    throw new NoBackendError([
      { backend: 'cpu', ok: false, reason: 'check-threw', detail: String(e), ms: 0 },
    ]);
  }
  const software = new Map<BackendName, boolean>();
  const order = ladderOrder(options.prefer, options.order ?? BACKEND_LADDER);
  const { backend, reports } = await climbLadder(order, async (name) => {
    if (name === 'webgpu') {
      const adapter = await webgpuAdapter();
      if (!adapter) return { ok: false, reason: 'unavailable', detail: 'no WebGPU adapter' };
      software.set(name, adapter.software);
    }
    if (name === 'webgl' && isNode()) {
      return { ok: false, reason: 'unavailable', detail: 'no WebGL in Node' };
    }
    if (!(await activate(tf, name))) return { ok: false, reason: 'init-failed' };
    if (name === 'webgl') software.set(name, webglIsSoftware(tf));
    let out: ArrayLike<number>;
    try {
      out = await selfCheck(tf);
    } catch (e) {
      return { ok: false, reason: 'check-threw', detail: String(e) };
    }
    const bad = compareCheck(out, reference, tolerance);
    if (bad) return { ok: false, ...bad, software: software.get(name) ?? false };
    // Shader compilation happens on first use: run the check once more so later timings and
    // the first real step are warm.
    if (name === 'webgpu' || name === 'webgl') await selfCheck(tf);
    return { ok: true, software: software.get(name) ?? false };
  });
  if (!backend) throw new NoBackendError(reports);
  return { tf, backend, software: software.get(backend) ?? false, reports };
}
