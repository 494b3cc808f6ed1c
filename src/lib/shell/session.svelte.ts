/**
 * The app's one connection to local storage and the active profile. Views read `session`; the
 * catalog itself is generated in memory, so the Shop works even where IndexedDB is unavailable.
 */
import {
  getSetting,
  listProfiles,
  openDatabase,
  requestPersistence,
  setSetting,
  toStorageError,
  type AisleDB,
  type Profile,
  type StorageError,
} from '../db';

const ACTIVE_PROFILE = 'activeProfile';

let db = $state.raw<AisleDB | null>(null);
let storageError = $state<StorageError['code'] | null>(null);
let profiles = $state<Profile[]>([]);
let profileId = $state('me');
let ready = $state(false);

export const session = {
  get db() {
    return db;
  },
  get ready() {
    return ready;
  },
  get storageError() {
    return storageError;
  },
  get profiles() {
    return profiles;
  },
  get profileId() {
    return profileId;
  },
  get profile(): Profile | undefined {
    return profiles.find((p) => p.id === profileId);
  },
};

export async function startSession(): Promise<void> {
  try {
    await useDatabase(await openDatabase());
    void requestPersistence();
  } catch (e) {
    storageError = toStorageError(e).code;
  } finally {
    ready = true;
  }
}

const openHooks: ((db: AisleDB) => Promise<void>)[] = [];

/**
 * Work that must finish before the views see a (re)opened database: kiosk mode erases a previous
 * shopper's traces here, before any view could show or log anything.
 */
export function onDatabaseOpen(hook: (db: AisleDB) => Promise<void>): void {
  openHooks.push(hook);
}

/**
 * The one way to replace the database (erase, import). Views let go of it first (`session.db` is
 * null meanwhile, so no live read or new work starts), its background work is stopped and awaited
 * (AisleDB.holds), then `swap` runs and its result is used. If `swap` fails, what was there
 * before is used again: the same instance, or the same database opened anew.
 */
export async function replaceDatabase(swap: (old: AisleDB) => Promise<AisleDB>): Promise<void> {
  const old = db;
  if (!old) return;
  db = null;
  try {
    await old.holds.release();
    await useDatabase(await swap(old));
  } catch (e) {
    try {
      await useDatabase(old.isOpen() ? old : await openDatabase(old.name));
    } catch (reopen) {
      storageError = toStorageError(reopen).code;
    }
    throw e;
  }
}

/** Switch to a (re)opened database, e.g. after erase or import. */
export async function useDatabase(next: AisleDB): Promise<void> {
  for (const hook of openHooks) await hook(next);
  db = next;
  storageError = null;
  await refreshProfiles();
  const saved = await getSetting<string>(next, ACTIVE_PROFILE, 'me');
  profileId = profiles.some((p) => p.id === saved) ? saved : (profiles[0]?.id ?? 'me');
}

export async function refreshProfiles(): Promise<void> {
  if (!db) return;
  profiles = await listProfiles(db);
  if (!profiles.some((p) => p.id === profileId)) profileId = profiles[0]?.id ?? 'me';
}

export async function selectProfile(id: string): Promise<void> {
  profileId = id;
  if (db) await setSetting(db, ACTIVE_PROFILE, id);
}
