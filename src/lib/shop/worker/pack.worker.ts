/** Worker entry: a shop pack staff load on the device is read, pictured and stored here. */
import { expose } from 'comlink';
import { discardShopFiles, putShopFile, saveLoadedShop } from '../../db/shop';
import { createPackLoadApi, type DecodedPicture } from './pack-load';

export type { PackLoadApi, PackLoadProgress, PackLoadReport } from './pack-load';

/** Decoded by the browser, encoded again with OffscreenCanvas (WebP; PNG where it cannot). */
async function decode(bytes: Uint8Array): Promise<DecodedPicture> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  return {
    width: bitmap.width,
    async encode(width) {
      const height = Math.max(1, Math.round((bitmap.height * width) / bitmap.width));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
    },
    close: () => bitmap.close(),
  };
}

expose(
  createPackLoadApi({
    decode,
    putFile: putShopFile,
    save: saveLoadedShop,
    discard: discardShopFiles,
  }),
);
