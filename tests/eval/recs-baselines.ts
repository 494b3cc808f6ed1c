/**
 * Reference models the hybrid must beat, computed by the same harness: the global mean,
 * user/item biases (Surprise's BaselineOnly) and item-kNN on baseline residuals
 * (Surprise's KNNBaseline with the pearson_baseline similarity), plus popularity for top-N.
 */
import { clampRating } from '../../src/lib/recommender/shared/model';
import type { RatingData, RatingPredictor } from '../../src/lib/recommender/shared/types';
import type { ItemScorer } from './recs-metrics';

export { clampRating };

const weightOf = (data: RatingData, r: number) => (data.weights ? data.weights[r]! : 1);

function weightedMean(data: RatingData): number {
  let sum = 0;
  let total = 0;
  for (let r = 0; r < data.n; r++) {
    const w = weightOf(data, r);
    sum += w * data.ratings[r]!;
    total += w;
  }
  return total > 0 ? sum / total : 3;
}

export function trainGlobalMean(data: RatingData): RatingPredictor & { mu: number } {
  const mu = weightedMean(data);
  return { mu, predict: () => clampRating(mu) };
}

export interface BiasOptions {
  /** Sets both regularisers at once. */
  reg?: number;
  regUser?: number;
  regItem?: number;
  epochs?: number;
}

export type BiasModel = RatingPredictor & {
  mu: number;
  bu: Float32Array;
  bi: Float32Array;
  /** The unclamped baseline mu + bu + bi; 0 bias for users or items unseen in training. */
  baseline(user: number, item: number): number;
};

/**
 * Regularised user and item biases by alternating least squares, as Surprise's
 * BaselineOnly: bu = sum(r - mu - bi) / (regUser + |I_u|), then bi likewise.
 */
export function trainBiases(data: RatingData, opts: BiasOptions = {}): BiasModel {
  const regUser = opts.regUser ?? opts.reg ?? 15;
  const regItem = opts.regItem ?? opts.reg ?? 10;
  const epochs = opts.epochs ?? 10;
  const mu = weightedMean(data);
  const bu = new Float32Array(data.numUsers);
  const bi = new Float32Array(data.numItems);
  const num = new Float64Array(Math.max(data.numUsers, data.numItems));
  const den = new Float64Array(num.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Items first, then users, in Surprise's order.
    solveBiases(data, mu, bu, bi, data.items, data.users, regItem, num, den);
    solveBiases(data, mu, bi, bu, data.users, data.items, regUser, num, den);
  }
  const baseline = (u: number, i: number) => mu + (bu[u] ?? 0) + (bi[i] ?? 0);
  return { mu, bu, bi, baseline, predict: (u, i) => clampRating(baseline(u, i)) };
}

/** One ALS half-step: target[t] = sum w(r - mu - other[o]) / (reg + sum w) over t's rows. */
function solveBiases(
  data: RatingData,
  mu: number,
  other: Float32Array,
  target: Float32Array,
  targetIdx: Uint32Array,
  otherIdx: Uint32Array,
  reg: number,
  num: Float64Array,
  den: Float64Array,
): void {
  num.fill(0, 0, target.length);
  den.fill(reg, 0, target.length);
  for (let r = 0; r < data.n; r++) {
    const t = targetIdx[r]!;
    const w = weightOf(data, r);
    num[t]! += w * (data.ratings[r]! - mu - other[otherIdx[r]!]!);
    den[t]! += w;
  }
  for (let t = 0; t < target.length; t++) target[t] = num[t]! / den[t]!;
}

/** Rows grouped by `key` (users or items) in CSR form: `start` has length size + 1. */
interface Grouped {
  start: Uint32Array;
  other: Uint32Array;
  residual: Float32Array;
}

function groupBy(
  key: Uint32Array,
  other: Uint32Array,
  residual: Float32Array,
  size: number,
): Grouped {
  const start = new Uint32Array(size + 1);
  for (let r = 0; r < key.length; r++) start[key[r]! + 1]!++;
  for (let g = 0; g < size; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, size);
  const out = { start, other: new Uint32Array(key.length), residual: new Float32Array(key.length) };
  for (let r = 0; r < key.length; r++) {
    const p = fill[key[r]!]!++;
    out.other[p] = other[r]!;
    out.residual[p] = residual[r]!;
  }
  return out;
}

export interface ItemKnnOptions {
  /** Neighbours per prediction (among the items the user rated) and per item for top-N. */
  k?: number;
  /** Shrinks similarities with little support: sim * (n - 1) / (n - 1 + shrinkage). */
  shrinkage?: number;
  /** Positive-similarity neighbours kept per item, most similar first (memory bound). */
  maxNeighbours?: number;
  bias?: BiasOptions;
}

export type ItemKnnModel = RatingPredictor & {
  scoreItems: ItemScorer;
  /** Rating neighbours (shrunk Pearson-baseline), most similar first. */
  neighbours: Neighbours;
  /** Top-N neighbours (cosine of co-ratings), the k most similar per item. */
  topNNeighbours: Neighbours;
};

/** Each item's neighbours in CSR form, sorted by similarity, most similar first. */
export interface Neighbours {
  start: Uint32Array;
  items: Uint32Array;
  sims: Float32Array;
}

/**
 * Item-kNN, two ways:
 * - rating prediction as Surprise's KNNBaseline (item-based, pearson_baseline similarity):
 *   b_ui + sum(sim * (r_uj - b_uj)) / sum(sim) over the k most similar items j the user
 *   rated, positive similarities only;
 * - top-N as classic item-kNN (Sarwar et al., Deshpande & Karypis): an item scores the sum
 *   of its cosine similarities (on who rated what, not the stars) to the user's items,
 *   over each rated item's k nearest neighbours. Rating agreement is a poor signal for
 *   what a user will pick next; co-occurrence is the standard one.
 * Row weights are ignored here.
 */
export function trainItemKnn(data: RatingData, opts: ItemKnnOptions = {}): ItemKnnModel {
  const k = opts.k ?? 40;
  const base = trainBiases(data, opts.bias);
  const residual = new Float32Array(data.n);
  for (let r = 0; r < data.n; r++) {
    residual[r] = data.ratings[r]! - base.baseline(data.users[r]!, data.items[r]!);
  }
  const byUser = groupBy(data.users, data.items, residual, data.numUsers);
  const byItem = groupBy(data.items, data.users, residual, data.numItems);
  const { neighbours, topNNeighbours } = itemSimilarities(byUser, byItem, data.numItems, {
    shrinkage: opts.shrinkage ?? 100,
    maxNeighbours: opts.maxNeighbours ?? 1000,
    topN: k,
  });

  // The current user's residuals by item (NaN = not rated), refilled when the user changes:
  // callers mostly ask about one user at a time, so this beats a search per neighbour.
  const userResidual = new Float32Array(data.numItems).fill(NaN);
  let cachedUser = -1;
  const loadUser = (u: number) => {
    if (u === cachedUser) return;
    if (cachedUser >= 0) {
      for (let p = byUser.start[cachedUser]!; p < byUser.start[cachedUser + 1]!; p++) {
        userResidual[byUser.other[p]!] = NaN;
      }
    }
    cachedUser = u;
    for (let p = byUser.start[u]!; p < byUser.start[u + 1]!; p++) {
      userResidual[byUser.other[p]!] = byUser.residual[p]!;
    }
  };

  const predict = (u: number, i: number): number => {
    let est = base.baseline(u, i);
    if (u >= data.numUsers || i >= data.numItems) return clampRating(est);
    loadUser(u);
    let sumSim = 0;
    let sumRes = 0;
    let found = 0;
    for (let p = neighbours.start[i]!; p < neighbours.start[i + 1]! && found < k; p++) {
      const res = userResidual[neighbours.items[p]!]!;
      if (Number.isNaN(res)) continue;
      const sim = neighbours.sims[p]!;
      sumSim += sim;
      sumRes += sim * res;
      found++;
    }
    if (sumSim > 0) est += sumRes / sumSim;
    return clampRating(est);
  };

  const acc = new Float32Array(data.numItems);
  const scoreItems = (u: number, items: Uint32Array): Float32Array => {
    acc.fill(0);
    if (u < data.numUsers) {
      const nb = topNNeighbours;
      for (let p = byUser.start[u]!; p < byUser.start[u + 1]!; p++) {
        const j = byUser.other[p]!;
        for (let q = nb.start[j]!; q < nb.start[j + 1]!; q++) acc[nb.items[q]!]! += nb.sims[q]!;
      }
    }
    return Float32Array.from(items, (i) => acc[i] ?? 0);
  };

  return { predict, scoreItems, neighbours, topNNeighbours };
}

/** Collects each item's neighbour list, then packs them into CSR. */
class NeighbourBuilder {
  private lists: { items: Uint32Array; sims: Float32Array }[] = [];

  add(cand: { j: number; sim: number }[], keep: number): void {
    // Ties by item index keep the result deterministic.
    const kept = cand.sort((a, b) => b.sim - a.sim || a.j - b.j).slice(0, keep);
    this.lists.push({
      items: Uint32Array.from(kept, (c) => c.j),
      sims: Float32Array.from(kept, (c) => c.sim),
    });
  }

  build(): Neighbours {
    const start = new Uint32Array(this.lists.length + 1);
    this.lists.forEach((list, i) => (start[i + 1] = start[i]! + list.items.length));
    const items = new Uint32Array(start[this.lists.length]!);
    const sims = new Float32Array(items.length);
    this.lists.forEach((list, i) => {
      items.set(list.items, start[i]!);
      sims.set(list.sims, start[i]!);
    });
    return { start, items, sims };
  }
}

/**
 * For every pair of items with common raters, from sums over the common raters u:
 * - shrunk Pearson-baseline: sum(e_ui e_uj) / sqrt(sum e_ui^2 * sum e_uj^2) * (n-1)/(n-1+shrinkage),
 *   with e the baseline residuals and n the common raters;
 * - cosine of co-ratings: n / sqrt(n_i * n_j).
 * One item at a time with dense scratch arrays, so memory stays O(items * neighbours)
 * rather than O(items^2).
 */
function itemSimilarities(
  byUser: Grouped,
  byItem: Grouped,
  numItems: number,
  opts: { shrinkage: number; maxNeighbours: number; topN: number },
): { neighbours: Neighbours; topNNeighbours: Neighbours } {
  const prod = new Float64Array(numItems);
  const sqI = new Float64Array(numItems);
  const sqJ = new Float64Array(numItems);
  const count = new Uint32Array(numItems);
  const touched = new Uint32Array(numItems);
  const raters = (i: number) => byItem.start[i + 1]! - byItem.start[i]!;
  const pearson = new NeighbourBuilder();
  const cosine = new NeighbourBuilder();
  for (let i = 0; i < numItems; i++) {
    let nTouched = 0;
    for (let p = byItem.start[i]!; p < byItem.start[i + 1]!; p++) {
      const u = byItem.other[p]!;
      const ei = byItem.residual[p]!;
      for (let q = byUser.start[u]!; q < byUser.start[u + 1]!; q++) {
        const j = byUser.other[q]!;
        if (j === i) continue;
        const ej = byUser.residual[q]!;
        if (count[j] === 0) touched[nTouched++] = j;
        count[j]!++;
        prod[j]! += ei * ej;
        sqI[j]! += ei * ei;
        sqJ[j]! += ej * ej;
      }
    }
    const pearsonCand: { j: number; sim: number }[] = [];
    const cosineCand: { j: number; sim: number }[] = [];
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t]!;
      const n = count[j]!;
      const denom = Math.sqrt(sqI[j]! * sqJ[j]!);
      const sim = denom > 0 ? ((prod[j]! / denom) * (n - 1)) / (n - 1 + opts.shrinkage) : 0;
      if (sim > 0) pearsonCand.push({ j, sim });
      cosineCand.push({ j, sim: n / Math.sqrt(raters(i) * raters(j)) });
      prod[j] = sqI[j] = sqJ[j] = count[j] = 0;
    }
    pearson.add(pearsonCand, opts.maxNeighbours);
    cosine.add(cosineCand, opts.topN);
  }
  return { neighbours: pearson.build(), topNNeighbours: cosine.build() };
}

/** Top-N by training popularity (sum of row weights), the same for every user. */
export function popularityScorer(train: RatingData): ItemScorer {
  const pop = itemPopularity(train);
  return (_user, items) => Float32Array.from(items, (i) => pop[i] ?? 0);
}

/** Per-item popularity: the sum of row weights (the number of ratings when unweighted). */
export function itemPopularity(data: RatingData): Float32Array {
  const pop = new Float32Array(data.numItems);
  for (let r = 0; r < data.n; r++) pop[data.items[r]!]! += data.weights ? data.weights[r]! : 1;
  return pop;
}
