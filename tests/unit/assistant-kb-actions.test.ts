import { describe, expect, it } from 'vitest';
import {
  categoryIn,
  describeOrders,
  languageOf,
  ordersToShow,
} from '../../src/lib/assistant/client/actions';
import { demoOrders } from '../../src/lib/db/demo-orders';
import { generateCatalog } from '../../src/lib/catalog/generate';

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

  const now = Date.UTC(2026, 10, 28, 12);
  const orders = demoOrders('me', generateCatalog(), now);

  it('shows orders still on their way first, newest first, at most three', () => {
    const shown = ordersToShow(orders);
    expect(shown.map((o) => o.status)).toEqual(['processing', 'shipped']);
    expect(shown[0]!.placedAt).toBeGreaterThan(shown[1]!.placedAt);
    const done = orders.map((o) => ({ ...o, status: 'delivered' as const }));
    expect(ordersToShow(done)).toHaveLength(3);
    expect(ordersToShow([])).toEqual([]);
  });

  it('describes orders in both languages with id, status and tracking', () => {
    const shown = ordersToShow(orders);
    const en = describeOrders(shown, 'en');
    expect(en).toContain('Here are your 2 most recent orders:');
    expect(en).toContain(shown[0]!.id);
    expect(en).toContain('being prepared');
    expect(en).toContain(`${shown[1]!.carrier} tracking ${shown[1]!.trackingCode}`);
    const zh = describeOrders(shown, 'zh-CN');
    expect(zh).toContain(`订单 ${shown[0]!.id}`);
    expect(zh).toContain('运输中');
    expect(describeOrders([], 'en')).toBe('I found no orders for this profile on this device.');
  });
});
