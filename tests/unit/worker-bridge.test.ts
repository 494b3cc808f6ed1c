import { describe, expect, it } from 'vitest';
import { WorkerBridge, WorkerCrashedError } from '../../src/lib/workers/bridge';
import { fakeWorkers as fakeWorkersOn } from './helpers/fake-worker';

const api = {
  echo: async (x: number) => x,
  /** Never answers: a long training, or a worker that hangs. */
  hang: () => new Promise<number>(() => undefined),
};
type Api = typeof api;

const fakeWorkers = () => fakeWorkersOn(api);

describe('WorkerBridge', () => {
  it('starts one worker on demand and reuses it', async () => {
    const { spawn, spawned } = fakeWorkers();
    const bridge = new WorkerBridge<Api>(spawn);
    expect(spawned).toHaveLength(0);
    expect(await bridge.call((w) => w.echo(1))).toBe(1);
    expect(await bridge.call((w) => w.echo(2))).toBe(2);
    expect(spawned).toHaveLength(1);
    bridge.terminate();
    expect(spawned[0]!.terminated).toBe(true);
  });

  it('cancels: an abort terminates the worker, rejects with AbortError, and the next call starts afresh', async () => {
    const { spawn, spawned } = fakeWorkers();
    const bridge = new WorkerBridge<Api>(spawn);
    const controller = new AbortController();
    const pending = bridge.call((w) => w.hang(), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(spawned[0]!.terminated).toBe(true);
    expect(await bridge.call((w) => w.echo(3))).toBe(3);
    expect(spawned).toHaveLength(2);
    bridge.terminate();
  });

  it('refuses a call whose signal is already aborted, without starting a worker', async () => {
    const { spawn, spawned } = fakeWorkers();
    const bridge = new WorkerBridge<Api>(spawn);
    await expect(bridge.call((w) => w.echo(1), AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(spawned).toHaveLength(0);
  });

  it('detects a dead worker: calls in flight reject instead of hanging, the next call respawns', async () => {
    const { spawn, spawned } = fakeWorkers();
    const bridge = new WorkerBridge<Api>(spawn);
    const pending = bridge.call((w) => w.hang());
    await new Promise((r) => setTimeout(r, 5));
    spawned[0]!.crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(pending).rejects.toThrow(/out of memory/);
    expect(bridge.running).toBe(false);
    expect(await bridge.call((w) => w.echo(4))).toBe(4);
    expect(spawned).toHaveLength(2);
    bridge.terminate();
  });

  it('shuts an idle worker down after idleMs, and not while a call runs', async () => {
    const { spawn, spawned } = fakeWorkers();
    const bridge = new WorkerBridge<Api>(spawn, { idleMs: 20 });
    await bridge.call((w) => w.echo(1));
    expect(bridge.running).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(bridge.running).toBe(false);
    expect(spawned[0]!.terminated).toBe(true);

    const controller = new AbortController();
    const long = bridge.call((w) => w.hang(), controller.signal);
    await new Promise((r) => setTimeout(r, 60));
    expect(bridge.running).toBe(true); // busy: not idle
    controller.abort();
    await expect(long).rejects.toMatchObject({ name: 'AbortError' });
  });
});
