import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  orderNumber,
  orderNumberIn,
  orderProgress,
  tillPayload,
} from '../../src/lib/cart/shared/orders';
import {
  checkOffer,
  percentOf,
  priceCart,
  type PricedLine,
} from '../../src/lib/cart/shared/pricing';
import {
  addToCart,
  cartOf,
  openDatabase,
  ordersOfProfile,
  placeOrder,
  removeCartLine,
  savedPromotionIds,
  updateCartLine,
} from '../../src/lib/db';
import type { Promotion } from '../../src/lib/promotions/shared/schema';
import { sampleOrder } from './helpers/orders';

// The cart's arithmetic and the offers' rules, in whole minor units; orders' numbers, progress
// and till code; and the cart's storage.

const RULE = { freeShippingFromCents: 19900, shippingFeeCents: 1000 };
const line = (category: PricedLine['category'], unitCents: number, quantity = 1): PricedLine => ({
  category,
  unitCents,
  quantity,
});
const offer = (p: Partial<Promotion> & Pick<Promotion, 'kind'>): Promotion => ({
  id: 'o',
  categories: [],
  title: { en: 'o', 'zh-CN': 'o' },
  text: { en: 'o', 'zh-CN': 'o' },
  ...p,
});

describe('cart arithmetic', () => {
  it('adds lines, charges shipping below the threshold and none from it', () => {
    const small = priceCart([line('hats', 4950, 2), line('bags', 1999)], RULE);
    expect(small.totals).toEqual({
      subtotalCents: 11899,
      discountCents: 0,
      shippingCents: 1000,
      totalCents: 12899,
      toFreeShippingCents: 8001,
    });
    const big = priceCart([line('hats', 9950, 2)], RULE).totals;
    expect(big).toMatchObject({ subtotalCents: 19900, shippingCents: 0, totalCents: 19900 });
    expect(priceCart([], RULE).totals).toMatchObject({ totalCents: 0, shippingCents: 0 });
  });

  it('rounds a percentage to the nearest minor unit, halves up', () => {
    expect(percentOf(999, 15)).toBe(150); // 149.85
    expect(percentOf(1010, 15)).toBe(152); // 151.5
    expect(percentOf(333, 10)).toBe(33); // 33.3
    // Yen have no minor unit: prices are whole yen, and so is the discount.
    const yen = priceCart([line('sunglasses', 1999)], RULE, [
      offer({ kind: 'coupon', code: 'SUNNY15', categories: ['sunglasses'], percentOff: 15 }),
    ]).totals;
    expect(yen.discountCents).toBe(300); // 299.85
    expect(Number.isInteger(yen.totalCents)).toBe(true);
  });

  it('ships free below the threshold once discounts are taken off only if the rest reaches it', () => {
    const welcome = offer({
      kind: 'coupon',
      code: 'WELCOME20',
      amountOffCents: 2000,
      minSpendCents: 19900,
    });
    const { totals } = priceCart([line('home', 20000)], RULE, [welcome]);
    expect(totals).toMatchObject({ discountCents: 2000, shippingCents: 1000, totalCents: 19000 });
  });
});

describe('offer rules', () => {
  const cart = [line('sunglasses', 12000), line('hats', 5000, 2), line('lipsticks', 3000)];

  it('a coupon for a department takes its share of that department’s goods only', () => {
    const sunny = offer({ kind: 'coupon', categories: ['sunglasses'], percentOff: 15 });
    expect(checkOffer(sunny, cart)).toEqual({ ok: true, discountCents: 1800, freeShipping: false });
    expect(checkOffer(sunny, [line('hats', 5000)])).toEqual({
      ok: false,
      refusal: { why: 'no-items', categories: ['sunglasses'] },
    });
  });

  it('a minimum spend says how much is missing; an amount never exceeds the goods', () => {
    const home = offer({
      kind: 'coupon',
      categories: ['home'],
      amountOffCents: 3000,
      minSpendCents: 30000,
    });
    expect(checkOffer(home, [line('home', 25000), line('hats', 90000)])).toEqual({
      ok: false,
      refusal: { why: 'min-spend', minSpendCents: 30000, shortCents: 5000, categories: ['home'] },
    });
    const big = offer({ kind: 'coupon', amountOffCents: 9000 });
    expect(checkOffer(big, [line('home', 5000)])).toMatchObject({ ok: true, discountCents: 5000 });
    expect(priceCart([line('home', 5000)], RULE, [big, big]).totals.discountCents).toBe(5000);
  });

  it('a bundle needs one of each department and takes its share of the cheapest set', () => {
    const summer = offer({ kind: 'bundle', categories: ['hats', 'sunglasses'], percentOff: 20 });
    expect(checkOffer(summer, cart)).toEqual({
      ok: true,
      discountCents: percentOf(12000 + 5000, 20),
      freeShipping: false,
    });
    expect(checkOffer(summer, [line('hats', 5000)])).toEqual({
      ok: false,
      refusal: { why: 'bundle', missing: ['sunglasses'] },
    });
    const gift = offer({
      kind: 'bundle',
      categories: ['earrings', 'lipsticks'],
      amountOffCents: 3000,
    });
    expect(checkOffer(gift, [line('earrings', 2500), line('lipsticks', 1000)])).toMatchObject({
      discountCents: 3000,
    });
  });

  it('free shipping from a department’s spend, refused where shipping is free already', () => {
    const small = offer({
      kind: 'free-shipping',
      categories: ['earrings', 'lipsticks'],
      minSpendCents: 9900,
    });
    const cheap = [line('lipsticks', 5000), line('earrings', 5000)];
    const { totals, results } = priceCart(cheap, RULE, [small]);
    expect(results[0]).toEqual({ ok: true, discountCents: 0, freeShipping: true });
    expect(totals).toMatchObject({ shippingCents: 0, totalCents: 10000 });
    expect(priceCart([line('lipsticks', 30000)], RULE, [small]).results[0]).toEqual({
      ok: false,
      refusal: { why: 'shipping-free' },
    });
    expect(priceCart([line('lipsticks', 5000)], RULE, [small]).results[0]).toMatchObject({
      ok: false,
      refusal: { why: 'min-spend', shortCents: 4900 },
    });
  });
});

describe('orders', () => {
  const DAY = 86_400_000;
  it('numbers orders "PA-" and eight digits, and finds one in what a shopper types', () => {
    expect(orderNumber(() => 0.01234567)).toBe('PA-01234567');
    expect(orderNumber(() => 0.999999999)).toMatch(/^PA-\d{8}$/);
    expect(orderNumberIn('where is order PA-1234?')).toBe('PA-00001234');
    expect(orderNumberIn('我的订单PA-12345678到哪了')).toBe('PA-12345678');
    expect(orderNumberIn('pa 00001234 please')).toBe('PA-00001234');
    expect(orderNumberIn('where is my order')).toBeUndefined();
  });

  it('simulates progress from the shop’s delivery days; only a placed one can be cancelled', () => {
    const at = Date.UTC(2026, 11, 1);
    const days = { min: 2, max: 4 };
    const order = sampleOrder('me', at);
    expect(orderProgress(order, days, at + 1000)).toEqual({
      stage: 'placed',
      dateAt: at + DAY,
      cancellable: true,
    });
    expect(orderProgress(order, days, at + 2 * DAY)).toEqual({
      stage: 'shipped',
      dateAt: at + 4 * DAY,
      cancellable: false,
    });
    expect(orderProgress(order, days, at + 5 * DAY).stage).toBe('delivered');
    const till = { ...order, checkout: 'till' as const };
    expect(orderProgress(till, days, at + 9 * DAY).stage).toBe('placed');
    const gone = { ...order, status: 'cancelled' as const, cancelledAt: at + 5 };
    expect(orderProgress(gone, days, at + 9 * DAY)).toEqual({
      stage: 'cancelled',
      dateAt: at + 5,
      cancellable: false,
    });
  });

  it('puts the number, every line and the total in the till’s code', () => {
    const order = sampleOrder('me', 1, {
      id: 'PA-00000042',
      items: [
        { productId: 'apparel-001', sku: 'apparel-001-m', quantity: 2, priceCents: 13900 },
        { productId: 'hats-001', quantity: 1, priceCents: 4950 },
      ],
      discountCents: 500,
      shippingCents: 0,
      totalCents: 32250,
    });
    expect(tillPayload(order).split('\n')).toEqual([
      'PRIVATE-AISLE-ORDER 1',
      'PA-00000042',
      'CNY',
      '2\tapparel-001-m\t13900',
      '1\thats-001\t4950',
      'DISCOUNT\t500',
      'SHIPPING\t0',
      'TOTAL\t32250',
    ]);
  });
});

describe('the cart in storage', () => {
  it('adds one more of the same product and variant, keeps variants apart, saves for later', async () => {
    const db = await openDatabase(`cart-${crypto.randomUUID()}`);
    await addToCart(db, { profileId: 'me', productId: 'apparel-001', sku: 'apparel-001-m' });
    await addToCart(db, { profileId: 'me', productId: 'apparel-001', sku: 'apparel-001-m' });
    await addToCart(db, { profileId: 'me', productId: 'apparel-001', sku: 'apparel-001-l' });
    await addToCart(db, { profileId: 'guest', productId: 'hats-001' });
    const mine = await cartOf(db, 'me');
    expect(mine.map((l) => [l.sku, l.quantity, l.later])).toEqual([
      ['apparel-001-m', 2, false],
      ['apparel-001-l', 1, false],
    ]);
    await updateCartLine(db, mine[1]!.id!, { later: true });
    await updateCartLine(db, mine[0]!.id!, { quantity: 5000 });
    await addToCart(db, { profileId: 'me', productId: 'apparel-001', sku: 'apparel-001-l' });
    expect((await cartOf(db, 'me')).map((l) => [l.sku, l.quantity, l.later])).toEqual([
      ['apparel-001-m', 999, false],
      ['apparel-001-l', 1, true],
      ['apparel-001-l', 1, false],
    ]);
    await removeCartLine(db, mine[1]!.id!);
    expect(await cartOf(db, 'me')).toHaveLength(2);
    db.close();
  });

  it('places an order whole: the order, its purchases, and the lines it came from go', async () => {
    const db = await openDatabase(`order-${crypto.randomUUID()}`);
    await addToCart(db, { profileId: 'me', productId: 'hats-001', quantity: 2 });
    await addToCart(db, { profileId: 'me', productId: 'bags-001' });
    const [hats, bag] = await cartOf(db, 'me');
    await updateCartLine(db, bag!.id!, { later: true });
    await placeOrder(db, sampleOrder('me', 10), [hats!.id!]);
    expect((await ordersOfProfile(db, 'me')).map((o) => o.id)).toEqual(['PA-00000010']);
    expect((await db.events.toArray()).map((e) => [e.type, e.productId])).toEqual([
      ['purchase', 'hats-001'],
    ]);
    expect((await cartOf(db, 'me')).map((l) => l.productId)).toEqual(['bags-001']);
    // The same number twice is refused, and nothing of the second is kept.
    await addToCart(db, { profileId: 'me', productId: 'hats-002' });
    const again = await cartOf(db, 'me');
    await expect(
      placeOrder(
        db,
        sampleOrder('me', 10),
        again.map((l) => l.id!),
      ),
    ).rejects.toThrow();
    expect(await cartOf(db, 'me')).toHaveLength(2);
    expect(await db.events.count()).toBe(1);
    db.close();
  });

  it('lists the offers saved from the banner until one is redeemed in an order', async () => {
    const db = await openDatabase(`saved-${crypto.randomUUID()}`);
    const event = (promotionId: string, type: 'save' | 'redeem' | 'click', at: number) =>
      db.promotionEvents.add({ profileId: 'me', promotionId, type, at });
    await event('welcome-20', 'save', 1);
    await event('sunny-15', 'save', 2);
    await event('hats-25', 'click', 3);
    await event('welcome-20', 'redeem', 4);
    await db.promotionEvents.add({
      profileId: 'guest',
      promotionId: 'lips-10',
      type: 'save',
      at: 5,
    });
    expect(await savedPromotionIds(db, 'me')).toEqual(['sunny-15']);
    await event('welcome-20', 'save', 6);
    expect((await savedPromotionIds(db, 'me')).sort()).toEqual(['sunny-15', 'welcome-20']);
    db.close();
  });
});
