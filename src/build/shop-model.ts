/**
 * Vite plugin: the shop's recommender, trained at build time on the shop's catalog and its own
 * anonymous ratings (ratings.csv of its shop pack, the "other shoppers") with the plain-JS engine
 * the training worker runs (seeded, so the same build gives the same bytes), and served from our
 * own origin as a precached file. A pack with item-factors.jsonl (a model trained elsewhere)
 * ships those as the ranking part instead of training it. The device uses the model at once on
 * first use and only trains once the shopper rates or buys.
 */
import type { Plugin } from 'vite';
import { ownOriginAssets } from './own-origin-assets.ts';
import { readShop, shopDir } from './shop-pack.ts';
import { SHOP_MODEL_FILE, buildShopModelFile } from '../lib/recommender/worker/shop-model.ts';

let file: Uint8Array | undefined;
/** The shipped model's bytes, trained once per build. */
export function shopModelFile(): Uint8Array {
  if (file) return file;
  const { pack, catalogVersion } = readShop(shopDir());
  return (file = buildShopModelFile(pack.products, catalogVersion, pack.ratings, pack.itemFactors));
}

/** Emits the trained model into the build and serves it in `vite dev`. */
export function shopModel(): Plugin {
  return ownOriginAssets('private-aisle:shop-model', [SHOP_MODEL_FILE], shopModelFile);
}
