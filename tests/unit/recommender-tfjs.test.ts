import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import { deserialiseModel, predict, serialiseModel } from '../../src/lib/recommender/shared/model';
import { trainHybridTf } from '../../src/lib/recommender/shared/tfjs-engine';
import type { ItemFeatures, RatingData } from '../../src/lib/recommender/shared/types';
import { seededRandom } from '../../src/lib/random/seeded';

// tfjs in Node runs on its pure-JS 'cpu' backend: slow, so the data set is small.
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const gauss = (rand: () => number) =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const clamp = (r: number) => Math.min(5, Math.max(1, r));

/** A planted rank-3 model with biases, an item-group effect and noise; 90/10 split. */
function planted(seed = 3) {
  const rand = seededRandom(seed);
  const [nU, nI, k] = [120, 80, 3];
  const U = Array.from({ length: nU * k }, () => 0.7 * gauss(rand));
  const V = Array.from({ length: nI * k }, () => 0.7 * gauss(rand));
  const bu = Array.from({ length: nU }, () => 0.3 * gauss(rand));
  const group = [0.5, -0.4, 0.2, -0.3];
  const rows = { train: [] as number[][], test: [] as number[][] };
  for (let u = 0; u < nU; u++) {
    for (let i = 0; i < nI; i++) {
      if (rand() > 0.3) continue;
      let dot = 0;
      for (let f = 0; f < k; f++) dot += U[u * k + f]! * V[i * k + f]!;
      const r = clamp(3.5 + bu[u]! + group[i % 4]! + dot + 0.3 * gauss(rand));
      (rand() < 0.9 ? rows.train : rows.test).push([u, i, r]);
    }
  }
  const data = (xs: number[][]): RatingData => ({
    numUsers: nU,
    numItems: nI,
    n: xs.length,
    users: Uint32Array.from(xs, (x) => x[0]!),
    items: Uint32Array.from(xs, (x) => x[1]!),
    ratings: Float32Array.from(xs, (x) => x[2]!),
  });
  const features: ItemFeatures = {
    numFeatures: 4,
    itemOffsets: Uint32Array.from({ length: nI + 1 }, (_, i) => i),
    featureIds: Uint32Array.from({ length: nI }, (_, i) => i % 4),
    featureNames: ['a', 'b', 'c', 'd'],
  };
  return { train: data(rows.train), test: data(rows.test), features };
}

function rmse(p: (u: number, i: number) => number, data: RatingData): number {
  let se = 0;
  for (let r = 0; r < data.n; r++)
    se += (p(data.users[r]!, data.items[r]!) - data.ratings[r]!) ** 2;
  return Math.sqrt(se / data.n);
}

const SMALL = { dim: 8, epochs: 30, regUser: 0.05, regItem: 0.05, rankIterations: 2 };

describe('tfjs engine (cpu backend in Node)', () => {
  const { train, test, features } = planted();

  it('reaches the JS engine’s test RMSE within 0.03 on the same data and model', async () => {
    const js = trainHybrid(train, features, SMALL);
    const tfjs = await trainHybridTf(tf, train, features, SMALL, {}, { batchSize: 512 });
    const jsRmse = rmse(js.predict, test);
    const tfRmse = rmse(tfjs.predict, test);
    let mean = 0;
    for (let r = 0; r < train.n; r++) mean += train.ratings[r]! / train.n;
    const meanRmse = rmse(() => mean, test);
    expect(tfRmse).toBeLessThan(meanRmse - 0.15); // it learned something real
    expect(Math.abs(tfRmse - jsRmse)).toBeLessThan(0.03);
    // Same model, same format: the snapshot round-trips and predicts the same.
    const { meta, buffer } = serialiseModel(tfjs.model);
    const back = deserialiseModel(meta, buffer);
    expect(predict(back, 3, 5)).toBeCloseTo(tfjs.predict(3, 5), 5);
    expect(tfjs.model.rankUserFactors.some((x) => x !== 0)).toBe(true);
  }, 60_000);

  it('does not grow tf.memory().numTensors across epochs, and frees everything after', async () => {
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    await trainHybridTf(
      tf,
      train,
      features,
      { ...SMALL, epochs: 6, rankIterations: 0 },
      { onEpoch: () => counts.push(tf.memory().numTensors) },
      { batchSize: 256 },
    );
    expect(counts).toHaveLength(6);
    // Adam's moment tensors appear in the first epoch; from then on the count is flat.
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('stops when its signal is aborted, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = trainHybridTf(
      tf,
      train,
      features,
      { ...SMALL, epochs: 50 },
      { signal: controller.signal, onEpoch: (e) => e.epoch === 2 && controller.abort() },
    );
    await expect(run).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
