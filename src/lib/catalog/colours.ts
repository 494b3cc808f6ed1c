import type { Localized } from './types';

export interface NamedColour {
  hex: string;
  name: Localized;
}

/** The catalog's named colours. Chinese names are chosen so that common queries stay precise
 *  (teal is 孔雀蓝, not 蓝绿色, so that 绿色 does not also find teal). */
export const COLOURS: Record<string, NamedColour> = {
  black: { hex: '#1f1f1f', name: { en: 'Black', 'zh-CN': '黑色' } },
  white: { hex: '#f5f3ee', name: { en: 'White', 'zh-CN': '白色' } },
  grey: { hex: '#8a8d91', name: { en: 'Grey', 'zh-CN': '灰色' } },
  red: { hex: '#c62f2f', name: { en: 'Red', 'zh-CN': '红色' } },
  burgundy: { hex: '#7a1f33', name: { en: 'Burgundy', 'zh-CN': '酒红色' } },
  pink: { hex: '#e88fab', name: { en: 'Pink', 'zh-CN': '粉色' } },
  coral: { hex: '#f07b61', name: { en: 'Coral', 'zh-CN': '珊瑚色' } },
  orange: { hex: '#e8792b', name: { en: 'Orange', 'zh-CN': '橙色' } },
  gold: { hex: '#c9a24a', name: { en: 'Gold', 'zh-CN': '金色' } },
  silver: { hex: '#b8bcc2', name: { en: 'Silver', 'zh-CN': '银色' } },
  'rose-gold': { hex: '#d4a08a', name: { en: 'Rose gold', 'zh-CN': '玫瑰金' } },
  tortoise: { hex: '#7b4a26', name: { en: 'Tortoise', 'zh-CN': '玳瑁色' } },
  brown: { hex: '#7a5236', name: { en: 'Brown', 'zh-CN': '棕色' } },
  beige: { hex: '#d9c7a7', name: { en: 'Beige', 'zh-CN': '米色' } },
  green: { hex: '#3f7d4e', name: { en: 'Green', 'zh-CN': '绿色' } },
  teal: { hex: '#1f8a8a', name: { en: 'Teal', 'zh-CN': '孔雀蓝' } },
  blue: { hex: '#2f6db5', name: { en: 'Blue', 'zh-CN': '蓝色' } },
  navy: { hex: '#1f2f4f', name: { en: 'Navy', 'zh-CN': '藏青色' } },
  purple: { hex: '#7b4b94', name: { en: 'Purple', 'zh-CN': '紫色' } },
};

/** A colour by key; throws so that a typo in the generator fails loudly in tests. */
export function colour(key: string): NamedColour {
  const c = COLOURS[key];
  if (!c) throw new Error(`Unknown colour: ${key}`);
  return c;
}

/** Display names of every tag the generator uses (tests check that none is missing). */
export const TAG_NAMES: Record<string, Localized> = {
  // frame shapes
  round: { en: 'Round', 'zh-CN': '圆形' },
  rectangle: { en: 'Rectangle', 'zh-CN': '长方形' },
  square: { en: 'Square', 'zh-CN': '方形' },
  'cat-eye': { en: 'Cat-eye', 'zh-CN': '猫眼' },
  aviator: { en: 'Aviator', 'zh-CN': '飞行员款' },
  oval: { en: 'Oval', 'zh-CN': '椭圆' },
  // materials
  acetate: { en: 'Acetate', 'zh-CN': '板材' },
  metal: { en: 'Metal', 'zh-CN': '金属' },
  titanium: { en: 'Titanium', 'zh-CN': '钛金属' },
  tr90: { en: 'TR90', 'zh-CN': 'TR90 轻质材料' },
  cotton: { en: 'Cotton', 'zh-CN': '棉' },
  wool: { en: 'Wool', 'zh-CN': '羊毛' },
  cashmere: { en: 'Cashmere', 'zh-CN': '羊绒' },
  linen: { en: 'Linen', 'zh-CN': '亚麻' },
  straw: { en: 'Straw', 'zh-CN': '草编' },
  canvas: { en: 'Canvas', 'zh-CN': '帆布' },
  nylon: { en: 'Nylon', 'zh-CN': '尼龙' },
  leather: { en: 'Leather', 'zh-CN': '皮革' },
  suede: { en: 'Suede', 'zh-CN': '麂皮' },
  knit: { en: 'Knit', 'zh-CN': '针织' },
  denim: { en: 'Denim', 'zh-CN': '牛仔' },
  ceramic: { en: 'Ceramic', 'zh-CN': '陶瓷' },
  glass: { en: 'Glass', 'zh-CN': '玻璃' },
  wood: { en: 'Wood', 'zh-CN': '木质' },
  aluminium: { en: 'Aluminium', 'zh-CN': '铝合金' },
  'gold-plated': { en: 'Gold-plated', 'zh-CN': '镀金' },
  'sterling-silver': { en: 'Sterling silver', 'zh-CN': '925 纯银' },
  'rose-gold-plated': { en: 'Rose gold-plated', 'zh-CN': '镀玫瑰金' },
  pearl: { en: 'Pearl', 'zh-CN': '珍珠' },
  crystal: { en: 'Crystal', 'zh-CN': '水晶' },
  // who it is for
  unisex: { en: 'Unisex', 'zh-CN': '男女同款' },
  women: { en: 'Women', 'zh-CN': '女士' },
  men: { en: 'Men', 'zh-CN': '男士' },
  // style and occasion
  classic: { en: 'Classic', 'zh-CN': '经典' },
  vintage: { en: 'Vintage', 'zh-CN': '复古' },
  modern: { en: 'Modern', 'zh-CN': '现代' },
  minimal: { en: 'Minimal', 'zh-CN': '简约' },
  statement: { en: 'Statement', 'zh-CN': '吸睛' },
  sport: { en: 'Sport', 'zh-CN': '运动' },
  casual: { en: 'Casual', 'zh-CN': '休闲' },
  office: { en: 'Office', 'zh-CN': '通勤' },
  party: { en: 'Party', 'zh-CN': '派对' },
  everyday: { en: 'Everyday', 'zh-CN': '日常' },
  gift: { en: 'Gift', 'zh-CN': '送礼' },
  summer: { en: 'Summer', 'zh-CN': '夏季' },
  winter: { en: 'Winter', 'zh-CN': '冬季' },
  // features
  'blue-light': { en: 'Blue-light filter', 'zh-CN': '防蓝光' },
  polarized: { en: 'Polarized', 'zh-CN': '偏光' },
  uv400: { en: 'UV400', 'zh-CN': 'UV400 防紫外线' },
  lightweight: { en: 'Lightweight', 'zh-CN': '轻盈' },
  hypoallergenic: { en: 'Hypoallergenic', 'zh-CN': '低敏' },
  waterproof: { en: 'Water-resistant', 'zh-CN': '防水' },
  wireless: { en: 'Wireless', 'zh-CN': '无线' },
  'noise-cancelling': { en: 'Noise-cancelling', 'zh-CN': '主动降噪' },
  'long-lasting': { en: 'Long-lasting', 'zh-CN': '持久' },
  handmade: { en: 'Handmade', 'zh-CN': '手工制作' },
  // lipstick finishes
  matte: { en: 'Matte', 'zh-CN': '哑光' },
  satin: { en: 'Satin', 'zh-CN': '缎光' },
  gloss: { en: 'Gloss', 'zh-CN': '水光' },
  nude: { en: 'Nude', 'zh-CN': '裸色' },
  // hat styles
  cap: { en: 'Cap', 'zh-CN': '棒球帽' },
  fedora: { en: 'Fedora', 'zh-CN': '礼帽' },
  beanie: { en: 'Beanie', 'zh-CN': '针织帽' },
  bucket: { en: 'Bucket hat', 'zh-CN': '渔夫帽' },
  'sun-hat': { en: 'Sun hat', 'zh-CN': '遮阳帽' },
  // earring styles
  stud: { en: 'Studs', 'zh-CN': '耳钉' },
  hoop: { en: 'Hoops', 'zh-CN': '圈形耳环' },
  drop: { en: 'Drops', 'zh-CN': '垂坠耳环' },
  // general goods: the item type (the picture draws from this tag)
  't-shirt': { en: 'T-shirt', 'zh-CN': 'T恤' },
  sweater: { en: 'Sweater', 'zh-CN': '毛衣' },
  hoodie: { en: 'Hoodie', 'zh-CN': '连帽衫' },
  dress: { en: 'Dress', 'zh-CN': '连衣裙' },
  jacket: { en: 'Jacket', 'zh-CN': '夹克' },
  sneakers: { en: 'Sneakers', 'zh-CN': '运动鞋' },
  boots: { en: 'Boots', 'zh-CN': '靴子' },
  loafers: { en: 'Loafers', 'zh-CN': '乐福鞋' },
  sandals: { en: 'Sandals', 'zh-CN': '凉鞋' },
  tote: { en: 'Tote', 'zh-CN': '托特包' },
  backpack: { en: 'Backpack', 'zh-CN': '双肩包' },
  crossbody: { en: 'Crossbody bag', 'zh-CN': '斜挎包' },
  clutch: { en: 'Clutch', 'zh-CN': '手拿包' },
  headphones: { en: 'Headphones', 'zh-CN': '头戴式耳机' },
  earbuds: { en: 'Earbuds', 'zh-CN': '入耳式耳机' },
  speaker: { en: 'Speaker', 'zh-CN': '音箱' },
  smartwatch: { en: 'Smartwatch', 'zh-CN': '智能手表' },
  'power-bank': { en: 'Power bank', 'zh-CN': '充电宝' },
  mug: { en: 'Mug', 'zh-CN': '马克杯' },
  lamp: { en: 'Lamp', 'zh-CN': '台灯' },
  vase: { en: 'Vase', 'zh-CN': '花瓶' },
  cushion: { en: 'Cushion', 'zh-CN': '抱枕' },
  candle: { en: 'Candle', 'zh-CN': '香薰蜡烛' },
};
