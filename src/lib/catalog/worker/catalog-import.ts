/**
 * What the catalog worker does (catalog.worker.ts exposes it with comlink): stores a catalog
 * shipped as a file (src/lib/catalog/stored.ts) in IndexedDB as it streams in, parsing and
 * writing a batch at a time, so neither the whole file nor the whole catalog is ever held.
 */
import type { AisleDB } from '../../db/schema';
import {
  clearCatalog,
  countProducts,
  inDatabase,
  markCatalogStored,
  storeProducts,
  storedCatalogVersion,
} from '../../db/catalog';
import { loadedShop } from '../../db/shop';
import { LineSplitter } from '../stored';
import type { Product } from '../types';

/** Products written in one transaction. */
const BATCH = 2_000;

export interface CatalogImport {
  url: string;
  /** The shop was loaded on this device: the file is read from db/shop.ts, not fetched. */
  loadedHere?: boolean;
  /** The database to store it in (the session's). */
  dbName: string;
  catalogVersion: string;
}

export interface CatalogImportReport {
  products: number;
  ms: number;
  /** False when it was stored already (nothing was read). */
  imported: boolean;
}

export function createCatalogImportApi() {
  return {
    /** Stores the catalog unless it is stored already; `onProgress(stored)` after each batch. */
    importCatalog(
      job: CatalogImport,
      onProgress: (stored: number) => void,
    ): Promise<CatalogImportReport> {
      // The page opened (and seeded) this database already; the worker only writes the catalog.
      return inDatabase(job.dbName, (db) => storeFile(db, job, onProgress));
    },
  };
}

async function storeFile(
  db: AisleDB,
  job: CatalogImport,
  onProgress: (stored: number) => void,
): Promise<CatalogImportReport> {
  const started = performance.now();
  if ((await storedCatalogVersion(db)) === job.catalogVersion) {
    return { products: await countProducts(db), ms: 0, imported: false };
  }
  const file = await catalogStream(job);
  await clearCatalog(db);
  const text = file
    .pipeThrough(new DecompressionStream('gzip'))
    .pipeThrough(new TextDecoderStream());
  const lines = new LineSplitter();
  let batch: Product[] = [];
  let stored = 0;
  let writing: Promise<void> = Promise.resolve();
  // Parsing the next batch overlaps writing the last one; one write is in flight at a time.
  const flush = async () => {
    const rows = batch;
    batch = [];
    await writing;
    writing = storeProducts(db, rows).then(() => {
      stored += rows.length;
      onProgress(stored);
    });
    writing.catch(() => undefined); // it is awaited (and thrown) by the next flush
  };
  for await (const piece of text) {
    for (const line of lines.push(piece)) {
      batch.push(JSON.parse(line) as Product);
      if (batch.length >= BATCH) await flush();
    }
  }
  for (const line of lines.end()) batch.push(JSON.parse(line) as Product);
  if (batch.length) await flush();
  await writing;
  await markCatalogStored(db, job.catalogVersion);
  return { products: stored, ms: Math.round(performance.now() - started), imported: true };
}

/** The catalog file's bytes as they stream in. */
async function catalogStream(job: CatalogImport): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  if (job.loadedHere) {
    const loaded = await loadedShop();
    if (!loaded) throw new Error('The shop loaded on this device is gone');
    return loaded.catalog.stream();
  }
  const response = await fetch(job.url);
  if (!response.ok || !response.body) {
    throw new Error(`The catalog could not be downloaded (HTTP ${response.status})`);
  }
  return response.body;
}

export type CatalogImportApi = ReturnType<typeof createCatalogImportApi>;
