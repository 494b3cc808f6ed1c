/**
 * The try-on gallery: snapshots a shopper chose to keep, one row per picture, per profile.
 * Nothing else in try-on is stored; the camera and uploaded photos stay in memory.
 */
import { guard } from './errors';
import type { AisleDB, GalleryItem } from './schema';

/** Keeps one snapshot (a JPEG or PNG blob) of the products worn; returns its id. */
export function addGalleryPicture(
  db: AisleDB,
  profileId: string,
  productIds: readonly string[],
  image: Blob,
): Promise<number> {
  return guard(async () => {
    const item: GalleryItem = {
      profileId,
      productIds: [...productIds],
      createdAt: Date.now(),
      image: await image.arrayBuffer(),
      mimeType: image.type || 'image/jpeg',
    };
    return (await db.gallery.add(item)) as number;
  });
}

/** A profile's snapshots, newest first. */
export function galleryFor(db: AisleDB, profileId: string): Promise<GalleryItem[]> {
  return guard(() => db.gallery.where('profileId').equals(profileId).reverse().sortBy('createdAt'));
}

export function eraseGalleryPicture(db: AisleDB, id: number): Promise<void> {
  return guard(() => db.gallery.delete(id));
}
