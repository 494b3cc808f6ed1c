/**
 * MediaPipe Tasks' FaceLandmarker on our own files: the ES-module wasm loader (usable in a module
 * worker and on the main thread) and the face_landmarker.task our build makes. CPU delegate: it
 * works in every worker, needs no WebGL context and meets the frame budget (see bench:tryon).
 * tasks-vision's usage logging is removed from its code at build time (src/build/).
 */
import { FaceLandmarker, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { detectInTiles } from './tiled';

export interface LandmarkerInit {
  mode: 'image' | 'video';
  numFaces: number;
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  modelUrl: string;
}

/** Faces as flat arrays: `count` faces, 478 x (x, y, z) points and 16 matrix numbers each. */
export interface PackedFaces {
  count: number;
  points: Float32Array;
  matrices: Float32Array;
}

export interface FaceLandmarkerCore {
  detect(image: TexImageSource, timestampMs?: number): PackedFaces;
  close(): void;
}

const POINTS = 478;

type WasmFactory = (module?: object) => Promise<unknown>;

/**
 * tasks-vision would load its wasm loader with a classic <script> (main thread) or import()
 * (module worker) and then clear the global factory it sets. Importing the ES-module loader here
 * works in both places and, keeping the module's export, lets a second landmarker start too.
 */
export async function loadWasmFactory(url: string): Promise<void> {
  const loader = (await import(/* @vite-ignore */ url)) as { default: WasmFactory };
  (globalThis as { ModuleFactory?: WasmFactory }).ModuleFactory = loader.default;
}

export async function openFaceLandmarker(init: LandmarkerInit): Promise<FaceLandmarkerCore> {
  const response = await fetch(init.modelUrl);
  if (!response.ok) throw new Error(`Face model unavailable (${response.status})`);
  const model = new Uint8Array(await response.arrayBuffer());
  await loadWasmFactory(init.wasmLoaderUrl);
  const landmarker = await FaceLandmarker.createFromOptions(
    // No loader path: the factory is already set, so tasks-vision does not inject a <script>.
    { wasmLoaderPath: '', wasmBinaryPath: init.wasmBinaryUrl },
    {
      baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
      runningMode: init.mode === 'video' ? 'VIDEO' : 'IMAGE',
      numFaces: init.numFaces,
      outputFacialTransformationMatrixes: true,
      outputFaceBlendshapes: false, // no blendshape model exists in the npm packages
    },
  );
  return {
    detect(image, timestampMs) {
      if (init.mode === 'video')
        return pack(landmarker.detectForVideo(image, timestampMs ?? performance.now()));
      const result = landmarker.detect(image);
      // Nothing in the whole photo: small faces (a group, a full-body shot) show up in tiles.
      if (result.faceLandmarks.length > 0) return pack(result);
      return pack(detectInTiles((tile) => landmarker.detect(tile), image, init.numFaces));
    },
    close() {
      landmarker.close();
    },
  };
}

export function pack(result: FaceLandmarkerResult): PackedFaces {
  const faces = result.faceLandmarks;
  const points = new Float32Array(faces.length * POINTS * 3);
  const matrices = new Float32Array(faces.length * 16);
  faces.forEach((landmarks, f) => {
    if (landmarks.length < POINTS) throw new Error(`Expected ${POINTS} landmarks`);
    for (let i = 0; i < POINTS; i++) {
      const p = landmarks[i]!;
      points.set([p.x, p.y, p.z], (f * POINTS + i) * 3);
    }
    const m = result.facialTransformationMatrixes?.[f]?.data;
    if (m && m.length === 16) matrices.set(m, f * 16);
  });
  return { count: faces.length, points, matrices };
}
