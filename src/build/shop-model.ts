/**
 * Vite plugin: the shop's recommender, trained at build time on the generated catalog with the
 * plain-JS engine the training worker runs (seeded, so the same build gives the same bytes), and
 * served from our own origin as a precached file. The device uses it at once on first use and
 * only trains once the shopper rates or buys.
 */
import type { Plugin } from 'vite';
import { ownOriginAssets } from './own-origin-assets.ts';
import { CATALOG_VERSION, generateCatalog } from '../lib/catalog/generate.ts';
import { SHOP_MODEL_FILE, buildShopModelFile } from '../lib/recommender/worker/shop-model.ts';

let file: Uint8Array | undefined;
/** The shipped model's bytes, trained once per build. */
export function shopModelFile(): Uint8Array {
  return (file ??= buildShopModelFile(generateCatalog(), CATALOG_VERSION));
}

/** Emits the trained model into the build and serves it in `vite dev`. */
export function shopModel(): Plugin {
  return ownOriginAssets('private-aisle:shop-model', [SHOP_MODEL_FILE], shopModelFile);
}
