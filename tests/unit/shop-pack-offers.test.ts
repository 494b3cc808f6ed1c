// A pack's offers.json (src/lib/shop/shared/offers.ts): the shop's own offers replace the demo's,
// held to the demo's schema with every bad entry reported by its index, field and why; their
// texts filled from the shop's policies by the same promotionsFor, which treats a shop's
// free-shipping offers exactly as the demo's (the policy sets the threshold, none contradicts it).
import { describe, expect, it } from 'vitest';
import { PROMOTION_TEMPLATES, promotionsFor } from '../../src/lib/promotions/shared/data';
import type { Promotion } from '../../src/lib/promotions/shared/schema';
import { DEFAULT_SETTINGS } from '../../src/lib/shop/shared/defaults';
import { formatMoney } from '../../src/lib/shop/shared/money';
import { readPack, type PackResult } from '../../src/lib/shop/shared/pack';
import type { ShopSettings } from '../../src/lib/shop/shared/settings';
import { packFiles } from './helpers/pack-files';

const read = (offers: unknown, shopJson?: object): PackResult =>
  readPack(
    packFiles('shopify', {
      set: {
        'offers.json': JSON.stringify(offers),
        ...(shopJson ? { 'shop.json': JSON.stringify(shopJson) } : {}),
      },
    }),
    { folderName: 'shopify' },
  );

function readOk(offers: unknown, shopJson?: object) {
  const result = read(offers, shopJson);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(offers: unknown, shopJson?: object) {
  const result = read(offers, shopJson);
  if (result.ok) throw new Error('the pack was read without problems');
  return result.problems.filter((p) => p.file === 'offers.json');
}

/** The example pack, as written. */
const example = readPack(packFiles('shopify'), { folderName: 'shopify' });
if (!example.ok) throw new Error(JSON.stringify(example.problems));
const CAPS = example.pack.offers![0]!;
const POLICY = example.pack.offers![1]!;

const withPolicy = (freeShippingFromCents: number): ShopSettings => ({
  ...example.pack.settings,
  policies: { ...example.pack.settings.policies, freeShippingFromCents },
});

describe('the example pack’s offers.json', () => {
  it('is carried as written, for the device to fill', () => {
    expect(example.pack.offers!.map((o) => o.id)).toEqual(['caps-10', 'free-shipping']);
    expect(CAPS).toMatchObject({ code: 'CAPS10', percentOff: 10, categories: ['hats'] });
    expect(CAPS.title.en).toBe('{discount} caps');
  });

  it('replaces the demo’s offers, written in pounds and the shop’s own policy', () => {
    const { settings } = example.pack;
    const shown = promotionsFor(settings, example.pack.offers);
    const pounds = formatMoney(5000, 'GBP', 'en');
    expect(pounds).toMatch(/^£50/);
    expect(shown.map((p) => [p.title.en, p.text.en])).toEqual([
      ['10% off caps', 'Code CAPS10 takes 10% off any cap or hat.'],
      [
        `Free UK delivery from ${pounds}`,
        `Orders of ${pounds} or more ship free to the United Kingdom.`,
      ],
    ]);
    expect(shown[0]!.title['zh-CN']).toBe('帽子 9 折');
  });
});

describe('promotionsFor with a shop’s own offers', () => {
  const small: Promotion = {
    ...POLICY,
    id: 'ship-small',
    categories: ['earrings'],
    minSpendCents: 1000,
    title: { en: 'Earrings ship free', 'zh-CN': '耳环包邮' },
    text: { en: 'From {minSpend}.', 'zh-CN': '满 {minSpend}。' },
  };

  it('keeps the demo’s offers when the shop has none of its own', () => {
    expect(promotionsFor(DEFAULT_SETTINGS)).toEqual(
      promotionsFor(DEFAULT_SETTINGS, PROMOTION_TEMPLATES),
    );
    expect(promotionsFor(DEFAULT_SETTINGS, undefined).map((p) => p.id)).toEqual(
      PROMOTION_TEMPLATES.map((p) => p.id),
    );
  });

  it('takes the policy offer’s threshold from the policy, whatever the file says', () => {
    const shown = promotionsFor(withPolicy(7500), [{ ...POLICY, minSpendCents: 1 }]);
    expect(shown[0]!.minSpendCents).toBe(7500);
    expect(shown[0]!.text.en).toContain(formatMoney(7500, 'GBP', 'en'));
  });

  it('shows a free-shipping offer only where it adds to the policy, as for the demo', () => {
    const ids = (threshold: number) =>
      promotionsFor(withPolicy(threshold), [CAPS, POLICY, small]).map((p) => p.id);
    expect(ids(5000)).toEqual(['caps-10', 'free-shipping', 'ship-small']);
    expect(ids(1000)).toEqual(['caps-10', 'free-shipping']); // every order from 10 ships free
    expect(ids(0)).toEqual(['caps-10']); // every order ships free: no offer says otherwise
  });
});

describe('a pack’s offers.json', () => {
  it('reports every bad entry by its index, field and why', () => {
    const problems = problemsOf([
      CAPS,
      { ...CAPS, id: 'caps-lower', code: 'caps' },
      { ...CAPS, id: 'voucher', kind: 'voucher' },
      CAPS,
      { ...CAPS, id: 'typo', percentoff: 10 },
      { ...CAPS, id: 'no-code', code: undefined },
      { ...CAPS, id: 'socks', categories: ['socks'] },
      { ...CAPS, id: 'placeholder', text: { en: 'Save {amountOff}.', 'zh-CN': '立减 {amountOf}' } },
    ]);
    expect(problems.map((p) => [p.column, p.why])).toEqual([
      ['[1].code', 'must be 4 to 16 capital letters or digits, as typed at checkout'],
      ['[2].kind', 'must be one of coupon, bundle, category-discount, free-shipping'],
      ['[3].id', 'duplicate id "caps-10": offer [0] has it too, and each offer needs its own'],
      ['[4].percentoff', 'is not a field of an offer (a typo?)'],
      ['[5]', 'a coupon needs a code to redeem'],
      ['[6].categories[0]', expect.stringMatching(/^must be one of the departments glasses, /)],
      [
        '[7].text.en',
        expect.stringMatching(
          /^Unknown placeholder \{amountOff\}: an offer's text may use its own values \(\{code\}, \{percentOff\}, \{discount\}\)/,
        ),
      ],
      ['[7].text.zh-CN', expect.stringMatching(/^Unknown placeholder \{amountOf\}: /)],
    ]);
    expect(problems.every((p) => p.line === undefined)).toBe(true);
  });

  it('is a list with at least one offer the shop would show', () => {
    expect(problemsOf({ offers: [CAPS] }).map((p) => p.why)).toEqual([
      'offers.json must be a list of offers: [ { "id": …, "kind": …, "title": …, "text": … }, … ].',
    ]);
    const none = [
      "offers.json has no offer the shop would show: add one, or leave the file out to show the demo's offers.",
    ];
    expect(problemsOf([]).map((p) => p.why)).toEqual(none);
    // Every order ships free: the policy offer would say nothing.
    const free = { policies: { freeShippingFromCents: 0 } };
    expect(problemsOf([POLICY], free).map((p) => p.why)).toEqual(none);
  });

  it('warns where the policy changes or hides a free-shipping offer', () => {
    const { pack, warnings } = readOk([{ ...POLICY, minSpendCents: 9900 }, CAPS]);
    expect(pack.offers).toHaveLength(2);
    expect(warnings.filter((w) => w.file === 'offers.json')).toEqual([
      {
        file: 'offers.json',
        column: '[0]',
        why: `The offer "free-shipping" states the shop's free-shipping policy, so its threshold is ${formatMoney(5000, 'GBP', 'en')} (shop.json policies.freeShippingFromCents), not its own minSpendCents.`,
      },
    ]);
    const above = { ...POLICY, id: 'ship-big', minSpendCents: 9900 };
    const hidden = readOk([CAPS, above]).warnings.filter((w) => w.file === 'offers.json');
    expect(hidden.map((w) => [w.column, w.why])).toEqual([
      [
        '[1]',
        expect.stringMatching(
          /^It is not shown: free shipping from £99.* is no offer when every order from £50/,
        ),
      ],
    ]);
  });
});
