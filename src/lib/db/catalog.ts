/**
 * The stored catalog: a shop too large to ship in the app's code (src/lib/catalog/stored.ts) is
 * written here by the catalog worker, batch by batch, and read a page at a time. The version
 * marker is written last, so a catalog cut short (a closed tab, a full disk) is never taken for
 * a whole one: the next start clears it and stores it again.
 */
import { guard } from './errors';
import { AisleDB } from './schema';
import type { Category, Product } from '../catalog/types';
import { CATALOG_VERSION_KEY } from './tables';

/**
 * Runs `work` on a connection of its own to the named database, closed after: how a worker
 * reaches the stored catalog (the page opened and seeded the database already).
 */
export async function inDatabase<T>(name: string, work: (db: AisleDB) => Promise<T>): Promise<T> {
  const db = new AisleDB(name);
  await db.open();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** The version of the catalog stored whole, or undefined. */
export function storedCatalogVersion(db: AisleDB): Promise<string | undefined> {
  return guard(
    async () => (await db.settings.get(CATALOG_VERSION_KEY))?.value as string | undefined,
  );
}

/** Forgets the stored catalog (and its marker) before a new one is written. */
export function clearCatalog(db: AisleDB): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.products, db.settings], async () => {
      await db.settings.delete(CATALOG_VERSION_KEY);
      await db.products.clear();
    }),
  );
}

/** Stores one batch of a catalog being written. */
export function storeProducts(db: AisleDB, products: readonly Product[]): Promise<void> {
  return guard(async () => {
    await db.products.bulkPut(products as Product[]);
  });
}

/** Marks the catalog stored whole. */
export function markCatalogStored(db: AisleDB, catalogVersion: string): Promise<void> {
  return guard(async () => {
    await db.settings.put({ key: CATALOG_VERSION_KEY, value: catalogVersion });
  });
}

/** The products with these ids, in their order (undefined where there is none). */
export function productsByIds(
  db: AisleDB,
  ids: readonly string[],
): Promise<(Product | undefined)[]> {
  return guard(() => db.products.bulkGet(ids as string[]));
}

/** Up to `limit` products of a department, those that can be tried on only if asked. */
export function productsIn(
  db: AisleDB,
  category: Category,
  options: { tryOn?: boolean; limit: number },
): Promise<Product[]> {
  return guard(() => {
    let query = db.products.where('category').equals(category);
    if (options.tryOn) query = query.filter((p) => p.tryOn !== undefined);
    return query.limit(options.limit).toArray();
  });
}

/** How many products are stored. */
export function countProducts(db: AisleDB): Promise<number> {
  return guard(() => db.products.count());
}

/** Every product's id (keys only: quick even for a large catalog). */
export function productIds(db: AisleDB): Promise<string[]> {
  return guard(() => db.products.toCollection().primaryKeys());
}

/** The whole catalog (workers only: training and indexing read it off the UI thread). */
export function allProducts(db: AisleDB): Promise<Product[]> {
  return guard(() => db.products.toArray());
}
