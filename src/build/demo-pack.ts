/**
 * Writes the demo shop's products.csv from the catalog generator (`npm run shop:demo`). The demo
 * shop is a shop pack like any other (src/shops/demo): the build reads the CSV, not the
 * generator, so the demo exercises the path a real shop's Shopify export takes. A unit test
 * checks the committed file is what the generator writes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from '../lib/catalog/generate.ts';
import { CATEGORY_NAMES } from '../lib/catalog/names.ts';
import { writeShopifyCsv } from '../lib/shop/shared/shopify-write.ts';

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into a browser asset URL.
export const DEMO_PACK_DIR = join(dirname(fileURLToPath(import.meta.url)), '../shops/demo/');

/** The demo's products.csv, as text: each product's Type is its department's name. */
export const demoProductsCsv = (): string =>
  writeShopifyCsv(
    generateCatalog().map((p) => ({ ...p, type: CATEGORY_NAMES[p.category] })),
    { locale: 'en', fractionDigits: 2 },
  );

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(DEMO_PACK_DIR, 'products.csv'), demoProductsCsv());
  console.log(`wrote ${join(DEMO_PACK_DIR, 'products.csv')}`);
}
