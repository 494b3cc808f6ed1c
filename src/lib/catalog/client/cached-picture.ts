/**
 * A product picture read straight from the asset cache, for a page the service worker does not
 * control yet (the pictures of a shop loaded on this device are only there, db/shop.ts).
 */
import { cachedFile } from '../../db/shop';

/** An object URL of the cached file at `url`, or undefined when it is not cached. */
export async function cachedPictureUrl(url: string): Promise<string | undefined> {
  const blob = await cachedFile(new URL(url, location.href).href).catch(() => undefined);
  return blob ? URL.createObjectURL(blob) : undefined;
}
