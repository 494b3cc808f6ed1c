/**
 * The recommender's storage: the rows training reads (every profile's ratings and events), one
 * profile's events for fold-in, one rating for the product page, the imported data sets and the
 * stored models. Named reads and writes, so no view, store or worker touches a Dexie table.
 */
import { guard } from './errors';
import type { AisleDB, Dataset, Rating, ShopEvent } from './schema';

/** Every profile's ratings: the shop model trains on the whole device. */
export function allRatings(db: AisleDB): Promise<Rating[]> {
  return guard(() => db.ratings.toArray());
}

/** Every profile's shopping events (the implicit signals). */
export function allEvents(db: AisleDB): Promise<ShopEvent[]> {
  return guard(() => db.events.toArray());
}

export function eventsFor(db: AisleDB, profileId: string): Promise<ShopEvent[]> {
  return guard(() => db.events.where('profileId').equals(profileId).toArray());
}

/** One profile's rating of one product, if it gave one. */
export function getRating(
  db: AisleDB,
  profileId: string,
  productId: string,
): Promise<Rating | undefined> {
  return guard(() => db.ratings.get([profileId, productId]));
}

/** The imported data sets, by name only (their rows are large). */
export function listDatasets(db: AisleDB): Promise<Pick<Dataset, 'id' | 'name'>[]> {
  return guard(async () => (await db.datasets.toArray()).map(({ id, name }) => ({ id, name })));
}

export function getDataset(db: AisleDB, id: Dataset['id']): Promise<Dataset | undefined> {
  return guard(() => db.datasets.get(id));
}

/** Stores an imported data set in one put: an import never half-lands. */
export function putDataset(db: AisleDB, dataset: Dataset): Promise<void> {
  return guard(async () => {
    await db.datasets.put(dataset);
  });
}

export function removeDataset(db: AisleDB, id: Dataset['id']): Promise<void> {
  return guard(() => db.datasets.delete(id));
}

/** Drops a stored model (one that can no longer be read is retrained instead). */
export function removeSnapshot(db: AisleDB, id: string): Promise<void> {
  return guard(() => db.modelSnapshots.delete(id));
}
