/**
 * Products written as a Shopify product CSV, the format shops export: what the demo shop's pack
 * (src/shops/demo) and the benchmark's generated packs are made of, so that they go through the
 * very reader a real shop's export goes through. One row per variant (or one for a product
 * without options); the product's own columns only on its first row, as Shopify writes them.
 * The second language goes in "<Column> [zh-CN]" columns (see the README's shop pack section).
 */
import Papa from 'papaparse';
import type { Locale, Product } from '../../catalog/types';

export const TRY_ON_COLUMN = 'Try-on (product.metafields.private_aisle.try_on)';
export const COLOUR_COLUMN = 'Color (product.metafields.shopify.color-pattern)';

const OTHER: Record<Locale, Locale> = { en: 'zh-CN', 'zh-CN': 'en' };
const MAX_OPTIONS = 3;

/** Decimal text of a price in minor units, e.g. 12950 → "129.50" (2 fraction digits). */
export function decimalPrice(minor: number, fractionDigits: number): string {
  return fractionDigits === 0
    ? String(minor)
    : (minor / 10 ** fractionDigits).toFixed(fractionDigits);
}

export interface ShopifyWriteOptions {
  /** The language of the main columns; the other goes in "[…]" columns. */
  locale: Locale;
  /** Fraction digits of the shop's currency (2 for CNY, 0 for JPY). */
  fractionDigits: number;
}

export function writeShopifyCsv(
  products: readonly Product[],
  options: ShopifyWriteOptions,
): string {
  const main = options.locale;
  const second = OTHER[main];
  const tr = (column: string) => `${column} [${second}]`;
  const price = (minor: number | undefined) =>
    minor === undefined ? '' : decimalPrice(minor, options.fractionDigits);
  const optionColumns = Array.from({ length: MAX_OPTIONS }, (_, i) => [
    `Option${i + 1} Name`,
    tr(`Option${i + 1} Name`),
    `Option${i + 1} Value`,
  ]).flat();
  const fields = [
    'Handle',
    'Title',
    tr('Title'),
    'Body (HTML)',
    tr('Body (HTML)'),
    'Vendor',
    'Type',
    tr('Type'),
    'Tags',
    'Published',
    ...optionColumns,
    'Variant SKU',
    'Variant Price',
    'Variant Compare At Price',
    'Image Src',
    'Image Position',
    'Image Alt Text',
    'Status',
    COLOUR_COLUMN,
    TRY_ON_COLUMN,
  ];
  const rows: Record<string, string>[] = [];
  for (const p of products) {
    const first: Record<string, string> = {
      Handle: p.id,
      Title: p.name[main],
      [tr('Title')]: p.name[second],
      'Body (HTML)': escapeHtml(p.description[main]),
      [tr('Body (HTML)')]: escapeHtml(p.description[second]),
      Vendor: p.brand,
      Type: p.type?.[main] ?? '',
      [tr('Type')]: p.type?.[second] ?? '',
      Tags: p.tags.join(', '),
      Published: 'TRUE',
      Status: 'active',
      [COLOUR_COLUMN]: p.colours.join('; '),
      [TRY_ON_COLUMN]: p.tryOn ? JSON.stringify(p.tryOn) : '',
    };
    (p.options ?? []).forEach((o, i) => {
      first[`Option${i + 1} Name`] = o.name[main];
      first[tr(`Option${i + 1} Name`)] = o.name[second];
    });
    const variants = p.variants?.length
      ? p.variants
      : [{ sku: p.id, values: [], priceCents: p.priceCents, compareAtCents: p.compareAtCents }];
    variants.forEach((v, i) => {
      const row: Record<string, string> = i === 0 ? { ...first } : { Handle: p.id };
      v.values.forEach((value, j) => (row[`Option${j + 1} Value`] = value));
      row['Variant SKU'] = v.sku;
      row['Variant Price'] = price(v.priceCents);
      row['Variant Compare At Price'] = price(v.compareAtCents);
      rows.push(row);
    });
  }
  return (
    Papa.unparse(
      { fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) },
      { newline: '\n' },
    ) + '\n'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
