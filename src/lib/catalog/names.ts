import type { Category, Localized } from './types';

/** Category display names; search matches these in both languages. */
export const CATEGORY_NAMES: Record<Category, Localized> = {
  glasses: { en: 'Glasses', 'zh-CN': '眼镜' },
  sunglasses: { en: 'Sunglasses', 'zh-CN': '太阳镜' },
  hats: { en: 'Hats', 'zh-CN': '帽子' },
  earrings: { en: 'Earrings', 'zh-CN': '耳环' },
  lipsticks: { en: 'Lipsticks', 'zh-CN': '口红' },
  apparel: { en: 'Apparel', 'zh-CN': '服装' },
  shoes: { en: 'Shoes', 'zh-CN': '鞋' },
  bags: { en: 'Bags', 'zh-CN': '包' },
  electronics: { en: 'Electronics', 'zh-CN': '电子产品' },
  home: { en: 'Home', 'zh-CN': '家居' },
  other: { en: 'Other', 'zh-CN': '其他' },
};
