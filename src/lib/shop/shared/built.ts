/**
 * The shop the app was built for, as the build hands it over (`virtual:shop`, made by
 * src/build/shop-pack.ts from the shop pack): settings, products with their pictures resolved,
 * the search synonyms, the shop's own offers (offers.json, as written; absent: the demo's) and its
 * own FAQ (faq.csv/faq.json, as written: merged into the built-in one by `shopKnowledge`).
 */
import type { KnowledgeEntry } from '../../assistant/shared/knowledge';
import type { CatalogSummary } from '../../catalog/stored';
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
  /** All of them when the catalog comes in the app's code; none when it is a file (`catalog.file`). */
  products: Product[];
  catalog: CatalogSummary;
  synonyms: string[][];
  /** The shop's offers before its settings fill their texts; absent: the demo's offers. */
  offers?: Promotion[];
  /**
   * The shop's own FAQ entries before its settings fill their answers; absent: the built-in FAQ
   * only. The shipped assistant model was trained on them (src/build/assistant-model.ts).
   */
  faq?: KnowledgeEntry[];
  /** The shop's logo from its pack, served from our origin (a path under the base URL). */
  logo?: string;
}
