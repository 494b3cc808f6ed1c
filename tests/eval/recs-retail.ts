/**
 * `npm run eval:recs -- --data ../shared/data/uci-online-retail [--json out.json]`: the app's
 * hybrid on real purchases (retail.ts has the protocol) against popularity, cosine item-kNN and
 * EASE (λ chosen on the validation month carved from train), plus cold start: each test user
 * folded in from only their first 1, 3, 5 and 10 purchases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  addItemItemScores,
  cooccurrence,
  cosineNeighbours,
  easeWeights,
  sparsify,
  type ItemNeighbours,
} from '../../src/lib/recommender/shared/item-item';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import { foldInUser, rankItems, type HybridModel } from '../../src/lib/recommender/shared/model';
import { catalogTitleWords } from '../../src/lib/recommender/shared/title-words';
import { IMPLICIT_SIGNALS, featuresFromKeys } from '../../src/lib/recommender/shared/shop-data';
import type { ItemFeatures, RatingData } from '../../src/lib/recommender/shared/types';
import {
  RETAIL_CUTOFF,
  RETAIL_VALIDATION_CUTOFF,
  evaluateRetail,
  readProductTitles,
  readPurchases,
  timeSplit,
  type Purchase,
  type RetailMetrics,
  type RetailSplit,
} from './retail';
import { COLD_START_SIZES } from './recs-cold-start';

/** EASE's λ grid, searched on the validation month. */
export const EASE_LAMBDAS = [100, 200, 400, 800];

type Scorer = (user: number, out: Float32Array) => void;

const historyOf = (s: RetailSplit, u: number) =>
  s.train.items.subarray(s.train.offsets[u]!, s.train.offsets[u + 1]!);

function popularity(s: RetailSplit): Scorer {
  const pop = new Float32Array(s.itemIds.length);
  for (const i of s.train.items) pop[i]!++;
  return (_u, out) => out.set(pop);
}

const itemItem =
  (s: RetailSplit, nb: ItemNeighbours): Scorer =>
  (u, out) =>
    addItemItemScores(nb, historyOf(s, u), 1, out);

function ease(s: RetailSplit, lambda: number): ItemNeighbours {
  const n = s.itemIds.length;
  return sparsify(easeWeights(cooccurrence(s.train, n), n, lambda), n, n);
}

/** The purchases as the app's rows: one purchase signal per (customer, product). */
function ratingData(s: RetailSplit): RatingData {
  const n = s.train.items.length;
  const users = new Uint32Array(n);
  for (let u = 0; u < s.userIds.length; u++) {
    users.fill(u, s.train.offsets[u]!, s.train.offsets[u + 1]!);
  }
  const { rating, weight } = IMPLICIT_SIGNALS.purchase;
  return {
    numUsers: s.userIds.length,
    numItems: s.itemIds.length,
    n,
    users,
    items: s.train.items,
    ratings: new Float32Array(n).fill(rating),
    weights: new Float32Array(n).fill(weight),
  };
}

/** Title words as item features, as a shop's catalog gives them. */
function titleFeatures(s: RetailSplit, titles: Map<string, string>): ItemFeatures {
  return featuresFromKeys(
    catalogTitleWords(
      s.itemIds.map((code) => {
        const t = titles.get(code) ?? '';
        return { en: t, 'zh-CN': t };
      }),
    ),
  );
}

/** The app's way: fold the shopper in from their purchases, rank the catalog. */
function hybridScorer(model: HybridModel, itemsOf: (u: number) => ArrayLike<number>): Scorer {
  const { rating, weight } = IMPLICIT_SIGNALS.purchase;
  const all = Uint32Array.from({ length: model.numItems }, (_, i) => i);
  return (u, out) => {
    const items = itemsOf(u);
    const user = foldInUser(
      model,
      items,
      new Float32Array(items.length).fill(rating),
      new Float32Array(items.length).fill(weight),
    );
    out.set(rankItems(model, user, all));
  };
}

/** Each train customer's distinct products in the order first bought. */
function firstPurchases(purchases: readonly Purchase[], s: RetailSplit): number[][] {
  const userIndex = new Map(s.userIds.map((id, u) => [id, u]));
  const itemIndex = new Map(s.itemIds.map((id, i) => [id, i]));
  const order = s.userIds.map(() => [] as number[]);
  const seen = s.userIds.map(() => new Set<number>());
  const sorted = purchases
    .filter((p) => p.at < RETAIL_CUTOFF)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const p of sorted) {
    const u = userIndex.get(p.customer);
    const i = itemIndex.get(p.product);
    if (u === undefined || i === undefined || seen[u]!.has(i)) continue;
    seen[u]!.add(i);
    order[u]!.push(i);
  }
  return order;
}

const f4 = (x: number) => x.toFixed(4);

export async function runRetail(dir: string, opts: { json?: string; seed: number }): Promise<void> {
  const t0 = performance.now();
  const purchases = readPurchases(dir);
  const titles = readProductTitles(dir);
  const split = timeSplit(purchases, RETAIL_CUTOFF);
  const n = split.itemIds.length;
  console.log(
    `UCI Online Retail: ${purchases.length} purchase lines (non-product codes dropped); train before ${RETAIL_CUTOFF}: ` +
      `${split.userIds.length} customers, ${n} products, ${split.train.items.length} pairs; ${split.test.length} test users`,
  );

  // EASE's λ on the validation month (train only).
  const validation = timeSplit(
    purchases.filter((p) => p.at < RETAIL_CUTOFF),
    RETAIL_VALIDATION_CUTOFF,
  );
  let lambda = EASE_LAMBDAS[0]!;
  let best = -Infinity;
  const lambdaSearch: Record<string, number> = {};
  for (const l of EASE_LAMBDAS) {
    const m = evaluateRetail(validation, itemItem(validation, ease(validation, l)));
    lambdaSearch[l] = m.ndcg10;
    console.error(`  EASE λ=${l} on validation: NDCG@10 ${f4(m.ndcg10)}`);
    if (m.ndcg10 > best) [best, lambda] = [m.ndcg10, l];
  }

  const timed = <T>(fn: () => T) => {
    const start = performance.now();
    const value = fn();
    return { value, ms: performance.now() - start };
  };
  const easeModel = timed(() => ease(split, lambda));
  const knn = timed(() => cosineNeighbours(split.train, n, n));
  const hybrid = timed(
    () => trainHybrid(ratingData(split), titleFeatures(split, titles), { seed: opts.seed }).model,
  );
  const results: Record<string, RetailMetrics & { train_ms: number }> = {
    hybrid: {
      ...evaluateRetail(
        split,
        hybridScorer(hybrid.value, (u) => historyOf(split, u)),
      ),
      train_ms: hybrid.ms,
    },
    popularity: { ...evaluateRetail(split, popularity(split)), train_ms: 0 },
    item_knn: { ...evaluateRetail(split, itemItem(split, knn.value)), train_ms: knn.ms },
    ease: { ...evaluateRetail(split, itemItem(split, easeModel.value)), train_ms: easeModel.ms },
  };
  const names: Record<string, string> = {
    hybrid: 'hybrid (app)',
    popularity: 'popularity',
    item_knn: 'item-kNN (cosine)',
    ease: `EASE (λ=${lambda})`,
  };
  console.log(`\nTop-N on purchases after ${RETAIL_CUTOFF} (${split.test.length} users)`);
  console.log(['model'.padEnd(18), 'Recall@20', 'NDCG@10', '  HR@10', 'train ms'].join('  '));
  for (const [key, m] of Object.entries(results)) {
    console.log(
      [
        names[key]!.padEnd(18),
        f4(m.recall20).padStart(9),
        f4(m.ndcg10).padStart(7),
        f4(m.hr10).padStart(7),
        m.train_ms.toFixed(0).padStart(8),
      ].join('  '),
    );
  }

  // Cold start: the test users with at least 10 products in train, folded in from fewer.
  const first = firstPurchases(purchases, split);
  const maxK = Math.max(...COLD_START_SIZES);
  const coldUsers = split.test.filter((t) => first[t.user]!.length >= maxK);
  const cold: Record<string, { hybrid: RetailMetrics; popularity: RetailMetrics }> = {};
  const pop = evaluateRetail(split, popularity(split), coldUsers);
  console.log(
    `\nCold start: ${coldUsers.length} test users with ≥ ${maxK} products in train, folded in from their first k`,
  );
  console.log(
    ['k'.padStart(3), 'hybrid R@20', 'hybrid HR@10', 'popularity R@20', 'popularity HR@10'].join(
      '  ',
    ),
  );
  for (const k of COLD_START_SIZES) {
    const h = evaluateRetail(
      split,
      hybridScorer(hybrid.value, (u) => first[u]!.slice(0, k)),
      coldUsers,
    );
    cold[k] = { hybrid: h, popularity: pop };
    console.log(
      [
        String(k).padStart(3),
        f4(h.recall20).padStart(11),
        f4(h.hr10).padStart(12),
        f4(pop.recall20).padStart(15),
        f4(pop.hr10).padStart(16),
      ].join('  '),
    );
  }
  console.log(`\n(${((performance.now() - t0) / 1000).toFixed(0)} s)`);

  if (opts.json) {
    const metrics = (m: RetailMetrics & { train_ms: number }) => ({
      recall20: m.recall20,
      ndcg10: m.ndcg10,
      hr10: m.hr10,
      train_ms: m.train_ms,
    });
    const report = {
      dataset: 'uci-online-retail',
      protocol: `time split at ${RETAIL_CUTOFF}; truth = new products bought in test; all train products ranked`,
      test_users: split.test.length,
      ...metrics(results.hybrid!),
      baselines: {
        popularity: metrics(results.popularity!),
        item_knn: metrics(results.item_knn!),
        ease: { ...metrics(results.ease!), lambda, validation_ndcg10: lambdaSearch },
      },
      cold_start: { users: coldUsers.length, by_interactions: cold },
      runtime: `Node ${process.version}`,
    };
    mkdirSync(dirname(resolve(opts.json)), { recursive: true });
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${opts.json}`);
  }
}
