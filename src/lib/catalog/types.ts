/** The demo catalog's shape. Try-on parameters live on the product so that the Shop picture
 *  and the try-on renderer draw from the same record. */

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
] as const;
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

export interface Product {
  id: string; // stable, e.g. "glasses-007"
  category: Category;
  name: Localized;
  description: Localized;
  brand: string; // invented brand names, same in both languages
  priceCents: number; // CNY fen / cents; displayed with the locale's currency format
  colours: ColourName[]; // keys of COLOURS, first is the main colour
  tags: string[]; // lowercase English keys; display names via TAG_NAMES
  tryOn?: TryOnParams; // present for glasses, sunglasses, hats, earrings, lipsticks
}
