import { describe, expect, it } from 'vitest';
import { PROMOTIONS } from '../../src/lib/promotions/shared/data';
import { PROMOTION_KINDS, validatePromotions } from '../../src/lib/promotions/shared/schema';
import { promotionsEn, promotionsZhCN } from '../../src/lib/promotions/messages';

describe('promotion data', () => {
  it('has at least 12 valid promotions with unique ids', () => {
    expect(PROMOTIONS.length).toBeGreaterThanOrEqual(12);
    expect(validatePromotions(PROMOTIONS)).toEqual([]);
  });

  it('covers every kind: coupons, bundles, category discounts, free shipping', () => {
    for (const kind of PROMOTION_KINDS) {
      expect(PROMOTIONS.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
    }
  });

  it('is written in both languages, and the Chinese is not a copy of the English', () => {
    for (const p of PROMOTIONS) {
      expect(p.title['zh-CN']).not.toEqual(p.title.en);
      expect(p.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      // A coupon's code appears in its text in both languages, so the shopper can type it.
      if (p.code) {
        expect(p.text.en).toContain(p.code);
        expect(p.text['zh-CN']).toContain(p.code);
      }
    }
  });

  it('rejects bad entries with a reason', () => {
    const good = PROMOTIONS[0]!;
    expect(validatePromotions('nope')).toEqual(['not a list']);
    expect(validatePromotions([good, good])[0]).toMatch(/duplicate id/);
    expect(validatePromotions([{ ...good, code: undefined }])[0]).toMatch(/coupon needs a code/);
    expect(validatePromotions([{ ...good, categories: ['socks'] }])).toHaveLength(1);
    expect(validatePromotions([{ ...good, title: { en: 'x', 'zh-CN': '' } }])).toHaveLength(1);
    expect(
      validatePromotions([
        { id: 'f', kind: 'free-shipping', categories: [], title: good.title, text: good.text },
      ])[0],
    ).toMatch(/threshold/);
  });

  it('has the same message keys in both languages', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
      );
    expect(keys(promotionsZhCN).sort()).toEqual(keys(promotionsEn).sort());
  });
});
