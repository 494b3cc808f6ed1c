/**
 * Cold start on leave-last-out: the test users with at least 10 training rows, each folded in
 * from only their first k rows (by time; in row order without timestamps), k = 1, 3, 5, 10,
 * ranked against all unrated items (the held-out one included), against popularity. The same
 * users for every k, so the rows compare. Recall@20 with one held-out item is HR@20.
 */
import { foldInUser, rankItems, type HybridModel } from '../../src/lib/recommender/shared/model';
import type { RatingData } from '../../src/lib/recommender/shared/types';
import { popularityScorer } from './recs-baselines';
import { evaluateTopN, type HeldOut } from './recs-metrics';

export const COLD_START_SIZES = [1, 3, 5, 10] as const;

export interface ColdStartRow {
  k: number;
  hybrid: { hr10: number; recall20: number };
  popularity: { hr10: number; recall20: number };
}

/** Each user's training rows, earliest first. */
export function rowsByUser(train: RatingData): Map<number, number[]> {
  const byUser = new Map<number, number[]>();
  for (let r = 0; r < train.n; r++) {
    const u = train.users[r]!;
    if (!byUser.has(u)) byUser.set(u, []);
    byUser.get(u)!.push(r);
  }
  const ts = train.timestamps;
  if (ts) for (const rows of byUser.values()) rows.sort((a, b) => ts[a]! - ts[b]! || a - b);
  return byUser;
}

/** The app's way to rank for a user given by rows: fold in, then the ranking score. */
export function foldedScorer(
  model: HybridModel,
  train: RatingData,
  rowsOf: (u: number) => number[],
) {
  return (u: number, items: Uint32Array) => {
    const rows = rowsOf(u);
    const user = foldInUser(
      model,
      rows.map((r) => train.items[r]!),
      rows.map((r) => train.ratings[r]!),
      rows.map((r) => (train.weights ? train.weights[r]! : 1)),
    );
    return rankItems(model, user, items);
  };
}

export function coldStart(
  model: HybridModel,
  train: RatingData,
  test: readonly HeldOut[],
  seed: number,
): { users: number; rows: ColdStartRow[] } {
  const byUser = rowsByUser(train);
  const maxK = Math.max(...COLD_START_SIZES);
  const users = test.filter((t) => (byUser.get(t.user)?.length ?? 0) >= maxK);
  const base = { train, test: users, numItems: model.numItems, seed };
  const pop = evaluateTopN({ ...base, score: popularityScorer(train) }).full;
  const rows = COLD_START_SIZES.map((k) => {
    const h = evaluateTopN({
      ...base,
      score: foldedScorer(model, train, (u) => byUser.get(u)!.slice(0, k)),
    }).full;
    return {
      k,
      hybrid: { hr10: h.hr10, recall20: h.recall20 },
      popularity: { hr10: pop.hr10, recall20: pop.recall20 },
    };
  });
  return { users: users.length, rows };
}
