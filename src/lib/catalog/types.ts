/**
 * A product, as the app uses it, whatever the shop pack it came from (src/lib/shop/shared/pack).
 * Try-on parameters live on the product so that the Shop picture and the try-on renderer draw
 * from the same record.
 */

export type Locale = 'en' | 'zh-CN';
export type Localized = Record<Locale, string>;

export const CATEGORIES = [
  'glasses',
  'sunglasses',
  'hats',
  'earrings',
  'lipsticks',
  'apparel',
  'shoes',
  'bags',
  'electronics',
  'home',
  'other',
] as const;
/**
 * The app's departments: what try-on, offers, the assistant and For you know how to treat. A
 * pack's own product type (`Product.type`) is kept as the shop wrote it and mapped to one of
 * these (shop.json `departments`, the Google product taxonomy, or words in the type), else
 * 'other'.
 */
export type Category = (typeof CATEGORIES)[number];

/** Named colours, each with a display hex and names in both languages (see colours.ts). */
export type ColourName = string;

export interface EyewearParams {
  kind: 'eyewear';
  frameShape: 'round' | 'rectangle' | 'cat-eye' | 'aviator' | 'square' | 'oval';
  frameColour: string; // hex
  lensTint: string; // hex
  lensOpacity: number; // 0 (clear) .. 0.9 (dark sunglasses)
  bridgeWidthMm: number;
  templeWidthMm: number;
  lensWidthMm: number;
}
export interface HatParams {
  kind: 'hat';
  style: 'cap' | 'fedora' | 'beanie' | 'bucket' | 'sun-hat';
  crownColour: string; // hex
  brimColour: string; // hex
  bandColour?: string; // hex, a contrast hat band where the hat has one
  crownHeight: number; // relative to face height, 0.3 .. 0.8
  brimWidth: number; // relative to face width, 0 (beanie) .. 1.2
}
export interface EarringParams {
  kind: 'earring';
  style: 'stud' | 'hoop' | 'drop';
  metalColour: string; // hex
  stoneColour?: string; // hex
  sizeMm: number;
}
export interface LipstickParams {
  kind: 'lipstick';
  colour: string; // hex
  finish: 'matte' | 'gloss' | 'satin';
  opacity: number; // 0.3 .. 0.9
}
export type TryOnParams = EyewearParams | HatParams | EarringParams | LipstickParams;

/** One of a product's options (Shopify's Option1..3 Name, a feed's color / size). */
export interface ProductOption {
  name: Localized; // "Size" / "尺码"
  values: string[]; // as the shop wrote them, in variant order
}

/** A purchasable variant: one value per option, in `Product.options` order. */
export interface Variant {
  sku: string;
  values: string[];
  priceCents: number;
  compareAtCents?: number;
  image?: ProductImage;
}

/** A picture made at build time from the pack: `${src}-${width}.webp` for each width. */
export interface ProductImage {
  src: string; // path under the app's base, without the "-<width>.webp" suffix
  widths: number[]; // ascending
  alt: Localized;
}

export interface Product {
  id: string; // stable: the pack's handle / item_group_id / id, e.g. "glasses-007"
  category: Category; // the department (see CATEGORIES)
  type?: Localized; // the shop's own product type, where it differs from the department's name
  name: Localized; // both languages; a pack with one language repeats it
  description: Localized; // plain text (HTML from a pack is reduced to text)
  brand: string; // Vendor / brand, same in both languages
  priceCents: number; // the lowest variant price, in the shop currency's minor unit
  compareAtCents?: number; // "was" price, where the shop gives one
  colours: ColourName[]; // keys of COLOURS where known, else the shop's colour words; main first
  tags: string[]; // lower case; display names via TAG_NAMES where known
  options?: ProductOption[];
  variants?: Variant[]; // present when the product has options
  image?: ProductImage; // absent: a picture drawn on the device (productPicture)
  tryOn?: TryOnParams; // present for glasses, sunglasses, hats, earrings, lipsticks
}
