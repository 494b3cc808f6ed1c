/**
 * The TensorFlow.js trainer for the hybrid model of model.ts: the same objective as the plain
 * typed-array engine (js-engine.ts), minimised by Adam over large mini-batches on whatever
 * backend src/lib/ml picked (WebGPU, WebGL, WASM, CPU). Same HybridModel out, same format.
 *
 * Speed and the backend traps:
 * - Batches are whole users (users shuffled every epoch, then cut into runs of ≥ batchSize rows),
 *   so the SVD++ history term of a row's user, |N(u)|^-½ Σ_{j∈N(u)} y_j, is a sum over rows of
 *   the same batch: one scatterND + gather (`userSum`), no pass over the whole data per step.
 * - Every row lookup is a gather whose gradient is a scatterND (`gatherRows`), not tf.gather's
 *   own gradient, which needs UnsortedSegmentSum (missing on WASM, buggy on WebGPU, one kernel
 *   per row on CPU). scatterND sums duplicate indices on all four backends.
 * - The content part is dense and small: ā = F·A and c̄ = F·c with F the items × features matrix
 *   of 1/|F(i)| weights, so its gradients are matMuls.
 * - The regularisers are the objective's weighted-λ terms written per parameter (each parameter
 *   times the summed weight of the rows that touch it), applied to the whole parameter tensors:
 *   dense, no gathers. Per epoch they add up to exactly the objective in model.ts.
 * - One GPU → CPU read per epoch (the epoch's loss), so GPU backends are not stalled per step.
 * - Adam with epsilon 1e-7 (WebGL's 16-bit precision report would make tfjs use 1e-4).
 * - Everything per step runs in tf.tidy; the test checks tf.memory() stays flat across epochs.
 *
 * The ranking part (closed-form iALS solves, under a second for ML-100K) is fitted by the shared
 * `trainRanking`, as the JS engine does, so both engines' top-N come from the same code.
 *
 * `tf` is passed in (never imported here), so this file stays free of the 1.5 MB library and
 * runs in a worker, a page or Node alike.
 */
import type * as TfModule from '@tensorflow/tfjs';
import type { GradSaveFunc, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import {
  checkData,
  checkedFeatures,
  fillGaussian,
  groupRows,
  materialiseUsers,
  resolveConfig,
  rmseOn,
  trainRanking,
  type HybridPredictor,
  type TrainHooks,
  zeroModel,
} from './js-engine';
import { predict, rankItems, scoreItems, type HybridConfig } from './model';
import { rankingForSize } from './sizing';
import type { ItemFeatures, RatingData } from './types';
import { seededRandom } from '../../random/seeded';

type Tf = typeof TfModule;

export interface TfTrainOptions {
  /** Rows per Adam step (rounded up to whole users). */
  batchSize?: number;
  /** Adam's initial learning rate; it decays by config.lrDecay every epoch. */
  learningRate?: number;
  /** Stop after this many steps in all (calibration's short timed run). */
  maxSteps?: number;
  /** Skip the ranking part (self-check, calibration). */
  skipRanking?: boolean;
}

/**
 * Mini-batch Adam settings, tuned on ML-100K u1 (wasm backend in Node, 2 shared cores).
 * Summed per-row SGD steps (the JS engine's rule) diverge here: a batch holds all of a heavy
 * user's rows, so their bias would take hundreds of steps at once. Adam on the mean loss is
 * stable, but fits rare users and items faster than SGD does, so it needs a faster learning
 * rate decay and stronger λ_p, λ_q (TFJS_TUNING) to land near the JS engine's RMSE:
 * u1 0.906 in 20 epochs against 0.899; with the JS engine's own settings it stops at 0.909-0.912.
 */
export const TF_DEFAULTS = { batchSize: 8192, learningRate: 0.02 };

/** Config defaults for this engine where the caller does not set them (see TF_DEFAULTS). */
export const TFJS_TUNING: Partial<HybridConfig> = Object.freeze({
  epochs: 20,
  lrDecay: 0.85,
  regUser: 0.15,
  regItem: 0.15,
});

/** Per-parameter regulariser weights: the summed weight of the rows that touch the parameter. */
function regWeights(
  rows: ReturnType<typeof groupRows>,
  nU: number,
  nI: number,
  nF: number,
  off: Uint32Array,
  fid: Uint32Array,
) {
  const { start, rowItem, rowWeight, counts } = rows;
  const userW = new Float32Array(nU);
  const historyW = new Float32Array(nI);
  let gateW = 0;
  for (let u = 0; u < nU; u++) {
    let w = 0;
    for (let k = start[u]!; k < start[u + 1]!; k++) w += rowWeight[k]!;
    userW[u] = w;
    // y_j is decayed once per row of the user, by the user's whole weight (js-engine.ts).
    for (let k = start[u]!; k < start[u + 1]!; k++) historyW[rowItem[k]!]! += w;
  }
  const featureW = new Float32Array(nF);
  for (let i = 0; i < nI; i++) {
    if (off[i + 1]! > off[i]!) gateW += counts[i]!;
    for (let x = off[i]!; x < off[i + 1]!; x++) featureW[fid[x]!]! += counts[i]!;
  }
  return { userW, itemW: counts, historyW, featureW, gateW };
}

/**
 * Rows of x at idx, with a scatterND gradient (sums duplicates; no UnsortedSegmentSum). The rows
 * are read with gatherND, not gather: on WASM, gather is an order of magnitude slower for these
 * shapes (tests/eval/recs-tfjs-bench.ts measures both).
 */
function gatherRows(tf: Tf, idx2: Tensor2D) {
  return tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const x = args[0] as Tensor;
    return {
      value: tf.gatherND(x, idx2),
      gradFunc: (dy: Tensor) => tf.scatterND(idx2, dy, x.shape),
    };
  }) as (x: Tensor) => Tensor;
}

/**
 * out_r = Σ_{r': user(r') = user(r)} x_r' for the batch's rows (local user indices): the sum
 * over each row's user, broadcast back. A symmetric linear map, so it is its own gradient.
 */
function userSum(tf: Tf, local2: Tensor2D, usersInBatch: number) {
  const apply = (x: Tensor) =>
    tf.gatherND(tf.scatterND(local2, x, [usersInBatch, x.shape[1]!]), local2);
  return tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const x = args[0] as Tensor;
    return { value: apply(x), gradFunc: (dy: Tensor) => apply(dy) };
  }) as (x: Tensor) => Tensor;
}

/**
 * Trains the hybrid model with tfjs on the active backend. Resolves to the same predictor as
 * `trainHybrid`. Cancelling: hooks.signal is checked between steps.
 */
export async function trainHybridTf(
  tf: Tf,
  train: RatingData,
  features: ItemFeatures | undefined,
  config?: Partial<HybridConfig>,
  hooks: TrainHooks = {},
  options: TfTrainOptions = {},
): Promise<HybridPredictor> {
  const cfg = resolveConfig({ ...rankingForSize(train.n), ...TFJS_TUNING, ...config });
  checkData(train, 'trainHybridTf');
  if (hooks.validation) checkData(hooks.validation, 'trainHybridTf validation');
  const batchSize = options.batchSize ?? TF_DEFAULTS.batchSize;
  const maxSteps = options.maxSteps ?? Infinity;
  const { numUsers: nU, numItems: nI } = train;
  const d = cfg.dim;
  const { nF, off, fid } = checkedFeatures(features, nI);
  const rows = groupRows(train, cfg);
  const { start, rowItem, rowRating, rowWeight, counts, mu } = rows;
  const reg = regWeights(rows, nU, nI, nF, off, fid);
  let wTotal = 0;
  for (let k = 0; k < rowWeight.length; k++) wTotal += rowWeight[k]!;

  // The same seeded start as the JS engine: p, a ~ N(0, initStd²); the rest zero.
  const rand = seededRandom(cfg.seed);
  const P0 = new Float32Array(nU * d);
  fillGaussian(P0, cfg.initStd, rand);
  const A0 = new Float32Array(nF * d);
  fillGaussian(A0, cfg.initStd, rand);

  // Dense content matrix F (items × features, 1/|F(i)|), ln(1 + n_i), "has features".
  const Fm = new Float32Array(nI * Math.max(nF, 1));
  const logCount = new Float32Array(nI);
  const hasFeat = new Float32Array(nI);
  for (let i = 0; i < nI; i++) {
    const nf = off[i + 1]! - off[i]!;
    for (let x = off[i]!; x < off[i + 1]!; x++) Fm[i * nF + fid[x]!]! += 1 / nf;
    logCount[i] = Math.log1p(counts[i]!);
    hasFeat[i] = nf > 0 ? 1 : 0;
  }

  const keep: Tensor[] = [];
  const k = <T extends Tensor>(t: T): T => (keep.push(t), t);
  // tidy disposes the initial values; variables survive it.
  const variable = (init: () => Tensor) => k(tf.tidy(() => tf.variable(init(), true)));
  const vP = variable(() => tf.tensor2d(P0, [nU, d]));
  const vBu = variable(() => tf.zeros([nU]));
  const vQ = variable(() => tf.zeros([nI, d]));
  const vBi = variable(() => tf.zeros([nI]));
  const vY = variable(() => tf.zeros([nI, d]));
  const vars: Variable[] = [vP, vBu, vQ, vBi, vY];
  let vC: Variable | null = null;
  let vA: Variable | null = null;
  let vG: Variable | null = null;
  const tFm = nF > 0 ? k(tf.tensor2d(Fm, [nI, nF])) : null;
  const tLog = k(tf.tensor1d(logCount));
  const tHas = k(tf.tensor2d(hasFeat, [nI, 1]));
  if (nF > 0) {
    vC = variable(() => tf.zeros([nF, 1]));
    vA = variable(() => tf.tensor2d(A0, [nF, d]));
    vG = variable(() => tf.zeros([2]));
    vars.push(vC, vA, vG);
  }
  const uW = k(tf.tensor1d(reg.userW));
  const iW = k(tf.tensor1d(reg.itemW));
  const yW = k(tf.tensor1d(reg.historyW));
  const fW = k(tf.tensor1d(reg.featureW));

  /** λ-weighted regulariser of the whole model (the objective's Σ_rows reg terms), / W. */
  const regulariser = (): Tensor => {
    const sq2 = (v: Tensor) => tf.sum(tf.square(v), 1);
    let r = tf.addN([
      tf.mul(cfg.regUserBias, tf.sum(tf.mul(uW, tf.square(vBu)))),
      tf.mul(cfg.regItemBias, tf.sum(tf.mul(iW, tf.square(vBi)))),
      tf.mul(cfg.regUser, tf.sum(tf.mul(uW, sq2(vP)))),
      tf.mul(cfg.regItem, tf.sum(tf.mul(iW, sq2(vQ)))),
      tf.mul(cfg.regHistory, tf.sum(tf.mul(yW, sq2(vY)))),
    ]);
    if (vC && vA && vG) {
      r = tf.addN([
        r,
        tf.mul(cfg.regFeatureBias, tf.sum(tf.mul(fW, tf.square(tf.reshape(vC, [nF]))))),
        tf.mul(cfg.regFeature, tf.sum(tf.mul(fW, sq2(vA)))),
        tf.mul(cfg.regGate * reg.gateW, tf.sum(tf.square(vG))),
      ]);
    }
    return tf.div(r, wTotal);
  };

  /** Effective item vectors q̃ = q + g·ā and biases b + c̄, for every item (dense, small). */
  const itemSide = (): { Qt: Tensor; Bt: Tensor } => {
    if (!tFm || !vC || !vA || !vG) return { Qt: vQ, Bt: vBi };
    const [g0, g1] = tf.split(vG, 2);
    const gate = tf.mul(tf.sigmoid(tf.add(g0!, tf.mul(g1!, tLog))).reshape([nI, 1]), tHas);
    const Qt = tf.add(vQ, tf.mul(gate, tf.matMul(tFm, vA)));
    const Bt = tf.add(vBi, tf.reshape(tf.matMul(tFm, vC), [nI]));
    return { Qt, Bt };
  };

  const optimizer = tf.train.adam(
    options.learningRate ?? TF_DEFAULTS.learningRate,
    0.9,
    0.999,
    1e-7,
  );
  const rate = optimizer as unknown as { learningRate: number };

  // Batch buffers, allocated once at the largest batch a run of whole users can make.
  let maxUser = 0;
  for (let u = 0; u < nU; u++) maxUser = Math.max(maxUser, start[u + 1]! - start[u]!);
  const cap = batchSize + maxUser;
  const bUser = new Int32Array(cap);
  const bLocal = new Int32Array(cap);
  const bItem = new Int32Array(cap);
  const bRating = new Float32Array(cap);
  const bWeight = new Float32Array(cap);
  const bNorm = new Float32Array(cap);
  const userOrder = new Uint32Array(nU);
  for (let u = 0; u < nU; u++) userOrder[u] = u;

  const model = zeroModel(cfg, nU, { nF, off, fid }, counts, mu);
  const P = new Float32Array(nU * d);
  /** Copies the variables into the model (and p, which materialiseUsers turns into p̃). */
  const pull = async () => {
    P.set(await vP.data());
    model.userBias.set(await vBu.data());
    model.itemFactors.set(await vQ.data());
    model.itemBias.set(await vBi.data());
    model.itemHistory.set(await vY.data());
    if (vC && vA && vG) {
      model.featureBias.set(await vC.data());
      model.featureFactors.set(await vA.data());
      model.gate.set(await vG.data());
    }
    materialiseUsers(model, P, start, rowItem);
  };

  const now = () => performance.now();
  let steps = 0;
  try {
    for (let epoch = 1; epoch <= cfg.epochs && steps < maxSteps; epoch++) {
      const t0 = now();
      hooks.signal?.throwIfAborted();
      shuffle(userOrder, rand);
      let sse: Tensor | null = null;
      let ui = 0;
      while (ui < nU && steps < maxSteps) {
        // One batch: whole users until batchSize rows.
        let b = 0;
        let local = 0;
        let bw = 0;
        while (ui < nU && b < batchSize) {
          const u = userOrder[ui++]!;
          const s0 = start[u]!;
          const s1 = start[u + 1]!;
          if (s0 === s1) continue;
          const norm = 1 / Math.sqrt(s1 - s0);
          for (let r = s0; r < s1; r++, b++) {
            bUser[b] = u;
            bLocal[b] = local;
            bItem[b] = rowItem[r]!;
            bRating[b] = rowRating[r]!;
            bWeight[b] = rowWeight[r]!;
            bNorm[b] = norm;
            bw += rowWeight[r]!;
          }
          local++;
        }
        if (b === 0) break;
        hooks.signal?.throwIfAborted();
        const batchSse = tf.tidy(() => {
          // Indices as [b, 1] columns, the shape gatherND and scatterND take.
          const uIdx2 = tf.tensor2d(bUser.subarray(0, b), [b, 1], 'int32');
          const iIdx2 = tf.tensor2d(bItem.subarray(0, b), [b, 1], 'int32');
          const lIdx2 = tf.tensor2d(bLocal.subarray(0, b), [b, 1], 'int32');
          const r = tf.tensor1d(bRating.subarray(0, b));
          const w = tf.tensor1d(bWeight.subarray(0, b));
          const norm = tf.tensor2d(bNorm.subarray(0, b), [b, 1]);
          const byUser = gatherRows(tf, uIdx2);
          const byItem = gatherRows(tf, iIdx2);
          const sumUser = userSum(tf, lIdx2, local);
          let rowSse: Tensor | null = null;
          optimizer.minimize(
            () => {
              const { Qt, Bt } = itemSide();
              const pt = tf.add(byUser(vP), tf.mul(norm, sumUser(byItem(vY))));
              const pred = tf.add(
                tf.addN([tf.sum(tf.mul(pt, byItem(Qt)), 1), byUser(vBu), byItem(Bt)]),
                mu,
              );
              const wse = tf.sum(tf.mul(w, tf.square(tf.sub(r, pred))));
              rowSse = tf.keep(wse);
              return tf.add(tf.div(wse, bw), regulariser()) as TfModule.Scalar;
            },
            false,
            vars,
          );
          return rowSse!;
        });
        const next: Tensor = sse ? tf.add(sse, batchSse) : tf.clone(batchSse);
        sse?.dispose();
        batchSse.dispose();
        sse = next;
        steps++;
      }
      rate.learningRate *= cfg.lrDecay;
      const loss = sse ? Math.sqrt((await sse.data())[0]! / (wTotal || 1)) : 0;
      sse?.dispose();
      if (!Number.isFinite(loss)) throw new Error(`tfjs training diverged (loss ${loss})`);
      if (hooks.onEpoch) {
        let validationRmse: number | undefined;
        if (hooks.validation) {
          await pull();
          validationRmse = rmseOn(model, hooks.validation);
        }
        hooks.onEpoch({ epoch, loss, validationRmse, ms: now() - t0 });
      }
    }
    await pull();
  } finally {
    optimizer.dispose();
    tf.dispose(keep);
  }
  if (!options.skipRanking) trainRanking(model, rows, cfg, hooks.signal);
  return {
    model,
    predict: (user, item) => predict(model, user, item),
    scoreItems: (user, items) => scoreItems(model, user, items),
    rankItems: (user, items) => rankItems(model, user, items),
  };
}

function shuffle(a: Uint32Array, rand: () => number): void {
  for (let k = a.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    const t = a[k]!;
    a[k] = a[j]!;
    a[j] = t;
  }
}

/**
 * The recommender's numeric self-check for src/lib/ml's ladder: two Adam steps of this engine on
 * a tiny fixed data set (every gradient path: scatterND, the per-user sum, the content matMuls,
 * the gate), returning all the weights. A backend must reproduce the CPU backend's numbers.
 */
export async function recommenderSelfCheck(tf: Tf): Promise<Float32Array> {
  const users = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5];
  const items = [0, 1, 2, 1, 3, 0, 2, 4, 3, 4, 0, 1, 4, 2, 3];
  const ratings = [5, 3, 4, 2, 5, 4, 5, 1, 4, 2, 3, 4, 5, 1, 3];
  const data: RatingData = {
    numUsers: 6,
    numItems: 5,
    n: users.length,
    users: Uint32Array.from(users),
    items: Uint32Array.from(items),
    ratings: Float32Array.from(ratings),
  };
  const features: ItemFeatures = {
    numFeatures: 3,
    itemOffsets: Uint32Array.from([0, 1, 3, 4, 5, 6]),
    featureIds: Uint32Array.from([0, 0, 1, 2, 1, 2]),
    featureNames: ['a', 'b', 'c'],
  };
  const { model } = await trainHybridTf(
    tf,
    data,
    features,
    { dim: 4, epochs: 2, lrDecay: 1, rankIterations: 0, seed: 7, initStd: 0.3 },
    {},
    { batchSize: 64, learningRate: 0.05, skipRanking: true },
  );
  const parts = [
    model.userBias,
    model.userFactors,
    model.itemBias,
    model.itemFactors,
    model.itemHistory,
    model.featureBias,
    model.featureFactors,
    model.gate,
  ];
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
