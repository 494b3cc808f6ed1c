/**
 * The shop's catalog, as built from its shop pack (src/build/shop-pack.ts): in memory, so the
 * Shop never waits for IndexedDB.
 */
import shop from 'virtual:shop';

export const { products, settings: shopSettings, synonyms, catalogVersion } = shop;
export const productById = new Map(products.map((p) => [p.id, p]));
