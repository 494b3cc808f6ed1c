/**
 * A photo the shopper chose, decoded here and kept only in memory (an ImageBitmap); it is stored
 * nowhere unless they save a snapshot.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Larger photos are scaled down: landmarks do not need more, and the canvas stays light. */
export const MAX_PHOTO_SIDE = 1280;

export class PhotoError extends Error {}

export function isSupportedPhoto(file: { type: string; name: string }): boolean {
  if ((PHOTO_TYPES as readonly string[]).includes(file.type)) return true;
  // Some systems give no type: fall back on the extension.
  return !file.type && /\.(jpe?g|png|webp)$/i.test(file.name);
}

/** The size a photo is drawn at: at most MAX_PHOTO_SIDE on its longer side. */
export function fitSize(width: number, height: number, max = MAX_PHOTO_SIDE) {
  const s = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

export async function decodePhoto(file: File): Promise<ImageBitmap> {
  if (!isSupportedPhoto(file)) throw new PhotoError('unsupported type');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('cannot decode');
  }
  const size = fitSize(bitmap.width, bitmap.height);
  if (size.width === bitmap.width) return bitmap;
  const scaled = await createImageBitmap(bitmap, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  bitmap.close();
  return scaled;
}
