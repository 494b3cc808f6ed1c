import { describe, expect, it } from 'vitest';
import { factAnswer } from '../../src/lib/assistant/shared/facts';
import { placesIn, regionsIn } from '../../src/lib/assistant/shared/places';
import { DEFAULT_SETTINGS } from '../../src/lib/shop/shared/defaults';
import type { ShopSettings } from '../../src/lib/shop/shared/settings';
import { assistantEn, assistantZhCN } from '../../src/lib/assistant/messages';

const demo = DEFAULT_SETTINGS;
const uk: ShopSettings = {
  ...demo,
  policies: {
    ...demo.policies,
    deliveryRegions: { en: 'the United Kingdom and Ireland', 'zh-CN': '英国和爱尔兰' },
    paymentMethods: ['card', 'apple-pay'],
  },
  stores: {
    ...demo.stores,
    list: [
      {
        city: { en: 'Manchester', 'zh-CN': '曼彻斯特' },
        address: { en: '1 King St', 'zh-CN': '国王街 1 号' },
      },
    ],
  },
};

describe('places', () => {
  it('reads the regions a delivery text names, in both languages', () => {
    for (const text of Object.values(demo.policies.deliveryRegions))
      expect([...regionsIn(text)].sort()).toEqual(['CN', 'HK', 'JP', 'KR', 'MO', 'SG', 'TW']);
  });

  it('finds cities as their country, the longest name first, whole words only', () => {
    expect(placesIn('do you ship to shanghai')).toEqual([
      { region: 'CN', name: 'shanghai', city: true },
    ]);
    expect(placesIn('能寄到中国香港吗', 'zh-CN')).toEqual([
      { region: 'HK', name: '中国香港', city: false },
    ]);
    expect(placesIn('can you send it to us')).toEqual([]);
    expect(placesIn('I love Canadians')).toEqual([]);
  });
});

describe('honest yes and no from the shop values', () => {
  const cases: [string, 'en' | 'zh-CN', string, boolean, string][] = [
    ['do you ship to Canada', 'en', 'shipping-regions', false, 'Canada'],
    ['Do you deliver to Shanghai?', 'en', 'shipping-regions', true, 'Shanghai'],
    ['can you ship to hong kong?', 'en', 'shipping-regions', true, 'Hong Kong'],
    ['can I pay with PayPal', 'en', 'payment-methods', false, 'PayPal'],
    ['Do you accept Alipay?', 'en', 'payment-methods', true, 'Alipay'],
    ['do you take visa', 'en', 'payment-methods', true, 'cards'],
    ['Can I pay cash on delivery?', 'en', 'payment-methods', false, 'cash on delivery'],
    ['do you have a store in Chengdu?', 'en', 'store-locations', false, 'Chengdu'],
    ['Is there a shop in Shanghai', 'en', 'store-locations', true, 'Shanghai'],
    ['能货到付款吗', 'zh-CN', 'payment-methods', false, '货到付款'],
    ['可以用微信支付吗？', 'zh-CN', 'payment-methods', true, '微信支付'],
    ['能寄到加拿大吗', 'zh-CN', 'shipping-regions', false, '加拿大'],
    ['上海能送货吗', 'zh-CN', 'shipping-regions', true, '上海'],
    ['成都有门店吗', 'zh-CN', 'store-locations', false, '成都'],
    ['北京有没有实体店', 'zh-CN', 'store-locations', true, '北京'],
    ['Do you have any stores in China?', 'en', 'store-locations', true, 'China'],
    ['do you have a shop in Japan', 'en', 'store-locations', false, 'Japan'],
  ];
  it.each(cases)('%s', (q, lang, intent, yes, subject) => {
    expect(factAnswer(q, lang, demo)).toMatchObject({ intent, yes, subject });
  });

  it('leaves other questions to the model: how long, how much, nothing named', () => {
    for (const q of [
      'how long does shipping to shanghai take',
      'how much is delivery to Beijing',
      'what payment methods do you accept',
      'where are your stores',
      'do you ship internationally',
      'can I check my order',
    ])
      expect(factAnswer(q, 'en', demo), q).toBeUndefined();
    for (const q of ['发货到上海要多久', '支持哪些支付方式', '门店在哪里'])
      expect(factAnswer(q, 'zh-CN', demo), q).toBeUndefined();
  });

  it('reads another shop’s values, not the demo shop’s', () => {
    expect(factAnswer('do you ship to Shanghai?', 'en', uk)).toMatchObject({ yes: false });
    expect(factAnswer('do you ship to Ireland?', 'en', uk)).toMatchObject({ yes: true });
    expect(factAnswer('can I pay with Alipay?', 'en', uk)).toMatchObject({ yes: false });
    expect(factAnswer('do you have a store in Manchester?', 'en', uk)).toMatchObject({
      yes: true,
      address: '1 King St',
    });
  });

  it('says yes to everywhere for a shop that ships worldwide, and leaves regions it cannot read to the FAQ', () => {
    const withRegions = (en: string, zh: string): ShopSettings => ({
      ...demo,
      policies: { ...demo.policies, deliveryRegions: { en, 'zh-CN': zh } },
    });
    expect(
      factAnswer('do you ship to Peru?', 'en', withRegions('worldwide', '全球')),
    ).toMatchObject({
      yes: true,
      subject: 'Peru',
    });
    expect(
      factAnswer('do you ship to France?', 'en', withRegions('the EU', '欧盟')),
    ).toBeUndefined();
  });

  it('says yes or no first, then what there is, in the question’s language', () => {
    const no = factAnswer('do you ship to Canada', 'en', demo)!;
    expect(assistantEn.fact(no)).toMatch(/^No, we don’t deliver to Canada.*Hong Kong/);
    const zh = factAnswer('能货到付款吗', 'zh-CN', demo)!;
    expect(assistantZhCN.fact(zh)).toMatch(/^抱歉，暂不支持货到付款。我们支持.*支付宝/);
    const store = factAnswer('do you have a store in Beijing?', 'en', demo)!;
    expect(assistantEn.fact(store)).toMatch(/^Yes, we have a store in Beijing: Sanlitun Road 19\./);
  });
});
