/**
 * Vite plugin: the MediaPipe files try-on needs, made at build time from pinned npm packages and
 * served from our own origin under /mediapipe/ (never committed, never fetched from elsewhere):
 * tasks-vision's wasm runtime, face_landmarker.task and selfie_segmenter.tflite (face-models.ts).
 * `vite build` writes them into the output; `vite dev` serves them from memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { MEDIAPIPE_DIR, MEDIAPIPE_FILES } from '../lib/tryon/worker/assets.ts';
import { faceLandmarkerTask, selfieSegmenterModel } from './face-models.ts';
import { ownOriginAssets } from './own-origin-assets.ts';
import { TASKS_VISION_VERSION, tasksVisionPrivacy } from './tasks-vision-privacy.ts';

const require = createRequire(import.meta.url);

function tasksVisionFile(name: string): Uint8Array {
  const dir = dirname(require.resolve('@mediapipe/tasks-vision'));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  if (pkg.version !== TASKS_VISION_VERSION)
    throw new Error(`@mediapipe/tasks-vision is ${pkg.version}; expected ${TASKS_VISION_VERSION}`);
  return new Uint8Array(readFileSync(join(dir, 'wasm', name)));
}

/** Every file under /mediapipe/, by name. Made once per process (reading them takes a moment). */
let cache: Map<string, Uint8Array> | undefined;
export function mediapipeAssets(): Map<string, Uint8Array> {
  cache ??= new Map([
    [MEDIAPIPE_FILES.wasmLoader, tasksVisionFile(MEDIAPIPE_FILES.wasmLoader)],
    [MEDIAPIPE_FILES.wasmBinary, tasksVisionFile(MEDIAPIPE_FILES.wasmBinary)],
    [MEDIAPIPE_FILES.faceLandmarker, faceLandmarkerTask()],
    [MEDIAPIPE_FILES.selfieSegmenter, selfieSegmenterModel()],
  ]);
  return cache;
}

function assetsPlugin(): Plugin {
  const prefix = `${MEDIAPIPE_DIR}/`;
  return ownOriginAssets(
    'private-aisle:mediapipe-assets',
    Object.values(MEDIAPIPE_FILES).map((name) => prefix + name),
    (path) => mediapipeAssets().get(path.slice(prefix.length))!,
  );
}

/** The plugins for the app build. Workers need tasksVisionPrivacy() too (vite.config.ts). */
export function mediapipe(): Plugin[] {
  return [assetsPlugin(), tasksVisionPrivacy()];
}

export { tasksVisionPrivacy };
