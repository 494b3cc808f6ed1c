/**
 * Which of the app's departments (CATEGORIES) a pack's product belongs to: try-on, offers, the
 * assistant and For you treat a product by its department, while the shop's own product type is
 * kept for display. In order: the shop's own map (shop.json `departments`, keyed by its type as
 * written), the Google / Shopify product taxonomy (a numeric id or a "A > B > C" path), then
 * words in the type and the title, in English or Chinese; else 'other'.
 */
import { CATEGORY_NAMES } from '../../catalog/names';
import { CATEGORIES, type Category } from '../../catalog/types';

export interface DepartmentHints {
  /** The shop's type as written (each language, and for a feed the whole "A > B" path too). */
  types: readonly string[];
  /** google_product_category / Shopify "Product Category": an id, "id - path" or a path. */
  taxonomy: string;
  /** Texts whose words decide when nothing else does, most telling first (types, then titles). */
  texts: readonly string[];
}

/** Google product taxonomy ids (taxonomy-with-ids.en-US.txt) of the departments' usual homes. */
const TAXONOMY_IDS: Record<string, Category> = {
  '178': 'sunglasses', // Apparel & Accessories > Clothing Accessories > Sunglasses
  '524': 'glasses', // Health & Beauty > Personal Care > Vision Care > Eyeglasses
  '173': 'hats', // Apparel & Accessories > Clothing Accessories > Hats
  '2020': 'hats', // … > Clothing Accessories > Headwear
  '194': 'earrings', // Apparel & Accessories > Jewelry > Earrings
  '2645': 'lipsticks', // Health & Beauty > … > Makeup > Lip Makeup
  '3021': 'lipsticks', // … > Lip Makeup > Lipstick
  '2858': 'lipsticks', // … > Lip Makeup > Lip Gloss
  '1604': 'apparel', // Apparel & Accessories > Clothing
  '203': 'apparel', // … > Clothing > Outerwear
  '204': 'apparel', // … > Clothing > Pants
  '212': 'apparel', // … > Clothing > Shirts & Tops
  '2271': 'apparel', // … > Clothing > Dresses
  '187': 'shoes', // Apparel & Accessories > Shoes
  '3032': 'bags', // Apparel & Accessories > Handbags, Wallets & Cases > Handbags
  '6551': 'bags', // Apparel & Accessories > Handbags, Wallets & Cases
  '5181': 'bags', // Luggage & Bags
  '222': 'electronics', // Electronics
  '536': 'home', // Home & Garden
  '436': 'home', // Furniture
};

/** Taxonomy path prefixes (lower case, " > " joined); the longest that matches wins. */
const TAXONOMY_PATHS: [string, Category][] = [
  ['apparel & accessories > clothing accessories > sunglasses', 'sunglasses'],
  ['health & beauty > personal care > vision care > eyeglasses', 'glasses'],
  ['health & beauty > personal care > vision care > sunglass lenses', 'sunglasses'],
  ['apparel & accessories > clothing accessories > hats', 'hats'],
  ['apparel & accessories > clothing accessories > headwear', 'hats'],
  ['apparel & accessories > jewelry > earrings', 'earrings'],
  ['health & beauty > personal care > cosmetics > makeup > lip makeup', 'lipsticks'],
  ['apparel & accessories > clothing', 'apparel'],
  ['apparel & accessories > shoes', 'shoes'],
  ['apparel & accessories > handbags, wallets & cases', 'bags'],
  ['luggage & bags', 'bags'],
  ['electronics', 'electronics'],
  ['home & garden', 'home'],
  ['furniture', 'home'],
];

/**
 * Words that name a department, in the order they are tried (sunglasses before glasses,
 * hoodies (帽衫) before hats, wine glasses before glasses). English words whole, Chinese by
 * characters.
 */
const WORDS: [Category, RegExp][] = [
  ['home', /\b(wine|drinking|shot|beer|champagne|cocktail) ?glass(es)?\b|酒杯|玻璃杯/i],
  ['sunglasses', /\bsun ?glass(es)?\b|\bshades\b|墨镜|太阳镜|太阳眼镜|偏光镜/i],
  ['glasses', /\b(eye ?)?glasses\b|\bspec(tacle)?s\b|\beyewear\b|\boptical\b|眼镜|镜框|镜架/i],
  [
    'earrings',
    /\bear ?rings?\b|\bear ?(studs?|cuffs?|climbers?)\b|\bhoops?\b|耳环|耳钉|耳坠|耳饰|耳夹/i,
  ],
  [
    'lipsticks',
    /\blip ?(sticks?|gloss(es)?|stains?|tints?|colou?rs?|makeup|liners?)\b|口红|唇膏|唇彩|唇釉|唇蜜/i,
  ],
  ['apparel', /帽衫|卫衣/],
  ['hats', /\b(hats?|caps?|beanies?|fedoras?|berets?|headwear|visors?)\b|帽/i],
  [
    'shoes',
    /\b(shoes?|sneakers?|trainers?|boots?|sandals?|loafers?|heels|footwear|slippers?|flats)\b|鞋|靴/i,
  ],
  [
    'bags',
    /\b(bags?|handbags?|backpacks?|totes?|purses?|wallets?|clutch(es)?|luggage|satchels?|rucksacks?)\b|(?<!面)包|袋/i,
  ],
  [
    'apparel',
    /\b(apparel|clothing|clothes|shirts?|t-?shirts?|tees?|tops?|dress(es)?|skirts?|jackets?|coats?|sweaters?|jumpers?|hoodies?|cardigans?|trousers|pants|jeans|shorts|leggings|scarf|scarves|socks|knitwear|blouses?|knits?)\b|服装|服饰|衣|裤|裙|衫|外套|袜|围巾/i,
  ],
  [
    'electronics',
    /\b(electronics?|headphones?|earphones?|earbuds?|speakers?|chargers?|cables?|phones?|smartphones?|tablets?|laptops?|cameras?|keyboards?|mouse|mice|power ?banks?|smart ?watch(es)?|gadgets?)\b|电子|耳机|音箱|音响|手机|充电|数码|电脑|相机|键盘|鼠标/i,
  ],
  [
    'home',
    /\b(home|homeware|housewares?|kitchen|mugs?|cups?|plates?|bowls?|candles?|vases?|cushions?|pillows?|throws?|blankets?|towels?|bedding|lamps?|furniture|decor|garden|teapots?)\b|家居|厨房|杯|碗|盘|蜡烛|花瓶|靠垫|抱枕|毯|毛巾|床品|灯|家具/i,
  ],
];

/** Department names as the app writes them ("Sunglasses", "太阳镜"), lower case. */
const NAMES = new Map<string, Category>(
  CATEGORIES.flatMap((c) => [
    [CATEGORY_NAMES[c].en.toLowerCase(), c],
    [CATEGORY_NAMES[c]['zh-CN'], c],
  ]),
);

export const isCategory = (value: unknown): value is Category =>
  typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);

/** The department a taxonomy id or path points to, if it is one the app knows. */
export function taxonomyDepartment(taxonomy: string): Category | undefined {
  const text = taxonomy.trim();
  // "178", "178 - Apparel & Accessories > …" or a path alone.
  const match = /^(\d+)\s*(?:-\s*(.*))?$/s.exec(text);
  if (match) {
    const byId = TAXONOMY_IDS[match[1]!];
    if (byId || !match[2]) return byId;
  }
  const path = (match?.[2] ?? text)
    .split('>')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (!path.length) return undefined;
  const joined = path.join(' > ');
  let best: [string, Category] | undefined;
  for (const entry of TAXONOMY_PATHS) {
    const [prefix] = entry;
    const fits = joined === prefix || joined.startsWith(`${prefix} >`);
    if (fits && prefix.length > (best?.[0].length ?? -1)) best = entry;
  }
  return best?.[1] ?? wordsDepartment(path[path.length - 1]!);
}

/** The department that words in a text name, if any. */
export function wordsDepartment(text: string): Category | undefined {
  const exact = NAMES.get(text.trim().toLowerCase());
  if (exact) return exact;
  return WORDS.find(([, words]) => words.test(text))?.[0];
}

export function department(
  hints: DepartmentHints,
  map: Readonly<Record<string, Category>> = {},
): Category {
  for (const type of hints.types) {
    const mapped = Object.hasOwn(map, type.trim()) ? map[type.trim()] : undefined;
    if (mapped) return mapped;
  }
  const byTaxonomy = hints.taxonomy ? taxonomyDepartment(hints.taxonomy) : undefined;
  if (byTaxonomy) return byTaxonomy;
  for (const text of hints.texts) {
    const byWords = text ? wordsDepartment(text) : undefined;
    if (byWords) return byWords;
  }
  return 'other';
}
