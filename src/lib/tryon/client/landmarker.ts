/**
 * The face landmarker the Try on view uses: MediaPipe Tasks' FaceLandmarker with models built
 * from pinned npm packages and served from our own origin (see src/build/mediapipe.ts).
 *
 * Landmarking runs in a Web Worker (through WorkerBridge): each frame is copied into an ImageBitmap
 * and transferred, and the 478 points come back as one transferred Float32Array. If a module
 * worker cannot start (very old browsers), it falls back to the main thread with the same code.
 * A worker that dies later (out of memory) makes every detect() reject with a
 * WorkerCrashedError, so that the view can say so instead of waiting forever.
 *
 * This module itself is small: MediaPipe's code, wasm (13 MB) and model (5 MB) are loaded and
 * run only when createLandmarker() is called (the service worker precaches the files, so that
 * try-on also works offline).
 *   const landmarker = await createLandmarker('video');            // once per camera session
 *   const [face] = await landmarker.detect(videoElement);            // per frame; [] = no face
 *   const { hair, light } = await landmarker.analyse(video, face, { hair: true, light: true });
 *   await landmarker.close();                                        // view left / tab hidden
 */
import { transfer } from 'comlink';
import { WorkerBridge, WorkerCrashedError } from '../../workers/bridge';
import type { LandmarkerWorkerApi } from '../worker/landmarker.worker';
import type { FaceLandmarkerCore, LandmarkerInit, PackedFaces } from '../worker/face-landmarker';
import type { AnalyseWant, FrameAnalysis, FrameAnalyser } from '../worker/analyse';
import { MEDIAPIPE_FILES, mediapipeUrl } from '../worker/assets';

export interface FaceFrame {
  /** 478 points, x and y normalised to the frame (0..1), z in the same scale as x. */
  landmarks: { x: number; y: number; z: number }[];
  /** 4x4 facial transformation matrix, column-major (16 numbers), from the canonical face. */
  matrix: number[];
  /** Not produced: the npm packages ship no blendshape model. Kept for API stability. */
  blendshapes?: Record<string, number>;
}

export type LandmarkerSource =
  ImageBitmap | HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas;

export interface Landmarker {
  /** Faces in the frame, best first. In video mode timestamps must grow; they default to now. */
  detect(source: LandmarkerSource, timestampMs?: number): Promise<FaceFrame[]>;
  /**
   * For one face of `source` (as detect() found it there): its hair mask (shared/hair.ts; the
   * segmenter opens on the first hair request) and the light on it (shared/light.ts).
   */
  analyse(source: LandmarkerSource, face: FaceFrame, want: AnalyseWant): Promise<FrameAnalysis>;
  close(): Promise<void>;
}

export type { AnalyseWant, FrameAnalysis };

export interface LandmarkerOptions {
  numFaces?: number;
  /** Where to run: 'worker' (default) or 'main' (for measurements and as the fallback). */
  thread?: 'worker' | 'main';
}

export const LANDMARK_COUNT = 478;

const spawnLandmarkerWorker = () =>
  new Worker(new URL('../worker/landmarker.worker.ts', import.meta.url), { type: 'module' });

export async function createLandmarker(
  mode: 'image' | 'video',
  options: LandmarkerOptions = {},
): Promise<Landmarker> {
  const init: LandmarkerInit = {
    mode,
    numFaces: options.numFaces ?? 1,
    wasmLoaderUrl: mediapipeUrl('wasmLoader', location.href, import.meta.env.BASE_URL),
    wasmBinaryUrl: mediapipeUrl('wasmBinary', location.href, import.meta.env.BASE_URL),
    modelUrl: mediapipeUrl('faceLandmarker', location.href, import.meta.env.BASE_URL),
  };
  if (options.thread !== 'main' && typeof Worker !== 'undefined') {
    try {
      return await inWorker(init);
    } catch (error) {
      console.warn('Face landmarker worker unavailable, using the main thread:', error);
    }
  }
  return onMainThread(init);
}

/** Frames with no pixels yet (a video before its first frame) have no faces. */
function hasPixels(source: LandmarkerSource): boolean {
  if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement)
    return source.readyState >= 2 && source.videoWidth > 0;
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement)
    return source.complete && source.naturalWidth > 0;
  return source.width > 0 && source.height > 0;
}

/** Makes timestamps strictly increasing, as the video graph requires. */
function clock(mode: 'image' | 'video') {
  let last = -1;
  return (timestampMs?: number): number | undefined => {
    if (mode === 'image') return undefined;
    last = Math.max(Math.round(timestampMs ?? performance.now()), last + 1);
    return last;
  };
}

function inWorker(init: LandmarkerInit): Promise<Landmarker> {
  return landmarkerOn(new WorkerBridge<LandmarkerWorkerApi>(spawnLandmarkerWorker), init);
}

/**
 * A landmarker served by the worker behind `bridge` (exported for tests). The worker keeps the
 * open graph, so it has no idle shutdown: close() ends it.
 */
export async function landmarkerOn(
  bridge: WorkerBridge<LandmarkerWorkerApi>,
  init: LandmarkerInit,
): Promise<Landmarker> {
  try {
    await bridge.call((api) => api.init(init));
  } catch (error) {
    bridge.terminate();
    throw error;
  }
  const nextTime = clock(init.mode);
  let closed = false;
  let crashed: WorkerCrashedError | null = null;
  return {
    async detect(source, timestampMs) {
      if (closed) throw new Error('The landmarker is closed.');
      // Only close() terminates this worker: one that is gone has died, and a new one would not
      // have the graph open.
      if (!bridge.running)
        crashed ??= new WorkerCrashedError('The face landmarker worker stopped.');
      if (crashed) throw crashed;
      if (!hasPixels(source)) return [];
      const ts = nextTime(timestampMs);
      const bitmap = await createImageBitmap(source);
      try {
        return unpack(await bridge.call((api) => api.detect(transfer(bitmap, [bitmap]), ts)));
      } catch (error) {
        if (error instanceof WorkerCrashedError) crashed = error;
        throw error;
      }
    },
    async analyse(source, face, want) {
      if (closed) throw new Error('The landmarker is closed.');
      if (!bridge.running)
        crashed ??= new WorkerCrashedError('The face landmarker worker stopped.');
      if (crashed) throw crashed;
      if (!hasPixels(source)) return { ms: { segment: 0, hair: 0, light: 0, total: 0 } };
      const bitmap = await createImageBitmap(source);
      const points = packLandmarks(face);
      try {
        return await bridge.call((api) =>
          api.analyse(transfer(bitmap, [bitmap]), transfer(points, [points.buffer]), want),
        );
      } catch (error) {
        if (error instanceof WorkerCrashedError) crashed = error;
        throw error;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A dead worker cannot close its graph; it is terminated either way.
      if (bridge.running) await bridge.call((api) => api.close()).catch(() => undefined);
      bridge.terminate();
    },
  };
}

async function onMainThread(init: LandmarkerInit): Promise<Landmarker> {
  const [{ openFaceLandmarker }, { createFrameAnalyser }] = await Promise.all([
    import('../worker/face-landmarker'),
    import('../worker/analyse'),
  ]);
  const core: FaceLandmarkerCore = await openFaceLandmarker(init);
  const analyser: FrameAnalyser = createFrameAnalyser({
    wasmLoaderUrl: init.wasmLoaderUrl,
    wasmBinaryUrl: init.wasmBinaryUrl,
    modelUrl: new URL(MEDIAPIPE_FILES.selfieSegmenter, init.modelUrl).href,
  });
  const nextTime = clock(init.mode);
  let closed = false;
  return {
    async detect(source, timestampMs) {
      if (closed) throw new Error('The landmarker is closed.');
      if (!hasPixels(source)) return [];
      return unpack(core.detect(source, nextTime(timestampMs)));
    },
    async analyse(source, face, want) {
      if (closed) throw new Error('The landmarker is closed.');
      if (!hasPixels(source)) return { ms: { segment: 0, hair: 0, light: 0, total: 0 } };
      const bitmap = await createImageBitmap(source);
      try {
        return await analyser.analyse(bitmap, packLandmarks(face), want);
      } finally {
        bitmap.close();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      core.close();
      analyser.close();
    },
  };
}

/** One face's landmarks as the worker takes them: 478 x (x, y, z), normalised. */
export function packLandmarks(face: FaceFrame): Float32Array {
  const out = new Float32Array(LANDMARK_COUNT * 3);
  face.landmarks.forEach((p, i) => out.set([p.x, p.y, p.z], 3 * i));
  return out;
}

/** Packed floats (cheap to transfer) to the FaceFrame objects the renderers use. */
export function unpack(packed: PackedFaces): FaceFrame[] {
  const frames: FaceFrame[] = [];
  for (let f = 0; f < packed.count; f++) {
    const landmarks: FaceFrame['landmarks'] = new Array(LANDMARK_COUNT);
    const base = f * LANDMARK_COUNT * 3;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const k = base + 3 * i;
      landmarks[i] = { x: packed.points[k]!, y: packed.points[k + 1]!, z: packed.points[k + 2]! };
    }
    frames.push({ landmarks, matrix: Array.from(packed.matrices.subarray(16 * f, 16 * f + 16)) });
  }
  return frames;
}
