/**
 * Honest yes and no from the shop's own values: "do you ship to Canada", "can I pay with PayPal",
 * "do you have a store in Chengdu", "能货到付款吗". The FAQ's answers list what exists; a shopper
 * who asked about one thing wants to hear "no" when it is not there. The answer is read from the
 * shop's settings (delivery regions, payment methods, stores), the same values the FAQ answers and
 * the checkout read, so the three cannot disagree.
 *
 * Only a yes/no question about one of the three topics that names something we know (a place, a
 * way to pay) gets such an answer; everything else goes to the intent model as before.
 * Pure: no DOM, no database.
 */
import type { PaymentMethod, ShopSettings } from '../../shop/shared/settings';
import type { Lang } from './knowledge';
import type { AnswerRanking } from './rank';
import { placesIn, regionsIn } from './places';

export type FactTopic = 'shipping-regions' | 'payment-methods' | 'store-locations';

export interface Fact {
  /** The FAQ intent whose subject this is (its answer and links follow the yes or no). */
  intent: FactTopic;
  yes: boolean;
  /** What was asked about, as the shopper wrote it ("Canada", "PayPal", "成都"). */
  subject: string;
  /** For a store: the address of the one there. */
  address?: string;
}

/** A fact as a ranking: its topic, answered for sure (a part of a message is ranked so). */
export const factRanking = (fact: Fact): AnswerRanking => ({
  best: [{ intent: fact.intent, confidence: 1 }],
  verdict: 'answer',
});

/** A question that expects yes or no, not "how long" or "how much". */
const YES_NO_EN =
  /^(?:(?:hi|hello|hey|ok|so|and|also|please|excuse me)[,!]?\s+)*(?:do|does|did|can|could|will|would|is|are|may|shall)\b|\b(?:is it possible|any chance)\b/i;
const YES_NO_ZH =
  /[吗嘛么][？?。!！\s]*$|能不能|可不可以|可以不|有没有|是否|支不支持|行不行|送不送|发不发/;

const WORLDWIDE =
  /\b(?:worldwide|world-wide|everywhere|all countries|anywhere)\b|全球|全世界|世界各地/i;
const SHIP_EN = /\b(?:ship|ships|shipping|deliver|delivers|delivery|send|post|mail)\b/i;
const SHIP_ZH = /发货|发到|寄到|寄往|邮寄|快递|配送|送到|送货|运到|包邮/;
const STORE_EN = /\b(?:stores?|shops?|branch(?:es)?|outlets?|boutiques?|locations?)\b/i;
const STORE_ZH = /店/; // 门店, 实体店, 分店, 专卖店 …
const PAY_EN = /\b(?:pay|paying|payment|payments|accept|accepts|take|takes|use)\b/i;
const PAY_ZH = /付款|支付|付钱|结账|买单|付/;

interface PayName {
  method: PaymentMethod | null; // null: a way to pay the app knows of, that no shop here offers
  en: RegExp;
  zh: RegExp;
  name: Record<Lang, string>;
}

/** Longer names first: "cash on delivery" is not "cash", "apple pay" is not a card. */
const PAY_NAMES: readonly PayName[] = [
  {
    method: null,
    en: /\bcash on delivery\b|\bcod\b|\bpay on delivery\b/i,
    zh: /货到付款|到付/,
    name: { en: 'cash on delivery', 'zh-CN': '货到付款' },
  },
  {
    method: 'apple-pay',
    en: /\bapple ?pay\b/i,
    zh: /apple ?pay|苹果支付/i,
    name: { en: 'Apple Pay', 'zh-CN': 'Apple Pay' },
  },
  {
    method: null,
    en: /\bgoogle ?pay\b|\bgpay\b/i,
    zh: /google ?pay|谷歌支付/i,
    name: { en: 'Google Pay', 'zh-CN': 'Google Pay' },
  },
  {
    method: null,
    en: /\bsamsung ?pay\b/i,
    zh: /samsung ?pay|三星支付/i,
    name: { en: 'Samsung Pay', 'zh-CN': 'Samsung Pay' },
  },
  {
    method: null,
    en: /\bpay ?pal\b/i,
    zh: /pay ?pal|贝宝/i,
    name: { en: 'PayPal', 'zh-CN': 'PayPal' },
  },
  {
    method: null,
    en: /\bklarna\b|\bafterpay\b|\bbuy now,? pay later\b/i,
    zh: /klarna|afterpay|先买后付/i,
    name: { en: 'buy now, pay later services', 'zh-CN': '先买后付' },
  },
  {
    method: null,
    en: /\b(?:bitcoin|crypto(?:currency)?|ethereum)\b/i,
    zh: /比特币|加密货币|数字货币/,
    name: { en: 'cryptocurrency', 'zh-CN': '加密货币' },
  },
  {
    method: null,
    en: /\bcheques?\b|\b(?:by|with) checks?\b/i,
    zh: /支票/,
    name: { en: 'cheques', 'zh-CN': '支票' },
  },
  {
    method: null,
    en: /\b(?:bank transfer|wire transfer)\b/i,
    zh: /银行转账|对公转账|转账/,
    name: { en: 'bank transfer', 'zh-CN': '银行转账' },
  },
  {
    method: 'alipay',
    en: /\bali ?pay\b/i,
    zh: /支付宝|alipay/i,
    name: { en: 'Alipay', 'zh-CN': '支付宝' },
  },
  {
    method: 'wechat-pay',
    en: /\bwe ?chat(?: ?pay)?\b|\bweixin\b/i,
    zh: /微信/,
    name: { en: 'WeChat Pay', 'zh-CN': '微信支付' },
  },
  {
    method: 'union-pay',
    en: /\bunion ?pay\b/i,
    zh: /银联|云闪付/,
    name: { en: 'UnionPay', 'zh-CN': '银联' },
  },
  {
    method: 'gift-card',
    en: /\bgift ?cards?\b|\bvouchers?\b/i,
    zh: /礼品卡|购物卡/,
    name: { en: 'gift cards', 'zh-CN': '礼品卡' },
  },
  {
    method: 'card',
    en: /\b(?:credit|debit|bank) ?cards?\b|\b(?:visa|mastercard|amex|american express|jcb)\b|\bcards?\b/i,
    zh: /信用卡|银行卡|借记卡|visa|mastercard|万事达/i,
    name: { en: 'cards', 'zh-CN': '银行卡' },
  },
  { method: 'cash', en: /\bcash\b/i, zh: /现金/, name: { en: 'cash', 'zh-CN': '现金' } },
];

function wayToPay(text: string, lang: Lang): { found: PayName; name: string } | undefined {
  for (const p of PAY_NAMES) {
    const m = (lang === 'en' ? p.en : p.zh).exec(text);
    if (m) return { found: p, name: p.name[lang] };
  }
  return undefined;
}

/** The fact a yes/no question asks about, answered from the settings; undefined: not one. */
export function factAnswer(question: string, lang: Lang, settings: ShopSettings): Fact | undefined {
  const text = question.trim();
  if (!(lang === 'en' ? YES_NO_EN : YES_NO_ZH).test(text)) return undefined;
  const is = (en: RegExp, zh: RegExp) => (lang === 'en' ? en : zh).test(text);

  const pay = is(PAY_EN, PAY_ZH) || /货到付款|到付/.test(text) ? wayToPay(text, lang) : undefined;
  if (pay) {
    const { method } = pay.found;
    const yes = method !== null && settings.policies.paymentMethods.includes(method);
    return { intent: 'payment-methods', yes, subject: pay.name };
  }

  if (is(STORE_EN, STORE_ZH)) {
    // A store's own city first (it may be a town no list knows), then any place we know.
    const lower = text.toLowerCase();
    const store = settings.stores.list.find(
      (s) => lower.includes(s.city.en.toLowerCase()) || text.includes(s.city['zh-CN']),
    );
    if (store)
      return {
        intent: 'store-locations',
        yes: true,
        subject: store.city[lang],
        address: store.address[lang],
      };
    const place = placesIn(text, lang)[0];
    if (!place) return undefined;
    const subject = nameOf(place.name, lang);
    // "A store in China?": yes, where a store's city is in that country.
    const inCountry = place.city
      ? []
      : settings.stores.list.filter((s) =>
          placesIn(`${s.city.en} ${s.city['zh-CN']}`).some((p) => p.region === place.region),
        );
    if (!inCountry.length) return { intent: 'store-locations', yes: false, subject };
    const cities = new Intl.ListFormat(lang).format(inCountry.map((s) => s.city[lang]));
    return { intent: 'store-locations', yes: true, subject, address: cities };
  }
  if (is(SHIP_EN, SHIP_ZH)) {
    const place = placesIn(text, lang)[0];
    if (!place) return undefined;
    const { en, 'zh-CN': zh } = settings.policies.deliveryRegions;
    const subject = nameOf(place.name, lang);
    if (WORLDWIDE.test(`${en} ${zh}`)) return { intent: 'shipping-regions', yes: true, subject };
    // Regions written in words we cannot read ("the EU"): a "no" could be wrong, so the FAQ's
    // answer (which names them) speaks instead.
    const regions = regionsIn(en, zh);
    if (!regions.size) return undefined;
    return { intent: 'shipping-regions', yes: regions.has(place.region), subject };
  }
  return undefined;
}

/** A place as the answer names it: "Canada", "UK", "上海". */
const nameOf = (name: string, lang: Lang) =>
  lang !== 'en' ? name : name.length <= 3 ? name.toUpperCase() : titleCase(name);

const titleCase = (s: string) =>
  s.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
