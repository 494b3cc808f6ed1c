/**
 * The shop's catalog, as built from its shop pack (src/build/shop-pack.ts): in memory, so the
 * Shop never waits for IndexedDB. `offers`: the shop's own offers as written (undefined: the
 * demo's), filled from its settings by promotionsFor.
 */
import shop from 'virtual:shop';

export const { products, settings: shopSettings, synonyms, catalogVersion, offers } = shop;
/** The pack's own FAQ as written (undefined: none), merged into Help's by `shopKnowledge`. */
export const packFaq = shop.faq;
export const productById = new Map(products.map((p) => [p.id, p]));
/** The shop's logo (from its pack), else the app's own. */
export const logoUrl = shop.logo ?? 'logo.svg';
