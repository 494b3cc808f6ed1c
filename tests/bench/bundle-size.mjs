// Initial-load JavaScript budget: what index.html loads before any view-specific chunk,
// gzipped. Run after `vite build` (`npm run bench` does both). Prints a table, writes JSON.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const DIST = 'dist';
const BUDGET_KB = 150;
const html = readFileSync(join(DIST, 'index.html'), 'utf8');

// Entry scripts and the chunks they preload are the initial load; lazy chunks are not.
const initial = new Set(
  [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]),
);
const rows = [...initial].map((file) => {
  const bytes = readFileSync(join(DIST, file));
  return { file, rawKB: bytes.length / 1024, gzipKB: gzipSync(bytes, { level: 9 }).length / 1024 };
});
const allJs = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
const total = rows.reduce((s, r) => s + r.gzipKB, 0);

console.table(rows.map((r) => ({ ...r, rawKB: r.rawKB.toFixed(1), gzipKB: r.gzipKB.toFixed(1) })));
console.log(
  `initial JS: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB); ${allJs.length} JS files in the build`,
);
mkdirSync('tests/.output', { recursive: true });
const result = {
  date: new Date().toISOString(),
  budgetKB: BUDGET_KB,
  initialGzipKB: total,
  files: rows,
};
writeFileSync('tests/.output/bundle-size.json', JSON.stringify(result, null, 2));
console.log('wrote tests/.output/bundle-size.json');
if (total > BUDGET_KB) process.exitCode = 1;
