/**
 * From a read pack (pack.ts) to the shop the app runs (BuiltShop). The build does it with sharp
 * (src/build/shop-pack.ts) and a kiosk with OffscreenCanvas (shop/worker/pack-load.ts): the steps
 * are these, shared, so a pack makes the same shop wherever it is loaded. Only how a picture is
 * made and how bytes are hashed differ, and they are handed in.
 */
import { summarise } from '../../catalog/stored';
import type { Product, ProductImage } from '../../catalog/types';
import type { BuiltShop } from './built';
import type { PackProblem, ShopPack } from './pack-types';

/** The widths a picture is encoded in (never wider than its source). */
export const PICTURE_WIDTHS = [160, 320, 640] as const;
/** Where pictures are served from, under the app's base URL: `${dir}/<hash>-<width>.webp`. */
export const PICTURE_DIR = 'shop/img';

/** The widths of a picture whose source is `width` pixels wide. */
export function pictureWidths(width: number): number[] {
  const widths: number[] = PICTURE_WIDTHS.filter((w) => w <= width);
  return widths.length ? widths : [width];
}

/** A picture made from a pack's source: named by the hash of its bytes, in these widths. */
export interface MadePicture {
  hash: string;
  widths: number[];
}

/**
 * The products with their pictures: the first picture of a product (or of a variant, by
 * position) is its own. One that cannot be made is a warning, and the product's picture is
 * drawn on the device. `onPicture(done, total)` after each.
 */
export async function withPictures(
  pack: ShopPack,
  make: (source: string) => Promise<MadePicture>,
  onPicture?: (done: number, total: number) => void,
): Promise<{ products: Product[]; warnings: PackProblem[] }> {
  const images = new Map<string, ProductImage>(); // by product id, or "<id> <sku>"
  const warnings: PackProblem[] = [];
  const keyOf = (p: { productId: string; variantSku?: string }) =>
    p.variantSku ? `${p.productId} ${p.variantSku}` : p.productId;
  const firsts = new Map<string, ShopPack['pictures'][number]>();
  for (const picture of [...pack.pictures].sort((a, b) => a.position - b.position)) {
    if (!firsts.has(keyOf(picture))) firsts.set(keyOf(picture), picture);
  }
  let done = 0;
  for (const [key, picture] of firsts) {
    try {
      const { hash, widths } = await make(picture.source);
      images.set(key, { src: `${PICTURE_DIR}/${hash}`, widths, alt: picture.alt });
    } catch (e) {
      warnings.push({
        file: picture.source,
        why: `The picture of ${picture.productId} could not be read (${(e as Error).message}): a picture is drawn instead.`,
      });
    }
    onPicture?.(++done, firsts.size);
  }
  const products = pack.products.map((p) => {
    const image = images.get(p.id);
    const variants = p.variants?.map((v) => {
      const own = images.get(`${p.id} ${v.sku}`);
      return own ? { ...v, image: own } : v;
    });
    return { ...p, ...(image ? { image } : {}), ...(variants ? { variants } : {}) };
  });
  return { products, warnings };
}

/**
 * What the catalog version is a hash of, in order. Pictures are made from their sources and the
 * model from the products, the shop's ratings and its item factors, so nothing else counts (and
 * a pack without ratings.csv or item factors keeps the version it had before they counted). The
 * factors are hashed as their bytes, not as JSON.
 */
export function versionParts(pack: ShopPack): Uint8Array<ArrayBuffer>[] {
  const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const parts = [
    text(
      pack.ratings ? [pack.products, pack.pictures, pack.ratings] : [pack.products, pack.pictures],
    ),
  ];
  const factors = pack.itemFactors;
  if (factors) {
    parts.push(text([factors.rank, factors.itemIds]));
    const { buffer, byteOffset, byteLength } = factors.factors;
    parts.push(new Uint8Array(buffer as ArrayBuffer, byteOffset, byteLength));
  }
  return parts;
}

/** The version from the SHA-256 (hex) of versionParts. */
export const versionOfDigest = (hex: string): string => hex.slice(0, 12);

/**
 * The shop: `inline` true puts the products in it (the app's code); else only their summary,
 * and the catalog is the file `catalogFile`.
 */
export function assembleShop(
  pack: ShopPack,
  products: Product[],
  options: { catalogVersion: string; logo?: string; catalogFile?: string },
): BuiltShop {
  const { catalogVersion, logo, catalogFile } = options;
  return {
    ...(logo ? { logo } : {}),
    catalogVersion,
    settings: pack.settings,
    products: catalogFile ? [] : products,
    catalog: summarise(products, catalogFile),
    synonyms: pack.synonyms,
    ...(pack.offers ? { offers: pack.offers } : {}),
    ...(pack.faq ? { faq: pack.faq } : {}),
  };
}
