/**
 * The plain typed-array trainer for the hybrid model of model.ts: seeded, shuffled SGD with
 * no allocation per row. Runs wherever JavaScript does (Node, a Web Worker, the page).
 *
 * Rows are visited user by user (users shuffled, each user's rows shuffled, every epoch):
 * the history term |N(u)|^-½ Σ y_j is then computed once per user, and its gradient, summed
 * over the user's rows, is applied to the y_j when the user is done. This is the usual fast
 * SVD++ schedule; per-row updates of every y_j would cost |N(u)| times more. The content part
 * is treated alike within blocks of a user's rows (CONTENT_BLOCK): p̃·a_f is computed once per
 * block and feature, and the block's summed gradient moves the a_f, and p by its content share
 * g_i·ā_i, at the block's end. Per row the content part then costs a few scalar operations per
 * feature instead of two passes over dim per feature.
 *
 * Each step follows the row's weighted gradient of the objective in model.ts (the factor 2
 * folded into the learning rate). Start: p and a ~ N(0, initStd²); q, y, biases and γ zero.
 *
 * The ranking part (x, y of the iALS objective in model.ts) is then fitted by `trainRanking`
 * in the same call: a few sweeps of closed-form solves, users then items then features.
 */
import {
  DEFAULT_HYBRID_CONFIG,
  alsSolve,
  gram,
  predict,
  rankItems,
  scoreItems,
  type HybridConfig,
  type HybridModel,
} from './model';
import { configForSize } from './sizing';
import type { ItemFeatures, RatingData, RatingPredictor } from './types';
import { learnItemItem } from './item-item';
import { seededRandom } from '../../random/seeded';

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  /** Weighted training RMSE of the rows as they were visited during the epoch. */
  loss: number;
  /** RMSE (clamped predictions) on hooks.validation, when given. */
  validationRmse?: number;
  /** Wall time of the epoch, validation included. */
  ms: number;
}

export interface TrainHooks {
  onEpoch?: (e: EpochReport) => void;
  /** Checked before every user's rows; aborting throws the signal's reason (an AbortError). */
  signal?: AbortSignal;
  validation?: RatingData;
}

export type HybridPredictor = RatingPredictor & {
  model: HybridModel;
  /** Raw (unclamped) predicted ratings of the items for the user. */
  scoreItems(user: number, items: Uint32Array): Float32Array;
  /** Ranking scores (the implicit part) of the items for the user: use these for top-N. */
  rankItems(user: number, items: Uint32Array): Float32Array;
};

export function fillGaussian(a: Float32Array, std: number, rand: () => number): void {
  for (let k = 0; k < a.length; k++) {
    const u = 1 - rand(); // (0, 1]: log stays finite
    a[k] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  }
}

export function checkData(data: RatingData, what: string): void {
  const { n, users, items, ratings, weights, numUsers, numItems } = data;
  if (
    users.length < n ||
    items.length < n ||
    ratings.length < n ||
    (weights && weights.length < n)
  ) {
    throw new Error(`${what}: arrays shorter than n = ${n}`);
  }
  for (let r = 0; r < n; r++) {
    if (users[r]! >= numUsers || items[r]! >= numItems) {
      throw new RangeError(
        `${what}: row ${r} has user ${users[r]} / item ${items[r]} out of range`,
      );
    }
  }
}

/**
 * The full configuration: the caller's values over, given the number of training rows,
 * `configForSize`'s (sizing.ts), over DEFAULT_HYBRID_CONFIG.
 */
export function resolveConfig(
  config: Partial<HybridConfig> | undefined,
  numRatings?: number,
): HybridConfig {
  const sized = numRatings === undefined ? {} : configForSize(numRatings);
  const c = { ...DEFAULT_HYBRID_CONFIG, ...sized, ...config };
  if (!Number.isInteger(c.dim) || c.dim < 1) throw new RangeError(`dim must be ≥ 1, not ${c.dim}`);
  if (!Number.isInteger(c.epochs) || c.epochs < 0) throw new RangeError(`bad epochs ${c.epochs}`);
  for (const [k, v] of Object.entries(c)) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`config.${k} must be ≥ 0, not ${v}`);
  }
  return c;
}

/**
 * The training rows grouped by user (CSR), with the effective weights (implicit rows scaled by
 * implicitWeight), each item's summed weight n_i and the weighted mean rating μ.
 */
export function groupRows(
  train: RatingData,
  cfg: HybridConfig,
): UserRows & { counts: Float32Array; mu: number } {
  const { numUsers: nU, numItems: nI, n } = train;
  const start = new Uint32Array(nU + 1);
  for (let r = 0; r < n; r++) start[train.users[r]! + 1]!++;
  for (let u = 0; u < nU; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, nU);
  const rowItem = new Uint32Array(n);
  const rowRating = new Float32Array(n);
  const rowWeight = new Float32Array(n);
  const counts = new Float32Array(nI);
  let mu = 0;
  let wTotal = 0;
  for (let r = 0; r < n; r++) {
    const raw = train.weights ? train.weights[r]! : 1;
    const w = raw < 1 ? raw * cfg.implicitWeight : raw;
    const k = fill[train.users[r]!]!++;
    rowItem[k] = train.items[r]!;
    rowRating[k] = train.ratings[r]!;
    rowWeight[k] = w;
    counts[train.items[r]!]! += w;
    mu += w * train.ratings[r]!;
    wTotal += w;
  }
  mu = wTotal > 0 ? mu / wTotal : (1 + 5) / 2;
  return { start, rowItem, rowRating, rowWeight, counts, mu };
}

/** Item features as arrays (none: every item has an empty list), checked against the data. */
export function checkedFeatures(
  features: ItemFeatures | undefined,
  nI: number,
): { nF: number; off: Uint32Array; fid: Uint32Array } {
  const nF = features?.numFeatures ?? 0;
  const off = features?.itemOffsets ?? new Uint32Array(nI + 1);
  const fid = features?.featureIds ?? new Uint32Array(0);
  if (off.length !== nI + 1) {
    throw new Error(`features: ${off.length - 1} items, ratings: ${nI}`);
  }
  for (let x = 0; x < off[nI]!; x++) {
    if (fid[x]! >= nF) throw new RangeError(`features: id ${fid[x]} ≥ numFeatures ${nF}`);
  }
  return { nF, off, fid };
}

/**
 * A model of the right sizes with every parameter zero, which both engines then fill. q and y
 * stay zero at the start (p is random, which breaks the symmetry), so an item nobody rated
 * keeps q_i = 0 and y_i = 0 rather than random noise.
 */
export function zeroModel(
  cfg: HybridConfig,
  nU: number,
  { nF, off, fid }: { nF: number; off: Uint32Array; fid: Uint32Array },
  counts: Float32Array,
  mu: number,
): HybridModel {
  const nI = off.length - 1;
  const d = cfg.dim;
  return {
    numUsers: nU,
    numItems: nI,
    numFeatures: nF,
    dim: d,
    globalMean: mu,
    config: cfg,
    userBias: new Float32Array(nU),
    userFactors: new Float32Array(nU * d),
    itemBias: new Float32Array(nI),
    itemFactors: new Float32Array(nI * d),
    itemHistory: new Float32Array(nI * d),
    itemCounts: counts,
    featureBias: new Float32Array(nF),
    featureFactors: new Float32Array(nF * d),
    gate: new Float32Array(2),
    itemFeatureOffsets: off.slice(),
    itemFeatureIds: fid.slice(0, off[nI]!),
    rankDim: cfg.rankDim,
    rankUserFactors: new Float32Array(nU * cfg.rankDim),
    rankItemFactors: new Float32Array(nI * cfg.rankDim),
    neighbourOffsets: new Uint32Array(nI + 1),
    neighbourItems: new Uint32Array(0),
    neighbourWeights: new Float32Array(0),
  };
}

export function trainHybrid(
  train: RatingData,
  features: ItemFeatures | undefined,
  config?: Partial<HybridConfig>,
  hooks: TrainHooks = {},
): HybridPredictor {
  const cfg = resolveConfig(config, train.n);
  checkData(train, 'trainHybrid');
  if (hooks.validation) checkData(hooks.validation, 'trainHybrid validation');
  const { numUsers: nU, numItems: nI, n } = train;
  const d = cfg.dim;
  const { nF, off, fid } = checkedFeatures(features, nI);

  const { start, rowItem, rowRating, rowWeight, counts, mu } = groupRows(train, cfg);

  // Per-item constants of the content part: 1/|F(i)| and ln(1 + n_i).
  const featInv = new Float64Array(nI);
  const logCount = new Float64Array(nI);
  for (let i = 0; i < nI; i++) {
    const nf = off[i + 1]! - off[i]!;
    featInv[i] = nf > 0 ? 1 / nf : 0;
    logCount[i] = Math.log1p(counts[i]!);
  }

  const rand = seededRandom(cfg.seed);
  const P = new Float32Array(nU * d); // raw p_u; the model gets p̃_u
  fillGaussian(P, cfg.initStd, rand);
  const model = zeroModel(cfg, nU, { nF, off, fid }, counts, mu);
  fillGaussian(model.featureFactors, cfg.initStd, rand);
  const { userBias: BU, itemBias: BI, itemFactors: Q, itemHistory: Y } = model;
  const { featureBias: C, featureFactors: A } = model;

  // Scratch, allocated once: p̃, the history term's summed gradient, the content part's share
  // of a block's gradients; per feature, for the current block of rows: p̃·a_f, Σ w·e·g_i/|F(i)|
  // and Σ w over the block's rows with f, whether it is set, and the list of those set.
  const pt = new Float64Array(d);
  const gz = new Float64Array(d);
  const gv = new Float64Array(d);
  const featDot = new Float64Array(nF);
  const featGrad = new Float64Array(nF);
  const featWeight = new Float64Array(nF);
  const featSeen = new Uint8Array(nF);
  const touched = new Uint32Array(nF);
  const userOrder = new Uint32Array(nU);
  for (let u = 0; u < nU; u++) userOrder[u] = u;
  const rowOrder = new Uint32Array(n);
  for (let k = 0; k < n; k++) rowOrder[k] = k;

  const { regUserBias: rBu, regItemBias: rBi, regUser: rP, regItem: rQ } = cfg;
  const { regHistory: rY, regFeature: rA, regFeatureBias: rC, regGate: rG } = cfg;
  let lr = cfg.lr;
  let gateLr = cfg.gateLr;
  let g0 = 0;
  let g1 = 0;
  const signal = hooks.signal;

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
    const t0 = now();
    signal?.throwIfAborted();
    shuffle(userOrder, 0, nU, rand);
    let se = 0;
    let sw = 0;
    for (let ui = 0; ui < nU; ui++) {
      const u = userOrder[ui]!;
      const s0 = start[u]!;
      const s1 = start[u + 1]!;
      if (s0 === s1) continue;
      if (signal?.aborted) signal.throwIfAborted();
      shuffle(rowOrder, s0, s1, rand);

      // p̃ = p + |N(u)|^-½ Σ y_j
      const po = u * d;
      const norm = 1 / Math.sqrt(s1 - s0);
      for (let f = 0; f < d; f++) pt[f] = 0;
      for (let k = s0; k < s1; k++) {
        const yo = rowItem[k]! * d;
        for (let f = 0; f < d; f++) pt[f]! += Y[yo + f]!;
      }
      for (let f = 0; f < d; f++) {
        pt[f] = P[po + f]! + norm * pt[f]!;
        gz[f] = 0;
      }
      let bu = BU[u]!;
      let wUser = 0;
      let nTouched = 0;
      let inBlock = 0;

      for (let k = s0; k < s1; k++) {
        const row = rowOrder[k]!;
        const i = rowItem[row]!;
        const w = rowWeight[row]!;
        const qo = i * d;
        const f0 = off[i]!;
        const f1 = off[i + 1]!;

        // Forward: r̂ = μ + b_u + b_i + c̄_i + p̃·q_i + g_i·(p̃·ā_i), where p̃·ā_i is the mean of
        // the item's p̃·a_f, each computed once per block.
        let pred = mu + bu + BI[i]!;
        let g = 0;
        let dotA = 0;
        let inv = 0;
        let lc = 0;
        if (f1 > f0) {
          inv = featInv[i]!;
          let cb = 0;
          for (let x = f0; x < f1; x++) {
            const c = fid[x]!;
            cb += C[c]!;
            if (!featSeen[c]) {
              featSeen[c] = 1;
              const ao = c * d;
              let dot = 0;
              for (let f = 0; f < d; f++) dot += pt[f]! * A[ao + f]!;
              featDot[c] = dot;
              featGrad[c] = 0;
              featWeight[c] = 0;
              touched[nTouched++] = c;
            }
            dotA += featDot[c]!;
          }
          dotA *= inv;
          lc = logCount[i]!;
          g = 1 / (1 + Math.exp(-(g0 + g1 * lc)));
          pred += cb * inv + g * dotA;
        }
        for (let f = 0; f < d; f++) pred += pt[f]! * Q[qo + f]!;
        const e = rowRating[row]! - pred;
        se += w * e * e;
        wUser += w;

        // Backward: every step is the weighted row's gradient (w scales data and reg terms).
        const lw = lr * w;
        bu += lw * (e - rBu * bu);
        BI[i] = BI[i]! + lw * (e - rBi * BI[i]!);
        if (f1 > f0) {
          const dg = e * dotA * g * (1 - g);
          const glw = gateLr * w;
          g0 += glw * (dg - rG * g0);
          g1 += glw * (dg * lc - rG * g1);
          const ec = e * inv;
          const ea = w * e * g * inv;
          for (let x = f0; x < f1; x++) {
            const c = fid[x]!;
            C[c] = C[c]! + lw * (ec - rC * C[c]!);
            featGrad[c]! += ea;
            featWeight[c]! += w;
          }
        }
        // p and q step with the collaborative part q_i of q̃_i; the content part g_i·ā_i waits
        // for the end of the block (below).
        const we = w * e;
        for (let f = 0; f < d; f++) {
          const p = P[po + f]!;
          const q = Q[qo + f]!;
          const dp = lw * (e * q - rP * p);
          P[po + f] = p + dp;
          Q[qo + f] = q + lw * (e * pt[f]! - rQ * q);
          gz[f]! += we * q;
          pt[f]! += dp;
        }

        // End of a block (or of the user): the content part's steps, summed over the block.
        // Σ_rows w·e·g_i·ā_i = Σ_f featGrad_f·a_f goes to p (and p̃) and to the history
        // gradient; each a_f steps by featGrad_f·p̃ and decays once per row of the block that
        // has it (as a product, so that even a long block cannot overshoot zero).
        if (nTouched > 0 && (++inBlock === CONTENT_BLOCK || k === s1 - 1)) {
          for (let f = 0; f < d; f++) gv[f] = 0;
          for (let t = 0; t < nTouched; t++) {
            const c = touched[t]!;
            const ao = c * d;
            const s = featGrad[c]!;
            const keep = Math.exp(-lr * rA * featWeight[c]!);
            for (let f = 0; f < d; f++) {
              const a = A[ao + f]!;
              gv[f]! += s * a;
              A[ao + f] = keep * a + lr * s * pt[f]!;
            }
            featSeen[c] = 0;
          }
          for (let f = 0; f < d; f++) {
            const dp = lr * gv[f]!;
            P[po + f] = P[po + f]! + dp;
            pt[f]! += dp;
            gz[f]! += gv[f]!;
          }
          nTouched = 0;
          inBlock = 0;
        }
      }
      BU[u] = bu;
      sw += wUser;

      // The history factors' summed gradient; the regulariser counts once per row of the user.
      const yScale = lr * norm;
      const yDecay = lr * rY * wUser;
      for (let k = s0; k < s1; k++) {
        const yo = rowItem[k]! * d;
        for (let f = 0; f < d; f++) Y[yo + f] = Y[yo + f]! + yScale * gz[f]! - yDecay * Y[yo + f]!;
      }
    }
    lr *= cfg.lrDecay;
    gateLr *= cfg.lrDecay;
    model.gate[0] = g0;
    model.gate[1] = g1;

    if (hooks.onEpoch) {
      let validationRmse: number | undefined;
      if (hooks.validation) {
        materialiseUsers(model, P, start, rowItem);
        validationRmse = rmseOn(model, hooks.validation);
      }
      hooks.onEpoch({ epoch, loss: Math.sqrt(se / (sw || 1)), validationRmse, ms: now() - t0 });
    }
  }
  materialiseUsers(model, P, start, rowItem);
  trainRanking(model, { start, rowItem, rowRating, rowWeight }, cfg, signal);
  return {
    model,
    predict: (user, item) => predict(model, user, item),
    scoreItems: (user, items) => scoreItems(model, user, items),
    rankItems: (user, items) => rankItems(model, user, items),
  };
}

/**
 * Rows per block of the content part's deferred steps (trainHybrid): p̃·a_f is computed once per
 * block and feature instead of once per row, and the a_f (and the content share of p's step)
 * move once per block, by the block's summed gradient. Short enough that a heavy user's
 * summed step stays small, long enough that the per-block cost (features touched × dim) is
 * spread over many rows.
 */
const CONTENT_BLOCK = 64;

/** The training rows grouped by user (CSR), with their effective weights. */
export interface UserRows {
  start: Uint32Array;
  rowItem: Uint32Array;
  rowRating: Float32Array;
  rowWeight: Float32Array;
}

/**
 * Fits the ranking part of `model`: the item-item weights w(j→i) (item-item.ts), then
 * rankUserFactors and rankItemFactors by weighted ALS, as model.ts defines it. Each sweep: every
 * x_u in closed form given Y, every y_i given X (with its content prior ē_i), then one
 * Gauss-Seidel pass over the feature embeddings e_f.
 * Cost per sweep: (rows · rankDim² + (users + items) · rankDim³ / 3) multiply-adds.
 */
export function trainRanking(
  model: HybridModel,
  rows: UserRows,
  cfg: HybridConfig,
  signal?: AbortSignal,
): void {
  const { numUsers: nU, numItems: nI, rankDim: d } = model;
  const { start, rowItem, rowRating, rowWeight } = rows;
  const X = model.rankUserFactors;
  const Y = model.rankItemFactors;

  // Distinct (user, item) pairs with extra = c − 1 = α Σ w·r, by user then transposed by item.
  const slot = new Int32Array(nI).fill(-1);
  const uStart = new Uint32Array(nU + 1);
  const uItem = new Uint32Array(rowItem.length);
  const uExtra = new Float64Array(rowItem.length);
  let m = 0;
  for (let u = 0; u < nU; u++) {
    const first = m;
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const i = rowItem[k]!;
      if (slot[i]! < first) {
        slot[i] = m;
        uItem[m] = i;
        uExtra[m++] = 0;
      }
      uExtra[slot[i]!]! += cfg.rankAlpha * rowWeight[k]! * rowRating[k]!;
    }
    uStart[u + 1] = m;
  }
  const nb = learnItemItem({ offsets: uStart, items: uItem.subarray(0, m) }, nI, cfg, () =>
    signal?.throwIfAborted(),
  );
  model.neighbourOffsets = nb.offsets;
  model.neighbourItems = nb.items;
  model.neighbourWeights = nb.weights;
  if (cfg.rankIterations === 0) return;

  const iStart = new Uint32Array(nI + 1);
  for (let k = 0; k < m; k++) iStart[uItem[k]! + 1]!++;
  for (let i = 0; i < nI; i++) iStart[i + 1]! += iStart[i]!;
  const iUser = new Uint32Array(m);
  const iExtra = new Float64Array(m);
  const fill = iStart.slice(0, nI);
  for (let u = 0; u < nU; u++) {
    for (let k = uStart[u]!; k < uStart[u + 1]!; k++) {
      const at = fill[uItem[k]!]!++;
      iUser[at] = u;
      iExtra[at] = uExtra[k]!;
    }
  }

  // Content prior: ē_i (kept up to date) and the feature embeddings e_f, starting at zero.
  const lambda = cfg.regRank;
  const prior = contentPrior(model, cfg.regRankFeature / (lambda || 1));
  // Only items someone interacted with are fitted (a cold item's y_i is just its shrunk prior).
  const warm = new Uint8Array(nI);
  for (let i = 0; i < nI; i++) warm[i] = iStart[i + 1]! > iStart[i]! ? 1 : 0;

  // Small random items to start (zero would be a fixed point); users are solved first.
  const rand = seededRandom(cfg.seed + 1);
  fillGaussian(Y, 0.1 / Math.sqrt(d), rand);

  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  for (let it = 0; it < cfg.rankIterations; it++) {
    signal?.throwIfAborted();
    let G = gram(Y, nI, d);
    for (let u = 0; u < nU; u++) {
      alsSolve(G, Y, d, uItem, uExtra, lambda, null, A, b, uStart[u]!, uStart[u + 1]!);
      for (let f = 0; f < d; f++) X[u * d + f] = b[f]!;
    }
    signal?.throwIfAborted();
    G = gram(X, nU, d);
    for (let i = 0; i < nI; i++) {
      alsSolve(G, X, d, iUser, iExtra, lambda, prior.of(i), A, b, iStart[i]!, iStart[i + 1]!);
      for (let f = 0; f < d; f++) Y[i * d + f] = b[f]!;
    }
    prior.fit(Y, warm);
  }
}

/** The ranking part's content prior: ē_i of every item, and the pass that fits the e_f. */
interface ContentPrior {
  /** ē_i, or null for an item without features (its prior is 0). */
  of(i: number): Float64Array | null;
  /**
   * One Gauss-Seidel pass over the feature embeddings, each with the others held:
   * e_f ← argmin Σ_{i∋f, fitted} |y_i − ē_i|² + ridge·|e_f|², the ridge regression of the
   * residuals on f's weight 1/|F(i)| in ē_i. ē_i of every item with f (unfitted ones too)
   * moves with e_f.
   */
  fit(Y: Float32Array, fitted: Uint8Array): void;
}

/**
 * The content prior ē_i = mean_{f∈F(i)} e_f of `model`'s ranking part, every e_f starting at
 * zero; `ridge` is λ_e/λ_r. Shared by trainRanking and by completeRanking (item factors
 * trained elsewhere), so a prior means the same in both.
 */
function contentPrior(model: HybridModel, ridge: number): ContentPrior {
  const { numItems: nI, numFeatures: nF, rankDim: d } = model;
  const { itemFeatureOffsets: off, itemFeatureIds: fid } = model;
  const E = new Float64Array(nF * d);
  const ebar = new Float64Array(nI * d);
  const featInv = new Float64Array(nI);
  for (let i = 0; i < nI; i++) featInv[i] = off[i + 1]! > off[i]! ? 1 / (off[i + 1]! - off[i]!) : 0;
  // Items by feature (CSR, the transpose of the item → feature lists).
  const fStart = new Uint32Array(nF + 1);
  for (let x = 0; x < off[nI]!; x++) fStart[fid[x]! + 1]!++;
  for (let f = 0; f < nF; f++) fStart[f + 1]! += fStart[f]!;
  const fItem = new Uint32Array(fStart[nF]!);
  const ffill = fStart.slice(0, nF);
  for (let i = 0; i < nI; i++) {
    for (let x = off[i]!; x < off[i + 1]!; x++) fItem[ffill[fid[x]!]!++] = i;
  }
  const resid = new Float64Array(d);
  return {
    of: (i) => (off[i + 1]! > off[i]! ? ebar.subarray(i * d, (i + 1) * d) : null),
    fit(Y, fitted) {
      for (let f = 0; f < nF; f++) {
        const fo = f * d;
        resid.fill(0);
        let norm = ridge;
        for (let k = fStart[f]!; k < fStart[f + 1]!; k++) {
          const i = fItem[k]!;
          if (!fitted[i]) continue;
          const phi = featInv[i]!;
          const io = i * d;
          for (let c = 0; c < d; c++) {
            resid[c]! += phi * (Y[io + c]! - ebar[io + c]! + phi * E[fo + c]!);
          }
          norm += phi * phi;
        }
        // New e_f, and ē_i of every item with f moved by its change.
        for (let c = 0; c < d; c++) {
          const next = resid[c]! / norm;
          resid[c] = next - E[fo + c]!;
          E[fo + c] = next;
        }
        for (let k = fStart[f]!; k < fStart[f + 1]!; k++) {
          const i = fItem[k]!;
          const phi = featInv[i]!;
          for (let c = 0; c < d; c++) ebar[i * d + c]! += phi * resid[c]!;
        }
      }
    },
  };
}

/** Passes of the content prior's fit to item factors trained elsewhere: trainRanking's sweeps. */
const PRIOR_PASSES = DEFAULT_HYBRID_CONFIG.rankIterations;

/**
 * Completes a ranking part whose item vectors y_i were trained elsewhere (a shop's item factors,
 * from Spark's ALS, say) and set in `model.rankItemFactors` for the items marked `known`; the
 * other items' rows must be zero. The content prior is fitted to the known items as trainRanking
 * fits it, and each other item gets what trainRanking gives an item nobody chose,
 * y_i = (XᵀX + λ_r I)⁻¹ λ_r ē_i, with YᵀY of the known items standing in for the shoppers' XᵀX:
 * the shoppers are not shipped, and at a stationary point of a factorisation regularised alike
 * on both sides the two are equal. A product without factors then ranks by its features, below
 * the products shoppers chose. λ_r and λ_e are the model's own. The users' x_u are left alone:
 * the device folds its shopper in.
 */
export function completeRanking(model: HybridModel, known: Uint8Array): void {
  const { numItems: nI, rankDim: d, rankItemFactors: Y, config } = model;
  const lambda = config.regRank;
  const prior = contentPrior(model, config.regRankFeature / (lambda || 1));
  for (let pass = 0; pass < PRIOR_PASSES; pass++) prior.fit(Y, known);
  const G = gram(Y, nI, d);
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const none = new Uint32Array(0);
  for (let i = 0; i < nI; i++) {
    if (known[i]) continue;
    const ebar = prior.of(i);
    if (!ebar) continue; // no features: no prior, y_i stays 0 as in trainRanking
    alsSolve(G, Y, d, none, none, lambda, ebar, A, b);
    for (let f = 0; f < d; f++) Y[i * d + f] = b[f]!;
  }
}

/** Fisher-Yates over a[s0..s1). */
function shuffle(a: Uint32Array, s0: number, s1: number, rand: () => number): void {
  for (let k = s1 - 1; k > s0; k--) {
    const j = s0 + Math.floor(rand() * (k - s0 + 1));
    const t = a[k]!;
    a[k] = a[j]!;
    a[j] = t;
  }
}

/** userFactors ← p̃_u = p_u + |N(u)|^-½ Σ y_j; a user without rows gets zeros, not noise. */
export function materialiseUsers(
  model: HybridModel,
  P: Float32Array,
  start: Uint32Array,
  rowItem: Uint32Array,
): void {
  const { dim: d, itemHistory: Y, userFactors: out } = model;
  for (let u = 0; u < model.numUsers; u++) {
    const s0 = start[u]!;
    const s1 = start[u + 1]!;
    const po = u * d;
    if (s0 === s1) {
      out.fill(0, po, po + d);
      continue;
    }
    const norm = 1 / Math.sqrt(s1 - s0);
    for (let f = 0; f < d; f++) {
      let z = 0;
      for (let k = s0; k < s1; k++) z += Y[rowItem[k]! * d + f]!;
      out[po + f] = P[po + f]! + norm * z;
    }
  }
}

export function rmseOn(model: HybridModel, data: RatingData): number {
  let se = 0;
  for (let r = 0; r < data.n; r++) {
    se += (predict(model, data.users[r]!, data.items[r]!) - data.ratings[r]!) ** 2;
  }
  return Math.sqrt(se / (data.n || 1));
}
