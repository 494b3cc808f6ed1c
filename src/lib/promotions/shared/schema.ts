/** The shape of a promotion, checked by valibot (the data module and its unit test use it). */
import * as v from 'valibot';
import { CATEGORIES } from '../../catalog/types';

import { PROMOTION_KINDS } from './kinds';

export { PROMOTION_KINDS, type PromotionKind } from './kinds';

const localized = v.object({
  en: v.pipe(v.string(), v.nonEmpty()),
  'zh-CN': v.pipe(v.string(), v.nonEmpty()),
});
const cents = v.pipe(v.number(), v.integer(), v.minValue(1));

export const PromotionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
    kind: v.picklist(PROMOTION_KINDS),
    /** The categories the offer is about; empty means the whole shop. */
    categories: v.array(v.picklist(CATEGORIES)),
    title: localized,
    text: localized,
    /** A coupon's code, typed at checkout. */
    code: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9]{4,16}$/))),
    percentOff: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90))),
    amountOffCents: v.optional(cents),
    minSpendCents: v.optional(cents),
  }),
  v.check((p) => p.kind !== 'coupon' || p.code !== undefined, 'a coupon needs a code to redeem'),
  v.check(
    (p) => p.kind !== 'free-shipping' || p.minSpendCents !== undefined,
    'free shipping needs a threshold',
  ),
  v.check(
    (p) => p.kind !== 'bundle' || p.categories.length >= 1,
    'a bundle is about at least one category',
  ),
  v.check(
    (p) => p.kind !== 'category-discount' || (p.categories.length >= 1 && !!p.percentOff),
    'a category discount needs categories and a percentage',
  ),
  v.check((p) => new Set(p.categories).size === p.categories.length, 'categories must not repeat'),
);

export type Promotion = v.InferOutput<typeof PromotionSchema>;

/** Validates a whole list: every entry, and ids unique. Returns the problems in words. */
export function validatePromotions(list: unknown): string[] {
  const problems: string[] = [];
  const parsed = v.safeParse(v.array(v.unknown()), list);
  if (!parsed.success) return ['not a list'];
  const ids = new Set<string>();
  parsed.output.forEach((item, i) => {
    const r = v.safeParse(PromotionSchema, item);
    if (!r.success) {
      problems.push(`[${i}] ${r.issues.map((issue) => issue.message).join('; ')}`);
      return;
    }
    if (ids.has(r.output.id)) problems.push(`[${i}] duplicate id ${r.output.id}`);
    ids.add(r.output.id);
  });
  return problems;
}
