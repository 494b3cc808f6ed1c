/**
 * Product pictures rendered on this device from a try-on product's 3D model
 * (tryon/client/pictures.ts), kept so that each is rendered once per device: files of a Cache
 * Storage cache of their own, by key (tryon/shared/pictures.ts `pictureKey`). Like the shop's
 * files (shop.ts) they are only ever read from here, never fetched: the URL is a name.
 *
 * Not one of the app's own caches (tables.ts `isAppCache`): which pictures were drawn tells which
 * products were looked at, so "Erase all my data" and a kiosk's end of session delete it with the
 * rest, and the pictures are drawn again as they are needed.
 */
export const PICTURE_CACHE = 'private-aisle-product-pictures';

/** The name a picture is stored under (same origin; nothing is ever requested at it). */
const pictureUrl = (key: string) =>
  new URL(`/__product-pictures/${encodeURIComponent(key)}`, location.origin).href;

/** A picture rendered here before, or undefined (also where Cache Storage is unavailable). */
export async function storedProductPicture(key: string): Promise<Blob | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const cache = await caches.open(PICTURE_CACHE);
    const response = await cache.match(pictureUrl(key));
    return response ? await response.blob() : undefined;
  } catch {
    return undefined; // unreadable storage: the picture is drawn again
  }
}

/** Keeps a rendered picture; a full or blocked storage only means it is drawn again next time. */
export async function storeProductPicture(key: string, picture: Blob): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(PICTURE_CACHE);
    await cache.put(
      pictureUrl(key),
      new Response(picture, { headers: { 'Content-Type': picture.type } }),
    );
  } catch {
    // not kept: nothing else depends on it
  }
}
