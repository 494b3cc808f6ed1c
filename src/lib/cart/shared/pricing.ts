/**
 * What a cart costs: the goods, the offers that apply and the shop's shipping rule, all in whole
 * minor units of the shop's currency (fen, pence; yen have none), so a total never drifts by a
 * rounding. Pure: the Cart, the checkout and the assistant agree because they all call this.
 *
 * Offer rules, by kind (the fields are PromotionSchema's):
 * - coupon and category discount: `percentOff` or `amountOff` of the goods in its departments (all
 *   of them when it names none), once those reach `minSpend`;
 * - bundle: one item of each of its departments together (the cheapest of each): `percentOff`
 *   or `amountOff` of that set;
 * - free shipping: no shipping fee once the goods in its departments reach `minSpend`.
 * Shipping is free once the goods, less their discounts, reach the shop's threshold
 * (`freeShippingFromCents`); below it, the shop's fee.
 */
import type { Category, Product } from '../../catalog/types';
import type { Promotion } from '../../promotions/shared/schema';

/** A cart line as priced: one unit's price and its department. */
export interface PricedLine {
  quantity: number;
  unitCents: number;
  category: Category;
}

/** Why an offer does not apply to this cart, said so the shopper can act on it. */
export type OfferRefusal =
  /** Nothing in the cart from the offer's departments (or the cart is empty). */
  | { why: 'no-items'; categories: Category[] }
  /** The goods it covers are short of its minimum spend by `shortCents`. */
  | { why: 'min-spend'; minSpendCents: number; shortCents: number; categories: Category[] }
  /** A bundle's departments the cart has nothing from. */
  | { why: 'bundle'; missing: Category[] }
  /** Free shipping, where shipping is free already. */
  | { why: 'shipping-free' };

export type OfferResult =
  { ok: true; discountCents: number; freeShipping: boolean } | { ok: false; refusal: OfferRefusal };

export interface ShippingRule {
  freeShippingFromCents: number;
  shippingFeeCents: number;
}

export interface CartTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  /** How much more in goods would make shipping free (0: it is free). */
  toFreeShippingCents: number;
}

/** One unit's price: the chosen variant's, else the product's. */
export function unitPrice(product: Product, sku: string | undefined): number {
  return product.variants?.find((v) => v.sku === sku)?.priceCents ?? product.priceCents;
}

const goods = (lines: readonly PricedLine[]) =>
  lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);

/** A share of an amount, rounded to the nearest minor unit (halves up). */
export const percentOf = (cents: number, percent: number) => Math.round((cents * percent) / 100);

/** The goods an offer covers: those in its departments, or all of them. */
function covered(p: Promotion, lines: readonly PricedLine[]): PricedLine[] {
  return p.categories.length ? lines.filter((l) => p.categories.includes(l.category)) : [...lines];
}

/** Whether this offer applies to these lines, and what it takes off. */
export function checkOffer(
  p: Promotion,
  lines: readonly PricedLine[],
  shippingFreeAnyway = false,
): OfferResult {
  const refuse = (refusal: OfferRefusal): OfferResult => ({ ok: false, refusal });
  const mine = covered(p, lines);
  if (!mine.length) return refuse({ why: 'no-items', categories: p.categories });
  const off = (cents: number) =>
    p.percentOff ? percentOf(cents, p.percentOff) : Math.min(p.amountOffCents ?? 0, cents);

  if (p.kind === 'bundle') {
    const missing = p.categories.filter((c) => !mine.some((l) => l.category === c));
    if (missing.length) return refuse({ why: 'bundle', missing });
    const set = p.categories.map((c) =>
      Math.min(...mine.filter((l) => l.category === c).map((l) => l.unitCents)),
    );
    return { ok: true, discountCents: off(set.reduce((a, b) => a + b, 0)), freeShipping: false };
  }
  const spent = goods(mine);
  if (p.minSpendCents !== undefined && spent < p.minSpendCents) {
    return refuse({
      why: 'min-spend',
      minSpendCents: p.minSpendCents,
      shortCents: p.minSpendCents - spent,
      categories: p.categories,
    });
  }
  if (p.kind === 'free-shipping') {
    return shippingFreeAnyway
      ? refuse({ why: 'shipping-free' })
      : { ok: true, discountCents: 0, freeShipping: true };
  }
  return { ok: true, discountCents: off(spent), freeShipping: false };
}

/**
 * The cart's totals with these offers applied (each checked; one that does not apply takes
 * nothing off). Discounts never take the goods below zero.
 */
export function priceCart(
  lines: readonly PricedLine[],
  rule: ShippingRule,
  offers: readonly Promotion[] = [],
): { totals: CartTotals; results: OfferResult[] } {
  const subtotalCents = goods(lines);
  const discounts = offers.map((p) => (p.kind === 'free-shipping' ? null : checkOffer(p, lines)));
  const discountCents = Math.min(
    subtotalCents,
    discounts.reduce((sum, r) => sum + (r?.ok ? r.discountCents : 0), 0),
  );
  const net = subtotalCents - discountCents;
  const byPolicy = net >= rule.freeShippingFromCents;
  const results = offers.map((p, i) => discounts[i] ?? checkOffer(p, lines, byPolicy));
  const byOffer = results.some((r) => r.ok && r.freeShipping);
  const free = !lines.length || byPolicy || byOffer;
  const shippingCents = free ? 0 : rule.shippingFeeCents;
  return {
    totals: {
      subtotalCents,
      discountCents,
      shippingCents,
      totalCents: net + shippingCents,
      toFreeShippingCents: free ? 0 : rule.freeShippingFromCents - net,
    },
    results,
  };
}
