/**
 * The shape of a promotion, checked by valibot: the demo's offers (data.ts and its unit test) and
 * a shop pack's offers.json (src/lib/shop/shared/offers.ts) are held to the same rules, and a bad
 * entry is reported by its index and field in words a shop owner can act on.
 */
import * as v from 'valibot';
import { CATEGORIES } from '../../catalog/types';
import { localized, strict } from '../../shop/shared/settings-schema';

import { PROMOTION_KINDS } from './kinds';

export { PROMOTION_KINDS, type PromotionKind } from './kinds';

const CENTS =
  'must be a whole number of the currency’s smallest unit (cents, pence, fen), 1 or more';
const cents = v.pipe(v.number(CENTS), v.integer(CENTS), v.minValue(1, CENTS));
const PERCENT = 'must be a whole number from 1 to 90';
const ID = 'must be lower-case letters, digits and "-", like "summer-20"';
const CODE = 'must be 4 to 16 capital letters or digits, as typed at checkout';
const CATEGORY = `must be one of the departments ${CATEGORIES.join(', ')}`;

export const PromotionSchema = v.pipe(
  strict(
    {
      id: v.pipe(v.string(ID), v.regex(/^[a-z0-9-]+$/, ID)),
      kind: v.picklist(PROMOTION_KINDS, `must be one of ${PROMOTION_KINDS.join(', ')}`),
      /** The categories the offer is about; empty means the whole shop. */
      categories: v.array(v.picklist(CATEGORIES, CATEGORY), 'must be a list of departments'),
      title: localized,
      text: localized,
      /** A coupon's code, typed at checkout. */
      code: v.optional(v.pipe(v.string(CODE), v.regex(/^[A-Z0-9]{4,16}$/, CODE))),
      percentOff: v.optional(
        v.pipe(
          v.number(PERCENT),
          v.integer(PERCENT),
          v.minValue(1, PERCENT),
          v.maxValue(90, PERCENT),
        ),
      ),
      amountOffCents: v.optional(cents),
      minSpendCents: v.optional(cents),
    },
    'a field of an offer',
  ),
  v.check((p) => p.kind !== 'coupon' || p.code !== undefined, 'a coupon needs a code to redeem'),
  v.check(
    (p) => p.kind !== 'free-shipping' || p.minSpendCents !== undefined,
    'free shipping needs a threshold (minSpendCents)',
  ),
  v.check(
    (p) => p.kind !== 'bundle' || p.categories.length >= 1,
    'a bundle is about at least one category',
  ),
  v.check(
    (p) => p.kind !== 'category-discount' || (p.categories.length >= 1 && !!p.percentOff),
    'a category discount needs categories and a percentage (percentOff)',
  ),
  v.check((p) => new Set(p.categories).size === p.categories.length, 'categories must not repeat'),
);

export type Promotion = v.InferOutput<typeof PromotionSchema>;

/** One thing wrong with an entry of a list of offers. */
export interface PromotionIssue {
  /** The entry's index in the list. */
  index: number;
  /** The field at fault, e.g. "code", "title.en", "categories[1]"; "" for the entry as a whole. */
  path: string;
  why: string;
}

/** "title.en", "categories[1]": a valibot issue's path as the file writes it. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
}

/** A good entry of a list of offers, and where it is in the list. */
export interface CheckedPromotion {
  index: number;
  promotion: Promotion;
}

/** Checks every entry of a list of offers: the good ones, and every issue of the bad ones. */
export function checkPromotions(list: readonly unknown[]): {
  promotions: CheckedPromotion[];
  issues: PromotionIssue[];
} {
  const promotions: CheckedPromotion[] = [];
  const issues: PromotionIssue[] = [];
  const firstWithId = new Map<string, number>();
  list.forEach((item, index) => {
    const r = v.safeParse(PromotionSchema, item);
    if (!r.success) {
      for (const issue of r.issues) issues.push({ index, path: pathOf(issue), why: issue.message });
      return;
    }
    const earlier = firstWithId.get(r.output.id);
    if (earlier !== undefined) {
      issues.push({
        index,
        path: 'id',
        why: `duplicate id "${r.output.id}": offer [${earlier}] has it too, and each offer needs its own`,
      });
      return;
    }
    firstWithId.set(r.output.id, index);
    promotions.push({ index, promotion: r.output });
  });
  return { promotions, issues };
}

/** Validates a whole list: every entry, and ids unique. One line of problems per bad entry. */
export function validatePromotions(list: unknown): string[] {
  if (!Array.isArray(list)) return ['not a list'];
  const byEntry = new Map<number, string[]>();
  for (const { index, path, why } of checkPromotions(list).issues) {
    byEntry.set(index, [...(byEntry.get(index) ?? []), path ? `${path} ${why}` : why]);
  }
  return [...byEntry].map(([index, whys]) => `[${index}] ${whys.join('; ')}`);
}
