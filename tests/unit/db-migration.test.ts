import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { SCHEMA_HISTORY, SCHEMA_VERSION, openDatabase, type AisleDB } from '../../src/lib/db';

// Frozen copy of the version 1 schema as it shipped; never update this to match schema.ts.
const V1_STORES = {
  products: 'id, category',
  profiles: 'id',
  ratings: '[profileId+productId], profileId, productId',
  events: '++id, profileId, productId, type, at',
  settings: 'key',
};

let db: AisleDB | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = undefined;
});

async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('profiles').bulkAdd([
    { id: 'me', name: 'Me', createdAt: 1000 },
    { id: 'kid', name: 'Kid', createdAt: 2000 },
  ]);
  await v1.table('ratings').bulkAdd([
    { profileId: 'me', productId: 'glasses-001', rating: 4 },
    { profileId: 'kid', productId: 'hats-002', rating: 2 },
  ]);
  await v1.table('events').add({ profileId: 'me', productId: 'glasses-001', type: 'view', at: 5 });
  await v1.table('settings').add({ key: 'locale', value: 'zh-CN' });
  v1.close();
}

it('upgrades a version 1 database without losing rows', async () => {
  const name = `test-${crypto.randomUUID()}`;
  await createV1Database(name);
  const before = Date.now();

  db = await openDatabase(name);
  expect(db.verno).toBe(SCHEMA_VERSION);

  const profiles = await db.profiles.orderBy('id').toArray();
  expect(profiles).toEqual([
    { id: 'kid', name: 'Kid', createdAt: 2000, kind: 'member' },
    { id: 'me', name: 'Me', createdAt: 1000, kind: 'member' },
  ]);
  expect(await db.profiles.where('kind').equals('member').count()).toBe(2);

  const ratings = await db.ratings.toArray();
  expect(ratings.map((r) => [r.profileId, r.productId, r.rating])).toEqual([
    ['kid', 'hats-002', 2],
    ['me', 'glasses-001', 4],
  ]);
  for (const r of ratings) expect(r.updatedAt).toBeGreaterThanOrEqual(before);
  expect(await db.ratings.where('updatedAt').aboveOrEqual(before).count()).toBe(2);

  expect(await db.events.toArray()).toEqual([
    { id: 1, profileId: 'me', productId: 'glasses-001', type: 'view', at: 5 },
  ]);
  expect((await db.settings.get('locale'))?.value).toBe('zh-CN');

  // New tables exist; existing profiles mean no default profiles were added, and no orders.
  expect(db.tables.map((t) => t.name).sort()).toEqual(
    [
      'cart',
      'conversations',
      'datasets',
      'events',
      'gallery',
      'knowledgeBases',
      'modelSnapshots',
      'orders',
      'products',
      'profiles',
      'promotionEvents',
      'ratings',
      'settings',
    ].sort(),
  );
  expect(await db.orders.count()).toBe(0);
  expect(await db.modelSnapshots.count()).toBe(0);
  expect(await db.products.count()).toBe(generateCatalog().length);
});

it('drops the orders the app made up before version 5, and nothing else', async () => {
  const name = `v4-${crypto.randomUUID()}`;
  const v4 = new Dexie(name);
  for (const step of SCHEMA_HISTORY.filter((s) => s.version <= 4)) {
    v4.version(step.version).stores(step.stores);
  }
  await v4.open();
  await v4.table('profiles').add({ id: 'me', name: 'Me', kind: 'member', createdAt: 1 });
  await v4.table('orders').add({
    id: 'PA-26-000123',
    profileId: 'me',
    placedAt: 1,
    status: 'shipped',
    items: [{ productId: 'hats-001', quantity: 1, priceCents: 100 }],
    totalCents: 100,
    carrier: 'SwiftPost',
    trackingCode: 'SP123',
    estimatedDelivery: 2,
  });
  await v4
    .table('ratings')
    .add({ profileId: 'me', productId: 'hats-001', rating: 5, updatedAt: 3 });
  v4.close();

  db = await openDatabase(name);
  expect(await db.orders.count()).toBe(0);
  expect(await db.ratings.count()).toBe(1);
  expect(await db.cart.count()).toBe(0);
});
