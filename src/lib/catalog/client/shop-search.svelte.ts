/**
 * The Shop's search, as a store: what the shopper typed and picked (words, department, brand,
 * colour, price), and the answer (the matching products, best first, their count, the facet
 * counts, a "did you mean"). Queries run in the search worker over the whole catalog, a page at
 * a time, and a page is shown once its products are read (all at once: the grid never shifts);
 * the grid asks for more as it scrolls. A query that a newer one replaced is dropped.
 *
 * Create it while a component is being set up (it runs an effect, like `live()`).
 */
import { measure } from '../../shell/timing';
import type { CatalogQuery, CatalogResult } from '../search/index';
import { FIRST_PAGE, type CatalogSummary } from '../stored';
import type { Category, Product } from '../types';

/** Typing waits this long for the next key before searching. */
const TYPING_MS = 120;

export type Search = (query: CatalogQuery) => Promise<CatalogResult>;
/** The products with these ids, in order (the catalog's `load`). */
export type LoadProducts = (ids: readonly string[]) => Promise<Product[]>;

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

  /** The matching products loaded so far, best first. */
  products = $state.raw<Product[]>([]);
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
  readonly #load: LoadProducts;
  readonly #summary: CatalogSummary;
  /** Whether the search has answered yet (the first answer waits for its index to load). */
  #answered = false;
  readonly #minorPerUnit: number;
  #generation = 0;
  #loadingMore = false;

  /** `summary`: the catalog's, from the build; `minorPerUnit`: 100 for yuan and pounds, 1 for yen. */
  constructor(search: Search, load: LoadProducts, summary: CatalogSummary, minorPerUnit: number) {
    this.#search = search;
    this.#load = load;
    this.#summary = summary;
    this.#minorPerUnit = minorPerUnit;
    this.departments = summary.departments;
    this.bounds = {
      min: summary.minPriceCents / minorPerUnit,
      max: summary.maxPriceCents / minorPerUnit,
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
      limit: FIRST_PAGE,
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
    return this.products.length < this.total;
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
      const result = await this.#search({ ...this.query, offset: this.products.length });
      const more = await this.#load(result.ids);
      if (generation === this.#generation) this.products = [...this.products, ...more];
    } catch {
      if (generation === this.#generation) this.failed = true;
    } finally {
      this.#loadingMore = false;
    }
  }

  /**
   * Before the search's first answer: a query with no words or filters shows the first page the
   * build listed for it (a stored catalog's summary), the same products the search will give.
   */
  async #preview(query: CatalogQuery, generation: number): Promise<void> {
    const filtered = query.text || query.brand || query.colour;
    const priced = query.minPriceCents !== undefined || query.maxPriceCents !== undefined;
    const category = query.category ?? 'all';
    const ids = filtered || priced ? undefined : this.#summary.firstPages?.[category];
    if (!ids) return;
    const total = category === 'all' ? this.#summary.count : (this.#summary.counts[category] ?? 0);
    try {
      const products = await this.#load(ids);
      if (generation !== this.#generation || this.#answered) return;
      this.products = products;
      this.total = total;
      this.loaded = true;
    } catch {
      // the search's own answer follows
    }
  }

  async #run(query: CatalogQuery): Promise<void> {
    const generation = ++this.#generation;
    const started = performance.now();
    if (!this.#answered) void this.#preview(query, generation);
    try {
      const result = await this.#search(query);
      const products = await this.#load(result.ids);
      if (generation !== this.#generation) return;
      // A search with words, or one with filters only (every facet counted over more products).
      measure(query.text ? 'search' : 'filter', started);
      this.products = products;
      this.total = result.total;
      this.facets = result.facets;
      this.suggestion = result.suggestion;
      this.answered = JSON.stringify({ ...query, offset: undefined, limit: undefined });
      this.failed = false;
      this.#answered = true;
    } catch {
      if (generation === this.#generation) this.failed = true;
    } finally {
      if (generation === this.#generation) this.loaded = true;
    }
  }
}
