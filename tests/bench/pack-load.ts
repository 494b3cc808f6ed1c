/**
 * A shop pack loaded by staff on the device (My data → Shop settings), at a real shop's size:
 * `npm run bench:pack-load -- --products 100000 --json <file>`.
 *
 * Zips the bench's deterministic pack (catalog-products.ts: a Shopify products.csv, shop.json and
 * synonyms; no pictures), builds the demo app, and in headless Chromium sets a staff PIN, chooses
 * the zip and then opens the shop:
 * - load_ms: from choosing the file to "… is ready": the worker's whole job (unzipped, every row
 *   checked, the recommender trained, the catalog file and model stored in IndexedDB);
 * - store_ms: the restarted app storing that catalog in the shopper's database
 *   (`aisle:catalog-store`), as a built large shop does on its first visit;
 * - heap_mb: the page's JS heap at the end (the workers' are their own).
 * Prints a table and writes JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { zipSync } from 'fflate';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { PreviewServer } from '../e2e/preview-server';
import { OUTPUT_DIR, port } from '../e2e/slot';
import { writeBenchPack } from './catalog-products';
import { nextMeasure, pageHeapMb, watch } from './user-timing';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('products') ?? 100_000);
const jsonPath = arg('json') ?? join(OUTPUT_DIR, 'pack-load-bench.json');

async function main() {
  const pack = writeBenchPack(N);
  const zip = join(tmpdir(), `aisle-bench-pack-${N}.zip`);
  const files = ['products.csv', 'shop.json', 'synonyms.txt'];
  writeFileSync(
    zip,
    zipSync(Object.fromEntries(files.map((f) => [f, readFileSync(join(pack, f))]))),
  );
  const outDir = join(tmpdir(), 'aisle-bench-pack-load-dist');
  const built = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'warn'],
    { env: { ...process.env, AISLE_SHOP: '' }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);

  const server = new PreviewServer(port(4199));
  await server.start(outDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.origin });
    await context.addInitScript(watch);
    const page = await context.newPage();
    await page.goto('/#/my-data');
    const panel = page.getByRole('region', { name: 'Shop settings' });
    await panel.getByLabel('Staff PIN (4 to 8 digits)').fill('2468');
    await panel.getByRole('button', { name: 'Set the PIN' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      panel.getByRole('button', { name: 'Load a shop pack (.zip)' }).click(),
    ]);
    const started = Date.now();
    await chooser.setFiles(zip);
    await panel.getByRole('status').getByText('is ready').waitFor({ timeout: 900_000 });
    const load_ms = Date.now() - started;
    console.log(`load_ms ${load_ms}`);

    await panel.getByRole('button', { name: 'Open the shop' }).click();
    const store_ms = Math.round(await nextMeasure(page, 'catalog-store', 0, 600_000));
    await page.evaluate(() => (location.hash = '#/shop'));
    await page.locator('ul.grid > li').first().waitFor({ timeout: 120_000 });
    const result = {
      products: N,
      zip_mb: Math.round(readFileSync(zip).length / 2 ** 17) / 8,
      load_ms,
      store_ms,
      heap_mb: Math.round(await pageHeapMb(page)),
    };
    console.table(result);
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(
      jsonPath,
      JSON.stringify(
        { ...result, date: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg() },
        null,
        2,
      ) + '\n',
    );
    console.log(`wrote ${jsonPath}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
