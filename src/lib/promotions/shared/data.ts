/**
 * The demo shop's promotions, in both languages. Project data: the unit test validates every
 * entry against PromotionSchema. Order matters only for the fixed rotation (personalisation off).
 */
import type { Promotion } from './schema';

export const PROMOTIONS: readonly Promotion[] = [
  {
    id: 'welcome-20',
    kind: 'coupon',
    categories: [],
    code: 'WELCOME20',
    amountOffCents: 2000,
    minSpendCents: 19900,
    title: { en: '¥20 off your order', 'zh-CN': '订单立减 ¥20' },
    text: {
      en: 'Spend ¥199 or more and save ¥20 with code WELCOME20.',
      'zh-CN': '满 ¥199 使用优惠码 WELCOME20 立减 ¥20。',
    },
  },
  {
    id: 'sunny-15',
    kind: 'coupon',
    categories: ['sunglasses'],
    code: 'SUNNY15',
    percentOff: 15,
    title: { en: '15% off sunglasses', 'zh-CN': '太阳镜 85 折' },
    text: {
      en: 'Code SUNNY15 takes 15% off any pair of sunglasses.',
      'zh-CN': '使用优惠码 SUNNY15，任意太阳镜享 85 折。',
    },
  },
  {
    id: 'lips-10',
    kind: 'coupon',
    categories: ['lipsticks'],
    code: 'LIPS10',
    percentOff: 10,
    title: { en: '10% off lipsticks', 'zh-CN': '口红 9 折' },
    text: {
      en: 'Find your shade: code LIPS10 takes 10% off every lipstick.',
      'zh-CN': '找到你的色号：优惠码 LIPS10，全部口红 9 折。',
    },
  },
  {
    id: 'home-30',
    kind: 'coupon',
    categories: ['home'],
    code: 'HOME30',
    amountOffCents: 3000,
    minSpendCents: 30000,
    title: { en: '¥30 off for your home', 'zh-CN': '家居满减 ¥30' },
    text: {
      en: 'Spend ¥300 on home goods and save ¥30 with code HOME30.',
      'zh-CN': '家居用品满 ¥300，使用优惠码 HOME30 立减 ¥30。',
    },
  },
  {
    id: 'gadget-12',
    kind: 'coupon',
    categories: ['electronics'],
    code: 'GADGET12',
    percentOff: 12,
    title: { en: '12% off electronics', 'zh-CN': '电子产品 88 折' },
    text: {
      en: 'Code GADGET12 takes 12% off headphones, speakers and more.',
      'zh-CN': '使用优惠码 GADGET12，耳机、音箱等享 88 折。',
    },
  },
  {
    id: 'second-pair',
    kind: 'bundle',
    categories: ['glasses', 'sunglasses'],
    percentOff: 50,
    title: { en: 'Second pair half price', 'zh-CN': '第二副半价' },
    text: {
      en: 'Buy glasses and sunglasses together: the cheaper pair is half price.',
      'zh-CN': '眼镜和太阳镜一起买，较便宜的一副半价。',
    },
  },
  {
    id: 'summer-set',
    kind: 'bundle',
    categories: ['hats', 'sunglasses'],
    percentOff: 20,
    title: { en: 'Summer set: hat + shades', 'zh-CN': '夏日套装：帽子 + 墨镜' },
    text: {
      en: 'A hat and a pair of sunglasses together, 20% off both.',
      'zh-CN': '帽子和太阳镜一起买，两件都享 8 折。',
    },
  },
  {
    id: 'gift-set',
    kind: 'bundle',
    categories: ['earrings', 'lipsticks'],
    amountOffCents: 3000,
    title: { en: 'Gift set: earrings + lipstick', 'zh-CN': '礼盒：耳环 + 口红' },
    text: {
      en: 'Pair any earrings with a lipstick and save ¥30, gift-wrapped.',
      'zh-CN': '任意耳环搭配一支口红立减 ¥30，附赠礼品包装。',
    },
  },
  {
    id: 'step-out',
    kind: 'bundle',
    categories: ['shoes', 'bags'],
    amountOffCents: 5000,
    title: { en: 'Shoes + bag: save ¥50', 'zh-CN': '鞋 + 包：立减 ¥50' },
    text: {
      en: 'Match a pair of shoes with a bag and save ¥50.',
      'zh-CN': '鞋子搭配一只包，立减 ¥50。',
    },
  },
  {
    id: 'hats-25',
    kind: 'category-discount',
    categories: ['hats'],
    percentOff: 25,
    title: { en: 'Hats: 25% off', 'zh-CN': '帽子 75 折' },
    text: {
      en: 'Caps, fedoras, beanies and sun hats, all 25% off this week.',
      'zh-CN': '鸭舌帽、礼帽、毛线帽和遮阳帽，本周全部 75 折。',
    },
  },
  {
    id: 'apparel-20',
    kind: 'category-discount',
    categories: ['apparel'],
    percentOff: 20,
    title: { en: 'Apparel: 20% off', 'zh-CN': '服装 8 折' },
    text: {
      en: 'Tops, jackets and dresses, 20% off while the season lasts.',
      'zh-CN': '上衣、外套和连衣裙，换季期间 8 折。',
    },
  },
  {
    id: 'earrings-15',
    kind: 'category-discount',
    categories: ['earrings'],
    percentOff: 15,
    title: { en: 'Earrings: 15% off', 'zh-CN': '耳环 85 折' },
    text: {
      en: 'Studs, hoops and drops, 15% off every pair.',
      'zh-CN': '耳钉、耳圈和耳坠，每一对都享 85 折。',
    },
  },
  {
    id: 'ship-99',
    kind: 'free-shipping',
    categories: [],
    minSpendCents: 9900,
    title: { en: 'Free shipping over ¥99', 'zh-CN': '满 ¥99 包邮' },
    text: {
      en: 'Orders of ¥99 or more ship free, anywhere in the country.',
      'zh-CN': '订单满 ¥99 全国包邮。',
    },
  },
  {
    id: 'ship-home',
    kind: 'free-shipping',
    categories: ['home', 'electronics'],
    minSpendCents: 29900,
    title: { en: 'Big items ship free', 'zh-CN': '大件免运费' },
    text: {
      en: 'Home goods and electronics over ¥299 ship free, even the bulky ones.',
      'zh-CN': '家居和电子产品满 ¥299 免运费，大件也包邮。',
    },
  },
];
