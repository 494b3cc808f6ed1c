/**
 * Where the MediaPipe runtime and models are served from: the app's own origin, under one folder.
 * The build step (src/build/mediapipe.ts) writes exactly these files; the landmarker loads them.
 * Pure constants, shared by the build (Node) and the worker (browser).
 */
export const MEDIAPIPE_DIR = 'mediapipe';

export const MEDIAPIPE_FILES = {
  /** tasks-vision's ES-module wasm loader (works in a module worker and on the main thread). */
  wasmLoader: 'vision_wasm_module_internal.js',
  wasmBinary: 'vision_wasm_module_internal.wasm',
  /** Face detector + 478-point attention landmark model + geometry pipeline, as a Tasks bundle. */
  faceLandmarker: 'face_landmarker.task',
  /** Selfie segmentation (256x256, float input) with TFLite metadata, for the ImageSegmenter. */
  selfieSegmenter: 'selfie_segmenter.tflite',
} as const;

export type MediapipeFile = keyof typeof MEDIAPIPE_FILES;

/** Absolute URL of a MediaPipe file for a page or worker at `base` (e.g. `location.href`). */
export function mediapipeUrl(file: MediapipeFile, base: string, baseUrl = '/'): string {
  return new URL(`${baseUrl}${MEDIAPIPE_DIR}/${MEDIAPIPE_FILES[file]}`, base).href;
}
