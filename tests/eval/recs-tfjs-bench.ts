/**
 * A small benchmark of the tfjs engine in Node (wasm and cpu backends), to rerun when the machine
 * is quiet:
 *
 *   npx tsx tests/eval/recs-tfjs-bench.ts [wasm|cpu] [batchSize]
 *
 * Prints row-gather kernels side by side (why the engine reads rows with gatherND), the
 * heaviest kernels of three training steps (tf.profile) and the time per epoch on ML-100K u1.
 * Browser backends (WebGPU, WebGL) are measured by `npm run eval:recs -- --engine tfjs-…`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { emptyMaps, indexRatings } from '../../src/lib/recommender/shared/dataset';
import { movieFeatures } from '../../src/lib/recommender/shared/movielens';
import { trainHybridTf } from '../../src/lib/recommender/shared/tfjs-engine';
import { readMovieLensFolder } from './recs';

const DATA = '../shared/data/ml-100k';
const backend = process.argv[2] ?? 'wasm';
const batchSize = Number(process.argv[3] ?? 8192);
await tf.setBackend(backend);
await tf.ready();
console.log(
  `backend ${tf.getBackend()}, batch ${batchSize}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

async function timeOp(name: string, f: () => tf.Tensor) {
  for (let k = 0; k < 3; k++) {
    const y = f();
    await y.data();
    y.dispose();
  }
  const t0 = performance.now();
  for (let k = 0; k < 20; k++) {
    const y = f();
    await y.data();
    y.dispose();
  }
  console.log(`  ${name}: ${((performance.now() - t0) / 20).toFixed(2)} ms`);
}
const x = tf.randomNormal([1682, 32]);
const idx = tf.tensor1d(
  Int32Array.from({ length: 8192 }, (_, k) => (k * 7919) % 1682),
  'int32',
);
const idx2 = tf.reshape(idx, [8192, 1]);
console.log('8192 rows of a 1682 × 32 matrix:');
await timeOp('gather', () => tf.gather(x, idx));
await timeOp('gatherND', () => tf.gatherND(x, idx2));
await timeOp('scatterND (the gradient)', () => tf.scatterND(idx2, tf.ones([8192, 32]), [1682, 32]));
tf.dispose([x, idx, idx2]);

if (!existsSync(`${DATA}/u1.base`)) {
  console.log(`${DATA} is missing: no training benchmark.`);
  process.exit(0);
}
const folder = readMovieLensFolder(DATA);
const maps = emptyMaps();
indexRatings(folder.rows, maps);
const split = folder.canonicalSplits![0]!;
const train = {
  ...indexRatings(split.base, maps).data,
  numUsers: maps.userIds.length,
  numItems: maps.itemIds.length,
};
const features = movieFeatures(folder.movies, maps);
const short = { epochs: 1, rankIterations: 0 };
const opts = { batchSize, skipRanking: true };
await trainHybridTf(tf, train, features, short, {}, { ...opts, maxSteps: 1 }); // warm-up
const profile = await tf.profile(async () => {
  await trainHybridTf(tf, train, features, short, {}, { ...opts, maxSteps: 3 });
});
const byKernel = new Map<string, number>();
for (const k of profile.kernels) {
  byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
}
console.log(`Kernels of three steps (${profile.kernels.length} calls), ms:`);
for (const [name, ms] of [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  console.log(`  ${name}: ${ms.toFixed(1)}`);
}
const epochs = 3;
const t0 = performance.now();
await trainHybridTf(tf, train, features, { epochs, rankIterations: 0 }, {}, opts);
console.log(
  `ML-100K u1 (80K ratings, dim 32): ${((performance.now() - t0) / epochs).toFixed(0)} ms per epoch`,
);
