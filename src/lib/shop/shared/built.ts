/**
 * The shop the app was built for, as the build hands it over (`virtual:shop`, made by
 * src/build/shop-pack.ts from the shop pack): settings, products with their pictures resolved,
 * and the search synonyms.
 */
import type { Product } from '../../catalog/types';
import type { ShopSettings } from './settings';

export interface BuiltShop {
  /** Changes whenever the products do: the stored catalog and shipped models are keyed by it. */
  catalogVersion: string;
  settings: ShopSettings;
  products: Product[];
  synonyms: string[][];
}
