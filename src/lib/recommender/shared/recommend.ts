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
  itemBiasOf,
  itemVector,
  rankItems,
  scoreItems,
  type HybridModel,
  type UserVector,
} from './model';

export type Reason =
  /** "Because you liked <item>": the most similar item the user liked, in the learned space. */
  | { kind: 'liked'; item: number; similarity: number }
  /** "Popular in <group>": no liked item is close enough, so the item's own standing speaks. */
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
  /** A liked item at least this similar (cosine) becomes the reason. */
  minSimilarity?: number;
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
    minSimilarity = 0.3,
  } = options;
  const excluded = new Uint8Array(model.numItems);
  for (const i of exclude) excluded[i] = 1;
  const all = new Int32Array(model.numItems);
  let n = 0;
  for (let i = 0; i < model.numItems; i++)
    if (!excluded[i] && (onlyGroup === undefined || groupOf(i) === onlyGroup)) all[n++] = i;
  const candidates = all.subarray(0, n);
  const rank = rankItems(model, user, candidates);
  const scores = rank.some((s) => s !== 0) ? rank : scoreItems(model, user, candidates);

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
    let bestLiked = -1;
    let bestSimilarity = minSimilarity;
    for (const l of liked) {
      const s = cosine(vectorOf(item), vectorOf(l));
      if (s >= bestSimilarity) [bestLiked, bestSimilarity] = [l, s];
    }
    return bestLiked >= 0
      ? { kind: 'liked', item: bestLiked, similarity: bestSimilarity }
      : { kind: 'popular', group };
  }
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
