/**
 * The try-on build step: MediaPipe Tasks models made from the legacy npm packages (metadata added,
 * face landmark outputs merged to 478 points), and tasks-vision's usage logging removed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attentionTo478,
  faceDetectorModel,
  faceLandmarkerTask,
  faceLandmarksModel,
  faceMeshAssets,
  LEFT_EYE,
  LIPS,
  RIGHT_EYE,
  selfieSegmenterModel,
} from '../../src/build/face-models';
import { FlatView, inspectModel, type ModelInfo } from '../../src/build/tflite/reader';
import {
  addMetadataToModel,
  buildModelMetadata,
  parseModelMetadata,
  UNIT_RANGE,
} from '../../src/build/tflite/metadata';
import {
  isTasksVisionBundle,
  removeUsageLogging,
  tasksVisionPrivacy,
  TELEMETRY_HOST,
} from '../../src/build/tasks-vision-privacy';

const metadataOf = (info: ModelInfo) => {
  const entry = info.metadata.find((m) => m.name === 'TFLITE_METADATA');
  expect(entry, 'TFLITE_METADATA entry').toBeDefined();
  return parseModelMetadata(entry!.data);
};

/** The float values of a constant tensor, found by name in the main subgraph. */
function constTensor(model: Uint8Array, name: string): { shape: number[]; values: Float32Array } {
  const f = new FlatView(model);
  const m = f.root();
  const sg = f.tables(m, 2)[0]!;
  const tensor = f.tables(sg, 0).find((t) => f.str(t, 3) === name);
  if (tensor === undefined) throw new Error(`no tensor ${name}`);
  const data = f.bytesOf(f.tables(m, 4)[f.u32Field(tensor, 2)]!, 0)!;
  const values = new Float32Array(data.slice().buffer);
  return { shape: f.ints(tensor, 0), values };
}

describe('face landmark model (attention model merged to 478 points)', () => {
  let legacy: Uint8Array;
  let model: Uint8Array;
  let info: ModelInfo;
  beforeAll(() => {
    legacy = faceMeshAssets().get('face_landmark_with_attention.tflite')!;
    model = faceLandmarksModel();
    info = inspectModel(model);
  });

  it('starts from the legacy model with seven outputs and no metadata', () => {
    const before = inspectModel(legacy);
    expect(before.outputs).toHaveLength(7);
    expect(before.outputs[0]!.shape).toEqual([1, 1, 1, 1404]);
    expect(before.metadata.map((m) => m.name)).not.toContain('TFLITE_METADATA');
  });

  it('has the two outputs Tasks decode: 478 x (x, y, z) and the face flag', () => {
    expect(info.identifier).toBe('TFL3');
    expect(info.subgraphs).toBe(1);
    expect(info.inputs).toHaveLength(1);
    expect(info.inputs[0]).toMatchObject({ shape: [1, 192, 192, 3], type: 'FLOAT32' });
    expect(info.outputs.map((o) => [o.name, o.shape, o.type])).toEqual([
      ['landmarks_478', [1, 1, 1, 478 * 3], 'FLOAT32'],
      ['conv_faceflag', [1, 1, 1, 1], 'FLOAT32'],
    ]);
  });

  it('carries readable metadata: RGB 192x192 image in [0, 1], outputs named', () => {
    const meta = metadataOf(info);
    expect(meta.identifier).toBe('M001');
    expect(meta.name).toBe('face_landmarks_detector');
    expect(meta.inputs).toEqual([
      { name: 'image', colorSpace: 1, width: 192, height: 192, mean: [0], std: [255] },
    ]);
    expect(meta.outputs).toEqual(['landmarks_478', 'conv_faceflag']);
    const runtime = info.metadata.find((m) => m.name === 'min_runtime_version');
    expect(new TextDecoder().decode(runtime!.data).replace(/\0+$/, '')).toBe('1.14.0');
  });

  it('keeps the original model bytes intact (the edit is prepended)', () => {
    expect(Buffer.from(model.subarray(model.length - legacy.length)).equals(legacy)).toBe(true);
    expect((model.length - legacy.length) % 16).toBe(0);
  });

  it('refines each lip and eye point x, y from exactly one refinement value, keeps the rest', () => {
    const refined = constTensor(model, 'refined/weights');
    const keep = constTensor(model, 'keep_mask');
    expect(refined.shape).toEqual([1404, 444]);
    const refinedPoints = new Set([...LIPS, ...LEFT_EYE, ...RIGHT_EYE]);
    for (let row = 0; row < 1404; row++) {
      const weights = refined.values.subarray(row * 444, row * 444 + 444);
      const ones = weights.reduce((n, w) => n + (w === 1 ? 1 : 0), 0);
      const sum = weights.reduce((s, w) => s + w, 0);
      const point = Math.floor(row / 3);
      const isXY = row % 3 < 2 && refinedPoints.has(point);
      expect([ones, sum, keep.values[row]]).toEqual(isXY ? [1, 1, 0] : [0, 0, 1]);
    }
    // Lip point 61 (first in the list) x comes from refinement value 0, its y from value 1.
    expect(refined.values[3 * 61 * 444 + 0]).toBe(1);
    expect(refined.values[(3 * 61 + 1) * 444 + 1]).toBe(1);
  });

  it('takes iris x, y from the iris heads and z as the mean of that eye contour', () => {
    const iris = constTensor(model, 'iris/weights');
    expect(iris.shape).toEqual([30, 1424]);
    for (let k = 0; k < 10; k++) {
      const row = (r: number) => iris.values.subarray(r * 1424, r * 1424 + 1424);
      const off = k < 5 ? 2 * k : 10 + 2 * (k - 5);
      expect(row(3 * k)[off]).toBe(1);
      expect(row(3 * k + 1)[off + 1]).toBe(1);
      const zRow = row(3 * k + 2);
      expect(zRow.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
      const contour = (k < 5 ? LEFT_EYE : RIGHT_EYE).slice(0, 16);
      for (const lm of contour) expect(zRow[20 + 3 * lm + 2]).toBeCloseTo(1 / 16, 7);
    }
  });

  it('uses index tables of the 478-point topology', () => {
    for (const [list, n] of [
      [LIPS, 80],
      [LEFT_EYE, 71],
      [RIGHT_EYE, 71],
    ] as const) {
      expect(new Set(list).size).toBe(n);
      expect(Math.max(...list)).toBeLessThan(468);
    }
  });

  it('refuses a model that already has metadata, and one with the wrong outputs', () => {
    const meta = buildModelMetadata({
      name: 'x',
      input: { name: 'image', width: 192, height: 192, ...UNIT_RANGE },
      outputs: [],
    });
    expect(() => addMetadataToModel(model, meta)).toThrow(/already has TFLITE_METADATA/);
    expect(() => attentionTo478(faceMeshAssets().get('face_landmark.tflite')!)).toThrow(
      /expected the 7 outputs/,
    );
  });
});

describe('other models', () => {
  it('face detector: 128x128 input in [-1, 1], 896 anchors', () => {
    const info = inspectModel(faceDetectorModel());
    expect(info.inputs[0]!.shape).toEqual([1, 128, 128, 3]);
    expect(info.outputs.map((o) => o.shape)).toEqual([
      [1, 896, 16],
      [1, 896, 1],
    ]);
    expect(metadataOf(info).inputs[0]).toMatchObject({
      width: 128,
      height: 128,
      mean: [127.5],
      std: [127.5],
    });
  });

  it('selfie segmenter: 256x256 input in [0, 1], one 256x256 mask', () => {
    const info = inspectModel(selfieSegmenterModel());
    expect(info.inputs[0]!.shape).toEqual([1, 256, 256, 3]);
    expect(info.outputs.map((o) => o.shape)).toEqual([[1, 256, 256, 1]]);
    expect(metadataOf(info).inputs[0]).toMatchObject({ width: 256, height: 256, std: [255] });
  });
});

describe('face_landmarker.task', () => {
  it('is a zip of stored entries with the three files the FaceLandmarker graph opens', () => {
    const task = faceLandmarkerTask();
    const files = unzipSync(task);
    expect(Object.keys(files).sort()).toEqual([
      'face_detector.tflite',
      'face_landmarks_detector.tflite',
      'geometry_pipeline_metadata_landmarks.binarypb',
    ]);
    expect(inspectModel(files['face_landmarks_detector.tflite']!).outputs[0]!.shape).toEqual([
      1, 1, 1, 1434,
    ]);
    // Local file headers: compression method 0 (stored), so Tasks can use the bytes in place.
    const view = new DataView(task.buffer, task.byteOffset, task.byteLength);
    for (let p = 0; p + 4 < task.length;) {
      if (view.getUint32(p, true) !== 0x04034b50) break;
      expect(view.getUint16(p + 8, true)).toBe(0);
      const size = view.getUint32(p + 18, true);
      p += 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true) + size;
    }
  });

  it('is byte-identical from build to build', () => {
    expect(Buffer.from(faceLandmarkerTask()).equals(Buffer.from(faceLandmarkerTask()))).toBe(true);
  });
});

describe('tasks-vision usage logging', () => {
  const require = createRequire(import.meta.url);
  const bundlePath = join(dirname(require.resolve('@mediapipe/tasks-vision')), 'vision_bundle.mjs');
  const original = readFileSync(bundlePath, 'utf8');

  it('the pinned package does log: endpoint, 60 s timer, API key header', () => {
    expect(original).toContain(TELEMETRY_HOST);
    expect(original).toContain('setInterval(()=>{this.flush()},6e4)');
    expect(original).toContain('x-goog-api-key');
  });

  it('is removed from the code: no endpoint, no timer, no sender', () => {
    const patched = removeUsageLogging(original);
    expect(patched).not.toContain(TELEMETRY_HOST);
    expect(patched).not.toContain('setInterval(()=>{this.flush()},6e4)');
    expect(patched).not.toContain('x-goog-api-key');
    expect(patched).toContain('this.error=Error("usage logging removed")');
  });

  it('is removed from each of the three bundles (ESM, CommonJS, global script)', () => {
    for (const file of ['vision_bundle.mjs', 'vision_bundle.cjs', 'vision_bundle.js']) {
      const id = join(dirname(bundlePath), file);
      expect(isTasksVisionBundle(id), file).toBe(true);
      const patched = removeUsageLogging(readFileSync(id, 'utf8'));
      expect(patched, file).not.toContain(TELEMETRY_HOST);
      expect(patched, file).not.toMatch(/setInterval\(\(\)=>\{this\.flush\(\)\},6e4\)/);
    }
    expect(isTasksVisionBundle('/x/node_modules/@mediapipe/face_mesh/face_mesh.js')).toBe(false);
  });

  it('fails loudly on code it does not recognise (another version)', () => {
    expect(() => removeUsageLogging(original.replace('6e4', '3e4'))).toThrow(/privacy patch/);
  });

  /** Bundles tasks-vision the way the app does (minified), with or without the plugin. */
  async function bundle(withPlugin: boolean): Promise<string> {
    const entry = 'virtual:tasks-vision-entry';
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [
        ...(withPlugin ? [tasksVisionPrivacy()] : []),
        {
          name: 'entry',
          resolveId: (id) => (id === entry ? `\0${entry}` : null),
          load: (id) =>
            id === `\0${entry}`
              ? `import { FaceLandmarker } from '@mediapipe/tasks-vision'; globalThis.x = FaceLandmarker;`
              : null,
        },
      ],
      build: { write: false, rolldownOptions: { input: entry }, minify: true },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const outputs = Array.isArray(result) ? result : [result];
    return outputs
      .flatMap((o) => o.output)
      .map((c) => (c.type === 'chunk' ? c.code : ''))
      .join('\n');
  }

  it('the built chunk no longer contains the endpoint or the logging timer', async () => {
    const [plain, patched] = [await bundle(false), await bundle(true)];
    expect(plain).toContain(TELEMETRY_HOST); // the check can fail
    expect(patched).toContain('FaceLandmarker');
    expect(patched).not.toContain(TELEMETRY_HOST);
    expect(patched).not.toMatch(/setInterval\(\(\)=>\{this\.flush\(\)\},6e4\)/);
    expect(patched).toContain('usage logging removed');
  }, 60_000);
});

describe('landmarker data path (worker -> UI)', () => {
  it('packs MediaPipe results into transferable arrays and back into 478-point frames', async () => {
    const { pack } = await import('../../src/lib/tryon/worker/face-landmarker');
    const { unpack, LANDMARK_COUNT } = await import('../../src/lib/tryon/client/landmarker');
    const face = (k: number) =>
      Array.from({ length: LANDMARK_COUNT }, (_, i) => ({
        x: i / 1000 + k,
        y: k,
        z: -i / 1e4,
        visibility: 0,
      }));
    const matrix = (k: number) => ({
      rows: 4,
      columns: 4,
      data: Array.from({ length: 16 }, (_, i) => i + 100 * k),
    });
    const packed = pack({
      faceLandmarks: [face(0), face(1)],
      faceBlendshapes: [],
      facialTransformationMatrixes: [matrix(0), matrix(1)],
    });
    expect(packed.count).toBe(2);
    expect(packed.points.length).toBe(2 * LANDMARK_COUNT * 3);
    const frames = unpack(packed);
    expect(frames).toHaveLength(2);
    expect(frames[1]!.landmarks).toHaveLength(LANDMARK_COUNT);
    expect(frames[1]!.landmarks[10]!.x).toBeCloseTo(1.01, 6);
    expect(frames[1]!.landmarks[10]!.z).toBeCloseTo(-0.001, 6);
    expect(frames[1]!.matrix).toEqual(matrix(1).data);
    expect(
      unpack(pack({ faceLandmarks: [], faceBlendshapes: [], facialTransformationMatrixes: [] })),
    ).toEqual([]);
  });

  it('serves every MediaPipe file from our own origin', async () => {
    const { mediapipeUrl, MEDIAPIPE_FILES } = await import('../../src/lib/tryon/worker/assets');
    for (const file of Object.keys(MEDIAPIPE_FILES) as (keyof typeof MEDIAPIPE_FILES)[])
      expect(new URL(mediapipeUrl(file, 'https://shop.example/assets/w.js')).origin).toBe(
        'https://shop.example',
      );
    expect(mediapipeUrl('faceLandmarker', 'https://a.example/x/', '/app/')).toBe(
      'https://a.example/app/mediapipe/face_landmarker.task',
    );
  });
});
