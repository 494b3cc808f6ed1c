/**
 * The shop this device runs (db/current-shop.ts: the one staff loaded here, else the one the app
 * was built for, from its shop pack): its settings, its catalog (`catalog`: in the app's code, or
 * stored on the device), search synonyms, and `offers`: the shop's own offers as written
 * (undefined: the demo's), filled from its settings by promotionsFor.
 */
import { shop, shopLoadedHere } from '../db/current-shop';
import { Catalog } from '../catalog/client/catalog.svelte';
import { session } from './session.svelte';

export const { settings: shopSettings, synonyms, catalogVersion, offers } = shop;
export { shopLoadedHere };
/** The pack's own FAQ as written (undefined: none), merged into Help's by `shopKnowledge`. */
export const packFaq = shop.faq;
/** The shop's logo (from its pack), else the app's own. */
export const logoUrl = shop.logo ?? 'logo.svg';

/** The products shipped in the app's code: all of them, or none for a stored catalog. */
export const inlineProducts = shop.products;

export const catalog = new Catalog({
  summary: shop.catalog,
  products: shop.products,
  catalogVersion,
  db: () => session.db,
  loadedHere: shopLoadedHere,
});
