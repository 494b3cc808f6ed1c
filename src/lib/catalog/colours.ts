/**
 * The catalog's colours and tag names, in both languages: what the generator draws from, what
 * the Shop filters by and what search matches. Written as rows ([English, Chinese]) and turned
 * into objects once.
 */
import type { Localized } from './types';

export interface NamedColour {
  hex: string;
  name: Localized;
}

/** Each row [English, Chinese] as a Localized, keys in the same order. */
function localized(rows: Record<string, readonly [string, string]>): Record<string, Localized> {
  return Object.fromEntries(
    Object.entries(rows).map(([key, [en, zh]]) => [key, { en, 'zh-CN': zh }]),
  );
}

/** Each row [hex, English, Chinese] as a NamedColour, keys in the same order. */
function namedColours(
  rows: Record<string, readonly [string, string, string]>,
): Record<string, NamedColour> {
  return Object.fromEntries(
    Object.entries(rows).map(([key, [hex, en, zh]]) => [key, { hex, name: { en, 'zh-CN': zh } }]),
  );
}

/** The catalog's named colours. Chinese names are chosen so that common queries stay precise
 *  (teal is 孔雀蓝, not 蓝绿色, so that 绿色 does not also find teal). */
export const COLOURS: Record<string, NamedColour> = namedColours({
  black: ['#1f1f1f', 'Black', '黑色'],
  white: ['#f5f3ee', 'White', '白色'],
  grey: ['#8a8d91', 'Grey', '灰色'],
  red: ['#c62f2f', 'Red', '红色'],
  burgundy: ['#7a1f33', 'Burgundy', '酒红色'],
  pink: ['#e88fab', 'Pink', '粉色'],
  coral: ['#f07b61', 'Coral', '珊瑚色'],
  orange: ['#e8792b', 'Orange', '橙色'],
  gold: ['#c9a24a', 'Gold', '金色'],
  silver: ['#b8bcc2', 'Silver', '银色'],
  'rose-gold': ['#d4a08a', 'Rose gold', '玫瑰金'],
  tortoise: ['#7b4a26', 'Tortoise', '玳瑁色'],
  brown: ['#7a5236', 'Brown', '棕色'],
  beige: ['#d9c7a7', 'Beige', '米色'],
  green: ['#3f7d4e', 'Green', '绿色'],
  teal: ['#1f8a8a', 'Teal', '孔雀蓝'],
  blue: ['#2f6db5', 'Blue', '蓝色'],
  navy: ['#1f2f4f', 'Navy', '藏青色'],
  purple: ['#7b4b94', 'Purple', '紫色'],
});

/** A colour by key; throws so that a typo in the generator fails loudly in tests. */
export function colour(key: string): NamedColour {
  const c = COLOURS[key];
  if (!c) throw new Error(`Unknown colour: ${key}`);
  return c;
}

/** Display names of every tag the generator uses (tests check that none is missing). */
export const TAG_NAMES: Record<string, Localized> = localized({
  // frame shapes
  round: ['Round', '圆形'],
  rectangle: ['Rectangle', '长方形'],
  square: ['Square', '方形'],
  'cat-eye': ['Cat-eye', '猫眼'],
  aviator: ['Aviator', '飞行员款'],
  oval: ['Oval', '椭圆'],
  // materials
  acetate: ['Acetate', '板材'],
  metal: ['Metal', '金属'],
  titanium: ['Titanium', '钛金属'],
  tr90: ['TR90', 'TR90 轻质材料'],
  cotton: ['Cotton', '棉'],
  wool: ['Wool', '羊毛'],
  cashmere: ['Cashmere', '羊绒'],
  linen: ['Linen', '亚麻'],
  straw: ['Straw', '草编'],
  canvas: ['Canvas', '帆布'],
  nylon: ['Nylon', '尼龙'],
  leather: ['Leather', '皮革'],
  suede: ['Suede', '麂皮'],
  knit: ['Knit', '针织'],
  denim: ['Denim', '牛仔'],
  ceramic: ['Ceramic', '陶瓷'],
  glass: ['Glass', '玻璃'],
  wood: ['Wood', '木质'],
  aluminium: ['Aluminium', '铝合金'],
  'gold-plated': ['Gold-plated', '镀金'],
  'sterling-silver': ['Sterling silver', '925 纯银'],
  'rose-gold-plated': ['Rose gold-plated', '镀玫瑰金'],
  pearl: ['Pearl', '珍珠'],
  crystal: ['Crystal', '水晶'],
  // who it is for
  unisex: ['Unisex', '男女同款'],
  women: ['Women', '女士'],
  men: ['Men', '男士'],
  // style and occasion
  classic: ['Classic', '经典'],
  vintage: ['Vintage', '复古'],
  modern: ['Modern', '现代'],
  minimal: ['Minimal', '简约'],
  statement: ['Statement', '吸睛'],
  sport: ['Sport', '运动'],
  casual: ['Casual', '休闲'],
  office: ['Office', '通勤'],
  party: ['Party', '派对'],
  everyday: ['Everyday', '日常'],
  gift: ['Gift', '送礼'],
  summer: ['Summer', '夏季'],
  winter: ['Winter', '冬季'],
  // features
  'blue-light': ['Blue-light filter', '防蓝光'],
  polarized: ['Polarized', '偏光'],
  uv400: ['UV400', 'UV400 防紫外线'],
  lightweight: ['Lightweight', '轻盈'],
  hypoallergenic: ['Hypoallergenic', '低敏'],
  waterproof: ['Water-resistant', '防水'],
  wireless: ['Wireless', '无线'],
  'noise-cancelling': ['Noise-cancelling', '主动降噪'],
  'long-lasting': ['Long-lasting', '持久'],
  handmade: ['Handmade', '手工制作'],
  // lipstick finishes
  matte: ['Matte', '哑光'],
  satin: ['Satin', '缎光'],
  gloss: ['Gloss', '水光'],
  nude: ['Nude', '裸色'],
  // hat styles
  cap: ['Cap', '棒球帽'],
  fedora: ['Fedora', '礼帽'],
  beanie: ['Beanie', '针织帽'],
  bucket: ['Bucket hat', '渔夫帽'],
  'sun-hat': ['Sun hat', '遮阳帽'],
  // earring styles
  stud: ['Studs', '耳钉'],
  hoop: ['Hoops', '圈形耳环'],
  drop: ['Drops', '垂坠耳环'],
  // general goods: the item type (the picture draws from this tag)
  't-shirt': ['T-shirt', 'T恤'],
  sweater: ['Sweater', '毛衣'],
  hoodie: ['Hoodie', '连帽衫'],
  dress: ['Dress', '连衣裙'],
  jacket: ['Jacket', '夹克'],
  sneakers: ['Sneakers', '运动鞋'],
  boots: ['Boots', '靴子'],
  loafers: ['Loafers', '乐福鞋'],
  sandals: ['Sandals', '凉鞋'],
  tote: ['Tote', '托特包'],
  backpack: ['Backpack', '双肩包'],
  crossbody: ['Crossbody bag', '斜挎包'],
  clutch: ['Clutch', '手拿包'],
  headphones: ['Headphones', '头戴式耳机'],
  earbuds: ['Earbuds', '入耳式耳机'],
  speaker: ['Speaker', '音箱'],
  smartwatch: ['Smartwatch', '智能手表'],
  'power-bank': ['Power bank', '充电宝'],
  mug: ['Mug', '马克杯'],
  lamp: ['Lamp', '台灯'],
  vase: ['Vase', '花瓶'],
  cushion: ['Cushion', '抱枕'],
  candle: ['Candle', '香薰蜡烛'],
});
