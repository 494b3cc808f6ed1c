import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AisleDB,
  GUEST_PROFILE_ID,
  deleteSetting,
  getSetting,
  openDatabase,
  removeProfile,
  setSetting,
} from '../../src/lib/db';
import { eraseAllData, exportData, importData } from '../../src/lib/db/backup';
import { wipeShopper } from '../../src/lib/db/kiosk';
import { protectProfile } from '../../src/lib/db/sealing/protection';
import {
  CATALOG_VERSION_KEY,
  DEIDENTIFIED_TABLES,
  PERSONAL_TABLES,
  PROFILE_TABLES,
  SEALED_TABLES,
  SETTINGS,
  TABLES,
  policyOf,
  vaultKey,
  type ProfileTable,
  type TableName,
} from '../../src/lib/db/tables';
import { deidentify } from '../../src/lib/privacy/export';
import { sampleOrder } from './helpers/orders';
import { BANDIT_KEY } from '../../src/lib/promotions/shared/keys';

/** One row of every table that belongs to profiles (a new such table needs one here). */
const SAMPLE: { [T in ProfileTable]: (profileId: string, at: number) => Record<string, unknown> } =
  {
    ratings: (profileId, at) => ({ profileId, productId: 'p-1', rating: 4, updatedAt: at }),
    events: (profileId, at) => ({ profileId, productId: 'p-1', type: 'view', at }),
    orders: (profileId, at) => ({
      ...sampleOrder(profileId, at),
      id: `PA-${profileId.length}${at}`,
    }),
    cart: (profileId, at) => ({
      profileId,
      productId: 'p-1',
      sku: 'p-1-m',
      quantity: 2,
      later: false,
      addedAt: at,
    }),
    modelSnapshots: (profileId, at) => ({
      id: `model-${profileId}@1`,
      name: `model-${profileId}`,
      version: 1,
      createdAt: at,
      meta: {},
      weights: new ArrayBuffer(4),
      profileId,
    }),
    gallery: (profileId, at) => ({
      profileId,
      productIds: ['p-1'],
      createdAt: at,
      image: new ArrayBuffer(8),
      mimeType: 'image/jpeg',
    }),
    conversations: (profileId, at) => ({ profileId, role: 'shopper', text: 'hi', at }),
    promotionEvents: (profileId, at) => ({
      profileId,
      promotionId: 'promo',
      type: 'impression',
      at,
    }),
  };

const names = (tables: { name: string }[]) => tables.map((t) => t.name).sort();

/** Every stored row of a table as IndexedDB holds it (no sealing middleware). */
async function stored(name: string, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

async function fill(db: AisleDB, profileId: string, at: number): Promise<void> {
  for (const table of PROFILE_TABLES) await db.table(table).add(SAMPLE[table](profileId, at));
}

const countOf = (db: AisleDB, table: ProfileTable, profileId: string) =>
  db
    .table(table)
    .filter((r: { profileId?: string }) => r.profileId === profileId)
    .count();

describe('the table policy', () => {
  it('has exactly one entry per table of the schema', () => {
    const db = new AisleDB('policy-check');
    expect(Object.keys(TABLES).sort()).toEqual(names(db.tables));
  });

  it('agrees with the schema’s keys and indexes', () => {
    const db = new AisleDB('policy-check');
    for (const table of db.tables) {
      const policy = policyOf(table.name as TableName);
      if (policy.data === 'shop') continue;
      const indexes = table.schema.indexes.map((i) => i.name);
      const pk = table.schema.primKey;
      const where = `${table.name}`;
      if (policy.byProfile === 'indexed') expect(indexes, where).toContain('profileId');
      if (policy.byProfile === 'scanned') expect(indexes, where).not.toContain('profileId');
      if (policy.kioskWipe === 'shopper' || policy.kioskWipe === 'shopper+new') {
        expect(policy.byProfile, where).not.toBe(false);
      }
      if (policy.kioskWipe === 'shopper+new') expect(indexes, where).toContain('createdAt');
      if (policy.sealed) {
        expect(policy.byProfile, where).not.toBe(false);
        const keyFields = Array.isArray(pk.keyPath) ? pk.keyPath : [pk.keyPath];
        expect(policy.sealed.clear, where).toEqual(expect.arrayContaining(['profileId']));
        expect(policy.sealed.clear, where).toEqual(expect.arrayContaining(keyFields));
        expect(policy.sealed.autoKey, where).toBe(pk.auto ? pk.keyPath : undefined);
      }
    }
  });

  it('lists what each consumer reads', () => {
    expect(PERSONAL_TABLES).not.toContain('products');
    expect(PERSONAL_TABLES).not.toContain('datasets');
    expect(PERSONAL_TABLES).not.toContain('knowledgeBases');
    expect(SEALED_TABLES.every((t) => PROFILE_TABLES.includes(t as ProfileTable))).toBe(true);
    expect(DEIDENTIFIED_TABLES.every((t) => PERSONAL_TABLES.includes(t))).toBe(true);
    expect(SETTINGS.shopperDerived).toContain(BANDIT_KEY);
  });
});

describe('consumers follow the policy', { timeout: 30_000 }, () => {
  let db: AisleDB;
  beforeEach(async () => {
    db = await openDatabase(`tables-${crypto.randomUUID()}`);
    await db.orders.clear(); // the demo orders: each profile's rows below are then one a table
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('sealing: a protected profile’s rows are sealed in the sealed tables only', async () => {
    await fill(db, 'me', 1);
    await protectProfile(db, 'me', 'correct horse battery');
    for (const table of PROFILE_TABLES) {
      const rows = (await stored(db.name, table)).filter((r) => r.profileId === 'me');
      expect(rows, table).toHaveLength(1);
      const policy = TABLES[table];
      if (policy.sealed) {
        expect(Object.keys(rows[0]!).sort(), table).toEqual(
          [...policy.sealed.clear, '$sealed'].sort(),
        );
      } else {
        expect(rows[0], table).not.toHaveProperty('$sealed');
      }
    }
  });

  it('kiosk wipe: the shopper’s rows, new rows where asked, and derived settings go', async () => {
    await fill(db, 'me', 1);
    const since = 1000;
    await fill(db, GUEST_PROFILE_ID, since);
    // A shared model, before the session and during it.
    const shared = { ...SAMPLE.modelSnapshots('shared', 1), profileId: undefined };
    await db.modelSnapshots.bulkAdd([
      { ...shared, id: 'old@1', name: 'old' },
      { ...shared, id: 'new@1', name: 'new', createdAt: since + 1 },
    ] as never[]);
    await setSetting(db, BANDIT_KEY, { learned: 'from the guest' });
    await setSetting(db, 'locale', 'en');
    await wipeShopper(db, GUEST_PROFILE_ID, since);
    expect((await db.modelSnapshots.toArray()).map((s) => s.id).sort()).toEqual([
      'model-me@1',
      'old@1',
    ]);
    for (const table of PROFILE_TABLES) {
      const wipe = TABLES[table].kioskWipe;
      expect(await countOf(db, table, GUEST_PROFILE_ID), table).toBe(wipe ? 0 : 1);
      expect(await countOf(db, table, 'me'), table).toBe(1);
    }
    for (const key of SETTINGS.shopperDerived) expect(await getSetting(db, key, null)).toBeNull();
    expect(await getSetting(db, 'locale', null)).toBe('en');
    expect(await db.profiles.get(GUEST_PROFILE_ID)).toBeDefined();
  });

  it('profile removal: every table that belongs to profiles, and the key record', async () => {
    await fill(db, 'me', 1);
    await fill(db, GUEST_PROFILE_ID, 1);
    await setSetting(db, vaultKey(GUEST_PROFILE_ID), { stale: true });
    await removeProfile(db, GUEST_PROFILE_ID);
    for (const table of PROFILE_TABLES) {
      expect(await countOf(db, table, GUEST_PROFILE_ID), table).toBe(0);
      expect(await countOf(db, table, 'me'), table).toBe(1);
    }
    expect(await getSetting(db, vaultKey(GUEST_PROFILE_ID), null)).toBeNull();
  });

  it('export and import: the personal tables, without device settings; shop data stays', async () => {
    await fill(db, 'me', 1);
    await db.datasets.put({
      id: 'shop',
      name: 'shop.csv',
      importedAt: 1,
      userIds: [],
      itemIds: [],
      users: new Uint32Array(),
      items: new Uint32Array(),
      ratings: new Float32Array(),
      badRows: 0,
    });
    await setSetting(db, vaultKey('someone'), { not: 'a key record' });
    const file = await exportData(db);
    expect(Object.keys(file.tables)).toEqual(PERSONAL_TABLES);
    const keys = file.tables.settings.map((s) => s.key);
    expect(keys).not.toContain(CATALOG_VERSION_KEY);
    expect(keys).not.toContain(vaultKey('someone'));
    for (const table of PROFILE_TABLES) expect(file.tables[table], table).toHaveLength(1);

    await importData(db, { ...file, tables: { ...file.tables, ratings: [] } });
    expect(await db.ratings.count()).toBe(0);
    expect(await db.events.count()).toBe(1);
    expect(await db.datasets.count()).toBe(1);
    expect(await getSetting(db, CATALOG_VERSION_KEY, null)).not.toBeNull();
  });

  it('de-identified export: the tables the policy keeps, no others', async () => {
    await fill(db, 'me', 1);
    const file = deidentify(await exportData(db));
    expect(Object.keys(file.tables).sort()).toEqual([...DEIDENTIFIED_TABLES].sort());
  });

  it('erase: nothing but a freshly seeded database is left, shop data included', async () => {
    await fill(db, 'me', 1);
    await fill(db, GUEST_PROFILE_ID, 1);
    await db.knowledgeBases.put({ id: 'shop', name: 'faq.csv', importedAt: 1, entries: [] });
    db = await eraseAllData(db);
    const fresh = await openDatabase(`tables-${crypto.randomUUID()}`);
    try {
      for (const table of Object.keys(TABLES)) {
        expect(await db.table(table).count(), table).toBe(await fresh.table(table).count());
      }
    } finally {
      fresh.close();
      await Dexie.delete(fresh.name);
    }
    expect(await db.orders.get('order-me')).toBeUndefined();
  });

  it('deleteSetting removes one setting, and a missing key is no error', async () => {
    await setSetting(db, 'a', 1);
    await setSetting(db, 'b', 2);
    await deleteSetting(db, 'a');
    await deleteSetting(db, 'never-set');
    expect(await getSetting(db, 'a', null)).toBeNull();
    expect(await getSetting(db, 'b', null)).toBe(2);
  });
});
