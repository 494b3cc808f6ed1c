/**
 * A contextual bandit that picks one promotion for the shopper in front of the device.
 *
 * Model: Bayesian linear regression of "clicked or redeemed" (0/1) on joint features of the
 * context and the promotion, x(c, a) =
 *   [ one-hot of a                        (how appealing a is in general)
 *   | a(c, a) · one-hot of a               (affinity to a's categories; a slope per offer)
 *   | a(c, a)² · one-hot of kind(a)        (click rates rise faster than linearly with taste)
 *   | kiosk · one-hot of kind(a)          (kiosks favour some kinds: no free shipping in store)
 *   | one-hot of time of day × kind(a) ]  (coupons in the evening, …)
 * with affinity a(c, a) = the share of the shopper's interest that a's categories cover.
 * The prior N(μ0, A0⁻¹) says: every offer is clicked now and then, and an offer in a category
 * you like is more interesting; A = A0 + Σ x xᵀ, b = A0 μ0 + Σ r x, θ̂ = A⁻¹ b.
 * Policies on the same model: LinUCB (θ̂ᵀx + α √(xᵀA⁻¹x), deterministic; the app's) and
 * Thompson sampling (θ ~ N(θ̂, ν² A⁻¹)); a seeded PRNG breaks ties and draws the samples.
 * A⁻¹ is kept and updated with Sherman–Morrison, O(d²) per event; the state is plain JSON.
 */
import { seededRandom } from '../../random/seeded';
import { CATEGORIES } from '../../catalog/types';
import { TIMES_OF_DAY, type PromoContext } from './context';
import { PROMOTION_KINDS } from './kinds';
import type { Promotion } from './schema';

export type Policy = 'ucb' | 'thompson';

export interface BanditConfig {
  policy: Policy;
  /** LinUCB's exploration weight. */
  alpha: number;
  /** Thompson sampling's noise scale ν. */
  nu: number;
  /** Prior mean click rate of any offer, and the prior slope of affinity. */
  priorRate: number;
  priorAffinity: number;
  /** Prior precision (in "observations") of the offer terms, affinity slopes and the rest. */
  precisionOffer: number;
  precisionAffinity: number;
  precisionOther: number;
}

/** Tuned on the simulated population (npm run eval:promotions); the app uses these. */
export const DEFAULT_CONFIG: BanditConfig = {
  policy: 'ucb',
  alpha: 0.35,
  nu: 0.15,
  priorRate: 0.05,
  priorAffinity: 0.3,
  precisionOffer: 4,
  precisionAffinity: 2,
  precisionOther: 8,
};

export interface BanditState {
  version: 1;
  /** Promotion ids in feature order: a state is only reused with the same list. */
  arms: string[];
  dim: number;
  /** A⁻¹, row-major, and b. */
  ainv: number[];
  b: number[];
  /** Events learned from, and decisions taken (the latter also advances the PRNG). */
  updates: number;
  decisions: number;
  seed: number;
}

const K = PROMOTION_KINDS.length;
const T = TIMES_OF_DAY.length;

export function dimension(arms: number): number {
  return arms + arms + K + K + T * K;
}

/** The shopper's affinity summed over the promotion's categories (0 for shop-wide offers). */
export function affinityFor(promotion: Promotion, context: PromoContext): number {
  let sum = 0;
  for (const c of promotion.categories) sum += context.affinity[CATEGORIES.indexOf(c)] ?? 0;
  return Math.min(1, sum);
}

/** Which block each feature index belongs to: used by the explanation. */
export type Block = 'offer' | 'affinity' | 'kiosk' | 'time';

export function blockOf(index: number, arms: number): Block {
  if (index < arms) return 'offer';
  if (index < 2 * arms + K) return 'affinity';
  if (index < 2 * arms + 2 * K) return 'kiosk';
  return 'time';
}

export function features(
  promotions: readonly Promotion[],
  arm: number,
  context: PromoContext,
): Float64Array {
  const n = promotions.length;
  const x = new Float64Array(dimension(n));
  const p = promotions[arm]!;
  const kind = PROMOTION_KINDS.indexOf(p.kind);
  const affinity = affinityFor(p, context);
  x[arm] = 1;
  x[n + arm] = affinity;
  x[2 * n + kind] = affinity * affinity;
  x[2 * n + K + kind] = context.kiosk ? 1 : 0;
  x[2 * n + 2 * K + TIMES_OF_DAY.indexOf(context.timeOfDay) * K + kind] = 1;
  return x;
}

export function createBandit(
  promotions: readonly Promotion[],
  seed: number,
  config: BanditConfig = DEFAULT_CONFIG,
): BanditState {
  const n = promotions.length;
  const d = dimension(n);
  const ainv = new Array<number>(d * d).fill(0);
  const b = new Array<number>(d).fill(0);
  for (let i = 0; i < d; i++) {
    const block = blockOf(i, n);
    const precision =
      block === 'offer'
        ? config.precisionOffer
        : block === 'affinity'
          ? config.precisionAffinity
          : config.precisionOther;
    // Only the offers' own terms and their linear affinity slopes have a non-zero prior mean.
    const mean = block === 'offer' ? config.priorRate : i < 2 * n ? config.priorAffinity : 0;
    ainv[i * d + i] = 1 / precision;
    b[i] = precision * mean; // so that A⁻¹b = μ0
  }
  return {
    version: 1,
    arms: promotions.map((p) => p.id),
    dim: d,
    ainv,
    b,
    updates: 0,
    decisions: 0,
    seed: seed >>> 0,
  };
}

/** A stored state fits only the same promotions in the same order, and must be well-formed. */
export function isUsable(state: unknown, promotions: readonly Promotion[]): state is BanditState {
  if (!state || typeof state !== 'object') return false;
  const s = state as Partial<BanditState>;
  const d = dimension(promotions.length);
  return (
    s.version === 1 &&
    s.dim === d &&
    Array.isArray(s.arms) &&
    s.arms.length === promotions.length &&
    s.arms.every((id, i) => id === promotions[i]!.id) &&
    Array.isArray(s.ainv) &&
    s.ainv.length === d * d &&
    s.ainv.every(Number.isFinite) &&
    Array.isArray(s.b) &&
    s.b.length === d &&
    s.b.every(Number.isFinite) &&
    Number.isInteger(s.updates) &&
    Number.isInteger(s.decisions) &&
    Number.isInteger(s.seed)
  );
}

function mulVec(m: readonly number[], d: number, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    const row = i * d;
    for (let j = 0; j < d; j++) s += m[row + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** θ̂ = A⁻¹ b, the posterior mean. */
export function weights(state: BanditState): Float64Array {
  return mulVec(state.ainv, state.dim, state.b);
}

/** Lower-triangular L with L Lᵀ = M (M symmetric positive definite; tiny jitter for safety). */
function cholesky(m: readonly number[], d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      l[i * d + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * d + j]!;
    }
  }
  return l;
}

function gaussian(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface ArmScore {
  /** Expected click rate under the posterior mean, and the exploration part of the score. */
  mean: number;
  bonus: number;
  score: number;
}

export interface Choice {
  arm: number;
  promotionId: string;
  scores: ArmScore[];
}

/** The PRNG for the n-th decision: reproducible from the state alone. */
function rngFor(state: BanditState): () => number {
  return seededRandom((state.seed ^ Math.imul(state.decisions + 1, 0x9e3779b1)) >>> 0);
}

/**
 * Picks a promotion for this context (among `allowed` arms, default all) and counts the
 * decision. Does not learn: call update() with the reward once it is known.
 */
export function choose(
  state: BanditState,
  promotions: readonly Promotion[],
  context: PromoContext,
  config: BanditConfig = DEFAULT_CONFIG,
  allowed?: readonly number[],
): Choice {
  const rng = rngFor(state);
  state.decisions++;
  const d = state.dim;
  const theta = weights(state);
  let sampled: Float64Array | undefined;
  if (config.policy === 'thompson') {
    const l = cholesky(state.ainv, d);
    const z = Float64Array.from({ length: d }, () => gaussian(rng));
    sampled = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += l[i * d + k]! * z[k]!;
      sampled[i] = theta[i]! + config.nu * s;
    }
  }
  const arms = allowed ?? promotions.map((_, i) => i);
  const scores: ArmScore[] = promotions.map(() => ({ mean: 0, bonus: 0, score: -Infinity }));
  let best = -1;
  for (const a of arms) {
    const x = features(promotions, a, context);
    const mean = dot(theta, x);
    const bonus = sampled
      ? dot(sampled, x) - mean
      : config.alpha * Math.sqrt(Math.max(0, dot(x, mulVec(state.ainv, d, x))));
    // The PRNG only breaks ties (e.g. a fresh model and no taste known yet).
    const score = mean + bonus + rng() * 1e-9;
    scores[a] = { mean, bonus, score };
    if (best < 0 || score > scores[best]!.score) best = a;
  }
  if (best < 0) throw new Error('No promotion to choose from');
  return { arm: best, promotionId: promotions[best]!.id, scores };
}

/** Learns from one shown promotion: reward 1 if it was clicked or redeemed, else 0. */
export function update(
  state: BanditState,
  promotions: readonly Promotion[],
  arm: number,
  context: PromoContext,
  reward: number,
): BanditState {
  const d = state.dim;
  const x = features(promotions, arm, context);
  const ax = mulVec(state.ainv, d, x);
  const denom = 1 + dot(x, ax);
  for (let i = 0; i < d; i++) {
    const ai = ax[i]! / denom;
    if (ai === 0) continue;
    const row = i * d;
    for (let j = 0; j < d; j++) state.ainv[row + j]! -= ai * ax[j]!;
  }
  for (let i = 0; i < d; i++) state.b[i]! += reward * x[i]!;
  state.updates++;
  return state;
}

/** What each block of features added to the chosen promotion's expected click rate. */
export function contributions(
  state: BanditState,
  promotions: readonly Promotion[],
  arm: number,
  context: PromoContext,
): Record<Block, number> {
  const theta = weights(state);
  const x = features(promotions, arm, context);
  const out: Record<Block, number> = { offer: 0, affinity: 0, kiosk: 0, time: 0 };
  for (let i = 0; i < x.length; i++) {
    if (x[i]) out[blockOf(i, promotions.length)] += theta[i]! * x[i]!;
  }
  return out;
}
