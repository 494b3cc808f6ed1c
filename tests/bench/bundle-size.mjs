// Initial-load JavaScript budget: the entry chunk, every chunk it imports statically, and the
// service-worker helper that starts with it, gzipped. Views and ML libraries that load later
// are listed apart. Run after `vite build` (`npm run bench` does both). Prints a table, writes JSON.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const DIST =
  process.env.AISLE_SLOT && process.env.AISLE_SLOT !== '0'
    ? `dist-${process.env.AISLE_SLOT}`
    : 'dist'; // as tests/e2e/slot.ts
const BUDGET_KB = 150;
/** Dynamic imports that run at start-up anyway, so they count as initial load. */
const LOADED_AT_START = [/workbox-window/];

/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'));

/** @param {string} key @param {Set<string>} seen */
function staticClosure(key, seen) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const k of chunk.imports ?? []) staticClosure(k, seen);
  for (const k of chunk.dynamicImports ?? []) {
    if (LOADED_AT_START.some((re) => re.test(k))) staticClosure(k, seen);
  }
}

const initial = new Set();
// Tests-only pages (tests/e2e/pages/) are entries of the build but never part of the app's load.
for (const [key, chunk] of Object.entries(manifest))
  if (chunk.isEntry && !key.startsWith('tests/')) staticClosure(key, initial);

const gzipKB = (/** @type {string} */ file) =>
  gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
const rows = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js'))
  .map((c) => ({ file: c.file, initial: initial.has(c.file), gzipKB: gzipKB(c.file) }));
const total = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzipKB, 0);

console.table(rows.map((r) => ({ ...r, gzipKB: r.gzipKB.toFixed(1) })));
console.log(`initial JS: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
mkdirSync('tests/.output', { recursive: true });
writeFileSync(
  'tests/.output/bundle-size.json',
  JSON.stringify(
    { date: new Date().toISOString(), budgetKB: BUDGET_KB, initialGzipKB: total, files: rows },
    null,
    2,
  ),
);
console.log('wrote tests/.output/bundle-size.json');
if (total > BUDGET_KB) process.exitCode = 1;
