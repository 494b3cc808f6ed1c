import 'fake-indexeddb/auto';
import './env/navigator';
import { gzipSync } from 'node:zlib';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, freshDb, until } from './helpers/runes';
import { Catalog, type CatalogImporter } from '../../src/lib/catalog/client/catalog.svelte';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { ShopSearch } from '../../src/lib/catalog/client/shop-search.svelte';
import {
  buildCatalogIndex,
  searchCatalog,
  type CatalogQuery,
} from '../../src/lib/catalog/search/index';
import {
  FIRST_PAGE,
  LineSplitter,
  catalogFile,
  catalogLines,
  summarise,
} from '../../src/lib/catalog/stored';
import type { Product } from '../../src/lib/catalog/types';
import { createCatalogImportApi } from '../../src/lib/catalog/worker/catalog-import';
import {
  logEvent,
  productsByIds,
  setRating,
  storedCatalogVersion,
  type AisleDB,
} from '../../src/lib/db';
import { readTaste } from '../../src/lib/promotions/client/offer.svelte';

// A catalog too large for the app's code is a gzip file of JSON lines (src/lib/catalog/stored.ts),
// stored in IndexedDB by the catalog worker (run here in-thread, the same code), and read by the
// page a few products at a time.

const demo = generateCatalog();
/** n products: the demo's, repeated under new ids. */
const many = (n: number): Product[] =>
  Array.from({ length: n }, (_, i) => ({
    ...demo[i % demo.length]!,
    id: `p-${String(i).padStart(6, '0')}`,
  }));
const asDataUrl = (bytes: Uint8Array) =>
  `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;
const fileOf = (products: readonly Product[]) => gzipSync(catalogLines(products));

describe('the catalog file', () => {
  it('splits text that arrives in pieces into whole lines, whatever the cuts', () => {
    const text = catalogLines(demo.slice(0, 5));
    for (const cut of [1, 7, 100, text.length]) {
      const lines = new LineSplitter();
      const got: string[] = [];
      for (let i = 0; i < text.length; i += cut) got.push(...lines.push(text.slice(i, i + cut)));
      got.push(...lines.end());
      expect(got.map((l) => (JSON.parse(l) as Product).id)).toEqual(
        demo.slice(0, 5).map((p) => p.id),
      );
    }
    const last = new LineSplitter();
    expect(last.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(last.end()).toEqual(['{"b"']);
  });

  it('summarises what views need without the catalog: departments, price range, starters', () => {
    const summary = summarise(demo, catalogFile('v1'));
    expect(summary.count).toBe(demo.length);
    expect(summary.file).toBe('shop/catalog-v1.bin');
    expect(summary.departments).toEqual(
      [...new Set(demo.map((p) => p.category))].sort(
        (a, b) => summary.departments.indexOf(a) - summary.departments.indexOf(b),
      ),
    );
    expect(summary.minPriceCents).toBe(Math.min(...demo.map((p) => p.priceCents)));
    expect(summary.maxPriceCents).toBe(Math.max(...demo.map((p) => p.priceCents)));
    expect(summary.starters).toEqual(
      summary.departments.map((c) => demo.find((p) => p.category === c)!.id),
    );
    expect(summarise([]).count).toBe(0);
    expect(summary.counts.hats).toBe(demo.filter((p) => p.category === 'hats').length);
  });

  it('lists the first page of each department as the search will answer it with no words', () => {
    const products = many(1_000);
    const { firstPages } = summarise(products, catalogFile('v1'));
    const index = buildCatalogIndex(products, []);
    for (const category of ['all', ...summarise(products).departments] as const) {
      const answer = searchCatalog(index, { category, offset: 0, limit: FIRST_PAGE });
      expect(firstPages?.[category]).toEqual(answer.ids);
    }
    expect(summarise(products).firstPages).toBeUndefined(); // in the app's code: not needed
  });
});

describe('the Shop before its search index has loaded', () => {
  it('shows the first page the build listed, then the search’s own answer', async () => {
    const products = many(500);
    const summary = summarise(products, catalogFile('v1'));
    const index = buildCatalogIndex(products, []);
    let answer!: () => void;
    const searchReady = new Promise<void>((resolve) => (answer = resolve));
    const search = async (query: CatalogQuery) => {
      await searchReady; // the index is still loading
      return searchCatalog(index, query);
    };
    const byId = new Map(products.map((p) => [p.id, p]));
    const load = async (ids: readonly string[]) => ids.map((id) => byId.get(id)!);
    let shop!: ShopSearch;
    cleanups.push($effect.root(() => void (shop = new ShopSearch(search, load, summary, 100))));
    flushSync();
    await until(() => shop.loaded);
    expect(shop.products.map((p) => p.id)).toEqual(summary.firstPages!.all);
    expect(shop.total).toBe(500);
    expect(shop.answered).toBe(''); // not the search's answer yet
    answer();
    await until(() => shop.answered !== '');
    expect(shop.products.map((p) => p.id)).toEqual(summary.firstPages!.all);
    // Words are never previewed.
    shop.text = 'hat';
    await until(() => shop.answered.includes('hat'));
    expect(shop.products.every((p) => /hat|cap|beanie|fedora|帽/i.test(JSON.stringify(p)))).toBe(
      true,
    );
  });
});

describe('storing a catalog file (the catalog worker)', () => {
  const api = createCatalogImportApi();

  it('stores every product in batches with progress, and marks the version last', async () => {
    const db = await freshDb('catalog-import');
    const products = many(4_500);
    const progress: number[] = [];
    const job = { url: asDataUrl(fileOf(products)), dbName: db.name, catalogVersion: 'v1' };
    const report = await api.importCatalog(job, (n) => progress.push(n));
    expect(report).toMatchObject({ products: 4_500, imported: true });
    expect(progress).toEqual([2_000, 4_000, 4_500]);
    expect(await db.products.count()).toBe(4_500);
    expect(await storedCatalogVersion(db)).toBe('v1');
    const [first, last, none] = await productsByIds(db, ['p-000000', 'p-004499', 'nope']);
    expect(first).toEqual(products[0]);
    expect(last).toEqual(products[4_499]);
    expect(none).toBeUndefined();
    // Stored already: nothing is read again.
    const again = await api.importCatalog({ ...job, url: 'data:,' }, () => undefined);
    expect(again).toMatchObject({ products: 4_500, imported: false });
  });

  it('a file cut short or with a bad line fails, and is never taken for a whole catalog', async () => {
    const db = await freshDb('catalog-import-bad');
    const good = fileOf(many(3_000));
    const job = { dbName: db.name, catalogVersion: 'v2' };
    const cut = good.slice(0, Math.floor(good.length / 2));
    await expect(
      api.importCatalog({ ...job, url: asDataUrl(cut) }, () => undefined),
    ).rejects.toThrow();
    expect(await storedCatalogVersion(db)).toBeUndefined();
    const bad = gzipSync(catalogLines(many(10)) + '{not json\n');
    await expect(
      api.importCatalog({ ...job, url: asDataUrl(bad) }, () => undefined),
    ).rejects.toThrow();
    expect(await storedCatalogVersion(db)).toBeUndefined();
    // The next start stores it whole, replacing what the failed one left.
    await api.importCatalog({ ...job, url: asDataUrl(good) }, () => undefined);
    expect(await db.products.count()).toBe(3_000);
    expect(await storedCatalogVersion(db)).toBe('v2');
  });

  it('a new version replaces the old catalog', async () => {
    const db = await freshDb('catalog-import-version');
    await api.importCatalog(
      { url: asDataUrl(fileOf(many(50))), dbName: db.name, catalogVersion: 'old' },
      () => undefined,
    );
    await api.importCatalog(
      { url: asDataUrl(fileOf(demo.slice(0, 3))), dbName: db.name, catalogVersion: 'new' },
      () => undefined,
    );
    expect((await db.products.toArray()).map((p) => p.id).sort()).toEqual(
      demo
        .slice(0, 3)
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('the Catalog store with a stored catalog', () => {
  const products = many(3_000);
  const bytes = fileOf(products);
  const importer =
    (calls: string[], fail = { times: 0 }): CatalogImporter =>
    async (job, onProgress) => {
      calls.push(job.dbName);
      if (fail.times-- > 0) throw new Error('disk full');
      return createCatalogImportApi().importCatalog(
        { url: asDataUrl(bytes), dbName: job.dbName, catalogVersion: job.catalogVersion },
        onProgress,
      );
    };

  function makeCatalog(db: () => AisleDB | null, imp: CatalogImporter): Catalog {
    let catalog!: Catalog;
    const stop = $effect.root(() => {
      catalog = new Catalog({
        summary: summarise(products, catalogFile('v3')),
        products: [],
        catalogVersion: 'v3',
        db,
        importer: imp,
      });
    });
    cleanups.push(stop);
    flushSync();
    return catalog;
  }

  it('stores itself when the database opens, then reads what views ask for', async () => {
    const db = await freshDb('catalog-store');
    const calls: string[] = [];
    const catalog = makeCatalog(() => db, importer(calls));
    expect(catalog.inline).toBe(false);
    expect(catalog.get('p-000007')).toBeUndefined(); // asked for; read once stored
    await until(() => catalog.state.phase === 'ready');
    expect(calls).toEqual([db.name]);
    await until(() => catalog.get('p-000007') !== undefined);
    expect(catalog.get('p-000007')).toEqual(products[7]);
    expect(catalog.absent('p-000007')).toBe(false);

    expect((await catalog.load(['p-002999', 'nope', 'p-000001'])).map((p) => p.id)).toEqual([
      'p-002999',
      'p-000001',
    ]);
    expect(catalog.absent('nope')).toBe(true);
    const hats = await catalog.inDepartment('hats', { tryOn: true, limit: 5 });
    expect(hats).toHaveLength(5);
    expect(hats.every((p) => p.category === 'hats' && p.tryOn)).toBe(true);
    expect(catalog.heldIn('hats', { limit: 5 })).toBeNull(); // only a whole catalog in memory answers at once
    expect((await catalog.ids()).length).toBe(3_000);
  });

  it('holds at most 2,000 products: the oldest go, and are read again when asked for', async () => {
    const db = await freshDb('catalog-held');
    const catalog = makeCatalog(() => db, importer([]));
    await catalog.whenStored();
    await catalog.load(products.slice(0, 2_500).map((p) => p.id));
    expect(catalog.get('p-002499')).toBeDefined();
    expect(catalog.get('p-000000')).toBeUndefined(); // let go
    await until(() => catalog.get('p-000000') !== undefined);
  });

  it('reads a profile’s rated and viewed products before an offer is picked', async () => {
    const db = await freshDb('catalog-taste');
    const catalog = makeCatalog(() => db, importer([]));
    await catalog.whenStored();
    await setRating(db, 'me', 'p-000010', 5);
    await logEvent(db, { profileId: 'me', productId: 'p-000020', type: 'view', at: 1 });
    await logEvent(db, { profileId: 'guest', productId: 'p-000030', type: 'view', at: 2 });
    await readTaste(db, 'me', catalog);
    // The pick asks their departments synchronously: the first `get` answers for this profile's
    // products (another profile's are not read; asking reads it, for later).
    const held = ['p-000010', 'p-000020', 'p-000030'].map((id) => !!catalog.get(id));
    expect(held).toEqual([true, true, false]);
  });

  it('a failed store says why, and trying again stores it', async () => {
    const db = await freshDb('catalog-retry');
    const calls: string[] = [];
    const catalog = makeCatalog(() => db, importer(calls, { times: 1 }));
    await until(() => catalog.state.phase === 'failed');
    expect(catalog.state).toEqual({ phase: 'failed', message: 'disk full' });
    await expect(catalog.load(['p-000001'])).rejects.toThrow('disk full');
    await catalog.store();
    expect(catalog.state.phase).toBe('ready');
    expect(calls).toHaveLength(2);
    expect((await catalog.load(['p-000001']))[0]).toEqual(products[1]);
  });
});
