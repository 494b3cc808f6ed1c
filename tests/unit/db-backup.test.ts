import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  StorageError,
  addProfile,
  loadSnapshot,
  logEvent,
  openDatabase,
  saveSnapshot,
  setRating,
  setSetting,
  addToCart,
  placeOrder,
  type AisleDB,
} from '../../src/lib/db';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  eraseAllData,
  exportData,
  exportToJson,
  importData,
  parseImport,
  readImportFile,
  tableStats,
  type ExportFile,
  type ImportError,
} from '../../src/lib/db/backup';
import { sampleOrder } from './helpers/orders';

let db: AisleDB;
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

const ids = generateCatalog().map((p) => p.id);
const weights = () => new Uint8Array([0, 1, 2, 127, 128, 254, 255, 42]).buffer;

/** A database with a bit of everything a user might have. */
async function seededDb(): Promise<AisleDB> {
  db = await openDatabase(`test-${crypto.randomUUID()}`);
  const kid = await addProfile(db, 'Kid', 'member');
  await setRating(db, 'me', ids[0]!, 5);
  await setRating(db, 'me', ids[1]!, 2);
  await setRating(db, kid.id, ids[2]!, 4);
  await logEvent(db, { profileId: 'me', productId: ids[0]!, type: 'view', at: 100 });
  await logEvent(db, { profileId: kid.id, productId: ids[2]!, type: 'purchase', at: 200 });
  await setSetting(db, 'locale', 'zh-CN');
  await setSetting(db, 'recs', { enabled: true, weights: [0.5, 0.25] });
  await saveSnapshot(db, { name: 'recs', version: 3, meta: { dims: 8 }, weights: weights() });
  await db.gallery.add({
    profileId: 'me',
    productIds: [ids[0]!],
    createdAt: 300,
    image: weights(),
    mimeType: 'image/jpeg',
  });
  await db.conversations.bulkAdd([
    { profileId: 'me', role: 'shopper', text: 'where is my order', at: 400 },
    { profileId: 'me', role: 'assistant', text: 'On its way.', at: 401, intent: 'order-status' },
  ]);
  await db.promotionEvents.add({
    profileId: kid.id,
    promotionId: 'free-shipping',
    type: 'impression',
    at: 500,
    context: [1, 0, 0.5],
  });
  await addToCart(db, { profileId: 'me', productId: ids[3]!, quantity: 2 });
  await placeOrder(db, sampleOrder(kid.id, 600), []);
  return db;
}

/** Everything personal, as text, so "untouched" can be checked byte for byte. */
async function storedText(): Promise<string> {
  const { tables } = await exportData(db);
  return JSON.stringify(tables);
}

async function validExport(): Promise<ExportFile> {
  return JSON.parse(exportToJson(await exportData(db))) as ExportFile;
}

/** The privacy center's flow: parse, and import only what parsed. */
async function tryImport(text: string): Promise<ImportError | undefined> {
  const result = parseImport(text);
  if (!result.ok) return result.error;
  await importData(db, result.file);
  return undefined;
}

describe('export and import', () => {
  it('round-trips everything personal through JSON and an erase', async () => {
    await seededDb();
    const before = await exportData(db);
    expect(before.format).toBe(EXPORT_FORMAT);
    expect(before.schemaVersion).toBe(db.verno);
    expect(new Date(before.exportedAt).toISOString()).toBe(before.exportedAt);
    expect(before.tables.modelSnapshots[0]!.weights).toEqual({ $base64: 'AAECf4D+/yo=' });
    const json = exportToJson(before);

    db = await eraseAllData(db);
    expect(await db.ratings.count()).toBe(0);

    const parsed = parseImport(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await importData(db, parsed.file);

    const after = await exportData(db);
    expect(after.tables).toEqual(before.tables);
    const snapshot = await loadSnapshot(db, 'recs');
    expect(new Uint8Array(snapshot!.weights)).toEqual(new Uint8Array(weights()));
    // Products are the generated catalog, untouched by import.
    expect(await db.products.count()).toBe(ids.length);
  });

  it('reads a version 1 export: no gallery, conversations, promotions or cart, and made-up orders', async () => {
    await seededDb();
    const file = await validExport();
    const { gallery, conversations, promotionEvents, cart, ...firstTables } = file.tables;
    expect(gallery.length + conversations.length + promotionEvents.length).toBeGreaterThan(0);
    expect(cart).toHaveLength(1);
    // Version 1's orders were the demo history the app made up (their old shape): not restored.
    const madeUp = { id: 'PA-26-000001', profileId: 'me', status: 'shipped', carrier: 'SwiftPost' };
    const older = { ...file, version: 1, tables: { ...firstTables, orders: [madeUp] } };
    const parsed = parseImport(JSON.stringify(older));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.tables.gallery).toEqual([]);
    expect(parsed.file.tables.orders).toEqual([]);
    await importData(db, parsed.file);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await db.cart.count()).toBe(0);
    expect(await db.ratings.count()).toBe(3);
  });

  it('keeps event ids so later events continue after them', async () => {
    await seededDb();
    const file = await validExport();
    db = await eraseAllData(db);
    await importData(db, file);
    const newId = await logEvent(db, { profileId: 'me', productId: ids[0]!, type: 'click' });
    expect(newId).toBeGreaterThan(Math.max(...file.tables.events.map((e) => e.id!)));
  });
});

describe('bad imports leave stored data untouched', () => {
  async function expectRejected(text: string, expected: ImportError) {
    const before = await storedText();
    const error = await tryImport(text);
    expect(error).toMatchObject(expected);
    expect(await storedText()).toBe(before);
  }

  it('truncated JSON', async () => {
    await seededDb();
    const json = exportToJson(await exportData(db));
    await expectRejected(json.slice(0, json.length / 2), { code: 'not-json' });
  });

  it('a different format', async () => {
    await seededDb();
    const file = await validExport();
    await expectRejected(JSON.stringify({ ...file, format: 'other-app' }), {
      code: 'wrong-format',
    });
    await expectRejected('[1, 2, 3]', { code: 'wrong-format' });
  });

  it('a newer export version', async () => {
    await seededDb();
    const file = await validExport();
    await expectRejected(JSON.stringify({ ...file, version: 99 }), { code: 'wrong-version' });
  });

  it('a rating of 7, reported at its path', async () => {
    await seededDb();
    const file = await validExport();
    (file.tables.ratings[1] as { rating: number }).rating = 7;
    await expectRejected(JSON.stringify(file), {
      code: 'invalid',
      path: 'tables.ratings[1].rating',
    });
  });

  it('an event of unknown type', async () => {
    await seededDb();
    const file = await validExport();
    (file.tables.events[0] as { type: string }).type = 'hover';
    await expectRejected(JSON.stringify(file), { code: 'invalid', path: 'tables.events[0].type' });
  });

  it('an unexpected field in a row', async () => {
    await seededDb();
    const file = await validExport();
    Object.assign(file.tables.profiles[0]!, { email: 'someone@example.com' });
    await expectRejected(JSON.stringify(file), {
      code: 'invalid',
      path: 'tables.profiles[0].email',
    });
  });

  it('a rating for a profile not in the file', async () => {
    await seededDb();
    const file = await validExport();
    file.tables.ratings[0]!.profileId = 'ghost';
    await expectRejected(JSON.stringify(file), {
      code: 'invalid',
      path: 'tables.ratings[0].profileId',
    });
  });

  it('no member profile', async () => {
    await seededDb();
    const file = await validExport();
    file.tables = { ...file.tables, ratings: [], events: [], orders: [] };
    file.tables.profiles = file.tables.profiles.filter((p) => p.kind === 'guest');
    await expectRejected(JSON.stringify(file), { code: 'invalid', path: 'tables.profiles' });
  });

  it('duplicate keys', async () => {
    await seededDb();
    const file = await validExport();
    file.tables.orders.push(file.tables.orders[0]!);
    await expectRejected(JSON.stringify(file), {
      code: 'invalid',
      path: `tables.orders[${file.tables.orders.length - 1}]`,
    });
  });

  it('broken base64', async () => {
    await seededDb();
    const file = await validExport();
    file.tables.modelSnapshots[0]!.weights.$base64 = 'not base64!';
    await expectRejected(JSON.stringify(file), {
      code: 'invalid',
      path: 'tables.modelSnapshots[0].weights.$base64',
    });
  });

  it('a file over the size limit, refused before reading', async () => {
    await seededDb();
    const blob = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    const text = vi.spyOn(blob, 'text');
    const buffer = vi.spyOn(blob, 'arrayBuffer');
    const stream = vi.spyOn(blob, 'stream');

    await expect(readImportFile(blob)).rejects.toMatchObject({ code: 'too-large' });
    expect(text).not.toHaveBeenCalled();
    expect(buffer).not.toHaveBeenCalled();
    expect(stream).not.toHaveBeenCalled();
  });

  it('reads a file within the limit', async () => {
    await seededDb();
    const json = exportToJson(await exportData(db));
    expect(await readImportFile(new Blob([json]))).toBe(json);
  });

  it('a full disk half way through the import', async () => {
    await seededDb();
    const file = await validExport();
    file.tables.ratings = [];
    const before = await storedText();
    // Orders are written after profiles, ratings and events have been cleared and refilled.
    vi.spyOn(db.table('orders'), 'bulkAdd').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );

    const error = await importData(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('quota');
    vi.restoreAllMocks();
    expect(await storedText()).toBe(before);
  });
});

describe('erase', () => {
  it('deletes the database, personal caches and web storage, then reseeds; the app files stay', async () => {
    await seededDb();
    const deleted: string[] = [];
    vi.stubGlobal('caches', {
      keys: async () => [
        'workbox-precache-v2-https://example/',
        'private-aisle-assets',
        'product-images',
        'runtime',
      ],
      delete: async (key: string) => deleted.push(key) > 0,
    });
    const local = { clear: vi.fn() };
    const session = { clear: vi.fn() };
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);

    const name = db.name;
    db = await eraseAllData(db);
    expect(db.name).toBe(name);
    expect(deleted).toEqual(['product-images', 'runtime']);
    expect(local.clear).toHaveBeenCalledOnce();
    expect(session.clear).toHaveBeenCalledOnce();

    expect(await db.ratings.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.modelSnapshots.count()).toBe(0);
    expect((await db.profiles.toArray()).map((p) => p.id).sort()).toEqual(['guest', 'me']);
    expect(await db.products.count()).toBe(ids.length);
  });

  it('works where caches and web storage do not exist', async () => {
    await seededDb();
    vi.stubGlobal('caches', undefined);
    vi.stubGlobal('localStorage', undefined);
    vi.stubGlobal('sessionStorage', undefined);
    db = await eraseAllData(db);
    expect(await db.ratings.count()).toBe(0);
  });
});

describe('tableStats', () => {
  it('counts rows and estimates bytes per table', async () => {
    await seededDb();
    const stats = await tableStats(db);
    const byTable = Object.fromEntries(stats.map((s) => [s.table, s]));
    expect(byTable.ratings?.count).toBe(3);
    expect(byTable.events?.count).toBe(3); // two logged, one purchase of the order placed
    expect(byTable.orders?.count).toBe(1);
    expect(byTable.cart?.count).toBe(1);
    expect(byTable.products?.count).toBe(ids.length);
    expect(byTable.modelSnapshots?.count).toBe(1);
    expect(byTable.modelSnapshots!.bytes).toBeGreaterThan(weights().byteLength);
    for (const s of stats) expect(s.bytes > 0).toBe(s.count > 0);
  });
});
