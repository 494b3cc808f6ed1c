/**
 * The bandit's context: what the device knows about the shopper right now. The taste part is
 * the profile's category affinities, from its own ratings and activity on this device; then the
 * time of day and whether this is a shop kiosk or a personal device. Pure: Node-testable.
 */
import { CATEGORIES, type Category } from '../../catalog/types';

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export interface PromoContext {
  /** Per category (CATEGORIES order), in [0, 1): the shopper's share of interest, shrunk by doubt. */
  affinity: number[];
  timeOfDay: TimeOfDay;
  kiosk: boolean;
}

export interface RatingSignal {
  productId: string;
  rating: number;
  updatedAt: number;
}
export interface EventSignal {
  productId: string;
  type: 'view' | 'click' | 'add-to-cart' | 'purchase';
  at: number;
}

/** How much each kind of signal says about taste; a rating of 3 says nothing, 1 or 2 count against. */
const EVENT_WEIGHT: Record<EventSignal['type'], number> = {
  view: 0.25,
  click: 0.5,
  'add-to-cart': 1,
  purchase: 2,
};
const ratingWeight = (stars: number) => stars - 3;
/** Interest fades: a signal counts half after this long. */
export const HALF_LIFE_MS = 30 * 24 * 3600 * 1000;
/** Weight of "no particular taste" added to the total, so that one glance is not a passion. */
export const DOUBT = 1;

export function timeOfDay(hour: number): TimeOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

/**
 * Category affinities: positive weight per category (decayed by age) over the total plus DOUBT,
 * so they sum to less than 1, the less the fewer signals there are (one 5-star hat: 0.67).
 */
export function categoryAffinity(
  ratings: readonly RatingSignal[],
  events: readonly EventSignal[],
  categoryOf: (productId: string) => Category | undefined,
  now: number,
): number[] {
  const raw = new Map<Category, number>();
  const add = (productId: string, weight: number, at: number) => {
    const category = categoryOf(productId);
    if (!category || !Number.isFinite(weight)) return;
    const age = Math.max(0, now - at);
    raw.set(category, (raw.get(category) ?? 0) + weight * 0.5 ** (age / HALF_LIFE_MS));
  };
  for (const r of ratings) add(r.productId, ratingWeight(r.rating), r.updatedAt);
  for (const e of events) add(e.productId, EVENT_WEIGHT[e.type] ?? 0, e.at);
  const positive = CATEGORIES.map((c) => Math.max(0, raw.get(c) ?? 0));
  const total = positive.reduce((s, x) => s + x, 0);
  return positive.map((x) => x / (total + DOUBT));
}

export function buildContext(input: {
  ratings: readonly RatingSignal[];
  events: readonly EventSignal[];
  categoryOf: (productId: string) => Category | undefined;
  now: number;
  /** The local hour (0..23): the caller's clock, so tests need no time zone. */
  hour: number;
  kiosk: boolean;
}): PromoContext {
  return {
    affinity: categoryAffinity(input.ratings, input.events, input.categoryOf, input.now),
    timeOfDay: timeOfDay(input.hour),
    kiosk: input.kiosk,
  };
}

/** The flat form stored with each promotion event: affinities, time of day (one-hot), kiosk. */
export const CONTEXT_LENGTH = CATEGORIES.length + TIMES_OF_DAY.length + 1;

export function contextToVector(c: PromoContext): number[] {
  return [
    ...c.affinity.map((x) => Math.round(x * 1e4) / 1e4),
    ...TIMES_OF_DAY.map((t) => (t === c.timeOfDay ? 1 : 0)),
    c.kiosk ? 1 : 0,
  ];
}

export function contextFromVector(v: readonly number[] | undefined): PromoContext | null {
  if (!v || v.length !== CONTEXT_LENGTH || !v.every((x) => Number.isFinite(x))) return null;
  const n = CATEGORIES.length;
  const t = TIMES_OF_DAY.findIndex((_, i) => v[n + i] === 1);
  if (t < 0) return null;
  return {
    affinity: v.slice(0, n).map((x) => Math.min(1, Math.max(0, x))),
    timeOfDay: TIMES_OF_DAY[t]!,
    kiosk: v[n + TIMES_OF_DAY.length] === 1,
  };
}

/** The categories the shopper leans to, strongest first (for explanations). */
export function topCategories(c: PromoContext, min = 0.05): Category[] {
  return CATEGORIES.map((cat, i) => [cat, c.affinity[i] ?? 0] as const)
    .filter(([, a]) => a >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([cat]) => cat);
}
