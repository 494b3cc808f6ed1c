/** Small data-access functions. Every failure comes out as a StorageError. */
import Dexie from 'dexie';
import { StorageError, guard } from './errors';
import type {
  AisleDB,
  EventType,
  ModelSnapshot,
  Profile,
  ProfileKind,
  Rating,
  ShopEvent,
  Stars,
} from './schema';
import { PROFILE_TABLES, profileRows, vaultKey } from './tables';

const EVENT_TYPES: readonly EventType[] = ['view', 'click', 'add-to-cart', 'purchase'];

function invalid(message: string): StorageError {
  return new StorageError('invalid', message);
}

export function isStars(value: unknown): value is Stars {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
}

/** Creates or replaces a profile's rating of a product. */
export function setRating(
  db: AisleDB,
  profileId: string,
  productId: string,
  rating: number,
): Promise<Rating> {
  return guard(async () => {
    // Checked before touching the database, so a bad value writes nothing.
    if (!isStars(rating)) throw invalid(`Rating must be a whole number from 1 to 5, got ${rating}`);
    return db.transaction('rw', [db.ratings, db.products, db.profiles], async () => {
      if (!(await db.profiles.get(profileId))) throw invalid(`No profile ${profileId}`);
      if (!(await db.products.get(productId))) throw invalid(`No product ${productId}`);
      const row: Rating = { profileId, productId, rating, updatedAt: Date.now() };
      await db.ratings.put(row);
      return row;
    });
  });
}

export function removeRating(db: AisleDB, profileId: string, productId: string): Promise<void> {
  return guard(() => db.ratings.delete([profileId, productId]));
}

export function ratingsFor(db: AisleDB, profileId: string): Promise<Rating[]> {
  return guard(() => db.ratings.where('profileId').equals(profileId).toArray());
}

/** Records a shopping event; `at` defaults to now. Returns the event's id. */
export function logEvent(
  db: AisleDB,
  e: Omit<ShopEvent, 'id' | 'at'> & { at?: number },
): Promise<number> {
  return guard(async () => {
    if (!EVENT_TYPES.includes(e.type)) throw invalid(`Unknown event type ${e.type}`);
    const row: ShopEvent = {
      profileId: e.profileId,
      productId: e.productId,
      type: e.type,
      at: e.at ?? Date.now(),
    };
    return (await db.events.add(row)) as number;
  });
}

/** Members before guests, each oldest first, so the default profile leads. */
export function listProfiles(db: AisleDB): Promise<Profile[]> {
  const rank = (p: Profile) => (p.kind === 'member' ? 0 : 1);
  return guard(async () =>
    (await db.profiles.toArray()).sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt),
  );
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('Profile name must not be empty');
  return trimmed;
}

export function addProfile(
  db: AisleDB,
  name: string,
  kind: ProfileKind = 'member',
): Promise<Profile> {
  return guard(async () => {
    if (kind !== 'member' && kind !== 'guest') throw invalid(`Unknown profile kind ${kind}`);
    const profile: Profile = {
      id: crypto.randomUUID(),
      name: cleanName(name),
      kind,
      createdAt: Date.now(),
    };
    await db.profiles.add(profile);
    return profile;
  });
}

export function renameProfile(db: AisleDB, id: string, name: string): Promise<void> {
  return guard(async () => {
    const updated = await db.profiles.update(id, { name: cleanName(name) });
    if (updated === 0) throw invalid(`No profile ${id}`);
  });
}

/**
 * Removes a profile with everything of it (its rows in every table that belongs to profiles, see
 * tables.ts, and its passphrase's key record). The last member can't go.
 */
export function removeProfile(db: AisleDB, id: string): Promise<void> {
  const owned = PROFILE_TABLES.map((t) => db.table(t));
  return guard(async () => {
    await db.transaction('rw', [db.profiles, db.settings, ...owned], async () => {
      const profile = await db.profiles.get(id);
      if (!profile) return;
      if (
        profile.kind === 'member' &&
        (await db.profiles.where('kind').equals('member').count()) <= 1
      ) {
        throw invalid('The last member profile cannot be removed');
      }
      // Deleting needs no key: a locked profile's rows go as they are.
      for (const table of PROFILE_TABLES) await profileRows(db, table, id).delete();
      await db.settings.delete(vaultKey(id));
      await db.profiles.delete(id);
    });
    if (db.keyring.isProtected(id)) db.keyring.removeProtection(id);
  });
}

export function getSetting<T>(db: AisleDB, key: string, fallback: T): Promise<T> {
  return guard(async () => {
    const row = await db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  });
}

export function setSetting(db: AisleDB, key: string, value: unknown): Promise<void> {
  return guard(async () => {
    await db.settings.put({ key, value });
  });
}

/** Removes a setting; a key that isn't stored is no error. */
export function deleteSetting(db: AisleDB, key: string): Promise<void> {
  return guard(() => db.settings.delete(key));
}

/** Stores model weights; the same name and version replaces the earlier save. */
export function saveSnapshot(
  db: AisleDB,
  snapshot: Omit<ModelSnapshot, 'id' | 'createdAt'> & { createdAt?: number },
): Promise<ModelSnapshot> {
  return guard(async () => {
    const row: ModelSnapshot = {
      ...snapshot,
      id: `${snapshot.name}@${snapshot.version}`,
      createdAt: snapshot.createdAt ?? Date.now(),
    };
    await db.modelSnapshots.put(row);
    return row;
  });
}

/** The highest version saved under a name, if any. */
export function loadSnapshot(db: AisleDB, name: string): Promise<ModelSnapshot | undefined> {
  return guard(() =>
    db.modelSnapshots
      .where('[name+version]')
      .between([name, Dexie.minKey], [name, Dexie.maxKey])
      .last(),
  );
}
