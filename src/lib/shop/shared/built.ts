/**
 * The shop the app was built for, as the build hands it over (`virtual:shop`, made by
 * src/build/shop-pack.ts from the shop pack): settings, products with their pictures resolved,
 * the search synonyms and the shop's own offers (offers.json, as written; absent: the demo's).
 */
import type { Product } from '../../catalog/types';
import type { Promotion } from '../../promotions/shared/schema';
import type { ShopSettings } from './settings';

export interface BuiltShop {
  /**
   * Changes whenever the products (or the shop's ratings) do: the stored catalog and shipped
   * models are keyed by it.
   */
  catalogVersion: string;
  settings: ShopSettings;
  products: Product[];
  synonyms: string[][];
  /** The shop's offers before its settings fill their texts; absent: the demo's offers. */
  offers?: Promotion[];
  /** The shop's logo from its pack, served from our origin (a path under the base URL). */
  logo?: string;
}
