import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../../src/lib/shell/routes';
import { en } from '../../src/lib/i18n/en';
import { zhCN } from '../../src/lib/i18n/zh-CN';
import { browserLocale } from '../../src/lib/i18n/browser-locale';
import { AisleDB } from '../../src/lib/db/schema';
import { CSP_HEADER, CSP_META } from '../../src/lib/privacy/csp';

describe('routes', () => {
  it('parses every view and falls back to the shop', () => {
    expect(parseHash('').view).toBe('shop');
    expect(parseHash('#/nowhere').view).toBe('shop');
    expect(parseHash('#/my-data').view).toBe('my-data');
    expect(parseHash('#/product').view).toBe('shop');
    const product = parseHash('#/product/hats-001?x=1');
    expect(product).toMatchObject({ view: 'product', id: 'hats-001' });
    expect(product.params.get('x')).toBe('1');
  });

  it('round-trips what href builds', () => {
    const route = parseHash(href('shop', undefined, { category: 'hats' }));
    expect(route.view).toBe('shop');
    expect(route.params.get('category')).toBe('hats');
    expect(parseHash(href('product', 'a b/c')).id).toBe('a b/c');
  });
});

describe('messages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it('Chinese and English have the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('the navigation has the names the product promises', () => {
    const nav = (m: typeof en) => [m.nav.shop, m.nav.forYou, m.nav.tryOn, m.nav.help, m.nav.myData];
    expect(nav(en)).toEqual(['Shop', 'For you', 'Try on', 'Help', 'My data']);
    expect(nav(zhCN)).toEqual(['商店', '为你推荐', '虚拟试戴', '客服', '我的数据']);
  });

  it('My data names every table of the database in both languages', () => {
    const tables = new AisleDB('names-only').tables.map((t) => t.name);
    for (const m of [en, zhCN])
      expect(Object.keys(m.myData.tableNames)).toEqual(expect.arrayContaining(tables));
  });
});

describe('content security policy', () => {
  it('allows only our own origin and no inline script', () => {
    for (const policy of [CSP_META, CSP_HEADER]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(policy).not.toMatch(/'unsafe-eval'/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toMatch(/https?:|\*/);
    }
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_META).not.toContain('frame-ancestors'); // ignored in <meta>, so not shipped there
  });
});

describe('browser language', () => {
  it('picks the first language we speak', () => {
    expect(browserLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(browserLocale(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(browserLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(browserLocale(['de'])).toBe('en');
    expect(browserLocale([])).toBe('en');
  });
});
