/**
 * The Shop's search, as a store: what the shopper typed and picked (words, department, brand,
 * colour, price), and the answer (the matching products, best first, their count, the facet
 * counts, a "did you mean"). Queries run in the search worker over the whole catalog, a page at
 * a time; the grid asks for more as it scrolls. A query that a newer one replaced is dropped.
 *
 * Create it while a component is being set up (it runs an effect, like `live()`).
 */
import type { CatalogQuery, CatalogResult } from '../search/index';
import { CATEGORIES, type Category, type Product } from '../types';

/** The first page: two screens of a kiosk grid. */
export const PAGE_SIZE = 48;
/** Typing waits this long for the next key before searching. */
const TYPING_MS = 120;

export type Search = (query: CatalogQuery) => Promise<CatalogResult>;

const EMPTY_FACETS: CatalogResult['facets'] = {
  category: {},
  brand: {},
  colour: {},
  priceBand: {},
};

export class ShopSearch {
  text = $state('');
  category = $state<Category | 'all'>('all');
  brand = $state('');
  colour = $state('');
  /** Bounds as the shopper typed them, in the minor unit; null when empty. */
  minPriceCents = $state<number | null>(null);
  maxPriceCents = $state<number | null>(null);

  /** The matching products' ids loaded so far, best first. */
  ids = $state.raw<string[]>([]);
  total = $state(0);
  facets = $state.raw<CatalogResult['facets']>(EMPTY_FACETS);
  suggestion = $state<string | undefined>(undefined);
  /** False until the first answer for the current query. */
  loaded = $state(false);
  /** The query the shown results answer, as JSON (they lag the box while the shopper types). */
  answered = $state('');
  /** A search that failed (the worker could not start): the Shop says so. */
  failed = $state(false);

  /** The departments the shop has products in. */
  readonly departments: Category[];
  /** The lowest and highest price, in whole units of the currency (the price fields' range). */
  readonly bounds: { min: number; max: number };

  readonly #search: Search;
  readonly #minorPerUnit: number;
  #generation = 0;
  #loadingMore = false;

  /** `minorPerUnit`: 100 for yuan and pounds, 1 for yen. */
  constructor(search: Search, products: readonly Product[], minorPerUnit: number) {
    this.#search = search;
    this.#minorPerUnit = minorPerUnit;
    this.departments = CATEGORIES.filter((c) => products.some((p) => p.category === c));
    const prices = products.map((p) => p.priceCents);
    this.bounds = {
      min: Math.min(...prices) / minorPerUnit,
      max: Math.max(...prices) / minorPerUnit,
    };
    $effect(() => {
      const query = this.query;
      const typed = this.text;
      const timer = setTimeout(() => void this.#run(query), typed ? TYPING_MS : 0);
      return () => clearTimeout(timer);
    });
  }

  /** The filters as one query (the first page). */
  get query(): CatalogQuery {
    return {
      text: this.text.trim() || undefined,
      category: this.category,
      brand: this.brand || undefined,
      colour: this.colour || undefined,
      minPriceCents: this.minPriceCents ?? undefined,
      maxPriceCents: this.maxPriceCents ?? undefined,
      offset: 0,
      limit: PAGE_SIZE,
    };
  }

  /** The price fields, in whole units of the currency as typed; null when empty. */
  get minPrice(): number | null {
    return this.#toUnits(this.minPriceCents);
  }
  set minPrice(value: number | null) {
    this.minPriceCents = this.#toMinor(value);
  }
  get maxPrice(): number | null {
    return this.#toUnits(this.maxPriceCents);
  }
  set maxPrice(value: number | null) {
    this.maxPriceCents = this.#toMinor(value);
  }
  #toUnits = (minor: number | null) => (minor === null ? null : minor / this.#minorPerUnit);
  #toMinor = (units: number | null) =>
    units === null ? null : Math.round(units * this.#minorPerUnit);

  /** Whether more matching products than loaded exist. */
  get hasMore(): boolean {
    return this.ids.length < this.total;
  }

  clearFilters(): void {
    this.text = '';
    this.brand = '';
    this.colour = '';
    this.minPriceCents = null;
    this.maxPriceCents = null;
  }

  /** Loads the next page (the grid calls it near its end); one at a time. */
  async loadMore(): Promise<void> {
    if (this.#loadingMore || !this.hasMore) return;
    this.#loadingMore = true;
    const generation = this.#generation;
    try {
      const result = await this.#search({ ...this.query, offset: this.ids.length });
      if (generation === this.#generation) this.ids = [...this.ids, ...result.ids];
    } catch {
      if (generation === this.#generation) this.failed = true;
    } finally {
      this.#loadingMore = false;
    }
  }

  async #run(query: CatalogQuery): Promise<void> {
    const generation = ++this.#generation;
    try {
      const result = await this.#search(query);
      if (generation !== this.#generation) return;
      this.ids = result.ids;
      this.total = result.total;
      this.facets = result.facets;
      this.suggestion = result.suggestion;
      this.answered = JSON.stringify({ ...query, offset: undefined, limit: undefined });
      this.failed = false;
    } catch {
      if (generation === this.#generation) this.failed = true;
    } finally {
      if (generation === this.#generation) this.loaded = true;
    }
  }
}
