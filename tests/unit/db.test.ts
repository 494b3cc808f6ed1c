import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import shop from 'virtual:shop';
import { sampleOrder } from './helpers/orders';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  AisleDB,
  StorageError,
  addProfile,
  getSetting,
  listProfiles,
  loadSnapshot,
  logEvent,
  openDatabase,
  ratingsFor,
  removeProfile,
  removeRating,
  renameProfile,
  saveSnapshot,
  setRating,
  setSetting,
  toStorageError,
} from '../../src/lib/db';

const opened: AisleDB[] = [];
async function freshDb(name = `test-${crypto.randomUUID()}`): Promise<AisleDB> {
  const db = await openDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return (error as StorageError).code;
}

const productId = () => generateCatalog()[0]!.id;

describe('seeding', () => {
  it('seeds the catalog and the default and guest profiles, and nothing the shopper did not make', async () => {
    const db = await freshDb();
    expect(await db.products.count()).toBe(generateCatalog().length);

    const profiles = await listProfiles(db);
    expect(profiles.map((p) => [p.id, p.name, p.kind])).toEqual([
      ['me', 'Me', 'member'],
      ['guest', 'Guest', 'guest'],
    ]);

    for (const table of ['orders', 'cart', 'ratings', 'events', 'conversations'] as const) {
      expect(await db.table(table).count()).toBe(0);
    }
    expect(await getSetting(db, 'catalogVersion', null)).toBe(shop.catalogVersion);
  });

  it('reopening neither duplicates nor overwrites personal data', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = await freshDb(name);
    await setRating(first, 'me', productId(), 4);
    await renameProfile(first, 'me', 'Alex');
    await first.orders.add(sampleOrder('me', Date.now()));
    const ordersBefore = await first.orders.toArray();
    first.close();

    const db = await freshDb(name);
    expect(await db.products.count()).toBe(generateCatalog().length);
    expect(await db.profiles.count()).toBe(2);
    expect((await db.profiles.get('me'))?.name).toBe('Alex');
    expect(await db.orders.toArray()).toEqual(ordersBefore);
    expect((await ratingsFor(db, 'me')).map((r) => r.rating)).toEqual([4]);
  });

  it('replaces the products when the catalog version changes, keeping ratings', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = await freshDb(name);
    await setRating(first, 'me', productId(), 5);
    // Pretend the stored catalog came from an older release.
    await first.products.put({ ...generateCatalog()[0]!, id: 'stale-001' });
    await setSetting(first, 'catalogVersion', 'an-older-catalog');
    first.close();

    const db = await freshDb(name);
    expect(await db.products.get('stale-001')).toBeUndefined();
    expect(await db.products.count()).toBe(generateCatalog().length);
    expect(await getSetting(db, 'catalogVersion', null)).toBe(shop.catalogVersion);
    expect((await ratingsFor(db, 'me')).map((r) => r.rating)).toEqual([5]);
  });

  it('reports a missing IndexedDB as unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await codeOf(openDatabase(`test-${crypto.randomUUID()}`))).toBe('unavailable');
  });

  it('reports a database that fails to open as unavailable', async () => {
    // Firefox refuses IndexedDB this way in some private-browsing setups.
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(await codeOf(openDatabase(`test-${crypto.randomUUID()}`))).toBe('unavailable');
  });
});

describe('ratings', () => {
  it.each([0, 6, 2.5, NaN, Infinity, '3', null])('rejects %s and writes nothing', async (bad) => {
    const db = await freshDb();
    expect(await codeOf(setRating(db, 'me', productId(), bad as number))).toBe('invalid');
    expect(await db.ratings.count()).toBe(0);
  });

  it('rejects unknown profiles and products', async () => {
    const db = await freshDb();
    expect(await codeOf(setRating(db, 'nobody', productId(), 3))).toBe('invalid');
    expect(await codeOf(setRating(db, 'me', 'no-such-product', 3))).toBe('invalid');
    expect(await db.ratings.count()).toBe(0);
  });

  it('upserts one rating per profile and product', async () => {
    const db = await freshDb();
    await setRating(db, 'me', productId(), 4);
    await setRating(db, 'me', productId(), 2);
    const rows = await ratingsFor(db, 'me');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ profileId: 'me', productId: productId(), rating: 2 });
    expect(typeof rows[0]!.updatedAt).toBe('number');

    await removeRating(db, 'me', productId());
    expect(await ratingsFor(db, 'me')).toEqual([]);
  });
});

describe('profiles', () => {
  it('adds, renames and lists profiles', async () => {
    const db = await freshDb();
    const kid = await addProfile(db, '  Kid  ', 'member');
    expect(kid.name).toBe('Kid');
    await renameProfile(db, kid.id, 'Sam');
    expect((await listProfiles(db)).map((p) => p.name)).toContain('Sam');
    expect(await codeOf(addProfile(db, '   '))).toBe('invalid');
    expect(await codeOf(renameProfile(db, 'nobody', 'X'))).toBe('invalid');
  });

  it('removes a profile with its ratings, events and orders', async () => {
    const db = await freshDb();
    const kid = await addProfile(db, 'Kid', 'member');
    await setRating(db, kid.id, productId(), 3);
    await setRating(db, 'me', productId(), 5);
    await logEvent(db, { profileId: kid.id, productId: productId(), type: 'view' });
    await logEvent(db, { profileId: 'me', productId: productId(), type: 'click' });
    const order = sampleOrder(kid.id, Date.now());
    await db.orders.add(order);
    await db.orders.add(sampleOrder('me', Date.now() + 1));
    const myOrders = await db.orders.where('profileId').equals('me').count();

    await removeProfile(db, kid.id);
    expect(await db.profiles.get(kid.id)).toBeUndefined();
    expect(await db.ratings.where('profileId').equals(kid.id).count()).toBe(0);
    expect(await db.events.where('profileId').equals(kid.id).count()).toBe(0);
    expect(await db.orders.get(order.id)).toBeUndefined();
    // Other profiles keep their data.
    expect(await ratingsFor(db, 'me')).toHaveLength(1);
    expect(await db.events.where('profileId').equals('me').count()).toBe(1);
    expect(await db.orders.where('profileId').equals('me').count()).toBe(myOrders);
  });

  it('never removes the last member profile', async () => {
    const db = await freshDb();
    await setRating(db, 'me', productId(), 5);
    expect(await codeOf(removeProfile(db, 'me'))).toBe('invalid');
    expect(await db.profiles.get('me')).toBeDefined();
    expect(await ratingsFor(db, 'me')).toHaveLength(1);

    await removeProfile(db, 'guest'); // guests don't count
    const other = await addProfile(db, 'Other', 'member');
    await removeProfile(db, 'me');
    expect((await listProfiles(db)).map((p) => p.id)).toEqual([other.id]);
  });
});

describe('settings and snapshots', () => {
  it('returns the fallback until a setting is stored', async () => {
    const db = await freshDb();
    expect(await getSetting(db, 'locale', 'en')).toBe('en');
    await setSetting(db, 'locale', 'zh-CN');
    expect(await getSetting(db, 'locale', 'en')).toBe('zh-CN');
  });

  it('loads the latest snapshot version by name', async () => {
    const db = await freshDb();
    const weights = (n: number) => new Float32Array([n, n + 1]).buffer;
    await saveSnapshot(db, { name: 'recs', version: 2, meta: {}, weights: weights(2) });
    await saveSnapshot(db, {
      name: 'recs',
      version: 10,
      meta: { epochs: 3 },
      weights: weights(10),
    });
    await saveSnapshot(db, { name: 'other', version: 99, meta: {}, weights: weights(99) });

    const latest = await loadSnapshot(db, 'recs');
    expect(latest?.version).toBe(10);
    expect(latest?.meta).toEqual({ epochs: 3 });
    expect(Array.from(new Float32Array(latest!.weights))).toEqual([10, 11]);
    expect(await loadSnapshot(db, 'missing')).toBeUndefined();
  });
});

describe('toStorageError', () => {
  const quota = () => new DOMException('full', 'QuotaExceededError');

  it.each([
    ['a QuotaExceededError', quota(), 'quota'],
    ['a Dexie error wrapping one', new Dexie.AbortError('aborted', quota()), 'quota'],
    ['a bulk failure with one', new Dexie.BulkError('bulk', { 0: quota() }), 'quota'],
    ['a cause chain with one', new Error('outer', { cause: quota() }), 'quota'],
    ['old Firefox quota', { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'full' }, 'quota'],
    ['OpenFailedError', new Dexie.OpenFailedError('nope'), 'unavailable'],
    ['MissingAPIError', new Dexie.MissingAPIError(), 'unavailable'],
    ['InvalidStateError', new DOMException('closing', 'InvalidStateError'), 'unavailable'],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError(), 'unavailable'],
    ['ConstraintError', new Dexie.ConstraintError('duplicate'), 'invalid'],
    ['DataError', new DOMException('bad key', 'DataError'), 'invalid'],
    ['a plain Error', new Error('boom'), 'unknown'],
    ['a string', 'boom', 'unknown'],
    ['undefined', undefined, 'unknown'],
  ])('maps %s', (_label, error, code) => {
    const mapped = toStorageError(error);
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped.code).toBe(code);
  });

  it('passes StorageErrors through', () => {
    const original = new StorageError('invalid', 'bad');
    expect(toStorageError(original)).toBe(original);
    expect(toStorageError(new Dexie.AbortError('aborted', original))).toBe(original);
  });
});
