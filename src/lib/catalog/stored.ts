/**
 * A catalog too large to ship inside the app's code (over INLINE_PRODUCTS products) is shipped as
 * a file beside it: gzip of one product's JSON per line, read by the catalog worker as it streams
 * in and stored in IndexedDB; the page then holds only the products it shows. A smaller catalog
 * comes in the code and is held in memory. Either way the build also hands the page a summary
 * (what the Shop's filters and For you's starters need), so no view waits for the whole catalog.
 */
import { CATEGORIES, type Category, type Product } from './types';

/** The largest catalog shipped inside the app's code (the demo shop's 252 are). */
export const INLINE_PRODUCTS = 2_000;
/** The Shop's first page: two screens of a kiosk grid. */
export const FIRST_PAGE = 48;

export interface CatalogSummary {
  count: number;
  /** The departments the shop has products in, in CATEGORIES order. */
  departments: Category[];
  minPriceCents: number;
  maxPriceCents: number;
  /** The first product of each department: For you's starters. */
  starters: string[];
  /** How many products each department has. */
  counts: Partial<Record<Category, number>>;
  /**
   * A stored catalog's: the first page of each department with no words or filters (the search
   * answers those in catalog order), so the Shop shows it while the search index loads.
   */
  firstPages?: Partial<Record<Category | 'all', string[]>>;
  /** The catalog's file under the base URL, when it is not inside the app's code. */
  file?: string;
}

/** The file's path under the base URL, for a catalog version. */
export const catalogFile = (catalogVersion: string): string => `shop/catalog-${catalogVersion}.bin`;

export function summarise(products: readonly Product[], file?: string): CatalogSummary {
  let minPriceCents = Infinity;
  let maxPriceCents = -Infinity;
  const counts: Partial<Record<Category, number>> = {};
  const pages: Partial<Record<Category | 'all', string[]>> = { all: [] };
  for (const p of products) {
    minPriceCents = Math.min(minPriceCents, p.priceCents);
    maxPriceCents = Math.max(maxPriceCents, p.priceCents);
    counts[p.category] = (counts[p.category] ?? 0) + 1;
    for (const page of [(pages[p.category] ??= []), pages.all!]) {
      if (page.length < FIRST_PAGE) page.push(p.id);
    }
  }
  const departments = CATEGORIES.filter((c) => counts[c]);
  return {
    count: products.length,
    departments,
    minPriceCents: products.length ? minPriceCents : 0,
    maxPriceCents: products.length ? maxPriceCents : 0,
    starters: departments.map((c) => pages[c]![0]!),
    counts,
    ...(file ? { file, firstPages: pages } : {}),
  };
}

/** The file's text: one product per line (gzip is the caller's). */
export const catalogLines = (products: readonly Product[]): string =>
  products.map((p) => JSON.stringify(p)).join('\n') + '\n';

/**
 * Splits text that arrives in pieces into whole lines: `push` returns the lines a piece
 * completes, `end` the last one (if the text did not end with a newline).
 */
export class LineSplitter {
  #rest = '';
  push(text: string): string[] {
    const lines = (this.#rest + text).split('\n');
    this.#rest = lines.pop()!;
    return lines.filter((l) => l.trim() !== '');
  }
  end(): string[] {
    const last = this.#rest;
    this.#rest = '';
    return last.trim() ? [last] : [];
  }
}
