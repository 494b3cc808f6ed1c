import { describe, expect, it } from 'vitest';
import { indexRatings, seededRandom } from '../../src/lib/recommender/shared/dataset';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import { foldInUser } from '../../src/lib/recommender/shared/model';
import { popularItems, recommend, topByScore } from '../../src/lib/recommender/shared/recommend';
import type { ItemFeatures } from '../../src/lib/recommender/shared/types';

// 60 items in 4 groups; 80 users, each loving one group: they pick (rate) its items more often
// and rate them 5, and are lukewarm about the rest. u0 loves hats and has rated hat 0.
const GROUPS = ['hats', 'bags', 'shoes', 'home'];
const groupOf = (item: number) => GROUPS[item % GROUPS.length]!;
function world() {
  const random = seededRandom(7);
  const rows = [];
  for (let u = 0; u < 80; u++) {
    const loved = u % GROUPS.length;
    for (let i = 0; i < 60; i++) {
      const inLoved = i % GROUPS.length === loved;
      if (random() >= (inLoved ? 0.5 : 0.15) && !(u === 0 && i === 0)) continue;
      const rating = inLoved ? 5 : 2 + Math.round(random());
      rows.push({ user: `u${u}`, item: `i${i}`, rating });
    }
  }
  const order = Array.from({ length: 60 }, (_, i) => ({ user: 'seed', item: `i${i}`, rating: 3 }));
  const { maps } = indexRatings(order); // items indexed 0..59 in order
  const { data } = indexRatings(rows, { ...maps, userIds: [], userIndex: new Map() });
  const features: ItemFeatures = {
    numFeatures: GROUPS.length,
    itemOffsets: Uint32Array.from({ length: 61 }, (_, i) => i),
    featureIds: Uint32Array.from({ length: 60 }, (_, i) => i % GROUPS.length),
    featureNames: GROUPS.map((g) => `category:${g}`),
  };
  const ratedBy0 = new Set<number>();
  for (let r = 0; r < data.n; r++) if (data.users[r] === 0) ratedBy0.add(data.items[r]!);
  const config = { epochs: 20, dim: 8 };
  return { data, features, ratedBy0, model: trainHybrid(data, features, config).model };
}

describe('recommend', () => {
  const { model, ratedBy0 } = world();
  const hatLover = 0; // u0 loves group 0 (hats)

  it('leaves out excluded items, caps each group, and is deterministic', () => {
    const exclude = new Set([0, 4, 8]);
    const options = { exclude, liked: [0, 4, 8], groupOf, k: 10, maxPerGroup: 3 };
    const list = recommend(model, hatLover, options);
    expect(list).toHaveLength(10);
    expect(list.some((r) => exclude.has(r.item))).toBe(false);
    const counts = new Map<string, number>();
    for (const r of list) counts.set(groupOf(r.item), (counts.get(groupOf(r.item)) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
    expect(recommend(model, hatLover, options)).toEqual(list);
  });

  it('puts what the shopper loves first, and names the liked item that contributes most', () => {
    // A shopper who loves hat 0 and gave bag 1 two stars.
    const shopper = foldInUser(model, [0, 1], [5, 2]);
    const list = recommend(model, shopper, { exclude: [0, 1], liked: [0], groupOf, k: 5 });
    expect(groupOf(list[0]!.item)).toBe('hats');
    const hat = list.find((r) => groupOf(r.item) === 'hats')!;
    expect(hat.reason).toMatchObject({ kind: 'liked', item: 0 });
    // Only a liked item is ever named; the disliked bag never is.
    for (const r of list) if (r.reason.kind === 'liked') expect(r.reason.item).toBe(0);
    // Someone we know nothing about gets the popular items, and says so.
    const stranger = recommend(model, foldInUser(model, [], []), {
      exclude: [],
      liked: [],
      groupOf,
      k: 5,
    });
    expect(stranger.every((r) => r.reason.kind === 'popular')).toBe(true);
  });

  it('without a cap, relevance alone would fill the list with one group', () => {
    const capped = recommend(model, hatLover, { exclude: ratedBy0, liked: [], groupOf, k: 8 });
    const uncapped = recommend(model, hatLover, {
      exclude: ratedBy0,
      liked: [],
      groupOf,
      k: 8,
      maxPerGroup: 99,
      lambda: 1,
    });
    const hats = (l: typeof capped) => l.filter((r) => groupOf(r.item) === 'hats').length;
    expect(hats(uncapped)).toBeGreaterThan(3);
    expect(hats(capped)).toBeLessThanOrEqual(3);
  });

  it('one group only, when asked: the list is filled from it, past the diversity cap', () => {
    const bags = recommend(model, hatLover, {
      exclude: ratedBy0,
      liked: [0],
      groupOf,
      onlyGroup: 'bags',
      k: 8,
    });
    expect(bags).toHaveLength(8);
    expect(bags.every((r) => groupOf(r.item) === 'bags' && !ratedBy0.has(r.item))).toBe(true);
  });

  it('popular items skip the excluded ones', () => {
    const top = popularItems(model, new Set([1]), 5);
    expect(top).toHaveLength(5);
    expect(top).not.toContain(1);
  });
});

describe('topByScore', () => {
  it('gives what a full sort gives, ties in order, for any n', () => {
    const next = seededRandom(7);
    for (const size of [0, 1, 5, 600, 5_000]) {
      // Few distinct values, so that ties are common.
      const scores = Float32Array.from({ length: size }, () => Math.floor(next() * 50));
      const sorted = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
      for (const n of [0, 1, 10, 500, size + 3]) {
        expect(topByScore(scores, n)).toEqual(sorted.slice(0, n));
      }
    }
  });
});
