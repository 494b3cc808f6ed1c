import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readShop } from '../../src/build/shop-pack';
import { catalogFile } from '../../src/lib/catalog/stored';
import type { Product } from '../../src/lib/catalog/types';
import { createCatalogImportApi } from '../../src/lib/catalog/worker/catalog-import';
import { openDatabase, storedCatalogVersion } from '../../src/lib/db';
import {
  loadedShop,
  loadedShopModel,
  removeLoadedShop,
  saveLoadedShop,
  type LoadedShop,
} from '../../src/lib/db/shop';
import { decodeShopModel } from '../../src/lib/recommender/worker/shop-model';
import {
  createPackLoadApi,
  type PackLoadDeps,
  type PackLoadProgress,
} from '../../src/lib/shop/worker/pack-load';
import { PACKS, zipOf } from './helpers/pack-files';

// A shop pack loaded by staff on a device (My data → Shop settings): the worker's steps, with the
// browser's picture codec replaced by a stand-in (Node has no OffscreenCanvas; the e2e test runs
// the real one) and the loaded shop stored in fake IndexedDB.

const BASE = 'https://aisle.example/app/';
const PNG = [0x89, 0x50, 0x4e, 0x47];

/** The browser's part: PNGs "decode" as 800 px wide; files go to a Map. */
function browser(save: PackLoadDeps['save'] = saveLoadedShop) {
  const files = new Map<string, Blob>();
  const discarded: string[] = [];
  const deps: PackLoadDeps = {
    decode: async (bytes) => {
      if (!PNG.every((b, i) => bytes[i] === b)) throw new Error('not an image');
      return {
        width: 800,
        encode: async (width) => new Blob([`webp ${width}`], { type: 'image/webp' }),
        close: () => undefined,
      };
    },
    putFile: async (url, file) => void files.set(url, file),
    save,
    discard: async (urls) => void discarded.push(...urls),
  };
  return { deps, files, discarded };
}

const zipFile = (folder: string, name = `${folder}.zip`) =>
  new File([zipOf(folder, 'pack/') as Uint8Array<ArrayBuffer>], name);

afterEach(() => removeLoadedShop());

describe('loading a shop pack on the device', () => {
  it('makes the shop the build would: same version, pictures in our cache, catalog and model stored', async () => {
    const { deps, files } = browser();
    const progress: PackLoadProgress[] = [];
    const report = await createPackLoadApi(deps).load(
      zipFile('shopify'),
      'northway.zip',
      BASE,
      (p) => progress.push(p),
    );
    if (!report.ok) throw new Error(JSON.stringify(report.problems));
    expect(report).toMatchObject({ name: 'Northway Outfitters', products: 7 });
    expect(report.pictures).toBeGreaterThan(0);
    // A picture given as a web address is not fetched on the device: drawn instead, and said.
    expect(report.warnings.map((w) => w.why).join('\n')).toMatch(/desk-lamp.*web address/);
    expect(progress.map((p) => p.step)).toEqual(
      expect.arrayContaining(['reading', 'pictures', 'training', 'saving']),
    );

    const loaded = (await loadedShop())!;
    const built = readShop(`${PACKS}/shopify`);
    // The same pack gives the same catalog version on the device as at build time.
    expect(loaded.shop.catalogVersion).toBe(built.catalogVersion);
    expect(loaded.shop.catalog.file).toBe(catalogFile(built.catalogVersion));
    expect(loaded.shop.products).toEqual([]);
    expect(loaded.shop.settings.currency).toBe('GBP');
    expect(loaded.source).toBe('northway.zip');

    // Pictures: every width of each, under shop/img/ of the app's base, and listed to clean up.
    const pictured = JSON.parse(
      gunzipSync(new Uint8Array(await loaded.catalog.arrayBuffer()))
        .toString()
        .split('\n')[0]!,
    ) as Product;
    expect(pictured.image?.src).toMatch(/^shop\/img\/[0-9a-f]{16}$/);
    for (const width of pictured.image!.widths) {
      expect(files.get(`${BASE}${pictured.image!.src}-${width}.webp`)?.type).toBe('image/webp');
    }
    expect(loaded.shop.logo).toMatch(/^shop\/img\/logo-[0-9a-f]{12}\.png$/);
    expect([...files.keys()].sort()).toEqual([...loaded.files].sort());

    // The recommender came with it, trained for this catalog.
    const model = decodeShopModel((await loadedShopModel())!);
    expect(model.meta.shipped?.catalogVersion).toBe(built.catalogVersion);
    expect(model.meta.itemIds).toHaveLength(7);

    // The catalog worker stores it from there (not fetched), as it does a built shop's file.
    const db = await openDatabase(`loaded-${crypto.randomUUID()}`);
    const stored = await createCatalogImportApi().importCatalog(
      {
        url: `${BASE}nowhere`,
        loadedHere: true,
        dbName: db.name,
        catalogVersion: built.catalogVersion,
      },
      () => undefined,
    );
    expect(stored).toMatchObject({ products: 7, imported: true });
    expect(await storedCatalogVersion(db)).toBe(built.catalogVersion);
    expect((await db.products.get('red-cap'))?.name.en).toBe('Red Baseball Cap');
    db.close();
  });

  it('a bad pack is every problem found, and the shop that was there stays', async () => {
    const { deps } = browser();
    const api = createPackLoadApi(deps);
    const first = await api.load(zipFile('shopify'), 'northway.zip', BASE, () => undefined);
    expect(first.ok).toBe(true);
    const before = await loadedShop();

    const bad = await api.load(zipFile('bad'), 'bad.zip', BASE, () => undefined);
    if (bad.ok) throw new Error('a bad pack was loaded');
    expect(bad.problems.length).toBeGreaterThan(1);
    expect(bad.problems.every((p) => p.file === 'products.csv' && p.line)).toBe(true);

    const notZip = await api.load(new File(['Handle,Title\n'], 'x.zip'), 'x.zip', BASE, () => 0);
    expect(notZip).toMatchObject({ ok: false, problems: [{ why: /not a zip file/ }] });
    const csv = await api.load(
      new File(['Handle\n'], 'products.csv'),
      'products.csv',
      BASE,
      () => 0,
    );
    expect(csv).toMatchObject({ ok: false, problems: [{ why: /not a \.zip file/ }] });

    expect(await loadedShop()).toEqual(before);
  });

  it('a shop that cannot be stored (a full disk) changes nothing and leaves no pictures behind', async () => {
    const full = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    const { deps, files, discarded } = browser(async () => {
      throw full;
    });
    await expect(
      createPackLoadApi(deps).load(zipFile('shopify'), 'northway.zip', BASE, () => undefined),
    ).rejects.toBe(full);
    expect(await loadedShop()).toBeUndefined();
    expect(discarded.sort()).toEqual([...files.keys()].sort());
  });

  it('a new shop replaces the old one; the built-in one comes back when it is removed', async () => {
    const record = (id: string, files: string[]): LoadedShop => ({
      id: 'current',
      shop: { catalogVersion: id } as LoadedShop['shop'],
      catalog: new Blob([]),
      model: new Blob([]),
      files,
      source: `${id}.zip`,
      loadedAt: 1,
    });
    await saveLoadedShop(record('a', ['x']));
    await saveLoadedShop(record('b', ['y']));
    expect((await loadedShop())?.source).toBe('b.zip');
    await removeLoadedShop();
    expect(await loadedShop()).toBeUndefined();
  });
});
