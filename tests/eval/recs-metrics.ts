/**
 * How the recommender is scored offline: RMSE/MAE for rating prediction, and HR/NDCG/Recall for
 * top-N ranking under the NCF protocol (held-out item vs 99 sampled unrated items) and the full
 * ranking, with the leave-last-out split that protocol uses. Evaluation code: the app never
 * scores itself.
 */
import { seededRandom } from '../../src/lib/random/seeded';
import { subset } from '../../src/lib/recommender/shared/dataset';
import type { RatingData } from '../../src/lib/recommender/shared/types';

function checkLengths(pred: ArrayLike<number>, actual: ArrayLike<number>): void {
  if (pred.length !== actual.length) {
    throw new Error(`metrics: ${pred.length} predictions for ${actual.length} ratings`);
  }
}

/** Root mean squared error; NaN for no data. */
export function rmse(pred: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkLengths(pred, actual);
  let sum = 0;
  for (let k = 0; k < pred.length; k++) sum += (pred[k]! - actual[k]!) ** 2;
  return Math.sqrt(sum / pred.length);
}

/** Mean absolute error; NaN for no data. */
export function mae(pred: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkLengths(pred, actual);
  let sum = 0;
  for (let k = 0; k < pred.length; k++) sum += Math.abs(pred[k]! - actual[k]!);
  return sum / pred.length;
}

/** Scores items for a user; higher is better. Must not keep or change `items`. */
export type ItemScorer = (user: number, items: Uint32Array) => Float32Array;

export interface TopNOptions {
  train: RatingData;
  test: HeldOut[];
  numItems: number;
  score: ItemScorer;
  /** Cutoff for HR and NDCG (10 by default; the result keeps the names hr10/ndcg10). */
  k?: number;
  /** Negatives per held-out item in the sampled protocol (99, as in NCF). */
  sampledNegatives?: number;
  seed: number;
}

export interface TopNResult {
  /** Sampled protocol (the headline numbers). */
  hr10: number;
  ndcg10: number;
  /** Full ranking. */
  recall20: number;
  sampled: { hr10: number; ndcg10: number };
  full: { hr10: number; ndcg10: number; recall20: number };
  /** Held-out pairs evaluated. */
  n: number;
}

/**
 * 0-based rank of `target` among `candidates`: the number scored higher plus half the
 * number tied (rounded down), so a constant scorer ranks in the middle, not on top.
 * A NaN target score ranks last.
 */
export function rankAmong(target: number, candidates: ArrayLike<number>): number {
  if (Number.isNaN(target)) return candidates.length;
  let higher = 0;
  let tied = 0;
  for (let c = 0; c < candidates.length; c++) {
    const s = candidates[c]!;
    if (s > target) higher++;
    else if (s === target) tied++;
  }
  return higher + (tied >> 1);
}

/** NDCG of one relevant item at 0-based `rank` with cutoff k. */
const ndcgAt = (rank: number, k: number) => (rank < k ? 1 / Math.log2(rank + 2) : 0);

/** `count` items drawn without replacement from those not in `exclude`, or all if fewer. */
function sampleUnrated(
  numItems: number,
  exclude: Set<number>,
  count: number,
  random: () => number,
): number[] {
  let available = numItems;
  for (const i of exclude) if (i < numItems) available--;
  if (available <= count) {
    const all: number[] = [];
    for (let i = 0; i < numItems; i++) if (!exclude.has(i)) all.push(i);
    return all;
  }
  const picked = new Set<number>();
  while (picked.size < count) {
    const i = Math.floor(random() * numItems);
    if (!exclude.has(i)) picked.add(i);
  }
  return [...picked];
}

/**
 * Top-N accuracy over held-out (user, item) pairs. Each user's items are scored once.
 * Candidates exclude everything the user rated in train or test except the held-out item
 * itself. Metrics are averaged over held-out pairs (Recall@20 is then the micro-average,
 * which with one held-out item per user equals HR@20).
 */
export function evaluateTopN(opts: TopNOptions): TopNResult {
  const { train, test, numItems, score, seed } = opts;
  const k = opts.k ?? 10;
  const negatives = opts.sampledNegatives ?? 99;
  const random = seededRandom(seed);
  const rated = ratedSets(train);
  const heldOutByUser = new Map<number, number[]>();
  for (const { user, item } of test) {
    const list = heldOutByUser.get(user) ?? [];
    list.push(item);
    heldOutByUser.set(user, list);
  }

  const allItems = Uint32Array.from({ length: numItems }, (_, i) => i);
  let sampledHr = 0;
  let sampledNdcg = 0;
  let fullHr = 0;
  let fullNdcg = 0;
  let recall = 0;
  for (const [user, heldOut] of heldOutByUser) {
    const scores = score(user, allItems);
    if (scores.length !== numItems) {
      throw new Error(
        `evaluateTopN: the scorer gave ${scores.length} scores for ${numItems} items`,
      );
    }
    const exclude = new Set(rated[user] ?? []);
    heldOut.forEach((i) => exclude.add(i));
    const candidates = new Float32Array(numItems);
    let c = 0;
    for (let i = 0; i < numItems; i++) if (!exclude.has(i)) candidates[c++] = scores[i]!;
    const unrated = candidates.subarray(0, c);
    for (const item of heldOut) {
      const target = scores[item]!;
      const fullRank = rankAmong(target, unrated);
      fullHr += fullRank < k ? 1 : 0;
      fullNdcg += ndcgAt(fullRank, k);
      recall += fullRank < 20 ? 1 : 0;
      const sample = sampleUnrated(numItems, exclude, negatives, random);
      const sampledRank = rankAmong(
        target,
        sample.map((i) => scores[i]!),
      );
      sampledHr += sampledRank < k ? 1 : 0;
      sampledNdcg += ndcgAt(sampledRank, k);
    }
  }
  const n = test.length;
  const mean = (x: number) => (n > 0 ? x / n : NaN);
  const sampled = { hr10: mean(sampledHr), ndcg10: mean(sampledNdcg) };
  const full = { hr10: mean(fullHr), ndcg10: mean(fullNdcg), recall20: mean(recall) };
  return { ...sampled, recall20: full.recall20, sampled, full, n };
}

/** A held-out (user, item) pair for top-N evaluation. */
export interface HeldOut {
  user: number;
  item: number;
}

/**
 * Leave-one-out by time: each user's latest row (by timestamp; among equal timestamps, or
 * with no timestamps at all, the last in row order) is held out. Users with fewer than two
 * rows keep everything in train, since they would have nothing left to learn from.
 *
 * Data without timestamps has no "latest" row, and its row order may carry meaning (ML-1M's
 * rows are sorted by item within each user, so the last row is the user's newest-indexed
 * movie): given `randomSeed`, such data holds out one uniformly drawn row per user instead
 * (seeded, so it repeats). Data with timestamps ignores the seed.
 */
export function leaveLastOut(
  data: RatingData,
  randomSeed?: number,
): { train: RatingData; test: HeldOut[] } {
  const latest = new Int32Array(data.numUsers).fill(-1);
  const count = new Uint32Array(data.numUsers);
  const ts = data.timestamps;
  const random = !ts && randomSeed !== undefined ? seededRandom(randomSeed) : null;
  for (let r = 0; r < data.n; r++) {
    const u = data.users[r]!;
    count[u]!++;
    const prev = latest[u]!;
    if (random) {
      // Reservoir sampling: row r replaces the pick with chance 1/(rows of u so far).
      if (random() * count[u]! < 1) latest[u] = r;
      continue;
    }
    // >= so that ties go to the later row; NaN timestamps never beat a known one.
    if (prev < 0 || !ts || ts[r]! >= ts[prev]! || Number.isNaN(ts[prev]!)) latest[u] = r;
  }
  const heldOut = new Uint8Array(data.n);
  const test: HeldOut[] = [];
  for (let u = 0; u < data.numUsers; u++) {
    const r = latest[u]!;
    if (r < 0 || count[u]! < 2) continue;
    heldOut[r] = 1;
    test.push({ user: u, item: data.items[r]! });
  }
  const train: number[] = [];
  for (let r = 0; r < data.n; r++) if (!heldOut[r]) train.push(r);
  return { train: subset(data, Uint32Array.from(train)), test };
}

/** The set of items each user has a row for, indexed by user. */
export function ratedSets(data: RatingData): Set<number>[] {
  const sets = Array.from({ length: data.numUsers }, () => new Set<number>());
  for (let r = 0; r < data.n; r++) sets[data.users[r]!]!.add(data.items[r]!);
  return sets;
}
