import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../src/lib/catalog/types';
import {
  DEFAULT_CONFIG,
  choose,
  contributions,
  createBandit,
  dimension,
  features,
  isUsable,
  update,
  weights,
} from '../../src/lib/promotions/shared/bandit';
import {
  CONTEXT_LENGTH,
  buildContext,
  categoryAffinity,
  contextFromVector,
  contextToVector,
  timeOfDay,
  type PromoContext,
} from '../../src/lib/promotions/shared/context';
import { PROMOTIONS } from '../../src/lib/promotions/shared/data';
import { explain, rotationIndex } from '../../src/lib/promotions/shared/explain';
import { seededRandom } from '../../src/lib/random/seeded';

const NOW = Date.UTC(2026, 10, 28, 12);
const categoryOf = (id: string) => id.replace(/-\d+$/, '') as Category;
const ctx = (likes: Partial<Record<Category, number>> = {}, over: Partial<PromoContext> = {}) => ({
  affinity: CATEGORIES.map((c) => likes[c] ?? 0),
  timeOfDay: 'afternoon' as const,
  kiosk: false,
  ...over,
});
const index = (id: string) => PROMOTIONS.findIndex((p) => p.id === id);

describe('promotion context', () => {
  it('turns ratings and events into category affinities, shrunk when there is little evidence', () => {
    const none = categoryAffinity([], [], categoryOf, NOW);
    expect(none.every((x) => x === 0)).toBe(true);
    const one = categoryAffinity(
      [{ productId: 'hats-001', rating: 5, updatedAt: NOW }],
      [],
      categoryOf,
      NOW,
    );
    expect(one[CATEGORIES.indexOf('hats')]).toBeCloseTo(2 / 3);
    const many = categoryAffinity(
      [1, 2, 3, 4].map((i) => ({ productId: `hats-00${i}`, rating: 5, updatedAt: NOW })),
      [{ productId: 'shoes-001', type: 'view', at: NOW }],
      categoryOf,
      NOW,
    );
    expect(many[CATEGORIES.indexOf('hats')]).toBeGreaterThan(0.8);
    expect(many[CATEGORIES.indexOf('shoes')]).toBeGreaterThan(0);
    expect(many.reduce((s, x) => s + x, 0)).toBeLessThan(1);
  });

  it('counts low ratings against a category, and old signals less', () => {
    const disliked = categoryAffinity(
      [
        { productId: 'bags-001', rating: 1, updatedAt: NOW },
        { productId: 'bags-002', rating: 5, updatedAt: NOW },
      ],
      [],
      categoryOf,
      NOW,
    );
    expect(disliked[CATEGORIES.indexOf('bags')]).toBe(0);
    const fresh = categoryAffinity(
      [],
      [{ productId: 'home-001', type: 'purchase', at: NOW }],
      categoryOf,
      NOW,
    );
    const old = categoryAffinity(
      [],
      [{ productId: 'home-001', type: 'purchase', at: NOW - 90 * 24 * 3600e3 }],
      categoryOf,
      NOW,
    );
    expect(old[CATEGORIES.indexOf('home')]).toBeLessThan(fresh[CATEGORIES.indexOf('home')]!);
  });

  it('buckets the hour and round-trips through the stored vector', () => {
    expect([6, 13, 19, 23, 2].map(timeOfDay)).toEqual([
      'morning',
      'afternoon',
      'evening',
      'night',
      'night',
    ]);
    const c = buildContext({
      ratings: [{ productId: 'lipsticks-003', rating: 4, updatedAt: NOW }],
      events: [],
      categoryOf,
      now: NOW,
      hour: 20,
      kiosk: true,
    });
    const v = contextToVector(c);
    expect(v).toHaveLength(CONTEXT_LENGTH);
    const back = contextFromVector(v)!;
    expect(back.timeOfDay).toBe('evening');
    expect(back.kiosk).toBe(true);
    expect(back.affinity[CATEGORIES.indexOf('lipsticks')]).toBeCloseTo(0.5, 3);
    expect(contextFromVector([1, 2])).toBeNull();
    expect(contextFromVector(v.map(() => 0))).toBeNull();
  });
});

describe('contextual bandit', () => {
  it('builds one feature vector per promotion and context', () => {
    const x = features(PROMOTIONS, index('hats-25'), ctx({ hats: 0.8 }, { kiosk: true }));
    expect(x).toHaveLength(dimension(PROMOTIONS.length));
    expect(x[index('hats-25')]).toBe(1);
    expect(x[PROMOTIONS.length + index('hats-25')]).toBeCloseTo(0.8);
    expect([...x].filter((v) => v !== 0)).toHaveLength(5);
  });

  it('starts from the prior: with a known taste, an offer in that category comes first', () => {
    const state = createBandit(PROMOTIONS, 1);
    const choice = choose(state, PROMOTIONS, ctx({ hats: 0.8 }));
    expect(PROMOTIONS[choice.arm]!.categories).toContain('hats');
    const lips = choose(state, PROMOTIONS, ctx({ lipsticks: 0.8 }));
    expect(PROMOTIONS[lips.arm]!.categories).toContain('lipsticks');
    expect(state.decisions).toBe(2);
  });

  it('is deterministic for a seed, and the seed only breaks ties', () => {
    const picks = (seed: number) => {
      const s = createBandit(PROMOTIONS, seed);
      return Array.from({ length: 5 }, () => {
        const c = choose(s, PROMOTIONS, ctx());
        update(s, PROMOTIONS, c.arm, ctx(), 0);
        return c.promotionId;
      });
    };
    expect(picks(3)).toEqual(picks(3));
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => picks(s)[0]));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('learns from clicks: an offer that is always clicked in the evening wins the evening', () => {
    const state = createBandit(PROMOTIONS, 9);
    const rng = seededRandom(5);
    const target = index('free-shipping');
    const evening = ctx({}, { timeOfDay: 'evening' });
    for (let i = 0; i < 300; i++) {
      const c = choose(state, PROMOTIONS, evening);
      const p = c.arm === target ? 0.6 : 0.02;
      update(state, PROMOTIONS, c.arm, evening, rng() < p ? 1 : 0);
    }
    const last = Array.from({ length: 20 }, () => choose(state, PROMOTIONS, evening).arm);
    expect(last.filter((a) => a === target).length).toBeGreaterThanOrEqual(18);
    expect(weights(state)[target]).toBeGreaterThan(DEFAULT_CONFIG.priorRate);
  });

  it('thompson sampling runs on the same model and also learns', () => {
    const config = { ...DEFAULT_CONFIG, policy: 'thompson' as const };
    const state = createBandit(PROMOTIONS, 4, config);
    const rng = seededRandom(8);
    const target = index('gift-set');
    for (let i = 0; i < 400; i++) {
      const c = choose(state, PROMOTIONS, ctx(), config);
      update(state, PROMOTIONS, c.arm, ctx(), rng() < (c.arm === target ? 0.5 : 0.02) ? 1 : 0);
    }
    const last = Array.from({ length: 20 }, () => choose(state, PROMOTIONS, ctx(), config).arm);
    expect(last.filter((a) => a === target).length).toBeGreaterThanOrEqual(15);
  });

  it('serialises to plain JSON and checks what it loads', () => {
    const state = createBandit(PROMOTIONS, 11);
    update(state, PROMOTIONS, 2, ctx({ home: 0.5 }), 1);
    const back = JSON.parse(JSON.stringify(state));
    expect(isUsable(back, PROMOTIONS)).toBe(true);
    expect(choose(back, PROMOTIONS, ctx({ home: 0.5 })).promotionId).toBe(
      choose(state, PROMOTIONS, ctx({ home: 0.5 })).promotionId,
    );
    expect(isUsable(back, PROMOTIONS.slice(1))).toBe(false);
    expect(isUsable({ ...back, b: back.b.slice(1) }, PROMOTIONS)).toBe(false);
    expect(isUsable({ ...back, ainv: back.ainv.map(() => NaN) }, PROMOTIONS)).toBe(false);
    expect(isUsable(null, PROMOTIONS)).toBe(false);
  });

  it('keeps A⁻¹ equal to the inverse of the prior plus Σ x xᵀ (Sherman–Morrison)', () => {
    const state = createBandit(PROMOTIONS, 2);
    const d = state.dim;
    const a = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j ? 1 / state.ainv[i * d + i]! : 0)),
    );
    const rng = seededRandom(3);
    for (let n = 0; n < 50; n++) {
      const c = ctx({ [CATEGORIES[n % 10]!]: rng() }, { kiosk: n % 3 === 0 });
      const arm = n % PROMOTIONS.length;
      const x = features(PROMOTIONS, arm, c);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i]![j]! += x[i]! * x[j]!;
      update(state, PROMOTIONS, arm, c, n % 2);
    }
    // (A · A⁻¹) should be the identity.
    let worst = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += a[i]![k]! * state.ainv[k * d + j]!;
        worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
      }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('why am I seeing this?', () => {
  it('names the category the shopper likes when that drove the choice', () => {
    const state = createBandit(PROMOTIONS, 1);
    const c = ctx({ hats: 0.8 });
    const choice = choose(state, PROMOTIONS, c);
    const e = explain(state, PROMOTIONS, choice, c);
    expect(e.personalised).toBe(true);
    expect(e.reasons[0]).toEqual({ kind: 'interest', categories: ['hats'] });
    expect(e.basis).toEqual({ categories: ['hats'], timeOfDay: 'afternoon', kiosk: false });
    const parts = contributions(state, PROMOTIONS, choice.arm, c);
    expect(parts.affinity).toBeGreaterThan(parts.time);
  });

  it('says it is still learning when nothing about the shopper drove the choice', () => {
    const state = createBandit(PROMOTIONS, 1);
    const choice = choose(state, PROMOTIONS, ctx());
    expect(explain(state, PROMOTIONS, choice, ctx()).reasons.map((r) => r.kind)).toEqual([
      'exploring',
    ]);
  });

  it('gives the time of day and the kiosk once they are learned', () => {
    const state = createBandit(PROMOTIONS, 1);
    const target = index('second-pair');
    const c = ctx({}, { kiosk: true, timeOfDay: 'morning' });
    for (let i = 0; i < 60; i++) update(state, PROMOTIONS, target, c, 1);
    const choice = choose(state, PROMOTIONS, c);
    expect(choice.arm).toBe(target);
    const kinds = explain(state, PROMOTIONS, choice, c).reasons.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['time', 'kiosk', 'responded']));
    expect(kinds).not.toContain('exploring');
  });

  it('rotates in a fixed order when personalisation is off', () => {
    expect([0, 1, 13, 14, 15].map((n) => rotationIndex(n, 14))).toEqual([0, 1, 13, 0, 1]);
    expect(() => rotationIndex(0, 0)).toThrow();
  });
});
