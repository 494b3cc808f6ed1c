/**
 * bench:product-pictures — the try-on products' 3D catalog pictures (tryon/client/pictures.ts)
 * in headless Chromium (software WebGL here) against the production build (`vite preview`):
 *
 *   npx vite build && npx tsx tests/bench/product-pictures.ts [--height 800] [--json out.json]
 *
 *   first_screen_ms      the Shop's grid shown to every 3D picture on its first screen shown
 *                        (a cold profile: nothing cached; includes the wait for an idle page);
 *   first_screen_count   how many 3D pictures that first screen has;
 *   second_screen_ms     one screen scrolled down, to its 3D pictures shown (warm worker);
 *   draw_ms              the worker's draw and encode per picture: the first (three.js, shaders,
 *                        environment map) and the median of the rest;
 *   round_trip_ms        median per picture as the page sees it (worker call to blob);
 *   cached_screen_ms     the Shop reloaded, grid shown to its first screen's 3D pictures shown
 *                        (from the device's cache);
 *   long_tasks_ms        the UI thread's long tasks (> 50 ms) while the first screen filled.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { modelledParams } from '../../src/lib/tryon/shared/pictures';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { PreviewServer } from '../e2e/preview-server';
import { OUT_DIR, OUTPUT_DIR, port } from '../e2e/slot';
import { measures, watch } from './user-timing';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const jsonPath = arg('json') ?? join(OUTPUT_DIR, 'product-pictures-bench.json');

const modelled = new Set(
  generateCatalog()
    .filter((p) => modelledParams(p))
    .map((p) => p.id),
);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** The grid's cards of 3D-pictured products that are on screen now, by product id. */
function onScreen(page: Page, ids: string[]) {
  return page.evaluate((wanted) => {
    const out: { id: string; picture: string }[] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement>('ul.grid > li a')) {
      const id = decodeURIComponent(a.hash.replace('#/product/', ''));
      const img = a.querySelector('img');
      if (!img || !wanted.includes(id)) continue;
      const r = img.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || r.width === 0) continue;
      out.push({ id, picture: img.dataset.picture ?? '' });
    }
    return out;
  }, ids);
}

/** Waits until every 3D-pictured card on screen shows its 3D picture; ms and how many. */
async function screenFilled(page: Page, from: number, limitMs = 600_000) {
  const ids = [...modelled];
  for (;;) {
    const cards = await onScreen(page, ids);
    if (cards.length && cards.every((c) => c.picture === '3d')) {
      return { ms: Math.round(performance.now() - from), count: cards.length };
    }
    if (performance.now() - from > limitMs) throw new Error('the pictures did not fill');
    await page.waitForTimeout(100);
  }
}

function longTasks() {
  const w = window as unknown as { __long: number };
  w.__long = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long += e.duration;
  }).observe({ type: 'longtask' });
}

async function main() {
  const server = new PreviewServer(port(4194));
  await server.start(OUT_DIR);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({
      baseURL: server.origin,
      viewport: { width: 1280, height: Number(arg('height') ?? 800) },
    });
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(watch);
    await context.addInitScript(longTasks);
    const page = await context.newPage();

    await page.goto('/#/shop');
    await page.locator('ul.grid > li').first().waitFor({ timeout: 120_000 });
    const first = await screenFilled(page, performance.now());
    const long_tasks_ms = Math.round(
      await page.evaluate(() => (window as unknown as { __long: number }).__long),
    );
    console.log(`first screen: ${first.count} pictures in ${first.ms} ms`);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, 'product-pictures-shop.png') });

    await page.evaluate(() => scrollBy(0, innerHeight));
    const second = await screenFilled(page, performance.now());
    console.log(`second screen: ${second.count} pictures in ${second.ms} ms`);

    const draws = await measures(page, 'product-picture-draw');
    const trips = await measures(page, 'product-picture');

    await page.reload();
    await page.locator('ul.grid > li').first().waitFor({ timeout: 120_000 });
    const cached = await screenFilled(page, performance.now(), 30_000);
    console.log(`from the cache: ${cached.count} pictures in ${cached.ms} ms`);

    const result = {
      first_screen_ms: first.ms,
      first_screen_count: first.count,
      second_screen_ms: second.ms,
      second_screen_count: second.count,
      draw_ms: {
        first: Math.round(draws[0] ?? NaN),
        median_after: Math.round(median(draws.slice(1))),
        n: draws.length,
      },
      round_trip_ms: Math.round(median(trips.slice(1))),
      cached_screen_ms: cached.ms,
      long_tasks_ms,
      machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
    };
    console.table(result);
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify(result, null, 2));
    console.log(`written ${jsonPath}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
