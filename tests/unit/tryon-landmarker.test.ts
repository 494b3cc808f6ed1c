import { afterEach, describe, expect, it, vi } from 'vitest';
import { landmarkerOn } from '../../src/lib/tryon/client/landmarker';
import type { LandmarkerWorkerApi } from '../../src/lib/tryon/worker/landmarker.worker';
import type { LandmarkerInit, PackedFaces } from '../../src/lib/tryon/worker/face-landmarker';
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
});
