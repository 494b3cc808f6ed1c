/**
 * "Why am I seeing this?": the parts of the context that pushed the chosen promotion up, as
 * reasons the messages module turns into plain words. Pure: Node-testable.
 */
import { CATEGORIES, type Category } from '../../catalog/types';
import {
  DEFAULT_CONFIG,
  contributions,
  type BanditConfig,
  type BanditState,
  type Choice,
} from './bandit';
import { topCategories, type PromoContext, type TimeOfDay } from './context';
import type { Promotion } from './schema';

export type Reason =
  | { kind: 'interest'; categories: Category[] }
  | { kind: 'time'; timeOfDay: TimeOfDay }
  | { kind: 'kiosk' }
  | { kind: 'responded' }
  | { kind: 'exploring' }
  | { kind: 'rotation' };

export interface Explanation {
  personalised: boolean;
  /** Strongest first; never empty. */
  reasons: Reason[];
  /** What the device used, shown so the shopper can see it all. */
  basis: { categories: Category[]; timeOfDay: TimeOfDay; kiosk: boolean } | null;
}

/** A part must add at least this much to the expected click rate to count as a reason. */
const NOTABLE = 0.005;

export function explain(
  state: BanditState,
  promotions: readonly Promotion[],
  choice: Choice,
  context: PromoContext,
  config: BanditConfig = DEFAULT_CONFIG,
): Explanation {
  const promotion = promotions[choice.arm]!;
  const parts = contributions(state, promotions, choice.arm, context);
  const scored: [Reason, number][] = [];
  const liked = promotion.categories
    .filter((c) => (context.affinity[CATEGORIES.indexOf(c)] ?? 0) > 0)
    .sort(
      (a, b) =>
        (context.affinity[CATEGORIES.indexOf(b)] ?? 0) -
        (context.affinity[CATEGORIES.indexOf(a)] ?? 0),
    );
  if (parts.affinity > NOTABLE && liked.length) {
    scored.push([{ kind: 'interest', categories: liked }, parts.affinity]);
  }
  if (parts.time > NOTABLE)
    scored.push([{ kind: 'time', timeOfDay: context.timeOfDay }, parts.time]);
  if (context.kiosk && parts.kiosk > NOTABLE) scored.push([{ kind: 'kiosk' }, parts.kiosk]);
  const learned = parts.offer - config.priorRate;
  if (state.updates > 0 && learned > NOTABLE) scored.push([{ kind: 'responded' }, learned]);
  scored.sort((a, b) => b[1] - a[1]);
  // Exploring: the offer won on its uncertainty, not on what is expected of it.
  const considered = choice.scores.filter((s) => Number.isFinite(s.score));
  const bestMean = Math.max(...considered.map((s) => s.mean));
  const exploring = (choice.scores[choice.arm]?.mean ?? bestMean) < bestMean - 1e-12;
  if (exploring) scored.unshift([{ kind: 'exploring' }, 0]);
  else if (scored.length === 0) scored.push([{ kind: 'exploring' }, 0]);
  return {
    personalised: true,
    reasons: scored.map(([r]) => r),
    basis: {
      categories: topCategories(context),
      timeOfDay: context.timeOfDay,
      kiosk: context.kiosk,
    },
  };
}

/** With personalisation off: the same fixed order for everyone, one step per banner shown. */
export function rotationIndex(counter: number, count: number): number {
  if (count <= 0) throw new Error('No promotion to rotate');
  const n = Math.floor(counter);
  return ((n % count) + count) % count;
}

export const ROTATION_EXPLANATION: Explanation = {
  personalised: false,
  reasons: [{ kind: 'rotation' }],
  basis: null,
};
