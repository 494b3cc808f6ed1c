import { describe, expect, it } from 'vitest';
import {
  BACKEND_LADDER,
  climbLadder,
  compareCheck,
  ladderOrder,
} from '../../src/lib/ml/shared/ladder';
import { NoBackendError, pickBackend, type Tf } from '../../src/lib/ml/tf';
import { recommenderSelfCheck } from '../../src/lib/recommender/shared/tfjs-engine';

describe('backend ladder logic', () => {
  it('tries WebGPU, WebGL, WASM, CPU; a preferred one first, then those below it', () => {
    expect(BACKEND_LADDER).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(ladderOrder()).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(ladderOrder('wasm')).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
    expect(ladderOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu', 'webgpu']);
    expect(ladderOrder('cpu', ['wasm', 'cpu'])).toEqual(['cpu', 'wasm']);
  });

  it('rejects NaN, a different length and values off the CPU reference', () => {
    expect(compareCheck([1, 2.0005], [1, 2], 1e-3)).toBeNull();
    expect(compareCheck([1, NaN], [1, 2], 1e-3)?.reason).toBe('non-finite');
    expect(compareCheck([1, Infinity], null, 1e-3)?.reason).toBe('non-finite');
    expect(compareCheck([1], [1, 2], 1e-3)?.reason).toBe('mismatch');
    expect(compareCheck([1, 2.1], [1, 2], 1e-3)?.reason).toBe('mismatch');
    // Relative for big values, absolute below 1.
    expect(compareCheck([1000.5], [1000], 1e-3)).toBeNull();
    expect(compareCheck([0.0021], [0.0001], 1e-3)?.reason).toBe('mismatch');
  });

  it('falls to the next backend when one fails to start or fails its check', async () => {
    const tried: string[] = [];
    const { backend, reports } = await climbLadder(BACKEND_LADDER, async (b) => {
      tried.push(b);
      if (b === 'webgpu') throw new Error('no adapter');
      if (b === 'webgl') return { ok: false, reason: 'mismatch', detail: 'fake GPU is wrong' };
      return { ok: true };
    });
    expect(backend).toBe('wasm');
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(reports.map((r) => [r.backend, r.ok, r.reason])).toEqual([
      ['webgpu', false, 'init-failed'],
      ['webgl', false, 'mismatch'],
      ['wasm', true, undefined],
    ]);
  });

  it('reports that no backend passed', async () => {
    const { backend, reports } = await climbLadder(['wasm', 'cpu'], async () => ({
      ok: false,
      reason: 'non-finite',
    }));
    expect(backend).toBeNull();
    expect(reports).toHaveLength(2);
  });
});

describe('pickBackend with real tfjs in Node (wasm and cpu)', () => {
  it('skips a backend whose self-check is wrong and uses the next', async () => {
    // A check that goes wrong on WASM only: a stand-in for a backend with a broken kernel.
    const check = async (tf: Tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const y = tf.mul(x, tf.getBackend() === 'wasm' ? NaN : 2);
      const out = await y.data();
      tf.dispose([x, y]);
      return out;
    };
    const picked = await pickBackend(check, { order: ['webgpu', 'webgl', 'wasm', 'cpu'] });
    expect(picked.backend).toBe('cpu');
    expect(picked.tf.getBackend()).toBe('cpu');
    const byName = Object.fromEntries(picked.reports.map((r) => [r.backend, r]));
    expect(byName.webgpu?.reason).toBe('unavailable');
    expect(byName.webgl?.reason).toBe('unavailable');
    expect(byName.wasm?.reason).toBe('non-finite');
  });

  it('throws NoBackendError when the check throws everywhere', async () => {
    const check = () => {
      throw new Error('broken');
    };
    await expect(pickBackend(check, { order: ['cpu'] })).rejects.toBeInstanceOf(NoBackendError);
  });

  it("passes the recommender's own check (two training steps) on WASM against CPU", async () => {
    const picked = await pickBackend(recommenderSelfCheck, { prefer: 'wasm', order: ['wasm'] });
    expect(picked.backend).toBe('wasm');
    expect(picked.reports[0]).toMatchObject({ backend: 'wasm', ok: true });
    await picked.tf.setBackend('cpu');
  }, 60_000);
});
