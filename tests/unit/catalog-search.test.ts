import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { gunzip, gzip } from '../../src/lib/binary/worker/gzip';
import { decodeCatalogIndex, encodeCatalogIndex } from '../../src/lib/catalog/search/file';
import { CATALOG_INDEX_VERSION, searchIndexFile } from '../../src/lib/catalog/search/version';
import { CATEGORY_NAMES, COLOURS, TAG_NAMES, generateCatalog } from '../../src/lib/catalog';
import type { Category, Product } from '../../src/lib/catalog';
import {
  PRICE_BANDS,
  buildCatalogIndex,
  editDistance,
  exportCatalogIndex,
  importCatalogIndex,
  fold,
  priceBandOf,
  searchCatalog,
  type CatalogFacets,
  type CatalogQuery,
} from '../../src/lib/catalog/search/index';
import {
  createCatalogSearchApi,
  type CatalogSearchApi,
} from '../../src/lib/catalog/worker/search-api';
import { WorkerBridge } from '../../src/lib/workers/bridge';
import { benchProducts } from '../bench/catalog-products';
import { fakeWorkers } from './helpers/fake-worker';
import { parseSynonyms } from '../../src/lib/shop/shared/synonyms';

const catalog = generateCatalog();
const byId = new Map(catalog.map((p) => [p.id, p]));
const synonyms = parseSynonyms(
  readFileSync(new URL('../../src/shops/demo/synonyms.txt', import.meta.url), 'utf8'),
).groups;
const index = buildCatalogIndex(catalog, synonyms);

const search = (query: CatalogQuery) => searchCatalog(index, { limit: 1000, ...query });
const products = (text: string) => search({ text }).ids.map((id) => byId.get(id) as Product);
const departments = (text: string, n?: number) =>
  products(text)
    .slice(0, n)
    .map((p) => p.category);
const count = (c: Category) => catalog.filter((p) => p.category === c).length;

describe('parseSynonyms', () => {
  it('reads one group per line, skipping comments, blanks and single words', () => {
    const read = parseSynonyms('# comment\n\nhat, cap ,帽子\r\nlonely\n太阳镜，墨镜、shades\n');
    expect(read.groups).toEqual([
      ['hat', 'cap', '帽子'],
      ['太阳镜', '墨镜', 'shades'],
    ]);
    expect(read.problems.map((p) => p.line)).toEqual([4]);
  });

  it('has the groups the demo shop needs', () => {
    const has = (...words: string[]) => synonyms.some((g) => words.every((w) => g.includes(w)));
    expect(has('墨镜', '太阳镜', 'sunglasses', 'shades', 'sunnies')).toBe(true);
    expect(has('眼镜', 'glasses', 'eyeglasses', 'spectacles', 'frames')).toBe(true);
    expect(has('包', '包包', 'handbag', 'bag', 'purse')).toBe(true);
    expect(has('跑鞋', 'running shoes', 'trainers', 'sneakers')).toBe(true);
    expect(has('帽子', 'hat', 'cap')).toBe(true);
    expect(has('耳环', 'earrings', 'earring')).toBe(true);
    expect(has('口红', '唇膏', 'lipstick')).toBe(true);
  });
});

describe('text analysis', () => {
  it('folds plurals symmetrically without making sunglasses glass', () => {
    expect(['hats', 'shoes', 'earrings', 'bags'].map(fold)).toEqual([
      'hat',
      'shoe',
      'earring',
      'bag',
    ]);
    expect(fold('accessories')).toBe('accessory');
    expect(fold('dress')).toBe('dress');
    expect(fold('glasses')).not.toBe('glass');
    expect(fold('sunglasses')).toBe(fold('sunglasses'));
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('sunglases', 'sunglasses')).toBe(1);
    expect(editDistance('lgiht', 'light')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('searchCatalog: what shoppers type', () => {
  it.each(['墨镜', 'sunglases', 'shades', 'sunglasses', 'sunnies', '太阳镜', 'SUNGLASSES'])(
    '%s finds sunglasses first',
    (text) => {
      expect(departments(text, 5)).toEqual(Array(5).fill('sunglasses'));
    },
  );

  it('"shades" finds no hat, though a bucket hat "shades all around"', () => {
    expect(catalog.some((p) => p.category === 'hats' && /shades/.test(p.description.en))).toBe(
      true,
    );
    expect(new Set(departments('shades'))).toEqual(new Set(['sunglasses']));
  });

  it.each(['eyeglasses', 'glases', '眼镜', 'spectacles', 'glasses'])(
    '%s finds glasses first',
    (text) => {
      expect(departments(text, 5)).toEqual(Array(5).fill('glasses'));
    },
  );

  it.each(['red hat', '红色帽子', 'RED HATS', 'ｒｅｄ　ｈａｔ'])(
    '%s puts red hats first, then hats with red on them',
    (text) => {
      const found = products(text);
      const red = catalog.filter((p) => p.category === 'hats' && p.colours[0] === 'red');
      expect(red.length).toBeGreaterThan(0);
      expect(found.slice(0, red.length).map((p) => p.id)).toEqual(
        expect.arrayContaining(red.map((p) => p.id)),
      );
      expect(found.every((p) => p.category === 'hats' && p.colours.includes('red'))).toBe(true);
    },
  );

  it.each(['handbag', '包', 'bags', 'purse', '包包'])(
    '%s finds every bag and only bags',
    (text) => {
      expect(departments(text)).toEqual(Array(count('bags')).fill('bags'));
    },
  );

  it.each(['running shoes', 'trainers', '跑鞋'])('%s finds shoes (sneakers)', (text) => {
    const found = products(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.category === 'shoes' && p.tags.includes('sneakers'))).toBe(true);
  });

  it('finds departments by any of their words, in both languages', () => {
    expect(departments('耳环')).toEqual(Array(count('earrings')).fill('earrings'));
    expect(departments('口红')).toEqual(Array(count('lipsticks')).fill('lipsticks'));
    expect(departments('lipstik', 5)).toEqual(Array(5).fill('lipsticks'));
    expect(departments('earings', 5)).toEqual(Array(5).fill('earrings'));
  });

  it('matches the last word as a prefix while it is being typed', () => {
    expect(departments('sungl', 5)).toEqual(Array(5).fill('sunglasses'));
    const totes = departments('leather tot');
    expect(totes.length).toBeGreaterThan(0);
    expect(new Set(totes)).toEqual(new Set(['bags']));
    expect(search({ text: 'sungl ' }).total).toBe(0); // a finished word is not a prefix
  });

  it('suggests the nearest known word when nothing matches', () => {
    const result = search({ text: 'sunglxxzz' });
    expect(result.total).toBe(0);
    expect(result.ids).toEqual([]);
    expect(result.suggestion).toBe('sunglasses');
    expect(search({ text: 'black sunglxxzz' }).suggestion).toBe('black sunglasses');
    expect(search({ text: 'lgiht' }).suggestion).toBe('light');
    expect(search({ text: 'qqqqxxxxzzzz' }).suggestion).toBeUndefined();
    expect(search({ text: 'sunglasses' }).suggestion).toBeUndefined();
  });

  it('finds a brand, also misspelled', () => {
    const brand = 'Fernhill';
    for (const text of [brand, 'fernhil']) {
      const found = products(text);
      expect(found.length).toBe(catalog.filter((p) => p.brand === brand).length);
      expect(found.every((p) => p.brand === brand)).toBe(true);
    }
  });

  it('finds a product by every Chinese word of its name, however the segmenter cuts it', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const known = [
      ...Object.values(COLOURS).map((c) => c.name['zh-CN']),
      ...Object.values(TAG_NAMES).map((n) => n['zh-CN']),
      ...Object.values(CATEGORY_NAMES).map((n) => n['zh-CN']),
    ];
    const words = new Set<string>();
    for (const p of catalog) {
      for (const [run] of p.name['zh-CN'].matchAll(/\p{Script=Han}+/gu)) {
        for (const s of segmenter.segment(run)) if (s.segment.length >= 2) words.add(s.segment);
        for (const k of known) if (k.length >= 2 && run.includes(k)) words.add(k);
      }
    }
    expect(words.size).toBeGreaterThan(50);
    const missed: string[] = [];
    for (const word of words) {
      const found = new Set(search({ text: word }).ids);
      const having = catalog.filter((p) => p.name['zh-CN'].includes(word));
      if (having.some((p) => !found.has(p.id))) missed.push(word);
    }
    expect(missed).toEqual([]);
  });
});

describe('searchCatalog: filters, facets and pages', () => {
  /** The facets by brute force: the text match, then every filter but the facet's own. */
  function bruteForce(query: CatalogQuery) {
    const matched = query.text ? search({ text: query.text }).ids : catalog.map((p) => p.id);
    const all = matched.map((id) => byId.get(id) as Product);
    const ok = {
      category: (p: Product) =>
        !query.category || query.category === 'all' || p.category === query.category,
      brand: (p: Product) => query.brand === undefined || p.brand === query.brand,
      colour: (p: Product) => query.colour === undefined || p.colours.includes(query.colour),
      price: (p: Product) =>
        p.priceCents >= (query.minPriceCents ?? -Infinity) &&
        p.priceCents <= (query.maxPriceCents ?? Infinity),
    };
    const except = (skip: keyof typeof ok) =>
      all.filter((p) => Object.entries(ok).every(([k, f]) => k === skip || f(p)));
    const tally = (keys: string[]) => {
      const out: Record<string, number> = {};
      for (const k of keys) out[k] = (out[k] ?? 0) + 1;
      return out;
    };
    const facets: CatalogFacets = {
      category: tally(except('category').map((p) => p.category)),
      brand: tally(except('brand').map((p) => p.brand)),
      colour: tally(except('colour').flatMap((p) => [...new Set(p.colours)])),
      priceBand: tally(except('price').map((p) => priceBandOf(p.priceCents))),
    };
    const ids = all.filter((p) => Object.values(ok).every((f) => f(p))).map((p) => p.id);
    return { ids, facets };
  }

  it.each<CatalogQuery>([
    {},
    { text: 'leather' },
    { text: 'black', category: 'bags' },
    { text: 'gold', colour: 'gold', minPriceCents: 20_000, maxPriceCents: 80_000 },
    { text: '红色', brand: 'Velvette' },
    { category: 'sunglasses', colour: 'black' },
    { text: 'hat', category: 'all', maxPriceCents: 25_000 },
  ])('counts facets over the text match, each before its own filter: %o', (query) => {
    const expected = bruteForce(query);
    const result = search(query);
    expect(result.facets).toEqual(expected.facets);
    expect(result.total).toBe(expected.ids.length);
    expect([...result.ids].sort()).toEqual([...expected.ids].sort());
  });

  it('filters by price (bounds included) and colour', () => {
    const result = search({ minPriceCents: 29_900, maxPriceCents: 59_900, colour: 'red' });
    const found = result.ids.map((id) => byId.get(id) as Product);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.priceCents).toBeGreaterThanOrEqual(29_900);
      expect(p.priceCents).toBeLessThanOrEqual(59_900);
      expect(p.colours).toContain('red');
    }
    expect(result.total).toBe(
      catalog.filter(
        (p) => p.priceCents >= 29_900 && p.priceCents <= 59_900 && p.colours.includes('red'),
      ).length,
    );
    expect(search({ colour: 'no-such-colour' }).total).toBe(0);
    expect(search({ brand: 'No Such Brand' }).total).toBe(0);
  });

  it('keeps the catalog order without text', () => {
    expect(search({}).ids).toEqual(catalog.map((p) => p.id));
    expect(search({ text: '   ' }).ids).toEqual(catalog.map((p) => p.id));
  });

  it('pages with offset and limit', () => {
    const all = search({ text: 'gold' }).ids;
    expect(all.length).toBeGreaterThan(20);
    const pages: string[] = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      const page = searchCatalog(index, { text: 'gold', offset, limit: 7 });
      expect(page.total).toBe(all.length);
      pages.push(...page.ids);
    }
    expect(pages).toEqual(all);
    expect(searchCatalog(index, { text: 'gold', limit: 0 }).ids).toEqual([]);
    expect(searchCatalog(index, { text: 'gold', offset: all.length }).ids).toEqual([]);
    expect(searchCatalog(index, { text: 'gold' }).ids).toHaveLength(Math.min(24, all.length));
    // A deep page (sorted in full) agrees with the short pages (a bounded heap).
    expect(searchCatalog(index, { text: 'gold', offset: 3, limit: 600 }).ids).toEqual(all.slice(3));
  });

  it('bands prices at fixed boundaries', () => {
    expect(PRICE_BANDS.map((b) => b.key)).toEqual([
      'under-100',
      '100-200',
      '200-500',
      '500-1000',
      '1000-up',
    ]);
    expect(priceBandOf(0)).toBe('under-100');
    expect(priceBandOf(9_999)).toBe('under-100');
    expect(priceBandOf(10_000)).toBe('100-200');
    expect(priceBandOf(99_999)).toBe('500-1000');
    expect(priceBandOf(100_000)).toBe('1000-up');
  });
});

describe('a saved index', () => {
  it('survives a structured clone (IndexedDB, postMessage) and answers the same', () => {
    const restored = importCatalogIndex(structuredClone(exportCatalogIndex(index)));
    for (const query of [
      { text: 'red hat' },
      { text: '墨镜', colour: 'black' },
      { text: 'sunglxxzz' },
      { text: 'leat', offset: 2, limit: 5 },
      { category: 'bags' as const, brand: 'Tidewell' },
    ]) {
      expect(searchCatalog(restored, query)).toEqual(searchCatalog(index, query));
    }
  });

  it('round-trips through the file the build ships (gzip), deterministically, and answers the same', async () => {
    const bytes = encodeCatalogIndex(exportCatalogIndex(index));
    expect(encodeCatalogIndex(exportCatalogIndex(buildCatalogIndex(catalog, synonyms)))).toEqual(
      bytes,
    );
    const file = new Blob([await gzip(bytes)]);
    const restored = importCatalogIndex(decodeCatalogIndex(await gunzip(file)));
    for (const query of [
      { text: 'red hat' },
      { text: '墨镜', colour: 'black' },
      { text: 'sunglxxzz' },
    ])
      expect(searchCatalog(restored, query)).toEqual(searchCatalog(index, query));
    expect(() => decodeCatalogIndex(bytes.slice(0, bytes.length - 8).buffer)).toThrow(/truncated/);
    expect(() => decodeCatalogIndex(new Uint8Array(16).buffer)).toThrow(/not a search index/);
    expect(searchIndexFile('abc')).toBe(`shop/search-v${CATALOG_INDEX_VERSION}-abc.bin`);
  });

  it('the worker loads the shipped file, or says it cannot (then the catalog is indexed there)', async () => {
    const api = createCatalogSearchApi();
    const body = await gzip(encodeCatalogIndex(exportCatalogIndex(index)));
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response(body))
      .mockResolvedValueOnce(new Response('not found', { status: 404 }))
      .mockResolvedValueOnce(new Response('garbage'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await api.loadFile('https://shop.example/shop/search.bin')).toMatchObject({
      products: catalog.length,
    });
    expect(api.search({ text: 'red hat' })).toEqual(searchCatalog(index, { text: 'red hat' }));
    expect(await api.loadFile('https://shop.example/shop/search.bin')).toBeNull();
    expect(await api.loadFile('https://shop.example/shop/search.bin')).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(3);
    vi.restoreAllMocks();
  });

  it('refuses data of another version', () => {
    const data = { ...exportCatalogIndex(index), version: CATALOG_INDEX_VERSION + 1 };
    expect(() => importCatalogIndex(data)).toThrow(/version/);
  });
});

describe('the search worker', () => {
  it('loads a catalog and answers searches, as searchCatalog does', async () => {
    const { spawn } = fakeWorkers(createCatalogSearchApi());
    const bridge = new WorkerBridge<CatalogSearchApi>(spawn);
    await expect(bridge.call((api) => api.search({ text: 'hat' }))).rejects.toThrow(/load/);
    const report = await bridge.call((api) => api.load(catalog, synonyms));
    expect(report.products).toBe(catalog.length);
    const query: CatalogQuery = { text: 'red hat', limit: 5 };
    expect(await bridge.call((api) => api.search(query))).toEqual(searchCatalog(index, query));
    bridge.terminate();
  });
});

// Speed is the bench's business (tests/bench/search-libs.ts); this checks answers at scale.
describe('at 20,000 products', () => {
  it('answers each kind of query', () => {
    const large = buildCatalogIndex(benchProducts(20_000), synonyms);
    const queries = ['sunglasses', 'red hat', '红色帽子', 'glases', 'leat', 'black', 'gold hoop'];
    for (const text of queries) {
      const result = searchCatalog(large, { text, category: 'all' });
      expect(result.total, text).toBeGreaterThan(0);
      expect(result.ids.length, text).toBe(Math.min(result.total, 24));
    }
  }, 60_000);
});
