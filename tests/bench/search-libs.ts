/**
 * Compares full-text search libraries on a large catalog, for the choice of catalog search:
 *
 *   npx tsx tests/bench/search-libs.ts --products 100000 --json search-libs.json
 *
 *   npx tsx tests/bench/search-libs.ts --products 20000 --lib minisearch,engine
 *   npx tsx tests/bench/search-libs.ts --print-queries 1     (the 200 queries, one a line)
 *
 * For each of MiniSearch, Orama and FlexSearch, fed the same documents and the same tokenizer
 * (NFKC, lower case, Latin words, Chinese cut with Intl.Segmenter) and used as documented, and
 * for the app's engine (src/lib/catalog/search/index.ts: its own analysis, synonyms, typed-array
 * postings scored with MiniSearch's BM25+, MiniSearch's term tree for fuzzy and prefix words):
 *
 *   build_ms      adding every product to an empty index;
 *   heap_mb       JS heap and array buffers after indexing, less before it (so not the products);
 *   p50/p95_ms    200 searches (English, Chinese, typos, prefixes), each with the counts the Shop
 *                 shows (department, brand, colour, price band) and the first page of 24;
 *   top1          of the 10 queries that failed shoppers (墨镜, sunglases, shades, …), how many
 *                 put a product of the right department first;
 *   restore_ms    engine only: importCatalogIndex of exported data (what a saved index costs);
 *   features      what each offers for what we need.
 *
 * Each library runs in its own child process (same process.execArgv, so tsx), one after the
 * other, so that one's heap and JIT state do not weigh on another. Timings depend on the
 * machine and its load: the JSON records both.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import { readFileSync } from 'node:fs';
import { COLOURS, TAG_NAMES } from '../../src/lib/catalog/colours';
import { CATEGORY_NAMES } from '../../src/lib/catalog/names';
import { CATEGORIES, type Product } from '../../src/lib/catalog/types';
import { seededRandom } from '../../src/lib/random/seeded';
import {
  PRICE_BANDS,
  buildCatalogIndex,
  exportCatalogIndex,
  importCatalogIndex,
  priceBandIndex,
  searchCatalog,
} from '../../src/lib/catalog/search/index';
import { parseSynonyms } from '../../src/lib/shop/shared/synonyms';
import { benchProducts } from './catalog-products';

const LIBS = ['minisearch', 'orama', 'flexsearch', 'engine'] as const;
type Lib = (typeof LIBS)[number];

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('products') ?? 100_000);
const QUERIES = 200;
const PAGE = 24;

interface Features {
  fuzzy: string;
  prefix: string;
  chinese_tokenizer: string;
  field_boosts: string;
  facets: string;
  serialise: string;
  /** The import used here, bundled with esbuild --minify and gzip -9 (measured once, by hand). */
  size_min_gz_kb: number;
}
interface Row {
  lib: Lib;
  build_ms: number;
  heap_mb: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  top1: string;
  /** engine only: importCatalogIndex from exported data (a restore from IndexedDB, say). */
  restore_ms?: number;
  features: Features;
}

const FEATURES: Record<Lib, Features> = {
  minisearch: {
    fuzzy: 'yes: edit distance per term (number or function of the term)',
    prefix: 'yes: per term (function: the last one only)',
    chinese_tokenizer: 'yes: tokenize and processTerm, separately for index and query',
    field_boosts: 'yes: per field, per term (boostTerm), per document and term (boostDocument)',
    facets: 'no: the full match list (ids, scores) to count from',
    serialise: 'yes: toJSON / loadJSON(Async)',
    size_min_gz_kb: 5.8,
  },
  orama: {
    fuzzy: 'yes: one tolerance (edit distance) for every term',
    prefix: 'yes: always, unless exact (not the last term only)',
    chinese_tokenizer: 'yes: components.tokenizer (and a mandarin tokenizer package)',
    field_boosts: 'yes: per property',
    facets: 'yes: string, enum and number ranges, computed with the search',
    serialise: 'yes: save / load (plugin-data-persistence for files)',
    size_min_gz_kb: 21.5,
  },
  flexsearch: {
    fuzzy: 'no edit distance: phonetic encoders only (LatinBalance, Soundex)',
    prefix: 'yes: tokenize "forward" (an index of every prefix)',
    chinese_tokenizer: 'yes: encode / Encoder (split, normalize)',
    field_boosts: 'partial: field order and Resolver boost, no per-field score sum',
    facets: 'no: tag filters, no counts; ids to count from',
    serialise: 'yes: export / import per key',
    size_min_gz_kb: 16.8,
  },
  engine: {
    fuzzy: "MiniSearch's SearchableMap.fuzzyGet over the catalog's words, weighed by use",
    prefix: 'the last word while typed (SearchableMap.atPrefix, 40 most used completions)',
    chinese_tokenizer: 'known words, then Intl.Segmenter; bigrams of names',
    field_boosts: "per field, on BM25+ (MiniSearch's formula) scored once per posting",
    facets: 'typed-array counts over the match, each before its own filter',
    serialise: 'exportCatalogIndex / importCatalogIndex (structured-cloneable)',
    size_min_gz_kb: 12.5, // with MiniSearch and the colour, tag and department tables
  },
};

// ---------------------------------------------------------------------------------------------
// The same documents and tokenizer for every library
// ---------------------------------------------------------------------------------------------

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const hanCache = new Map<string, string[]>();
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text
    .normalize('NFKC')
    .toLowerCase()
    .matchAll(/\p{Script=Han}+|[a-z0-9]+/gu)) {
    const w = m[0];
    if (/^[a-z0-9]/.test(w)) {
      out.push(w);
      continue;
    }
    let words = hanCache.get(w);
    if (!words) {
      words = [...segmenter.segment(w)].map((s) => s.segment);
      hanCache.set(w, words);
    }
    out.push(...words);
  }
  return out;
}

interface Doc {
  i: number;
  name: string;
  brand: string;
  department: string;
  colours: string;
  tags: string;
  description: string;
}
const both = (l: { en: string; 'zh-CN': string }) => `${l.en} ${l['zh-CN']}`;
function docOf(p: Product, i: number): Doc {
  return {
    i,
    name: both(p.name),
    brand: p.brand,
    department: `${p.category} ${both(CATEGORY_NAMES[p.category])}`,
    colours: p.colours.map((c) => (COLOURS[c] ? both(COLOURS[c].name) : c)).join(' '),
    tags: p.tags.map((t) => (TAG_NAMES[t] ? both(TAG_NAMES[t]) : t)).join(' '),
    description: both(p.description),
  };
}
const FIELDS = ['name', 'brand', 'department', 'colours', 'tags', 'description'] as const;
const BOOST = { name: 3, brand: 2, department: 3, colours: 3, tags: 1.5, description: 0.3 };

/** Facet counts and the first page from matched doc indices (best first), as the Shop needs. */
class Facets {
  readonly category: Uint8Array;
  readonly brand: Uint32Array;
  readonly band: Uint8Array;
  readonly colourStart: Uint32Array;
  readonly colourIds: Uint32Array;
  readonly brands: number;
  readonly colours: number;
  constructor(products: readonly Product[]) {
    const brandIds = new Map<string, number>();
    const colourIds = new Map<string, number>();
    const list: number[] = [];
    this.category = new Uint8Array(products.length);
    this.brand = new Uint32Array(products.length);
    this.band = new Uint8Array(products.length);
    this.colourStart = new Uint32Array(products.length + 1);
    products.forEach((p, i) => {
      this.category[i] = CATEGORIES.indexOf(p.category);
      if (!brandIds.has(p.brand)) brandIds.set(p.brand, brandIds.size);
      this.brand[i] = brandIds.get(p.brand) as number;
      this.band[i] = priceBandIndex(p.priceCents);
      this.colourStart[i] = list.length;
      for (const c of p.colours) {
        if (!colourIds.has(c)) colourIds.set(c, colourIds.size);
        list.push(colourIds.get(c) as number);
      }
    });
    this.colourStart[products.length] = list.length;
    this.colourIds = Uint32Array.from(list);
    this.brands = brandIds.size;
    this.colours = colourIds.size;
  }
  count(matched: ArrayLike<number>): number {
    const c = new Int32Array(CATEGORIES.length);
    const b = new Int32Array(this.brands);
    const k = new Int32Array(this.colours);
    const p = new Int32Array(PRICE_BANDS.length);
    for (let i = 0; i < matched.length; i++) {
      const d = matched[i] as number;
      c[this.category[d] as number]!++;
      b[this.brand[d] as number]!++;
      p[this.band[d] as number]!++;
      for (let j = this.colourStart[d] as number; j < (this.colourStart[d + 1] as number); j++) {
        k[this.colourIds[j] as number]!++;
      }
    }
    return c[0]! + b[0]! + k[0]! + p[0]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The queries that failed shoppers, with the department the first result must be in. */
const PROBLEMS: [string, string][] = [
  ['墨镜', 'sunglasses'],
  ['sunglases', 'sunglasses'],
  ['shades', 'sunglasses'],
  ['eyeglasses', 'glasses'],
  ['glases', 'glasses'],
  ['眼镜', 'glasses'],
  ['handbag', 'bags'],
  ['running shoes', 'shoes'],
  ['red hat', 'hats'],
  ['红色帽子', 'hats'],
];

function queries(products: readonly Product[]): string[] {
  const next = seededRandom(0x5ea4c4);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const english = [
    ...['sunglasses', 'glasses', 'red hat', 'leather tote bag', 'wireless headphones'],
    ...['gold hoop earrings', 'matte lipstick', 'linen dress', 'ceramic vase', 'black boots'],
    ...['aviator', 'blue light glasses', 'cashmere beanie', 'canvas sneakers', 'power bank'],
    ...['scented candle', 'silver studs', 'polarized', 'bucket hat', 'navy sweater'],
  ];
  // Brands and product lines of the bench catalog, a fifth of the English queries.
  const names = [...new Set(products.slice(0, 2000).map((p) => p.brand))].slice(0, 5);
  english.push(...names);
  const chinese = [
    ...['太阳镜', '眼镜', '红色帽子', '口红', '耳环', '真皮托特包', '无线耳机', '黑色运动鞋'],
    ...['陶瓷花瓶', '飞行员', '哑光口红', '金色耳钉', '渔夫帽', '连衣裙', '充电宝', '香薰蜡烛'],
    ...['藏青色毛衣', '偏光', '防蓝光', '羊绒'],
  ];
  const words = english.flatMap((q) => q.split(' ')).filter((w) => w.length >= 5);
  const typo = (w: string) => {
    const i = 1 + Math.floor(next() * (w.length - 2));
    const kind = Math.floor(next() * 3);
    if (kind === 0) return w.slice(0, i) + w.slice(i + 1); // deletion
    if (kind === 1) return w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2); // swap
    return w.slice(0, i) + 'e' + w.slice(i + 1); // substitution
  };
  const out: string[] = [];
  for (let i = 0; i < QUERIES / 4; i++) {
    out.push(pick(english).toLowerCase());
    out.push(pick(chinese));
    out.push(typo(pick(words).toLowerCase()));
    const w = pick(words).toLowerCase();
    out.push(w.slice(0, 3 + Math.floor(next() * 3)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One library (in a child process)
// ---------------------------------------------------------------------------------------------

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20; // typed arrays live outside the JS heap
};

type SearchFn = ((q: string) => Promise<string[]> | string[]) & {
  buildMs?: number;
  restoreMs?: number;
};

async function build(lib: Lib, products: readonly Product[]): Promise<SearchFn> {
  const facets = new Facets(products);
  const ids = products.map((p) => p.id);
  const fuzzyOf = (t: string) => (t.length >= 8 ? 2 : t.length >= 4 ? 1 : false);

  if (lib === 'engine') {
    const synonyms = parseSynonyms(
      readFileSync(new URL('../../src/shops/demo/synonyms.txt', import.meta.url), 'utf8'),
    ).groups;
    let started = performance.now();
    const built = buildCatalogIndex(products, synonyms);
    const buildMs = performance.now() - started;
    const data = structuredClone(exportCatalogIndex(built));
    started = performance.now();
    const index = importCatalogIndex(data);
    const restoreMs = performance.now() - started;
    const search: SearchFn = (q) => searchCatalog(index, { text: q, limit: PAGE }).ids;
    search.buildMs = buildMs;
    search.restoreMs = restoreMs;
    return search;
  }

  if (lib === 'minisearch') {
    const ms = new MiniSearch<Doc>({
      idField: 'i',
      fields: [...FIELDS],
      tokenize,
      processTerm: (t) => t,
    });
    for (let i = 0; i < products.length; i++) ms.add(docOf(products[i] as Product, i));
    return (q) => {
      const results = ms.search(q, {
        boost: BOOST,
        combineWith: 'AND',
        fuzzy: (t) => fuzzyOf(t),
        prefix: (_t, i, terms) => i === terms.length - 1,
      });
      facets.count(results.map((r) => r.id as number));
      return results.slice(0, PAGE).map((r) => ids[r.id as number] as string);
    };
  }

  if (lib === 'orama') {
    const db = create({
      schema: {
        name: 'string',
        brand: 'string',
        department: 'string',
        colours: 'string',
        tags: 'string',
        description: 'string',
        category: 'enum',
        brandKey: 'enum',
        colourKeys: 'enum[]',
        price: 'number',
      } as const,
      components: {
        tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: tokenize },
      },
    });
    const docs = products.map((p, i) => {
      const d = docOf(p, i);
      return {
        id: String(i),
        name: d.name,
        brand: d.brand,
        department: d.department,
        colours: d.colours,
        tags: d.tags,
        description: d.description,
        category: p.category,
        brandKey: p.brand,
        colourKeys: p.colours,
        price: p.priceCents,
      };
    });
    await insertMultiple(db, docs, 1000);
    const ranges = PRICE_BANDS.map((b) => ({ from: b.minCents, to: b.maxCents ?? 1e12 }));
    return async (q) => {
      const r = await oramaSearch(db, {
        term: q,
        properties: [...FIELDS],
        boost: BOOST,
        tolerance: 1,
        threshold: 0,
        limit: PAGE,
        facets: {
          category: {},
          brandKey: { limit: 50 },
          colourKeys: {},
          price: { ranges },
        },
      });
      return r.hits.map((h) => ids[Number(h.id)] as string);
    };
  }

  // FlexSearch: AND holds within one field, so every field is also indexed together ("all");
  // name matches come first (its closest thing to a boost), then the rest.
  const index = new FlexSearch.Document({
    document: {
      id: 'i',
      index: [
        { field: 'name', tokenize: 'forward', encode: tokenize },
        { field: 'all', tokenize: 'forward', encode: tokenize },
      ],
    },
  });
  for (let i = 0; i < products.length; i++) {
    const d = docOf(products[i] as Product, i);
    index.add({ i, name: d.name, all: FIELDS.map((f) => d[f]).join(' ') });
  }
  return (q) => {
    const results = index.search(q, { index: ['name', 'all'], limit: products.length });
    const name = results.find((r) => r.field === 'name')?.result ?? [];
    const all = results.find((r) => r.field === 'all')?.result ?? [];
    const seen = new Set(name);
    const matched = [...name, ...all.filter((id) => !seen.has(id))] as number[];
    facets.count(matched);
    return matched.slice(0, PAGE).map((i) => ids[i] as string);
  };
}

async function runOne(lib: Lib): Promise<Row> {
  const products = benchProducts(N);
  const byId = new Map(products.map((p) => [p.id, p]));
  const before = heapMb();
  const t0 = performance.now();
  const search = await build(lib, products);
  const buildMs = performance.now() - t0;
  const heap = heapMb() - before;

  const qs = queries(products);
  for (const q of qs.slice(0, 20)) await search(q); // warm-up
  const times: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    await search(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))] ?? 0;
  let right = 0;
  for (const [q, department] of PROBLEMS) {
    const [first] = await search(q);
    if (first !== undefined && byId.get(first)?.category === department) right++;
  }
  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    lib,
    build_ms: Math.round(search.buildMs ?? buildMs),
    heap_mb: round(heap),
    p50_ms: round(at(0.5), 2),
    p95_ms: round(at(0.95), 2),
    max_ms: round(times[times.length - 1] ?? 0, 2),
    top1: `${right}/${PROBLEMS.length}`,
    ...(search.restoreMs !== undefined ? { restore_ms: Math.round(search.restoreMs) } : {}),
    features: FEATURES[lib],
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  if (arg('print-queries')) {
    console.log(queries(benchProducts(N)).join('\n'));
    return;
  }
  const child = arg('child') as Lib | undefined;
  if (child) {
    process.stdout.write(`\n${JSON.stringify(await runOne(child))}\n`);
    return;
  }
  const only = arg('lib');
  const libs = only ? (only.split(',') as Lib[]) : [...LIBS];
  const rows: Row[] = [];
  for (const lib of libs) {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', lib, '--products', `${N}`],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.error(`${lib} failed (${run.status}):\n${run.stderr}`);
      continue;
    }
    rows.push(JSON.parse(line) as Row);
    console.error(`${lib}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const cols = [
    'lib',
    'build_ms',
    'heap_mb',
    'p50_ms',
    'p95_ms',
    'max_ms',
    'top1',
    'restore_ms',
  ] as const;
  const table = [cols.join('\t'), ...rows.map((r) => cols.map((c) => r[c] ?? '-').join('\t'))];
  console.log(`\n${N} products, ${QUERIES} queries, page of ${PAGE}, facets included\n`);
  console.log(table.join('\n'));
  console.log('\nfeatures:');
  for (const r of rows) {
    console.log(
      `  ${r.lib}: ${Object.entries(r.features)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
    );
  }
  const json = arg('json');
  if (json) {
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      loadavg: loadavg(),
      node: process.version,
    };
    writeFileSync(
      json,
      JSON.stringify({ products: N, queries: QUERIES, page: PAGE, machine, rows }, null, 2),
    );
    console.log(`\nwrote ${json}`);
  }
}

await main();
