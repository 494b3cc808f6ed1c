import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  CANCEL_PREFIX,
  KEEP_ORDERS,
  answerCancel,
  answerCart,
  answerOrders,
  categoryIn,
  confirmCancel,
  languageOf,
  type ShopperData,
} from '../../src/lib/assistant/client/actions';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { addToCart, openDatabase, ordersOfProfile, placeOrder, type Order } from '../../src/lib/db';

describe('assistant actions', () => {
  it('finds the category a recommendation request names, sunglasses before glasses', () => {
    expect(categoryIn('recommend me sunglasses')).toBe('sunglasses');
    expect(categoryIn('any sun-glasses for the beach?')).toBe('sunglasses');
    expect(categoryIn('推荐一副墨镜')).toBe('sunglasses');
    expect(categoryIn('推荐太阳眼镜')).toBe('sunglasses');
    expect(categoryIn('suggest some reading glasses')).toBe('glasses');
    expect(categoryIn('推荐眼镜')).toBe('glasses');
    expect(categoryIn('a warm beanie please')).toBe('hats');
    expect(categoryIn('推荐一款口红')).toBe('lipsticks');
    expect(categoryIn('what should I buy')).toBeUndefined();
    expect(categoryIn('what should I wear with this')).toBeUndefined();
  });

  it('answers in the language of the question, else the UI language', () => {
    expect(languageOf('where is my order', 'zh-CN')).toBe('en');
    expect(languageOf('我的订单到哪了', 'en')).toBe('zh-CN');
    expect(languageOf('iPhone 能用吗', 'en')).toBe('zh-CN');
    expect(languageOf('???', 'zh-CN')).toBe('zh-CN');
  });

  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.UTC(2026, 10, 28, 12);
  const catalog = generateCatalog();
  const sunglasses = catalog.find((p) => p.category === 'sunglasses')!;
  const shirt = catalog.find((p) => p.variants?.length)!;

  async function shopper(): Promise<ShopperData> {
    const db = await openDatabase(`actions-${crypto.randomUUID()}`);
    return {
      db,
      profileId: 'me',
      lang: 'en',
      now,
      deliveryDays: { min: 2, max: 4 },
      shipping: { freeShippingFromCents: 19900, shippingFeeCents: 1000 },
      price: (cents) => `¥${(cents / 100).toFixed(2)}`,
      products: async (ids) =>
        new Map(catalog.filter((p) => ids.includes(p.id)).map((p) => [p.id, p])),
    };
  }

  const order = (id: string, placedAt: number, status: Order['status'] = 'placed'): Order => ({
    id,
    profileId: 'me',
    placedAt,
    status,
    items: [{ productId: sunglasses.id, quantity: 2, priceCents: sunglasses.priceCents }],
    subtotalCents: 2 * sunglasses.priceCents,
    discountCents: 0,
    shippingCents: 0,
    totalCents: 2 * sunglasses.priceCents,
    offerIds: [],
    currency: 'CNY',
    checkout: 'confirmation',
  });

  it('answers "where is my order" from this profile’s orders only: none, all, or one by number', async () => {
    const d = await shopper();
    expect((await answerOrders('where is my order', d)).text).toBe(
      'You have not placed an order on this device yet.',
    );
    await placeOrder(d.db, order('PA-00001234', now - 2 * DAY), []); // shipped by now
    await placeOrder(d.db, order('PA-00005678', now - 60_000), []); // placed a minute ago
    await placeOrder(d.db, { ...order('PA-00009999', now), profileId: 'guest' }, []);
    const all = (await answerOrders('where is my order', d)).text;
    expect(all).toContain('Here are your 2 most recent orders:');
    expect(all).toMatch(/PA-00005678.*placed, not shipped yet, ships/);
    expect(all).toMatch(/PA-00001234.*on its way, expected by/);
    expect(all).not.toContain('PA-00009999');
    expect(all).toContain('simulated');
    const one = (await answerOrders('where is order pa-1234?', d)).text;
    expect(one).toContain('PA-00001234');
    expect(one).not.toContain('PA-00005678');
    expect((await answerOrders('我的订单PA-9999到哪了', { ...d, lang: 'zh-CN' })).text).toBe(
      '在本设备上没有找到这个资料的订单 PA-00009999。',
    );
    d.db.close();
  });

  it('cancels a placed order only after the shopper confirms, and never a shipped one', async () => {
    const d = await shopper();
    await placeOrder(d.db, order('PA-00001234', now - 2 * DAY), []);
    expect((await answerCancel('cancel my order', d)).text).toMatch(/None of your orders/);
    await placeOrder(d.db, order('PA-00005678', now - 60_000), []);
    const asked = await answerCancel('cancel my order', d);
    expect(asked.text).toBe('Cancel order PA-00005678? This cannot be undone.');
    expect(asked.replies?.map((r) => r.intent)).toEqual([
      CANCEL_PREFIX + 'PA-00005678',
      KEEP_ORDERS,
    ]);
    expect((await ordersOfProfile(d.db, 'me')).every((o) => o.status === 'placed')).toBe(true);
    expect((await confirmCancel('PA-00005678', d)).text).toBe('Order PA-00005678 is cancelled.');
    expect((await confirmCancel('PA-00001234', d)).text).toMatch(/None of your orders/);
    const stored = await ordersOfProfile(d.db, 'me');
    expect(stored.find((o) => o.id === 'PA-00005678')?.status).toBe('cancelled');
    expect(stored.find((o) => o.id === 'PA-00001234')?.status).toBe('placed');
    d.db.close();
  });

  it('lists the cart with its total (shipping included), not what is saved for later', async () => {
    const d = await shopper();
    expect((await answerCart(d)).text).toBe('Your cart is empty.');
    const sku = shirt.variants![1]!.sku;
    await addToCart(d.db, { profileId: 'me', productId: sunglasses.id, quantity: 2 });
    await addToCart(d.db, { profileId: 'me', productId: shirt.id, sku });
    const text = (await answerCart(d)).text;
    const goods = 2 * sunglasses.priceCents + shirt.variants![1]!.priceCents;
    const total = goods + (goods >= 19900 ? 0 : 1000);
    expect(text).toContain(`Your cart has 3 items, ¥${(total / 100).toFixed(2)} in all:`);
    expect(text).toContain(`2 × ${sunglasses.name.en}`);
    d.db.close();
  });
});
