/** Opening the database and seeding what a first run needs. */
import type { Product } from '../catalog/types';
import { demoOrders } from './demo-orders';
import { StorageError, toStorageError } from './errors';
import { shop } from './current-shop';
import { AisleDB, DB_NAME, type Profile } from './schema';
import { CATALOG_VERSION_KEY } from './tables';

export const DEFAULT_PROFILE_ID = 'me';
export const GUEST_PROFILE_ID = 'guest';

/** Opens (and upgrades) the database, then seeds it. Failures come out as StorageError. */
export async function openDatabase(name: string = DB_NAME): Promise<AisleDB> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageError('unavailable', 'IndexedDB is not available in this browser');
  }
  const db = new AisleDB(name);
  try {
    await db.open();
  } catch (e) {
    db.close();
    throw new StorageError(
      'unavailable',
      `Could not open the database: ${toStorageError(e).message}`,
      {
        cause: e,
      },
    );
  }
  try {
    await seed(db);
  } catch (e) {
    db.close();
    throw toStorageError(e);
  }
  return db;
}

/**
 * Adds what's missing, in one transaction so a half-seeded database never exists.
 * Only the catalog is ever replaced; personal rows are only added when absent. A catalog shipped
 * as a file (too large for the app's code) is stored by the catalog worker instead (./catalog.ts).
 */
async function seed(db: AisleDB): Promise<void> {
  await db.transaction('rw', [db.products, db.profiles, db.orders, db.settings], async () => {
    const stored = await db.settings.get(CATALOG_VERSION_KEY);
    if (!shop.catalog.file && stored?.value !== shop.catalogVersion) {
      await db.products.clear();
      await db.products.bulkAdd(shop.products);
      await db.settings.put({ key: CATALOG_VERSION_KEY, value: shop.catalogVersion });
    }

    if ((await db.profiles.count()) > 0) return;
    const now = Date.now();
    const profiles: Profile[] = [
      { id: DEFAULT_PROFILE_ID, name: 'Me', kind: 'member', createdAt: now },
      { id: GUEST_PROFILE_ID, name: 'Guest', kind: 'guest', createdAt: now },
    ];
    await db.profiles.bulkAdd(profiles);

    const orders = demoOrders(DEFAULT_PROFILE_ID, byId(shop.products), now);
    // Leave any order that already has the id alone (e.g. left over from an import).
    const existing = await db.orders.bulkGet(orders.map((o) => o.id));
    await db.orders.bulkAdd(orders.filter((_, i) => existing[i] === undefined));
  });
}

/** In the order IndexedDB keeps them (by id). */
const byId = (products: readonly Product[]): Product[] =>
  [...products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
