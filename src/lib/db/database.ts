/** Opening the database and seeding what a first run needs. */
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
 * Adds what's missing, in one transaction so a half-seeded database never exists: the catalog
 * (replaced when its version changes) and the two profiles. Nothing else: every other row is one
 * the shopper made. A catalog shipped as a file (too large for the app's code) is stored by the
 * catalog worker instead (./catalog.ts).
 */
async function seed(db: AisleDB): Promise<void> {
  await db.transaction('rw', [db.products, db.profiles, db.settings], async () => {
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
  });
}
