/**
 * The shop's catalog, as the page uses it. A catalog shipped in the app's code is all here from
 * the start. A larger one (src/lib/catalog/stored.ts) is stored in IndexedDB by the catalog
 * worker (with progress) and the page holds only the products it has shown lately: `get(id)`
 * answers at once when the product is held, else reads it and the views showing it update.
 *
 * Views read `get` (reactive) and `state`; nothing here waits for the whole catalog.
 */
import { proxy } from 'comlink';
import { untrack } from 'svelte';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import {
  productIds,
  productsByIds,
  productsIn,
  storedCatalogVersion,
  type AisleDB,
} from '../../db';
import { measure } from '../../shell/timing';
import { WorkerBridge } from '../../workers/bridge';
import type { CatalogSummary } from '../stored';
import type { Category, Product } from '../types';
import type { CatalogImportApi, CatalogImportReport } from '../worker/catalog.worker';

export type CatalogState =
  | { phase: 'ready' }
  /** Not known yet whether this device has it stored (a moment at each start). */
  | { phase: 'opening' }
  | { phase: 'storing'; stored: number; total: number }
  | { phase: 'failed'; message: string };

/**
 * Stores the catalog file (`file`: its path under the base URL) in the named database;
 * `onProgress(stored)` as batches land.
 */
export type CatalogImporter = (
  job: { file: string; dbName: string; catalogVersion: string; loadedHere: boolean },
  onProgress: (stored: number) => void,
) => Promise<CatalogImportReport>;

export interface CatalogOptions {
  summary: CatalogSummary;
  /** The products shipped in the app's code (none when the catalog is a file). */
  products: readonly Product[];
  catalogVersion: string;
  /** The session's open database (reactive), or null. */
  db: () => AisleDB | null;
  /** The shop was loaded on this device: its file is in db/shop.ts, not under the base URL. */
  loadedHere?: boolean;
  importer?: CatalogImporter;
}

/** Products held at most (a stored catalog's): about twenty screens of a kiosk grid. */
const HELD = 2_000;

const importBridge = new WorkerBridge<CatalogImportApi>(
  () => new Worker(new URL('../worker/catalog.worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: 5_000 },
);
const workerImporter: CatalogImporter = ({ file, ...job }, onProgress) => {
  const url = new URL(import.meta.env.BASE_URL + file, location.href).href;
  return importBridge.call((api) => api.importCatalog({ url, ...job }, proxy(onProgress)));
};

export class Catalog {
  readonly summary: CatalogSummary;
  /** Whether the whole catalog came in the app's code (else it is stored: see the header). */
  readonly inline: boolean;
  #state = $state<CatalogState>({ phase: 'ready' });
  readonly #held = new SvelteMap<string, Product>();
  /** Ids asked for and not held yet; read together on the next microtask. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a queue, not state: nothing renders it
  readonly #wanted = new Set<string>();
  /** Ids the stored catalog does not have (asked once, not again). */
  readonly #absent = new SvelteSet<string>();
  #reading = false;
  readonly #db: () => AisleDB | null;
  readonly #importer: CatalogImporter;
  readonly #catalogVersion: string;
  readonly #loadedHere: boolean;
  /** The database the catalog was last stored in (a new one after Erase needs it again). */
  #storedIn: AisleDB | null = null;
  /** Reads waiting for the catalog to be stored (woken on every change of `state`). */
  #waiting: (() => void)[] = [];

  constructor(options: CatalogOptions) {
    this.summary = options.summary;
    this.inline = !options.summary.file;
    this.#db = options.db;
    this.#importer = options.importer ?? workerImporter;
    this.#catalogVersion = options.catalogVersion;
    this.#loadedHere = options.loadedHere ?? false;
    for (const p of options.products) this.#held.set(p.id, p);
    if (this.inline) return;
    this.#state = { phase: 'opening' };
    // Stored whenever the session opens a database (the first visit, after Erase all my data).
    $effect.root(() => {
      $effect(() => {
        if (this.#db()) untrack(() => void this.store());
      });
    });
  }

  get state(): CatalogState {
    return this.#state;
  }
  set #phase(state: CatalogState) {
    this.#state = state;
    for (const wake of this.#waiting.splice(0)) wake();
  }

  /** The product, when held; else undefined for now, and the views reading it update once read. */
  get(id: string): Product | undefined {
    const product = this.#held.get(id);
    if (!product && !this.inline && !this.#absent.has(id)) this.#want(id);
    return product;
  }

  /** Whether the catalog has no such product (false while that is not known yet). */
  absent(id: string): boolean {
    return this.inline ? !this.#held.has(id) : this.#absent.has(id);
  }

  /** The products with these ids that exist, in order (read if not held). */
  async load(ids: readonly string[]): Promise<Product[]> {
    const missing = ids.filter((id) => !this.#held.has(id) && !this.#absent.has(id));
    if (missing.length && !this.inline) await this.#read(missing);
    return ids.flatMap((id) => this.#held.get(id) ?? []);
  }

  /** Every product's id. */
  async ids(): Promise<string[]> {
    return this.inline ? [...this.#held.keys()] : productIds(await this.#ready());
  }

  /**
   * Up to `limit` products of a department (only those that can be tried on, if asked), at once
   * when the whole catalog is held; null when it is stored (then ask `inDepartment`).
   */
  heldIn(category: Category, options: { tryOn?: boolean; limit: number }): Product[] | null {
    if (!this.inline) return null;
    return [...this.#held.values()]
      .filter((p) => p.category === category && (!options.tryOn || p.tryOn))
      .slice(0, options.limit);
  }

  /** Up to `limit` products of a department (only those that can be tried on, if asked). */
  async inDepartment(
    category: Category,
    options: { tryOn?: boolean; limit: number },
  ): Promise<Product[]> {
    const held = this.heldIn(category, options);
    if (held) return held;
    const db = await this.#ready();
    const products = await productsIn(db, category, options);
    this.#hold(products);
    return products;
  }

  /**
   * Stores the catalog file in the session's database when it is not there (the first visit, or
   * after Erase all my data); safe to call often. Runs by itself when the database opens; call it
   * again to retry after a failure.
   */
  async store(): Promise<void> {
    const db = this.#db();
    if (this.inline || !db || db === this.#storedIn) return;
    this.#storedIn = db;
    const total = this.summary.count;
    this.#phase = { phase: 'opening' };
    try {
      // Stored already (every start after the first): no worker needed to know.
      if ((await storedCatalogVersion(db)) === this.#catalogVersion) {
        if (this.#storedIn === db) this.#phase = { phase: 'ready' };
        void this.#flush();
        return;
      }
      if (this.#storedIn !== db) return;
      this.#phase = { phase: 'storing', stored: 0, total };
      const started = performance.now();
      const report = await this.#importer(
        {
          file: this.summary.file!,
          dbName: db.name,
          catalogVersion: this.#catalogVersion,
          loadedHere: this.#loadedHere,
        },
        (stored) => {
          if (this.#storedIn === db) this.#state = { phase: 'storing', stored, total };
        },
      );
      if (report.imported) measure('catalog-store', started);
      if (this.#storedIn !== db) return;
      this.#phase = { phase: 'ready' };
      void this.#flush();
    } catch (e) {
      if (this.#storedIn !== db) return;
      this.#storedIn = null; // the next call tries again
      this.#phase = { phase: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  #want(id: string): void {
    this.#wanted.add(id);
    if (this.#wanted.size === 1) queueMicrotask(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    if (this.#reading || !this.#wanted.size || this.#state.phase !== 'ready') return;
    const ids = [...this.#wanted];
    this.#wanted.clear();
    this.#reading = true;
    try {
      await this.#read(ids);
    } catch {
      // Not readable now (the database was replaced): asked again when next shown.
    } finally {
      this.#reading = false;
    }
    if (this.#wanted.size) void this.#flush();
  }

  async #read(ids: readonly string[]): Promise<void> {
    const db = await this.#ready();
    const found = await productsByIds(db, ids);
    this.#hold(found.flatMap((p) => p ?? []));
    ids.forEach((id, i) => {
      if (!found[i]) this.#absent.add(id);
    });
  }

  #hold(products: readonly Product[]): void {
    for (const p of products) if (!this.#held.has(p.id)) this.#held.set(p.id, p);
    // The oldest go first; a view still showing one reads it again.
    if (this.#held.size <= HELD) return;
    for (const id of [...this.#held.keys()].slice(0, this.#held.size - HELD)) this.#held.delete(id);
  }

  /** The session's database once the catalog is stored in it (throws if storing failed). */
  whenStored(): Promise<AisleDB> {
    return this.#ready();
  }

  async #ready(): Promise<AisleDB> {
    for (;;) {
      const db = this.#db();
      if (db && this.#state.phase === 'ready' && db === this.#storedIn) return db;
      if (this.#state.phase === 'failed') throw new Error(this.#state.message);
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }
}
