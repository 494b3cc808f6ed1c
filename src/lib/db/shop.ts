/**
 * The shop staff loaded on this device at run time (My data → Shop settings), and the staff PIN
 * that guards it. A database of its own, apart from the shopper's: it holds nothing personal, so
 * "Erase all my data" and a kiosk's end of session leave it, and the device stays the shop it was
 * set up as. The pictures and logo made from the pack are files of the asset cache (ASSET_CACHE),
 * which those keep too, served by the service worker like the build's.
 *
 * The shop is written whole or not at all (one transaction): a pack that fails on the way, or a
 * full disk, leaves the shop that was there.
 */
import Dexie, { type Table } from 'dexie';
import type { PinRecord } from '../kiosk/shared/pin';
import type { BuiltShop } from '../shop/shared/built';
import { guard } from './errors';
import { ASSET_CACHE } from './tables';

export const SHOP_DB_NAME = 'private-aisle-shop';

export interface LoadedShop {
  id: 'current';
  /** As the build would make it; its catalog is always the file below (`catalog.file`). */
  shop: BuiltShop;
  /** The catalog file: gzip of one product's JSON per line (catalog/stored.ts). */
  catalog: Blob;
  /** The recommender trained on the pack when it was loaded (shop-model.ts's file). */
  model: Blob;
  /** The URLs of the pictures and logo made from the pack, in the asset cache. */
  files: string[];
  /** The file it was loaded from, and when. */
  source: string;
  loadedAt: number;
}

interface StaffRow {
  id: 'pin';
  pin: PinRecord;
}

class ShopDB extends Dexie {
  declare shops: Table<LoadedShop, string>;
  declare staff: Table<StaffRow, string>;
  constructor() {
    super(SHOP_DB_NAME);
    this.version(1).stores({ shops: 'id', staff: 'id' });
  }
}

async function withShopDb<T>(work: (db: ShopDB) => Promise<T>): Promise<T> {
  return guard(async () => {
    const db = new ShopDB();
    try {
      return await work(db);
    } finally {
      db.close();
    }
  });
}

/** The shop loaded at run time, or undefined (the one the app was built for). */
export function loadedShop(): Promise<LoadedShop | undefined> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(undefined);
  return withShopDb((db) => db.shops.get('current'));
}

/** Replaces the loaded shop; the files the old one had and the new one does not are deleted. */
export async function saveLoadedShop(shop: LoadedShop): Promise<void> {
  const before = await withShopDb(async (db) => {
    const old = await db.shops.get('current');
    await db.shops.put(shop);
    return old;
  });
  await deleteShopFiles((before?.files ?? []).filter((url) => !shop.files.includes(url)));
}

/** Back to the shop the app was built for. */
export async function removeLoadedShop(): Promise<void> {
  const before = await withShopDb(async (db) => {
    const old = await db.shops.get('current');
    await db.shops.delete('current');
    return old;
  });
  await deleteShopFiles(before?.files ?? []);
}

export function staffPin(): Promise<PinRecord | undefined> {
  return withShopDb(async (db) => (await db.staff.get('pin'))?.pin);
}

export function setStaffPin(pin: PinRecord): Promise<void> {
  return withShopDb(async (db) => {
    await db.staff.put({ id: 'pin', pin });
  });
}

/** Writes pictures (or a logo) made on the device into the asset cache, by absolute URL. */
export async function putShopFile(url: string, file: Blob): Promise<void> {
  const cache = await caches.open(ASSET_CACHE);
  await cache.put(url, new Response(file, { headers: { 'Content-Type': file.type } }));
}

async function deleteShopFiles(urls: readonly string[]): Promise<void> {
  if (!urls.length || typeof caches === 'undefined') return;
  const cache = await caches.open(ASSET_CACHE);
  for (const url of urls) await cache.delete(url);
}

/** A file of the asset cache, read without the service worker (one not in control yet). */
export async function cachedFile(url: string): Promise<Blob | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const response = await caches.match(url, { cacheName: ASSET_CACHE, ignoreVary: true });
  return response?.blob();
}

/** The recommender trained when the shop was loaded here, or null. */
export async function loadedShopModel(): Promise<ArrayBuffer | null> {
  const loaded = await loadedShop();
  return loaded ? loaded.model.arrayBuffer() : null;
}

/**
 * Deletes files written for a shop that was not saved after all (a failed load), except those
 * the loaded shop still uses.
 */
export async function discardShopFiles(urls: readonly string[]): Promise<void> {
  const keep = new Set((await loadedShop().catch(() => undefined))?.files ?? []);
  await deleteShopFiles(urls.filter((url) => !keep.has(url)));
}
