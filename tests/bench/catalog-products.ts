/**
 * A large, deterministic catalog for benchmarks (search-libs.ts, bench:catalog): `benchProducts(n)`
 * returns n products built from the demo catalog's 252, each redrawn with a seeded PRNG: a new
 * brand (from about 1,200 invented ones), main colour (half the time; names rewritten in both
 * languages), product line ("Galilyn edition" / "Galilyn 晨曦系列", about 1,100), price (½× to
 * 2×) and sometimes an extra description sentence, so that names, brands and vocabulary vary
 * the way a real shop's do. Ids are unique
 * ("<category>-b000123"), and so are variant SKUs. Same n, same products, on every machine.
 *
 * Independent of the search code on purpose: it only uses the demo catalog and its tables.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLOURS } from '../../src/lib/catalog/colours';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { CATEGORY_NAMES } from '../../src/lib/catalog/names';
import type { Localized, Product } from '../../src/lib/catalog/types';
import { seededRandom } from '../../src/lib/random/seeded';
import { writeShopifyCsv } from '../../src/lib/shop/shared/shopify-write';

const DEMO_PACK = 'src/shops/demo';

const SEED = 0xbe7c4a11;

const ONSETS = ['Al', 'Bel', 'Cor', 'Dar', 'El', 'Fen', 'Gal', 'Har', 'Is', 'Jun', 'Kel', 'Lor'];
const MIDDLES = ['', 'a', 'e', 'i', 'o', 'ar', 'en', 'il', 'or', 'u', 'an', 'el'];
const CODAS = ['ton', 'wick', 'mere', 'vale', 'ford', 'by', 'lyn', 'mont', 'dale', 'ro', 'sa', 'x'];
/** Two-word brands add a second word now and then, as real brands ("Kestrel Lane") do. */
const SECOND = ['Studio', 'Atelier', 'Lab', 'Co.', 'House', 'Works', 'Supply', 'Goods'];
const LINE_ZH = ['经典', '都市', '轻奢', '森林', '海岸', '星光', '晨曦', '暮色', '极简', '山野'];
const EXTRA: Localized[] = [
  { en: 'Free returns within 30 days.', 'zh-CN': '30 天内免费退货。' },
  { en: 'Made in small batches.', 'zh-CN': '小批量生产。' },
  { en: 'Packed in recycled paper.', 'zh-CN': '使用再生纸包装。' },
  { en: 'A customer favourite this season.', 'zh-CN': '本季顾客最爱。' },
  { en: 'Limited stock.', 'zh-CN': '库存有限。' },
  { en: 'Comes with a one-year warranty.', 'zh-CN': '享一年质保。' },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces whole English words (case-insensitive, keeping a leading capital) and exact Chinese. */
function replaceEn(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`\\b${escape(from)}\\b`, 'gi'), (m) =>
    m.charAt(0) === m.charAt(0).toUpperCase() ? to.charAt(0).toUpperCase() + to.slice(1) : to,
  );
}

function word(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return pick(ONSETS) + pick(MIDDLES) + pick(CODAS);
}

/** n products drawn from the demo catalog, varied and uniquely identified. */
export function benchProducts(n: number): Product[] {
  const base = generateCatalog();
  const next = seededRandom(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const colourKeys = Object.keys(COLOURS);

  // About 1,200 brands and 1,100 product lines, drawn once so that each recurs across products.
  const brands = [...new Set(Array.from({ length: 2000 }, () => word(next)))].map((b) =>
    next() < 0.25 ? `${b} ${pick(SECOND)}` : b,
  );
  const lines = [...new Set(Array.from({ length: 1200 }, () => word(next)))];

  const out: Product[] = [];
  for (let i = 0; i < n; i++) {
    const p = base[i % base.length] as Product;
    const brand = pick(brands);
    const line = pick(lines);
    const oldMain = p.colours[0] ?? 'black';
    const newMain = next() < 0.5 ? oldMain : pick(colourKeys.filter((c) => !p.colours.includes(c)));
    const from = COLOURS[oldMain]?.name;
    const to = COLOURS[newMain]?.name;

    const recolour = (text: Localized): Localized =>
      from && to && oldMain !== newMain
        ? {
            en: replaceEn(text.en, from.en, to.en.toLowerCase()),
            'zh-CN': text['zh-CN'].split(from['zh-CN']).join(to['zh-CN']),
          }
        : text;
    const rebrand = (text: Localized): Localized => ({
      en: text.en.split(p.brand).join(brand),
      'zh-CN': text['zh-CN'].split(p.brand).join(brand),
    });
    const name = rebrand(recolour(p.name));
    const description = recolour(p.description);
    const extra = next() < 0.4 ? pick(EXTRA) : undefined;
    const factor = 0.5 + next() * 1.5;
    const yuan = Math.max(9, Math.floor((p.priceCents * factor) / 1000) * 10 + 9);

    const id = `${p.category}-b${String(i + 1).padStart(6, '0')}`;
    // Variants of their own: unique SKUs (as a shop's export has), the product's new price.
    const variants = p.variants?.map((v, k) => ({
      ...v,
      sku: `${id}-${k + 1}`,
      priceCents: yuan * 100,
      compareAtCents: undefined,
    }));
    out.push({
      ...p,
      id,
      ...(variants ? { variants } : {}),
      compareAtCents: undefined,
      name: {
        en: `${name.en} (${line} edition)`,
        'zh-CN': `${name['zh-CN']}（${line} ${pick(LINE_ZH)}系列）`,
      },
      description: extra
        ? { en: `${description.en} ${extra.en}`, 'zh-CN': description['zh-CN'] + extra['zh-CN'] }
        : description,
      brand,
      priceCents: yuan * 100,
      colours: [newMain, ...p.colours.slice(1).filter((c) => c !== newMain)],
    });
  }
  return out;
}

/**
 * The bench's shop pack of `n` products, written once per size under the system's temp folder
 * (the same n gives the same files): a Shopify products.csv with the demo's shop.json and
 * synonyms. Returns its folder.
 */
export function writeBenchPack(n: number): string {
  const dir = join(tmpdir(), `aisle-bench-catalog-${n}`);
  const csv = join(dir, 'products.csv');
  if (!existsSync(csv)) {
    mkdirSync(dir, { recursive: true });
    const products = benchProducts(n).map((p) => ({ ...p, type: CATEGORY_NAMES[p.category] }));
    writeFileSync(csv, writeShopifyCsv(products, { locale: 'en', fractionDigits: 2 }));
  }
  for (const file of ['shop.json', 'synonyms.txt'])
    copyFileSync(join(DEMO_PACK, file), join(dir, file));
  return dir;
}
