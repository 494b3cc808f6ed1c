/**
 * Faithful explanations: "because you liked X" names X only where X really is the largest
 * contributor to the item's score. The check is independent of how recommend() picks X: for each
 * chosen item j the shopper is folded in again without j, and the drop in the item's score is
 * j's contribution. The share of named items that are the largest such contributor must be
 * ≥ 95%, on MovieLens 100K (real ratings) and on the demo shop (its shipped model, and a model
 * trained on the device from a few shoppers).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shopModelFile } from '../../src/build/shop-model';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { emptyMaps, indexRatings, type RatingRow } from '../../src/lib/recommender/shared/dataset';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import {
  deserialiseModel,
  foldInUser,
  rankItems,
  type HybridModel,
} from '../../src/lib/recommender/shared/model';
import { movieFeatures } from '../../src/lib/recommender/shared/movielens';
import { recommend } from '../../src/lib/recommender/shared/recommend';
import { shopTrainingData } from '../../src/lib/recommender/shared/shop-data';
import { seededRandom } from '../../src/lib/random/seeded';
import { decodeShopModel } from '../../src/lib/recommender/worker/shop-model';
import { readMovieLensFolder } from '../eval/recs';

interface Shopper {
  items: number[];
  ratings: number[];
}

interface Faithfulness {
  named: number;
  faithful: number;
  explained: number;
  /** How many recommendations gave each kind of reason. */
  kinds: Record<string, number>;
}

/** Recommends to each shopper and checks every named item against the refold drops. */
function measure(
  model: HybridModel,
  shoppers: readonly Shopper[],
  groupOf: (i: number) => string,
): Faithfulness {
  const out: Faithfulness = { named: 0, faithful: 0, explained: 0, kinds: {} };
  for (const { items, ratings } of shoppers) {
    const user = foldInUser(model, items, ratings);
    const liked = items.filter((_, k) => ratings[k]! >= 4);
    const list = recommend(model, user, { exclude: items, liked, groupOf, k: 10 });
    out.explained += list.length;
    const distinct = [...new Set(items)];
    for (const rec of list) {
      out.kinds[rec.reason.kind] = (out.kinds[rec.reason.kind] ?? 0) + 1;
      if (rec.reason.kind !== 'liked') continue;
      out.named++;
      const full = rankItems(model, user, [rec.item])[0]!;
      let top = -1;
      let topDrop = -Infinity;
      for (const j of distinct) {
        const keep = items.flatMap((i, k) => (i === j ? [] : [k]));
        const without = foldInUser(
          model,
          keep.map((k) => items[k]!),
          keep.map((k) => ratings[k]!),
        );
        const drop = full - rankItems(model, without, [rec.item])[0]!;
        if (drop > topDrop) [top, topDrop] = [j, drop];
      }
      if (top === rec.reason.item) out.faithful++;
    }
  }
  return out;
}

const report = (name: string, f: Faithfulness) =>
  console.info(
    `${name}: ${f.faithful} of ${f.named} named items are the largest contributor (${((100 * f.faithful) / f.named).toFixed(1)}%); ${f.named} of ${f.explained} recommendations name one; reasons ${JSON.stringify(f.kinds)}`,
  );

const ML100K = join(__dirname, '../../../shared/data/ml-100k');
const hasMl100k = existsSync(join(ML100K, 'u1.base'));
if (!hasMl100k) console.warn(`Skipping the ML-100K explanations: ${ML100K} is missing.`);

describe.skipIf(!hasMl100k)('explanations on MovieLens 100K (u1)', () => {
  it('name the largest contributor ≥ 95% of the time', () => {
    const folder = readMovieLensFolder(ML100K);
    const maps = emptyMaps();
    indexRatings(folder.rows, maps);
    const base = folder.canonicalSplits![0]!.base;
    const { data } = indexRatings(base, maps);
    const train = { ...data, numUsers: maps.userIds.length, numItems: maps.itemIds.length };
    const features = movieFeatures(folder.movies, maps);
    const { model } = trainHybrid(train, features);
    const genre = new Map(folder.movies.map((m) => [m.id, m.genres[0] ?? '']));
    const groupOf = (i: number) => genre.get(maps.itemIds[i]!) ?? '';

    const rowsOf = new Map<number, Shopper>();
    for (let r = 0; r < train.n; r++) {
      const u = train.users[r]!;
      if (u >= 60) continue;
      const s = rowsOf.get(u) ?? { items: [], ratings: [] };
      s.items.push(train.items[r]!);
      s.ratings.push(train.ratings[r]!);
      rowsOf.set(u, s);
    }
    const f = measure(model, [...rowsOf.values()], groupOf);
    report('ML-100K u1, 60 users', f);
    expect(f.named).toBeGreaterThan(100);
    expect(f.faithful / f.named).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('explanations in the demo shop', () => {
  const products = generateCatalog();
  const groupOf = (i: number) => products[i]!.category;
  const categories = [...new Set(products.map((p) => p.category))];
  /** Shoppers who like 2-6 products of one or two departments, and dislike one elsewhere. */
  function shoppers(count: number, seed: number): Shopper[] {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    return Array.from({ length: count }, () => {
      const depts = [pick(categories), pick(categories)];
      const items: number[] = [];
      const ratings: number[] = [];
      const n = 2 + Math.floor(rand() * 5);
      while (items.length < n) {
        const dept = pick(depts);
        const i = pick(products.flatMap((p, k) => (p.category === dept ? [k] : [])));
        if (items.includes(i)) continue;
        items.push(i);
        ratings.push(4 + Math.round(rand()));
      }
      items.push(Math.floor(rand() * products.length));
      ratings.push(1 + Math.round(rand()));
      return { items, ratings };
    });
  }

  it('name the largest contributor ≥ 95% of the time, in the shipped model', () => {
    const { meta, weights } = decodeShopModel(shopModelFile().slice().buffer);
    const model = deserialiseModel(meta.model, weights);
    const f = measure(model, shoppers(40, 1), groupOf);
    report('demo shop, shipped model', f);
    expect(f.named).toBeGreaterThan(100);
    expect(f.faithful / f.named).toBeGreaterThanOrEqual(0.95);
    // No shopper trained it: what is not one liked item is their shared features, never shoppers.
    expect(f.kinds.shoppers).toBeUndefined();
    expect(f.kinds.similar).toBeGreaterThan(0);
  });

  it('name the largest contributor ≥ 95% of the time, in a model trained on the device', () => {
    const crowd = shoppers(30, 2);
    const ratings = crowd.flatMap((s, u) =>
      s.items.map((i, k) => ({
        profileId: `p${u}`,
        productId: products[i]!.id,
        rating: s.ratings[k]!,
        updatedAt: 0,
      })),
    );
    const { data, features } = shopTrainingData(ratings as never, [], products);
    const { model } = trainHybrid(data, features);
    const f = measure(model, shoppers(40, 3), groupOf);
    report('demo shop, trained on 30 shoppers', f);
    expect(f.named).toBeGreaterThan(100);
    expect(f.faithful / f.named).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});

// Rows with string ids, for the type import above to be used where tests build data by hand.
export type { RatingRow };
