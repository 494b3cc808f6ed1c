/**
 * From scores to a list worth showing: the top items a user has not rated or bought, kept
 * varied (maximal marginal relevance plus a cap per category), each with a reason.
 *
 * Relevance is the model's ranking score (the implicit part: what the user is likely to pick),
 * not the predicted rating, which favours obscure, highly rated items. A user the model knows
 * nothing about has a zero ranking vector; then the predicted rating (item and content biases)
 * orders the list.
 */
import {
  contributions,
  itemBiasOf,
  itemVector,
  rankItems,
  scoreItems,
  type HybridModel,
  type UserVector,
} from './model';

export type Reason =
  /**
   * "Because you liked <item>": the liked item whose term is the largest share of the item's
   * score (model.ts `contributions`), with a clear lead (`minShare`, `minLead`).
   */
  | { kind: 'liked'; item: number; share: number }
  /** "Chosen by shoppers with your taste": many items' terms, mostly what shoppers chose. */
  | { kind: 'shoppers' }
  /** "Similar to what you liked": many items' terms, mostly their shared features. */
  | { kind: 'similar' }
  /** "Popular in <group>": the user has no history, so the item's own standing speaks. */
  | { kind: 'popular'; group: string };

export interface Recommendation {
  item: number;
  score: number;
  reason: Reason;
}

export interface RecommendOptions {
  /** Items never to show (rated, bought). */
  exclude: Iterable<number>;
  /** Items the user liked (rated 4 or more, bought), for "because you liked". */
  liked: readonly number[];
  /** The category of an item, for the diversity cap and "popular in". */
  groupOf: (item: number) => string;
  /** Only items of this group ("recommend me sunglasses"); the diversity cap does not apply. */
  onlyGroup?: string;
  k?: number;
  /** At most this many items of one group in the list. */
  maxPerGroup?: number;
  /** MMR trade-off: 1 = pure relevance, 0 = pure novelty. */
  lambda?: number;
  /**
   * A liked item is named when its term is at least this share of the score's positive terms…
   * (0.03 and 1.2 name the largest contributor, as refolding without each item measures it, for
   * 99% of the named items on MovieLens 100K: tests/unit/recommender-explanations.test.ts.)
   */
  minShare?: number;
  /** …and at least this many times the next largest term: a clear lead, not a near tie. */
  minLead?: number;
}

/**
 * The positions of the n highest scores, best first (ties: the lower position first), without
 * sorting them all: one pass keeps the best n in a heap whose root is the worst kept.
 */
export function topByScore(scores: ArrayLike<number>, n: number): number[] {
  const heap: number[] = [];
  // a is worse than b: a lower score, or the same score further on.
  const worse = (a: number, b: number) =>
    scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let c = 0; c < scores.length; c++) {
    if (heap.length < n) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (n > 0 && worse(heap[0]!, c)) {
      heap[0] = c;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/** Cosine similarity of two dense vectors (0 when either is zero). */
export const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let f = 0; f < a.length; f++) {
    dot += a[f]! * b[f]!;
    na += a[f]! * a[f]!;
    nb += b[f]! * b[f]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

export function recommend(
  model: HybridModel,
  user: number | UserVector,
  options: RecommendOptions,
): Recommendation[] {
  const {
    exclude,
    liked,
    groupOf,
    onlyGroup,
    k = 10,
    maxPerGroup = onlyGroup === undefined ? 3 : Infinity,
    lambda = 0.8,
    minShare = 0.03,
    minLead = 1.2,
  } = options;
  const likedSet = new Set(liked);
  const excluded = new Uint8Array(model.numItems);
  for (const i of exclude) excluded[i] = 1;
  const all = new Int32Array(model.numItems);
  let n = 0;
  for (let i = 0; i < model.numItems; i++)
    if (!excluded[i] && (onlyGroup === undefined || groupOf(i) === onlyGroup)) all[n++] = i;
  const candidates = all.subarray(0, n);
  const rank = rankItems(model, user, candidates);
  const scores = rank.some((s) => s !== 0)
    ? breakTies(
        rank,
        Float32Array.from(candidates, (i) => itemBiasOf(model, i)),
      )
    : scoreItems(model, user, candidates);

  // Relevance on a 0..1 scale, so that it trades off against cosine similarity in MMR.
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const relevance = (c: number) => (hi > lo ? (scores[c]! - lo) / (hi - lo) : 1);

  const vectors = new Map<number, Float32Array>();
  const vectorOf = (i: number) => {
    let v = vectors.get(i);
    if (!v) vectors.set(i, (v = itemVector(model, i)));
    return v;
  };

  // MMR over the best few hundred: diversity only needs to choose among the relevant ones.
  const pool = topByScore(scores, 500);
  const picked: Recommendation[] = [];
  const perGroup = new Map<string, number>();
  while (picked.length < k && pool.length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let p = 0; p < pool.length; p++) {
      const item = candidates[pool[p]!]!;
      if ((perGroup.get(groupOf(item)) ?? 0) >= maxPerGroup) continue;
      let redundancy = 0;
      for (const r of picked)
        redundancy = Math.max(redundancy, cosine(vectorOf(item), vectorOf(r.item)));
      const value = lambda * relevance(pool[p]!) - (1 - lambda) * redundancy;
      if (value > bestValue) [best, bestValue] = [p, value];
    }
    if (best < 0) break; // every remaining candidate is in a full group
    const c = pool.splice(best, 1)[0]!;
    const item = candidates[c]!;
    const group = groupOf(item);
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    picked.push({ item, score: scores[c]!, reason: reasonFor(item, group) });
  }
  return picked;

  function reasonFor(item: number, group: string): Reason {
    if (typeof user === 'number' || user.history.length === 0) return { kind: 'popular', group };
    const { terms, content } = contributions(model, user, item);
    let top = -1;
    let second = 0;
    let positive = 0;
    for (let h = 0; h < terms.length; h++) {
      if (terms[h]! <= 0) continue;
      positive += terms[h]!;
      if (top < 0 || terms[h]! > terms[top]!) {
        if (top >= 0) second = terms[top]!;
        top = h;
      } else if (terms[h]! > second) second = terms[h]!;
    }
    const share = top >= 0 ? terms[top]! / positive : 0;
    const named = top >= 0 ? user.history[top]! : -1;
    const lead = top >= 0 ? terms[top]! / (second || Number.MIN_VALUE) : 0;
    if (top >= 0 && likedSet.has(named) && share >= minShare && lead >= minLead) {
      return { kind: 'liked', item: named, share };
    }
    // Which kind of term carries the score: a model no shopper trained only has the content one.
    return content >= positive / 2 ? { kind: 'similar' } : { kind: 'shoppers' };
  }
}

/**
 * The ranking scores with the item's standing (its bias, content bias included) as a
 * tie-breaker: items the ranking cannot tell apart (a shopper whose likes share features with
 * only some of the catalog) follow it, and no tie is left to the catalog's order. The nudge is a
 * thousandth of the scores' range.
 */
function breakTies(rank: Float32Array, rating: Float32Array): Float32Array {
  const range = (xs: Float32Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of xs) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
    return { lo, span: hi - lo };
  };
  const r = range(rank);
  const q = range(rating);
  if (q.span === 0) return rank;
  const nudge = (1e-3 * r.span) / q.span;
  return rank.map((s, c) => s + nudge * (rating[c]! - q.lo));
}

/** The best items for someone we know nothing about yet: highest item bias (incl. content). */
export function popularItems(
  model: HybridModel,
  exclude: ReadonlySet<number>,
  k: number,
): number[] {
  const items: number[] = [];
  for (let i = 0; i < model.numItems; i++) if (!exclude.has(i)) items.push(i);
  return items.sort((a, b) => itemBiasOf(model, b) - itemBiasOf(model, a)).slice(0, k);
}
