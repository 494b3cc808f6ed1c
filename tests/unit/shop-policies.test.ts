// A shop's policies live in its settings (shop.json) and nowhere else: every number the FAQ
// answers and the offers state, in both languages, must come out of the settings or the offer's
// own fields, for the demo shop and for a different one. Also: shop.json is read field by field,
// a bad field reported by its path and kept at its default.
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/lib/catalog/types';
import { builtInEntries, builtInTemplates } from '../../src/lib/assistant/shared/knowledge';
import { PROMOTION_TEMPLATES, promotionsFor } from '../../src/lib/promotions/shared/data';
import { DEFAULT_SETTINGS } from '../../src/lib/shop/shared/defaults';
import { applyShopToFaq } from '../../src/lib/shop/shared/faq';
import { formatMoney, minorUnitDigits } from '../../src/lib/shop/shared/money';
import { parseShopSettings } from '../../src/lib/shop/shared/settings-schema';
import type { ShopSettings } from '../../src/lib/shop/shared/settings';
import {
  PLACEHOLDERS,
  fillTemplate,
  offerValues,
  placeholdersIn,
} from '../../src/lib/shop/shared/templates';

const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/**
 * Numbers in the FAQ that are facts about products or the app, the same in every shop. Keep
 * this short: a shop's policy belongs in its settings.
 */
const APP_FACTS: Record<string, { numbers: string[]; why: string }> = {
  'glasses-fit': {
    numbers: ['52', '18', '140'],
    why: 'an example of how any frame is labelled (lens-bridge-temple, mm)',
  },
};

/** A second shop that differs from the demo in every value a text can state. */
const CORNER_SHOP_JSON = {
  name: { en: 'Corner Shop', 'zh-CN': '街角小店' },
  currency: 'GBP',
  locale: 'en',
  contact: {
    email: 'hello@cornershop.example',
    phone: '+44 20 7946 0321',
    businessEmail: 'trade@cornershop.example',
    serviceHours: { open: '08:30', close: '17:45' },
    complaintReplyWorkingDays: 2,
  },
  stores: {
    list: [{ city: 'London', address: { en: '41 Carnaby Street', 'zh-CN': '卡纳比街 41 号' } }],
    hours: {
      weekdays: { open: '09:30', close: '19:00' },
      weekends: { open: '11:00', close: '17:00' },
      holidays: { open: '12:00', close: '16:00' },
    },
    freeParkingHours: 3,
    metroWalkMinutes: 4,
  },
  policies: {
    freeShippingFromCents: 5000,
    shippingFeeCents: 395,
    expressFeeCents: 695,
    expressWorkingDays: 2,
    orderCutoff: '14:30',
    deliveryRegions: 'the United Kingdom and Ireland',
    deliveryDays: { min: 2, max: 4 },
    remoteDeliveryMaxDays: 6,
    internationalDeliveryDays: { min: 5, max: 9 },
    pickup: { readyHours: 4, keptDays: 10 },
    returnDays: 14,
    damageReportDays: 3,
    returnCarrier: 'Royal Mail',
    returnCheckWorkingDays: 5,
    refundWorkingDays: { min: 2, max: 6 },
    failedPaymentRefundHours: 48,
    paymentMethods: ['card', 'apple-pay', 'cash'],
    instalments: { fromCents: 15000, counts: [2, 4], interestFreeCount: 4 },
    invoice: { requestDays: 60, sentWithinWorkingDays: 1 },
    priceMatchDays: 7,
    warrantyMonths: { electronics: 36, eyewearAndBags: 18, other: 3 },
    repairWorkingDays: 15,
    restockWeeks: { min: 1, max: 4 },
    giftWrapCents: 450,
    giftCard: { valuesCents: [2500, 7500], validYears: 2 },
    prescriptionLenses: {
      singleVisionCents: 8900,
      progressiveCents: 22950,
      days: { min: 8, max: 11 },
    },
    bulkOrderFromItems: 50,
    membership: {
      firstOrderOffCents: 500,
      pointsPerUnit: 2,
      silverFromPoints: 1500,
      goldFromPoints: 6000,
      pointsPerUnitOff: 40,
    },
    concession: { percentOff: 15, seniorFromAge: 65 },
    saleSeasons: { en: 'in January and on Black Friday', 'zh-CN': '一月和黑色星期五' },
  },
};

function cornerShop(): ShopSettings {
  const { settings, problems } = parseShopSettings(CORNER_SHOP_JSON, { name: 'Corner Shop' });
  expect(problems).toEqual([]);
  return settings;
}

const SHOPS: [string, () => ShopSettings][] = [
  ['the demo shop', () => DEFAULT_SETTINGS],
  ['a GBP shop', cornerShop],
];

// ---------- the numbers a text may state

/** "199", "2,000", "9:00", "12.50": runs of digits with their separators. */
const NUMBER = /\d+(?:[.,:]\d+)*/g;
const numbersIn = (text: string) => text.match(NUMBER) ?? [];

type Leaf = { key: string; value: number | string };

function leaves(value: unknown, key = ''): Leaf[] {
  if (typeof value === 'number' || typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((x) => leaves(x, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, x]) => leaves(x, k));
  return [];
}

/** How a settings value may be written: 199, "2,000", ¥199 → "199", 09:00 → "9:00", 15% → 85 折. */
function spellings({ key, value }: Leaf, currency: string): string[] {
  if (typeof value === 'string') {
    const numbers = numbersIn(value);
    return /^\d\d:\d\d$/.test(value) ? [...numbers, value.replace(/^0/, '')] : numbers;
  }
  const out = [String(value), value.toLocaleString('en')];
  if (/Cents$/.test(key)) {
    const digits = minorUnitDigits(currency);
    const major = value / 10 ** digits;
    out.push(String(major), major.toFixed(digits), major.toLocaleString('en'));
  }
  if (key === 'percentOff') out.push(String(100 - value), String((100 - value) / 10));
  return out;
}

function allowedNumbers(settings: ShopSettings, offer: object = {}): Set<string> {
  const fromValues = [...leaves(settings), ...leaves(offer)].flatMap((leaf) =>
    spellings(leaf, settings.currency),
  );
  // {currencyUnit}: one unit of the currency ("¥1"), derived from the currency itself.
  return new Set([...fromValues, '1']);
}

/** Every text a shop shows about its policies, filled, with where it came from. */
function filledTexts(settings: ShopSettings) {
  const faq = applyShopToFaq(builtInTemplates, settings).flatMap((e) =>
    LOCALES.map((locale) => ({
      where: `FAQ ${e.intent} (${locale})`,
      intent: e.intent,
      text: e.answer[locale] ?? '',
      allowed: allowedNumbers(settings),
    })),
  );
  const offers = promotionsFor(settings).flatMap((p) =>
    LOCALES.flatMap((locale) =>
      (['title', 'text'] as const).map((field) => ({
        where: `offer ${p.id} ${field} (${locale})`,
        intent: '',
        text: p[field][locale],
        allowed: allowedNumbers(settings, p),
      })),
    ),
  );
  return [...faq, ...offers];
}

describe.each(SHOPS)('shop texts, for %s', (_, settingsOf) => {
  it('state no number that the settings or the offer do not give', () => {
    const settings = settingsOf();
    const offending = filledTexts(settings).flatMap(({ where, intent, text, allowed }) =>
      numbersIn(text)
        .filter((n) => !allowed.has(n) && !APP_FACTS[intent]?.numbers.includes(n))
        .map((n) => `${where}: "${n}" in "${text}"`),
    );
    expect(offending).toEqual([]);
  });

  it('agree on free shipping: the policy, the shipping answer and the free-shipping offer', () => {
    const settings = settingsOf();
    const threshold = settings.policies.freeShippingFromCents;
    const offers = promotionsFor(settings).filter((p) => p.kind === 'free-shipping');
    const shopWide = offers.filter((p) => p.categories.length === 0);
    expect(shopWide.map((p) => p.minSpendCents)).toEqual([threshold]);
    // Any other is for some items only, and below the threshold (else it promises nothing new).
    for (const p of offers.filter((o) => o.categories.length > 0))
      expect(p.minSpendCents, p.id).toBeLessThan(threshold);
    const answer = applyShopToFaq(builtInTemplates, settings).find(
      (e) => e.intent === 'shipping-cost',
    )!;
    for (const locale of LOCALES) {
      const money = formatMoney(threshold, settings.currency, locale);
      expect(answer.answer[locale]).toContain(money);
      expect(shopWide[0]!.text[locale]).toContain(money);
      expect(shopWide[0]!.title[locale]).toContain(money);
    }
  });
});

describe('shop texts', () => {
  it('write no number into a template: numbers come from placeholders', () => {
    const templates = [
      ...builtInTemplates.flatMap((e) =>
        LOCALES.map((l) => ({
          intent: e.intent,
          where: `FAQ ${e.intent} (${l})`,
          text: e.answer[l] ?? '',
        })),
      ),
      ...PROMOTION_TEMPLATES.flatMap((p) =>
        LOCALES.flatMap((l) => [
          { intent: '', where: `offer ${p.id} title (${l})`, text: p.title[l] },
          { intent: '', where: `offer ${p.id} text (${l})`, text: p.text[l] },
        ]),
      ),
    ];
    const written = templates.flatMap(({ intent, where, text }) =>
      numbersIn(text.replace(/\{\w+\}/g, ''))
        .filter((n) => !APP_FACTS[intent]?.numbers.includes(n))
        .map((n) => `${where}: ${n}`),
    );
    expect(written).toEqual([]);
  });

  it('are the demo shop’s where the app uses them (the assistant, the offers)', () => {
    expect(builtInEntries).toEqual(applyShopToFaq(builtInTemplates, DEFAULT_SETTINGS));
    const shipping = builtInEntries.find((e) => e.intent === 'shipping-cost')!;
    expect(shipping.answer.en).toBe(
      'Standard delivery is free on orders from ¥199; below that it costs ¥10. Express delivery is ¥15 extra.',
    );
    expect(shipping.answer['zh-CN']).toContain('满 ¥199 免运费');
  });

  it('change with the settings', () => {
    const demo = applyShopToFaq(builtInTemplates, DEFAULT_SETTINGS);
    const corner = applyShopToFaq(builtInTemplates, cornerShop());
    builtInTemplates.forEach((template, i) => {
      for (const locale of LOCALES) {
        const uses = placeholdersIn(template.answer[locale] ?? '');
        if (!uses.length) expect(corner[i]!.answer[locale]).toBe(demo[i]!.answer[locale]);
        else expect(corner[i]!.answer[locale], template.intent).not.toBe(demo[i]!.answer[locale]);
      }
    });
    const shipping = corner.find((e) => e.intent === 'shipping-cost')!.answer;
    expect(shipping.en).toBe(
      'Standard delivery is free on orders from £50; below that it costs £3.95. Express delivery is £6.95 extra.',
    );
    expect(corner.find((e) => e.intent === 'return-policy')!.answer['zh-CN']).toContain('14 天内');
    expect(corner.find((e) => e.intent === 'contact')!.answer.en).toContain(
      'call +44 20 7946 0321 (8:30-17:45 every day) or write to hello@cornershop.example',
    );
  });

  it('fill money, lists and discounts the way each language writes them', () => {
    const s = DEFAULT_SETTINGS;
    expect(fillTemplate('{freeShippingFrom}', s, 'en')).toBe('¥199');
    expect(fillTemplate('{freeShippingFrom}', s, 'zh-CN')).toBe('¥199');
    expect(fillTemplate('{giftCardValues}', s, 'zh-CN')).toBe('¥100、¥200 和 ¥500');
    expect(fillTemplate('{instalmentCounts}', s, 'en')).toBe('3, 6, or 12');
    expect(fillTemplate('{concessionDiscount}', s, 'zh-CN')).toBe('9 折');
    expect(fillTemplate('{complaintReplyTime}', s, 'en')).toBe('1 working day');
    expect(fillTemplate('{currencyName}', s, 'zh-CN')).toBe('人民币');
    const offer = offerValues({ percentOff: 15, amountOffCents: 1250 }, s, 'zh-CN');
    expect(fillTemplate('{discount}, {percentOff}, {amountOff}', s, 'zh-CN', offer)).toBe(
      '85 折, 15%, ¥12.50',
    );
  });

  it('throw on an unknown placeholder, naming it', () => {
    expect(() => fillTemplate('Free from {freeShipingFrom}.', DEFAULT_SETTINGS, 'en')).toThrow(
      /unknown placeholder \{freeShipingFrom\}/,
    );
    // An offer's own value exists only where the offer has that field.
    const noAmount = offerValues({ percentOff: 10 }, DEFAULT_SETTINGS, 'en');
    expect(() => fillTemplate('{amountOff}', DEFAULT_SETTINGS, 'en', noAmount)).toThrow(
      /unknown placeholder \{amountOff\}/,
    );
    expect(() =>
      applyShopToFaq(
        [{ intent: 'x', answer: { en: 'Call {fone}' }, examples: { en: ['call?'] } }],
        DEFAULT_SETTINGS,
      ),
    ).toThrow(/\{fone\}/);
  });

  it('list the placeholders of a text, and every one is known', () => {
    expect(placeholdersIn('From {freeShippingFrom}, or {shippingFee}; {freeShippingFrom}')).toEqual(
      ['freeShippingFrom', 'shippingFee'],
    );
    const used = builtInTemplates.flatMap((e) =>
      LOCALES.flatMap((l) => placeholdersIn(e.answer[l] ?? '')),
    );
    expect(used.filter((name) => !(name in PLACEHOLDERS))).toEqual([]);
  });
});

describe('parseShopSettings', () => {
  const fallback = { name: 'Corner Shop', currency: 'GBP' };

  it('gives the demo shop’s settings, with the pack’s name and currency, for a missing file', () => {
    const { settings, problems } = parseShopSettings(undefined, fallback);
    expect(problems).toEqual([]);
    expect(settings.name).toEqual({ en: 'Corner Shop', 'zh-CN': 'Corner Shop' });
    expect(settings.currency).toBe('GBP');
    expect(settings.policies).toEqual(DEFAULT_SETTINGS.policies);
    expect(parseShopSettings({}, { name: 'X' }).settings.currency).toBe('CNY');
  });

  it('merges the file over the defaults, field by field', () => {
    const { settings, problems } = parseShopSettings(
      {
        policies: { returnDays: 14, deliveryRegions: 'the UK' },
        departments: { Sunnies: 'sunglasses' },
      },
      fallback,
    );
    expect(problems).toEqual([]);
    expect(settings.policies.returnDays).toBe(14);
    expect(settings.policies.deliveryRegions).toEqual({ en: 'the UK', 'zh-CN': 'the UK' });
    expect(settings.policies.shippingFeeCents).toBe(DEFAULT_SETTINGS.policies.shippingFeeCents);
    expect(settings.departments).toEqual({ Sunnies: 'sunglasses' });
  });

  it('reports a bad field by its path and keeps its default', () => {
    const { settings, problems } = parseShopSettings(
      {
        currency: 'pounds',
        policies: {
          returnDays: -3,
          returnDay: 14,
          freeShippingFromCents: 49.5,
          deliveryDays: { min: 5, max: 2 },
          orderCutoff: '4pm',
          paymentMethods: ['card', 'bitcoin'],
        },
        contact: { email: 'not an email' },
        departments: { Sunnies: 'sunglasses', Gizmos: 'gadgets' },
      },
      fallback,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'currency', why: 'must be an ISO 4217 currency code like "CNY"' },
        { path: 'policies.returnDays', why: 'must be a whole number ≥ 0' },
        { path: 'policies.returnDay', why: 'is not a setting (a typo?)' },
        { path: 'policies.freeShippingFromCents', why: 'must be a whole number ≥ 0' },
        { path: 'policies.deliveryDays', why: 'min must not be above max' },
        { path: 'policies.orderCutoff', why: 'must be a time "HH:MM" (24-hour clock)' },
        { path: 'policies.paymentMethods.1', why: expect.stringMatching(/^must be one of card,/) },
        { path: 'contact.email', why: 'must be an email address' },
        { path: 'departments.Gizmos', why: expect.stringMatching(/^must be one of glasses,/) },
      ]),
    );
    expect(problems).toHaveLength(9);
    const d = DEFAULT_SETTINGS.policies;
    expect(settings.currency).toBe('GBP');
    expect(settings.policies.returnDays).toBe(d.returnDays);
    expect(settings.policies.freeShippingFromCents).toBe(d.freeShippingFromCents);
    expect(settings.policies.deliveryDays).toEqual(d.deliveryDays);
    expect(settings.policies.orderCutoff).toBe(d.orderCutoff);
    expect(settings.policies.paymentMethods).toEqual(['card']); // the bad item left out
    expect(settings.contact.email).toBe(DEFAULT_SETTINGS.contact.email);
    expect(settings.departments).toEqual({ Sunnies: 'sunglasses' });
  });

  it('falls back to the defaults for a list left empty, and for a file that is not an object', () => {
    const empty = parseShopSettings({ policies: { paymentMethods: ['bitcoin'] } }, fallback);
    expect(empty.settings.policies.paymentMethods).toEqual(
      DEFAULT_SETTINGS.policies.paymentMethods,
    );
    expect(empty.problems.map((p) => p.path)).toEqual([
      'policies.paymentMethods.0',
      'policies.paymentMethods',
    ]);
    const notObject = parseShopSettings(['nope'], fallback);
    expect(notObject.problems).toEqual([{ path: '', why: 'must be an object' }]);
    expect(notObject.settings.currency).toBe('GBP');
  });
});
