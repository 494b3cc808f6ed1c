/**
 * The shop pack as the pack reader (pack.ts) sees it and hands it on: the files it reads, the
 * problems it reports, and the pack it returns. Kept apart from pack.ts so that the format
 * readers (shopify.ts, merchant.ts) and the build can share them without an import cycle.
 */
import type { KnowledgeEntry } from '../../assistant/shared/knowledge';
import type { Localized, Product } from '../../catalog/types';
import type { Promotion } from '../../promotions/shared/schema';
import type { ImportedItemFactors, ImportedShopRatings } from '../../recommender/shared/shop-data';
import type { ShopSettings } from './settings';

/** A pack's files: paths relative to the pack root, with '/' separators. */
export interface PackFiles {
  list(): string[];
  /** The file's text (UTF-8), or undefined when there is no such file. */
  text(path: string): string | undefined;
  /** The file's bytes (pictures, the logo), or undefined when there is no such file. */
  bytes?(path: string): Uint8Array | undefined;
}

/** One bad (or doubtful) thing in a pack, said so that a shop owner can find and fix it. */
export interface PackProblem {
  file: string;
  /** 1-based, as in the file: the header row is line 1. */
  line?: number;
  /** The column (CSV/TSV), attribute (XML) or setting (JSON) as the file names it. */
  column?: string;
  why: string;
}

/** A picture of a product (or of one variant), as the pack gives it; the build resolves it. */
export interface PackPicture {
  productId: string;
  variantSku?: string;
  /** A pack-relative path or an http(s) URL, exactly as written in the pack. */
  source: string;
  alt: Localized;
  /** 1-based order among the product's pictures; the lowest is the product's own picture. */
  position: number;
}

export interface ShopPack {
  settings: ShopSettings;
  /** Products with `image` left out: the build makes them from `pictures`. */
  products: Product[];
  pictures: PackPicture[];
  /** Groups of equivalent search words (synonyms.txt), lower case. */
  synonyms: string[][];
  /**
   * faq.csv or faq.json: the shop's own FAQ entries, checked, as written (the page fills their
   * placeholders); merged into the built-in FAQ and trained into the shipped model at build time.
   */
  faq?: KnowledgeEntry[];
  /** offers.json: the shop's own offers, checked, as written (filled on the device). */
  offers?: Promotion[];
  /** ratings.csv: the shop's own ratings of the products it sells, for the shipped model. */
  ratings?: ImportedShopRatings;
  /**
   * item-factors.jsonl: item factors trained elsewhere, the shipped model's ranking part (the
   * ratings, where there are any, still train its rating part).
   */
  itemFactors?: ImportedItemFactors;
}

/** Every problem of a bad pack, never a half-read one; warnings do not stop a good one. */
export type PackResult =
  { ok: true; pack: ShopPack; warnings: PackProblem[] } | { ok: false; problems: PackProblem[] };
