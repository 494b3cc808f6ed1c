/**
 * The demo shop's promotions, in both languages, and how any shop's offers are shown. Project
 * data: the unit test validates every entry against PromotionSchema. A shop pack's offers.json
 * replaces them (src/lib/shop/shared/offers.ts) and is shown by the same promotionsFor. Order
 * matters only for the fixed rotation (personalisation off).
 *
 * Texts state no number of their own: an offer's amounts come from its own fields ({amountOff},
 * {minSpend}, {discount} …) and the shop's policies from its settings ({freeShippingFrom}), so
 * a text cannot disagree with the rule it describes (see src/lib/shop/shared/templates.ts).
 */
import type { Locale, Localized } from '../../catalog/types';
import { DEFAULT_SETTINGS } from '../../shop/shared/defaults';
import type { ShopSettings } from '../../shop/shared/settings';
import { fillTemplate, offerValues } from '../../shop/shared/templates';
import type { Promotion } from './schema';

/** The offers as written, before the shop's settings fill them. */
export const PROMOTION_TEMPLATES: readonly Promotion[] = [
  {
    id: 'welcome-20',
    kind: 'coupon',
    categories: [],
    code: 'WELCOME20',
    amountOffCents: 2000,
    minSpendCents: 19900,
    title: { en: '{amountOff} off your order', 'zh-CN': '订单立减 {amountOff}' },
    text: {
      en: 'Spend {minSpend} or more and save {amountOff} with code {code}.',
      'zh-CN': '满 {minSpend} 使用优惠码 {code} 立减 {amountOff}。',
    },
  },
  {
    id: 'sunny-15',
    kind: 'coupon',
    categories: ['sunglasses'],
    code: 'SUNNY15',
    percentOff: 15,
    title: { en: '{discount} sunglasses', 'zh-CN': '太阳镜 {discount}' },
    text: {
      en: 'Code {code} takes {discount} any pair of sunglasses.',
      'zh-CN': '使用优惠码 {code}，任意太阳镜享 {discount}。',
    },
  },
  {
    id: 'lips-10',
    kind: 'coupon',
    categories: ['lipsticks'],
    code: 'LIPS10',
    percentOff: 10,
    title: { en: '{discount} lipsticks', 'zh-CN': '口红 {discount}' },
    text: {
      en: 'Find your shade: code {code} takes {discount} every lipstick.',
      'zh-CN': '找到你的色号：优惠码 {code}，全部口红 {discount}。',
    },
  },
  {
    id: 'home-30',
    kind: 'coupon',
    categories: ['home'],
    code: 'HOME30',
    amountOffCents: 3000,
    minSpendCents: 30000,
    title: { en: '{amountOff} off for your home', 'zh-CN': '家居满减 {amountOff}' },
    text: {
      en: 'Spend {minSpend} on home goods and save {amountOff} with code {code}.',
      'zh-CN': '家居用品满 {minSpend}，使用优惠码 {code} 立减 {amountOff}。',
    },
  },
  {
    id: 'gadget-12',
    kind: 'coupon',
    categories: ['electronics'],
    code: 'GADGET12',
    percentOff: 12,
    title: { en: '{discount} electronics', 'zh-CN': '电子产品 {discount}' },
    text: {
      en: 'Code {code} takes {discount} headphones, speakers and more.',
      'zh-CN': '使用优惠码 {code}，耳机、音箱等享 {discount}。',
    },
  },
  {
    id: 'second-pair',
    kind: 'bundle',
    categories: ['glasses', 'sunglasses'],
    percentOff: 25,
    title: { en: 'Two pairs: {discount} both', 'zh-CN': '两副同买：{discount}' },
    text: {
      en: 'Buy glasses and sunglasses together: {discount} both pairs.',
      'zh-CN': '眼镜和太阳镜一起买，两副都享 {discount}。',
    },
  },
  {
    id: 'summer-set',
    kind: 'bundle',
    categories: ['hats', 'sunglasses'],
    percentOff: 20,
    title: { en: 'Summer set: hat + shades', 'zh-CN': '夏日套装：帽子 + 墨镜' },
    text: {
      en: 'A hat and a pair of sunglasses together, {discount} both.',
      'zh-CN': '帽子和太阳镜一起买，两件都享 {discount}。',
    },
  },
  {
    id: 'gift-set',
    kind: 'bundle',
    categories: ['earrings', 'lipsticks'],
    amountOffCents: 3000,
    title: { en: 'Gift set: earrings + lipstick', 'zh-CN': '礼盒：耳环 + 口红' },
    text: {
      en: 'Pair any earrings with a lipstick and save {amountOff}, gift-wrapped.',
      'zh-CN': '任意耳环搭配一支口红立减 {amountOff}，附赠礼品包装。',
    },
  },
  {
    id: 'step-out',
    kind: 'bundle',
    categories: ['shoes', 'bags'],
    amountOffCents: 5000,
    title: { en: 'Shoes + bag: save {amountOff}', 'zh-CN': '鞋 + 包：立减 {amountOff}' },
    text: {
      en: 'Match a pair of shoes with a bag and save {amountOff}.',
      'zh-CN': '鞋子搭配一只包，立减 {amountOff}。',
    },
  },
  {
    id: 'hats-25',
    kind: 'category-discount',
    categories: ['hats'],
    percentOff: 25,
    title: { en: 'Hats: {discount}', 'zh-CN': '帽子 {discount}' },
    text: {
      en: 'Caps, fedoras, beanies and sun hats, all {discount} this week.',
      'zh-CN': '鸭舌帽、礼帽、毛线帽和遮阳帽，本周全部 {discount}。',
    },
  },
  {
    id: 'apparel-20',
    kind: 'category-discount',
    categories: ['apparel'],
    percentOff: 20,
    title: { en: 'Apparel: {discount}', 'zh-CN': '服装 {discount}' },
    text: {
      en: 'Tops, jackets and dresses, {discount} while the season lasts.',
      'zh-CN': '上衣、外套和连衣裙，换季期间 {discount}。',
    },
  },
  {
    id: 'earrings-15',
    kind: 'category-discount',
    categories: ['earrings'],
    percentOff: 15,
    title: { en: 'Earrings: {discount}', 'zh-CN': '耳环 {discount}' },
    text: {
      en: 'Studs, hoops and drops, {discount} every pair.',
      'zh-CN': '耳钉、耳圈和耳坠，每一对都享 {discount}。',
    },
  },
  {
    // The shop's own policy, as an offer: promotionsFor sets its threshold from the settings.
    id: 'free-shipping',
    kind: 'free-shipping',
    categories: [],
    minSpendCents: DEFAULT_SETTINGS.policies.freeShippingFromCents,
    title: { en: 'Free shipping from {minSpend}', 'zh-CN': '满 {minSpend} 包邮' },
    text: {
      en: 'Orders of {minSpend} or more ship free.',
      'zh-CN': '订单满 {minSpend} 即享免运费。',
    },
  },
  {
    // Below the shop's threshold, for small items only: an exception the text names as one.
    id: 'ship-small',
    kind: 'free-shipping',
    categories: ['earrings', 'lipsticks'],
    minSpendCents: 9900,
    title: { en: 'Earrings and lipsticks ship free', 'zh-CN': '耳环、口红满 {minSpend} 包邮' },
    text: {
      en: 'Earrings and lipsticks ship free from {minSpend}, no need to reach {freeShippingFrom}.',
      'zh-CN': '耳环和口红满 {minSpend} 即可包邮，无需凑满 {freeShippingFrom}。',
    },
  },
];

/**
 * The offer whose threshold is the shop's free-shipping policy, not a value of its own (in the
 * demo's offers and in a shop's offers.json alike).
 */
export const POLICY_OFFER = 'free-shipping';

/** Both languages of an offer's title or text, filled from its own fields and the settings. */
function fillBoth(text: Localized, p: Promotion, settings: ShopSettings): Localized {
  const one = (locale: Locale) =>
    fillTemplate(text[locale], settings, locale, offerValues(p, settings, locale));
  return { en: one('en'), 'zh-CN': one('zh-CN') };
}

/**
 * Whether a free-shipping offer says something the policy does not: the policy offer when the
 * shop charges for shipping at all, any other one only below the shop's threshold (at or above
 * it, it would promise what every order already gets).
 */
export function addsToPolicy(p: Promotion, threshold: number): boolean {
  if (p.kind !== 'free-shipping') return true;
  return p.id === POLICY_OFFER ? threshold > 0 : (p.minSpendCents ?? 0) < threshold;
}

/**
 * The offers as the shop shows them: thresholds from its policies, texts filled. `templates` are
 * the shop's own offers as written (offers.json), else the demo's.
 */
export function promotionsFor(
  settings: ShopSettings,
  templates: readonly Promotion[] = PROMOTION_TEMPLATES,
): Promotion[] {
  const threshold = settings.policies.freeShippingFromCents;
  return templates
    .map((t) => (t.id === POLICY_OFFER ? { ...t, minSpendCents: threshold } : t))
    .filter((p) => addsToPolicy(p, threshold))
    .map((p) => ({
      ...p,
      title: fillBoth(p.title, p, settings),
      text: fillBoth(p.text, p, settings),
    }));
}

export const PROMOTIONS: readonly Promotion[] = promotionsFor(DEFAULT_SETTINGS);
