/**
 * What the catalog search worker does (search.worker.ts exposes it with comlink): keeps one
 * catalog's index and answers searches against it. A module of its own so that tests can drive
 * it through a WorkerBridge without a real worker.
 */
import { gunzip } from '../../binary/worker/gzip';
import { allProducts, inDatabase } from '../../db/catalog';
import { decodeCatalogIndex } from '../search/file';
import {
  buildCatalogIndex,
  importCatalogIndex,
  searchCatalog,
  type CatalogIndex,
  type CatalogQuery,
  type CatalogResult,
} from '../search/index';
import type { Product } from '../types';

export interface CatalogLoadReport {
  products: number;
  buildMs: number;
}

export function createCatalogSearchApi() {
  let index: CatalogIndex | undefined;
  /** Indexes a catalog (replacing any before it) with its synonym groups (the shop pack's synonyms.txt). */
  function load(products: readonly Product[], synonyms: readonly string[][]): CatalogLoadReport {
    const started = performance.now();
    index = buildCatalogIndex(products, synonyms);
    return { products: products.length, buildMs: Math.round(performance.now() - started) };
  }
  return {
    load,
    /** Indexes a catalog stored on the device (src/lib/catalog/stored.ts) in the named database. */
    async loadStored(dbName: string, synonyms: readonly string[][]): Promise<CatalogLoadReport> {
      return load(await inDatabase(dbName, allProducts), synonyms);
    },
    /**
     * Loads the index the build made (search/file.ts, gzip) from our origin; null when it cannot
     * be had or read (then `load` indexes the catalog here).
     */
    async loadFile(url: string): Promise<CatalogLoadReport | null> {
      const started = performance.now();
      try {
        const response = await fetch(url);
        if (!response.ok) return null;
        index = importCatalogIndex(decodeCatalogIndex(await gunzip(await response.blob())));
      } catch (e) {
        console.warn('The shipped search index could not be read; indexing here instead:', e);
        return null;
      }
      return { products: index.size, buildMs: Math.round(performance.now() - started) };
    },
    /** Searches the catalog last loaded; throws when none is. */
    search(query: CatalogQuery): CatalogResult {
      if (!index) throw new Error('Catalog search: load a catalog before searching it');
      return searchCatalog(index, query);
    },
  };
}

export type CatalogSearchApi = ReturnType<typeof createCatalogSearchApi>;
