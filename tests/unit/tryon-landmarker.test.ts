import { afterEach, describe, expect, it, vi } from 'vitest';
import { landmarkerOn } from '../../src/lib/tryon/client/landmarker';
import type { LandmarkerWorkerApi } from '../../src/lib/tryon/worker/landmarker.worker';
import type { LandmarkerInit, PackedFaces } from '../../src/lib/tryon/worker/face-landmarker';
import type { AnalyseWant } from '../../src/lib/tryon/worker/analyse';
import { WorkerBridge, WorkerCrashedError } from '../../src/lib/workers/bridge';
import { fakeWorkers as fakeWorkersOn } from './helpers/fake-worker';

const init: LandmarkerInit = {
  mode: 'video',
  numFaces: 2,
  wasmLoaderUrl: 'x',
  wasmBinaryUrl: 'x',
  modelUrl: 'x',
};
const none: PackedFaces = { count: 0, points: new Float32Array(), matrices: new Float32Array() };
/** A frame with pixels (neither a video nor an image element: its size says so). */
const frame = { width: 4, height: 4 } as unknown as OffscreenCanvas;

afterEach(() => vi.unstubAllGlobals());

/** A landmarker worker stand-in on a real MessageChannel; `hang` makes detect never answer. */
function fakeWorkers(options: { failInit?: boolean } = {}) {
  const calls: string[] = [];
  let hang = false;
  const api = {
    async init() {
      calls.push('init');
      if (options.failInit) throw new Error('model unavailable');
    },
    detect: () => {
      calls.push('detect');
      return hang ? new Promise<PackedFaces>(() => undefined) : none;
    },
    analyse: (_frame: unknown, landmarks: Float32Array, want: AnalyseWant) => {
      calls.push('analyse');
      const alpha = new Uint8Array([0, 128, 255]);
      return {
        hair: want.hair ? { width: 3, height: 1, alpha, scaleX: 2, scaleY: 2 } : undefined,
        ms: { segment: 0, hair: 0, light: landmarks.length, total: landmarks[3]! },
      };
    },
    close: () => void calls.push('close'),
  };
  const { spawn, spawned } = fakeWorkersOn(api);
  const bridge = new WorkerBridge<LandmarkerWorkerApi>(spawn);
  return { bridge, spawned, calls, hangNext: () => (hang = true) };
}

describe('landmarker worker', () => {
  // Frames are copied into a transferable: an ArrayBuffer stands in for the ImageBitmap here.
  const stubBitmaps = () => vi.stubGlobal('createImageBitmap', async () => new ArrayBuffer(4));

  it('opens the graph, detects, and closes and terminates the worker', async () => {
    stubBitmaps();
    const { bridge, spawned, calls } = fakeWorkers();
    const landmarker = await landmarkerOn(bridge, init);
    expect(await landmarker.detect(frame)).toEqual([]);
    await landmarker.close();
    expect(calls).toEqual(['init', 'detect', 'close']);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.terminated).toBe(true);
    await expect(landmarker.detect(frame)).rejects.toThrow('closed');
  });

  it('a failed start terminates the worker and rejects (the caller then uses the main thread)', async () => {
    const { bridge, spawned } = fakeWorkers({ failInit: true });
    await expect(landmarkerOn(bridge, init)).rejects.toThrow('model unavailable');
    expect(spawned[0]!.terminated).toBe(true);
  });

  it('a worker that dies mid-frame rejects that frame and every later one, starting no other', async () => {
    stubBitmaps();
    const { bridge, spawned, calls, hangNext } = fakeWorkers();
    const landmarker = await landmarkerOn(bridge, init);
    hangNext();
    const pending = landmarker.detect(frame);
    await vi.waitFor(() => expect(calls).toContain('detect'));
    spawned[0]!.crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(landmarker.detect(frame)).rejects.toBeInstanceOf(WorkerCrashedError);
    await landmarker.close();
    expect(spawned).toHaveLength(1);
    expect(calls).toEqual(['init', 'detect']);
  });

  it('a worker that dies between frames is noticed on the next one', async () => {
    stubBitmaps();
    const { bridge, spawned } = fakeWorkers();
    const landmarker = await landmarkerOn(bridge, init);
    spawned[0]!.crash('out of memory');
    await expect(landmarker.detect(frame)).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(spawned).toHaveLength(1);
  });

  it('analyses one face: its 478 landmarks go over packed, the hair mask comes back', async () => {
    stubBitmaps();
    const { bridge, spawned, calls } = fakeWorkers();
    const landmarker = await landmarkerOn(bridge, init);
    const face = {
      landmarks: Array.from({ length: 478 }, (_, i) => ({ x: i / 1000, y: 0.5, z: 0 })),
      matrix: [],
    };
    const result = await landmarker.analyse(frame, face, { hair: true, light: false });
    expect(result.hair).toMatchObject({ width: 3, height: 1, scaleX: 2 });
    expect(Array.from(result.hair!.alpha)).toEqual([0, 128, 255]);
    // 478 x (x, y, z); the second point's x first in its triple.
    expect(result.ms.light).toBe(478 * 3);
    expect(result.ms.total).toBeCloseTo(0.001, 6);
    spawned[0]!.crash('out of memory');
    await expect(
      landmarker.analyse(frame, face, { hair: true, light: true }),
    ).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(calls).toEqual(['init', 'analyse']);
  });
});
