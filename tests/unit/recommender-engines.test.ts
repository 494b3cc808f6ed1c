import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import type { Rating } from '../../src/lib/db/schema';
import {
  engineLabel,
  fastestEngine,
  isCalibration,
  isEngineSetting,
} from '../../src/lib/recommender/shared/engines';
import { deserialiseModel } from '../../src/lib/recommender/shared/model';
import { trainShopModel } from '../../src/lib/recommender/worker/trainer';

const products = generateCatalog();
const ratings: Rating[] = [];
for (let u = 0; u < 12; u++) {
  for (let k = 0; k < 8; k++) {
    const p = products[(u * 7 + k * 13) % products.length]!;
    ratings.push({
      profileId: `p${u}`,
      productId: p.id,
      rating: ((u + k) % 5) + 1,
      updatedAt: 0,
    } as Rating);
  }
}
const request = { ratings, events: [], products, config: { epochs: 3, rankIterations: 1 } };

describe('engines: labels, settings, calibration', () => {
  it('labels the engines as the UI shows them and validates settings', () => {
    expect(['js', 'webgpu', 'webgl', 'wasm', 'cpu'].map((e) => engineLabel(e as 'js'))).toEqual([
      'JS',
      'WebGPU',
      'WebGL',
      'WASM',
      'CPU (tfjs)',
    ]);
    expect(isEngineSetting('auto')).toBe(true);
    expect(isEngineSetting('wasm')).toBe(true);
    expect(isEngineSetting('cuda')).toBe(false);
    expect(isCalibration({ engine: 'js', at: 1, timings: [] })).toBe(true);
    expect(isCalibration({ engine: 'tpu', at: 1, timings: [] })).toBe(false);
  });

  it('picks the fastest usable engine, JS when nothing else is usable', () => {
    expect(
      fastestEngine([
        { engine: 'js', estimateMs: 900 },
        { engine: 'webgpu', estimateMs: null, note: 'software GPU' },
        { engine: 'wasm', estimateMs: 400 },
      ]),
    ).toBe('wasm');
    expect(fastestEngine([{ engine: 'cpu', estimateMs: null }])).toBe('js');
  });
});

describe('shop trainer with an engine setting (Node: tfjs wasm and cpu backends)', () => {
  it('calibrates at the first training and reports every engine it timed', async () => {
    const result = await trainShopModel({ ...request, engine: 'auto' });
    expect(result.calibration).toBeDefined();
    const timed = result.calibration!.timings.map((t) => t.engine);
    expect(timed).toEqual(['js', 'webgpu', 'webgl', 'wasm', 'cpu']);
    // No GPU in Node: WebGPU and WebGL are not usable; JS, WASM and CPU got a time.
    const byEngine = Object.fromEntries(result.calibration!.timings.map((t) => [t.engine, t]));
    expect(byEngine.webgpu!.estimateMs).toBeNull();
    expect(byEngine.js!.estimateMs).toBeGreaterThan(0);
    expect(byEngine.wasm!.estimateMs).toBeGreaterThan(0);
    expect(result.engine).toBe(result.calibration!.engine);
    // A stored calibration is reused, not redone.
    const again = await trainShopModel({ ...request, calibration: result.calibration! });
    expect(again.calibration).toBeUndefined();
    expect(again.engine).toBe(result.calibration!.engine);
  }, 60_000);

  it('trains with a forced tfjs backend and gives the same model format', async () => {
    const result = await trainShopModel({ ...request, engine: 'wasm' });
    expect(result.engine).toBe('wasm');
    const model = deserialiseModel(result.meta, result.buffer);
    expect(model.numItems).toBe(products.length);
    expect(model.userFactors.some((x) => x !== 0)).toBe(true);
  }, 60_000);

  it('falls down the ladder when the forced backend is not there (WebGPU in Node → WASM)', async () => {
    const result = await trainShopModel({ ...request, engine: 'webgpu' });
    expect(result.engine).toBe('wasm');
    expect(result.reports.map((r) => [r.backend, r.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
  }, 60_000);
});
