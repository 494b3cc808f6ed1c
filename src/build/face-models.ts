/**
 * Makes MediaPipe Tasks models from the legacy @mediapipe/* npm packages (pinned versions):
 *  - face_landmarker.task: short-range face detector + the attention face-landmark model merged
 *    into the single [1,1,1,1434] output (478 points x, y, z) the Tasks FaceLandmarker decodes,
 *    + the face geometry pipeline metadata (for the facial transformation matrix);
 *  - selfie_segmenter.tflite: the selfie segmentation model with metadata.
 * The legacy models lack TFLite metadata (Tasks need it for pixel normalisation), and the attention
 * model has seven outputs (mesh, lips, eyes, irises, face flag) where Tasks expect two.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { inspectModel } from './tflite/reader.ts';
import {
  addMetadataToModel,
  buildModelMetadata,
  SIGNED_RANGE,
  UNIT_RANGE,
  type ImageInputSpec,
} from './tflite/metadata.ts';
import {
  axisOptions,
  editModel,
  noOptions,
  OP,
  OPTIONS,
  reshapeOptions,
  TENSOR,
  type GraphEdit,
} from './tflite/edit.ts';

/** The exact package versions this step was written and verified against. */
export const PINNED = {
  '@mediapipe/face_mesh': '0.4.1657299874',
  '@mediapipe/face_detection': '0.4.1657300184',
  '@mediapipe/selfie_segmentation': '0.1.1675465747',
} as const;

const require = createRequire(import.meta.url);

export function packageDir(name: keyof typeof PINNED): string {
  const file = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  if (version !== PINNED[name])
    throw new Error(`${name} is ${version}; the model build step is verified for ${PINNED[name]}`);
  return dirname(file);
}

/** The files face_mesh packs into one .data blob, sliced by the offsets its loader lists. */
export function faceMeshAssets(dir = packageDir('@mediapipe/face_mesh')): Map<string, Uint8Array> {
  const loader = readFileSync(join(dir, 'face_mesh_solution_packed_assets_loader.js'), 'utf8');
  const data = readFileSync(join(dir, 'face_mesh_solution_packed_assets.data'));
  const files = new Map<string, Uint8Array>();
  for (const m of loader.matchAll(/"filename":\s*"([^"]+)",\s*"start":\s*(\d+),\s*"end":\s*(\d+)/g))
    files.set(m[1]!.split('/').pop()!, new Uint8Array(data.subarray(+m[2]!, +m[3]!)));
  return files;
}

// Landmark indices of the 478-point topology refined by the attention model's heads (public
// MediaPipe face mesh topology: lips 80, each eye region 71; the first 16 of an eye are its contour).
export const LIPS = [
  61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 185, 40, 39, 37, 0, 267, 269, 270, 409, 78, 95,
  88, 178, 87, 14, 317, 402, 318, 324, 308, 191, 80, 81, 82, 13, 312, 311, 310, 415, 76, 77, 90,
  180, 85, 16, 315, 404, 320, 307, 306, 184, 74, 73, 72, 11, 302, 303, 304, 408, 62, 96, 89, 179,
  86, 15, 316, 403, 319, 325, 292, 183, 42, 41, 38, 12, 268, 271, 272, 407,
];
export const LEFT_EYE = [
  33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173, 130, 25, 110, 24, 23,
  22, 26, 112, 243, 247, 30, 29, 27, 28, 56, 190, 226, 31, 228, 229, 230, 231, 232, 233, 244, 113,
  225, 224, 223, 222, 221, 189, 35, 124, 46, 53, 52, 65, 143, 111, 117, 118, 119, 120, 121, 128,
  245, 156, 70, 63, 105, 66, 107, 55, 193,
];
export const RIGHT_EYE = [
  263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398, 359, 255, 339,
  254, 253, 252, 256, 341, 463, 467, 260, 259, 257, 258, 286, 414, 446, 261, 448, 449, 450, 451,
  452, 453, 464, 342, 445, 444, 443, 442, 441, 413, 265, 353, 276, 283, 282, 295, 372, 340, 346,
  347, 348, 349, 350, 357, 465, 383, 300, 293, 334, 296, 336, 285, 417,
];
const LEFT_CONTOUR = LEFT_EYE.slice(0, 16);
const RIGHT_CONTOUR = RIGHT_EYE.slice(0, 16);
export const MESH_VALUES = 468 * 3;
export const LANDMARK_VALUES = 478 * 3;

function reshape(g: GraphEdit, src: number, shape: number[], name: string): number {
  const s = g.constTensor(`${name}/shape`, TENSOR.INT32, [shape.length], new Int32Array(shape));
  const t = g.tensor(name, shape);
  g.op(OP.RESHAPE, [src, s], [t], OPTIONS.ReshapeOptions, reshapeOptions(shape));
  return t;
}
/** y = W x as FULLY_CONNECTED with constant weights (W row-major [out][in]), reshaped to 4-D. */
function fullyConnected(
  g: GraphEdit,
  src: number,
  W: Float32Array,
  nOut: number,
  nIn: number,
  name: string,
) {
  const w = g.constTensor(`${name}/weights`, TENSOR.FLOAT32, [nOut, nIn], W);
  const t = g.tensor(name, [1, nOut]);
  g.op(OP.FULLY_CONNECTED, [src, w, -1], [t], OPTIONS.FullyConnectedOptions, noOptions);
  return reshape(g, t, [1, 1, 1, nOut], `${name}/4d`);
}
function concat(g: GraphEdit, inputs: number[], n: number, name: string) {
  const t = g.tensor(name, [1, 1, 1, n]);
  g.op(OP.CONCATENATION, inputs, [t], OPTIONS.ConcatenationOptions, axisOptions(3));
  return t;
}

/**
 * The attention model's outputs merged like the legacy TensorsToFaceLandmarksWithAttention step:
 * mesh x, y replaced by the lips/eyes refinements, iris x, y from the iris heads, iris z the mean
 * z of that eye's contour. Selections are FULLY_CONNECTED with 0/1 weights and MUL/ADD, not
 * GATHER, because MediaPipe's GPU delegate has no GATHER.
 */
export function attentionTo478(model: Uint8Array): Uint8Array {
  return editModel(model, (g) => {
    const [mesh, lips, leftEye, rightEye, leftIris, rightIris, flag] = g.outputs;
    if (flag === undefined || g.outputs.length !== 7)
      throw new Error(`expected the 7 outputs of the attention model, got ${g.outputs.length}`);
    const REFINE = 160 + 142 + 142;
    const parts = concat(g, [lips!, leftEye!, rightEye!], REFINE, 'refine_in');
    const Wr = new Float32Array(MESH_VALUES * REFINE);
    const keep = new Float32Array(MESH_VALUES).fill(1);
    const put = (list: number[], offset: number) =>
      list.forEach((lm, k) => {
        for (let c = 0; c < 2; c++) {
          Wr[(3 * lm + c) * REFINE + offset + 2 * k + c] = 1;
          keep[3 * lm + c] = 0;
        }
      });
    put(LIPS, 0);
    put(LEFT_EYE, 160);
    put(RIGHT_EYE, 302);
    const refined = fullyConnected(g, parts, Wr, MESH_VALUES, REFINE, 'refined');
    const mask = g.constTensor('keep_mask', TENSOR.FLOAT32, [1, 1, 1, MESH_VALUES], keep);
    const kept = g.tensor('kept', [1, 1, 1, MESH_VALUES]);
    g.op(OP.MUL, [mesh!, mask], [kept], OPTIONS.MulOptions, noOptions);
    const meshRefined = g.tensor('mesh_refined', [1, 1, 1, MESH_VALUES]);
    g.op(OP.ADD, [kept, refined], [meshRefined], OPTIONS.AddOptions, noOptions);
    const IRIS_IN = 20 + MESH_VALUES;
    const irisIn = concat(g, [leftIris!, rightIris!, mesh!], IRIS_IN, 'iris_in');
    const Wi = new Float32Array(30 * IRIS_IN);
    for (let k = 0; k < 10; k++) {
      const off = k < 5 ? 2 * k : 10 + 2 * (k - 5);
      Wi[3 * k * IRIS_IN + off] = 1;
      Wi[(3 * k + 1) * IRIS_IN + off + 1] = 1;
      for (const lm of k < 5 ? LEFT_CONTOUR : RIGHT_CONTOUR)
        Wi[(3 * k + 2) * IRIS_IN + 20 + 3 * lm + 2] = 1 / 16;
    }
    const iris = fullyConnected(g, irisIn, Wi, 30, IRIS_IN, 'iris');
    g.outputs = [concat(g, [meshRefined, iris], LANDMARK_VALUES, 'landmarks_478'), flag];
  });
}

/** Adds metadata describing the model's (only) image input and naming its outputs. */
export function withMetadata(
  model: Uint8Array,
  name: string,
  range: Pick<ImageInputSpec, 'mean' | 'std' | 'min' | 'max'>,
): Uint8Array {
  const info = inspectModel(model);
  const input = info.inputs[0];
  if (!input || input.shape.length !== 4) throw new Error(`${name}: expected one NHWC image input`);
  const [, height, width] = input.shape as [number, number, number, number];
  const metadata = buildModelMetadata({
    name,
    input: { name: 'image', width, height, ...range },
    outputs: info.outputs.map((o) => o.name ?? ''),
  });
  return addMetadataToModel(model, metadata);
}

/** A fixed time stamp keeps the .task zip byte-identical from build to build. */
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z');

/** .task files are zip archives with stored (uncompressed) entries, as Tasks memory-map them. */
export function storedZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, [v, { level: 0, mtime: ZIP_MTIME }]]),
    ),
  );
}

export function faceDetectorModel(): Uint8Array {
  const file = join(packageDir('@mediapipe/face_detection'), 'face_detection_short_range.tflite');
  return withMetadata(
    new Uint8Array(readFileSync(file)),
    'face_detection_short_range',
    SIGNED_RANGE,
  );
}

export function faceLandmarksModel(assets = faceMeshAssets()): Uint8Array {
  const legacy = assets.get('face_landmark_with_attention.tflite');
  if (!legacy)
    throw new Error('face_landmark_with_attention.tflite not found in @mediapipe/face_mesh');
  return withMetadata(attentionTo478(legacy), 'face_landmarks_detector', UNIT_RANGE);
}

export function faceLandmarkerTask(): Uint8Array {
  const assets = faceMeshAssets();
  const geometry = assets.get('geometry_pipeline_metadata_landmarks.binarypb');
  if (!geometry) throw new Error('geometry pipeline metadata not found in @mediapipe/face_mesh');
  return storedZip({
    'face_detector.tflite': faceDetectorModel(),
    'face_landmarks_detector.tflite': faceLandmarksModel(assets),
    'geometry_pipeline_metadata_landmarks.binarypb': geometry,
  });
}

export function selfieSegmenterModel(): Uint8Array {
  const file = join(packageDir('@mediapipe/selfie_segmentation'), 'selfie_segmentation.tflite');
  return withMetadata(new Uint8Array(readFileSync(file)), 'selfie_segmentation', UNIT_RANGE);
}
