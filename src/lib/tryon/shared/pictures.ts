/**
 * Catalog pictures drawn from a try-on product's 3D model (three/picture.ts): which products get
 * one, and the key each is cached under on the device (picture-queue.ts renders them one at a
 * time). Pure, and small: ProductPicture needs it at once, the rest loads with the first picture
 * (client/pictures.ts brings the worker, the cache and the screen).
 */
import type { EarringParams, EyewearParams, HatParams, Product } from '../../catalog/types';

export type ModelledParams = EyewearParams | HatParams | EarringParams;

/**
 * Bump whenever the models or the picture's studio (three/) change how a picture looks: every
 * cached picture then has a new key and is drawn again.
 */
export const PICTURE_MODEL_VERSION = 1;

/** The one size every 3D picture is rendered at (CSS scales it for each place it is shown). */
export const PICTURE_SIZE = 384;

/** The try-on parameters to draw a product's picture from, where its picture is the 3D model's:
 *  glasses, hats and earrings without a picture of their own (lipstick stays drawn in 2D). */
export function modelledParams(product: Product): ModelledParams | undefined {
  const p = product.tryOn;
  if (product.image || !p || p.kind === 'lipstick') return undefined;
  return p;
}

/** JSON with the keys sorted at every level, so equal parameters always read the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value.toLowerCase()) : JSON.stringify(value);
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits (collisions are not a security matter
 *  here: two products would at worst share a picture). */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/**
 * The picture's cache key: the model version, the size and a hash of the parameters (not the
 * product id: two products with the same parameters share one picture, and a product whose
 * parameters change gets a new one). Safe in a URL path.
 */
export function pictureKey(params: ModelledParams, size = PICTURE_SIZE): string {
  return `v${PICTURE_MODEL_VERSION}-${size}-${hash53(canonicalJson(params))}`;
}
