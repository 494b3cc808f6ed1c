/**
 * The demo catalog, generated from small tables with a seeded PRNG so that every device and
 * every test sees exactly the same products. Each category draws from its own seed, so changing
 * one category does not reshuffle the others.
 */
import type { Localized, Product } from './types';
import { BRANDS } from './generator/brands';
import { makeCategory } from './generator/draw';
import { earring } from './generator/earrings';
import { eyewear } from './generator/eyewear';
import { GOODS } from './generator/goods-data';
import { goods } from './generator/goods';
import { hat } from './generator/hats';
import { lipstick } from './generator/lipsticks';

export const catalogById = (products: readonly Product[]): Map<string, Product> =>
  new Map(products.map((p) => [p.id, p]));

const SIZE: Localized = { en: 'Size', 'zh-CN': '尺码' };
const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SHOE_SIZES = ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45'];

/** Apparel and shoes come in sizes: one variant per size, at the product's price. */
function withSizes(p: Product): Product {
  const sizes =
    p.category === 'apparel' ? APPAREL_SIZES : p.category === 'shoes' ? SHOE_SIZES : null;
  if (!sizes) return p;
  return {
    ...p,
    options: [{ name: SIZE, values: sizes }],
    variants: sizes.map((size) => ({
      sku: `${p.id}-${size.toLowerCase()}`,
      values: [size],
      priceCents: p.priceCents,
    })),
  };
}

/** The whole demo catalog: same products, in the same order, on every call. */
export function generateCatalog(): Product[] {
  return drafts().map(withSizes);
}

function drafts(): Product[] {
  return [
    ...makeCategory('glasses', 30, (r) => eyewear(r, false)),
    ...makeCategory('sunglasses', 30, (r) => eyewear(r, true)),
    ...makeCategory('hats', 30, hat),
    ...makeCategory('earrings', 30, earring),
    ...makeCategory('lipsticks', 30, lipstick),
    ...makeCategory('apparel', 22, goods(GOODS.apparel, BRANDS.fashion)),
    ...makeCategory('shoes', 20, goods(GOODS.shoes, BRANDS.fashion)),
    ...makeCategory('bags', 20, goods(GOODS.bags, BRANDS.fashion)),
    ...makeCategory('electronics', 20, goods(GOODS.electronics, BRANDS.electronics)),
    ...makeCategory('home', 20, goods(GOODS.home, BRANDS.home)),
  ];
}
