/**
 * Catalog search: full-text search over a shop's products in both languages, with the shop's
 * synonyms, filters, facet counts and "Did you mean". Pure: it runs in the search worker
 * (../worker/search.worker.ts) and in Node alike.
 *
 *   const index = buildCatalogIndex(products, parseSynonyms(synonymsTxt).groups);
 *   const { total, ids, facets, suggestion } = searchCatalog(index, { text: 'red hat', limit: 24 });
 *
 * How text becomes terms (the same for products and queries):
 * - NFKC, lower case. Latin-script words are split on anything not a letter or digit, one-letter
 *   words and English stop words are dropped and plurals folded ("hats" → "hat", "glasses" →
 *   "glasse", "dress" stays): folding is symmetric, so "sunglasses" never meets "glass".
 * - Chinese runs are cut into known words first (colour, tag, department names and synonyms,
 *   longest first), the rest with Intl.Segmenter('zh', word). Names and types also index every
 *   character bigram of a run, and a query's unknown Chinese is matched by its bigrams, so that
 *   what the segmenter cuts differently in context ("飞行员" alone, "飞行员款眼镜" in a name) still
 *   matches: on the demo catalog, every Chinese word of a product's name finds it (without
 *   bigrams, 84%). Descriptions index known Chinese words only (the segmenter is the costly part
 *   of a build, bigrams the bulk of an index, and descriptions weigh little).
 * - Synonyms: every word or phrase of a group is indexed as the group's own term as well (a
 *   Chinese word also when it ends with a one-character member: 棒球帽 → 帽). A query word or
 *   phrase that is in a group searches the group's term in every field but the description, so
 *   "shades" finds sunglasses and not the bucket hat "that shades all around".
 *
 * Matching and ranking: a query's words are ANDed. A word matches exactly; fuzzily when the
 * catalog does not know it (edit distance 1 from 4 letters, 2 from 8); and as a prefix while it
 * is the last one typed; fuzzy and prefix candidates come from MiniSearch's radix tree
 * (SearchableMap) over the catalog's words and weigh less when less used, so "glases" means
 * glasses before glass. Scores are BM25+ (MiniSearch's formula and defaults) times a per-field
 * boost (FIELD_BOOSTS): the main colour, the name and the department most, the description
 * least, so "red hat" puts red hats before hats with a red band. Ties keep the catalog order.
 *
 * Why not MiniSearch.search: it builds an object per matching product, which at 100,000
 * products costs tens of milliseconds on a broad query (tests/bench/search-libs.ts); here
 * postings are typed arrays with each posting's BM25+ computed once at build, and a query
 * touches only numbers.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { COLOURS, TAG_NAMES } from '../colours';
import { CATEGORY_NAMES } from '../names';
import { CATEGORIES, type Category, type Localized, type Product } from '../types';
import { CATALOG_INDEX_VERSION } from './version';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface CatalogQuery {
  text?: string;
  category?: Category | 'all';
  brand?: string;
  /** A colour key (COLOURS) or a shop's own colour word, as in Product.colours. */
  colour?: string;
  /** Inclusive bounds, in the currency's minor unit. */
  minPriceCents?: number;
  maxPriceCents?: number;
  offset?: number;
  /** Page size; DEFAULT_LIMIT when absent. */
  limit?: number;
}

/** Counts over the text match, each before its own filter is applied; zero counts are left out. */
export interface CatalogFacets {
  category: Record<string, number>;
  brand: Record<string, number>;
  colour: Record<string, number>;
  /** Keyed by PriceBand.key. */
  priceBand: Record<string, number>;
}

export interface CatalogResult {
  /** Products matching the text and every filter. */
  total: number;
  /** The page (offset, limit) of those, best first. */
  ids: string[];
  facets: CatalogFacets;
  /** "Did you mean …", only when the text itself matches nothing. */
  suggestion?: string;
}

/** A price band, [minCents, maxCents) in the currency's minor unit; the last has no maxCents. */
export interface PriceBand {
  key: string;
  minCents: number;
  maxCents?: number;
}

/** Fixed bands (under 100, 100–200, 200–500, 500–1,000, 1,000 and more of the currency unit). */
export const PRICE_BANDS: readonly PriceBand[] = [
  { key: 'under-100', minCents: 0, maxCents: 10_000 },
  { key: '100-200', minCents: 10_000, maxCents: 20_000 },
  { key: '200-500', minCents: 20_000, maxCents: 50_000 },
  { key: '500-1000', minCents: 50_000, maxCents: 100_000 },
  { key: '1000-up', minCents: 100_000 },
];

export const DEFAULT_LIMIT = 24;

/** The index of the band a price falls in (negative prices count as the first band). */
export function priceBandIndex(priceCents: number): number {
  for (let b = PRICE_BANDS.length - 1; b > 0; b--) {
    if (priceCents >= (PRICE_BANDS[b] as PriceBand).minCents) return b;
  }
  return 0;
}

/** The key of the band a price falls in. */
export function priceBandOf(priceCents: number): string {
  return (PRICE_BANDS[priceBandIndex(priceCents)] as PriceBand).key;
}

// ---------------------------------------------------------------------------------------------
// Text analysis
// ---------------------------------------------------------------------------------------------

/** Words: runs of letters and digits (any script); in one that has Chinese, its Han runs. */
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
const SCRIPT_RUNS = /(\p{Script=Han}+)|[^\p{Script=Han}]+/gu;
const HAN = /\p{Script=Han}/u;

/** Words a query can leave out: they say nothing about which product is meant. */
const STOP_WORDS = new Set([
  ...['a', 'an', 'the', 'in', 'on', 'of', 'for', 'with', 'by', 'and', 'or', 'to', 'at', 'from'],
  ...['my', 'me', 'some', 'any', 'is', 'are', 'it', 'its'],
  ...['的', '了', '和', '与', '及', '或', '是', '在', '有', '要', '我', '买', '想'],
]);

/** NFKC (full-width "ＲＥＤ" becomes "red"), lower case. */
export function normalise(text: string): string {
  // NFKC changes nothing in ASCII, and most of a catalog's English is ASCII.
  return (ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
}
const ASCII = /^[ -~\t\n\r]*$/; // printable ASCII and the usual white space

/** Simple plural folding, the same for products and queries: "-ies" → "-y", "-s" → "" (not
 *  after s, u or i: "dress", "status", "axis" stay). */
export function fold(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  const before = word.charAt(word.length - 2);
  if (before === 's' || before === 'u' || before === 'i' || before === "'") return word;
  return word.slice(0, -1);
}

/** One word of a text: what it reads (`surface`), what it is indexed as (`term`), where it is. */
interface Unit {
  surface: string;
  term: string;
  han: boolean;
  start: number;
  end: number;
}

interface Group {
  /** The indexed term: a character no word contains, and the group number. */
  token: string;
  members: string[];
}

/** The analysis of one Han run, cached (colour, tag and product-type words recur endlessly). */
interface HanRun {
  words: { text: string; start: number }[];
  bigrams: string[];
}

interface BuildOptions {
  /** Index character bigrams of names and types (default true); false for measurement. */
  bigrams?: boolean;
  /** Cache the analysis of Han runs and keyword fields (default true). */
  cache?: boolean;
}

class Analyser {
  readonly groups: Group[] = [];
  /** A single Latin word or a Han word → its groups. Latin members are kept as written and
   *  match a product's word as written or folded: "hat" matches "hats", but "shades" (sunglasses)
   *  does not match "shade" (a lampshade). */
  readonly memberGroups = new Map<string, number[]>();
  /** First term of a multi-word Latin member → [terms, groups], longest first. */
  readonly phrases = new Map<string, { terms: string[]; groups: number[] }[]>();
  /** Known Han words (two characters or more), for cutting runs longest first. */
  readonly dictionary = new Set<string>();
  maxWord = 2;
  /** One-character Han members (包, 帽): a word ending with one belongs to its group. */
  readonly oneCharMembers = new Map<string, number[]>();
  /** A member as written (normalised) → its first group, for "Did you mean". */
  readonly memberOf = new Map<string, number>();
  readonly bigrams: boolean;
  readonly cache: boolean;
  readonly #runs = new Map<string, HanRun>();
  readonly #segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  constructor(synonyms: readonly string[][], options: BuildOptions) {
    this.bigrams = options.bigrams ?? true;
    this.cache = options.cache ?? true;
    const known = [
      ...Object.values(COLOURS).map((c) => c.name['zh-CN']),
      ...Object.values(TAG_NAMES).map((n) => n['zh-CN']),
      ...Object.values(CATEGORY_NAMES).map((n) => n['zh-CN']),
      ...synonyms.flat(),
    ];
    for (const text of known) {
      for (const m of normalise(text).matchAll(/\p{Script=Han}{2,}/gu)) this.addWord(m[0]);
    }
    synonyms.forEach((members, g) => {
      this.groups.push({ token: `~${g}`, members: [...members] });
      for (const member of members) this.addMember(member, g);
    });
    for (const list of this.phrases.values()) list.sort((a, b) => b.terms.length - a.terms.length);
  }

  addWord(word: string): void {
    this.dictionary.add(word);
    this.maxWord = Math.max(this.maxWord, word.length);
  }

  addMember(member: string, g: number): void {
    if (!this.memberOf.has(normalise(member))) this.memberOf.set(normalise(member), g);
    const units = this.units(normalise(member), true);
    const add = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key) ?? [];
      if (!list.includes(g)) list.push(g);
      map.set(key, list);
    };
    if (units.length === 0) return;
    if (units.every((u) => u.han)) {
      const word = units.map((u) => u.surface).join('');
      add(this.memberGroups, word);
      if (word.length === 1) add(this.oneCharMembers, word);
    } else if (units.length === 1) {
      add(this.memberGroups, (units[0] as Unit).surface);
    } else {
      const terms = units.map((u) => u.surface);
      const list = this.phrases.get(terms[0] as string) ?? [];
      const same = list.find((p) => p.terms.join(' ') === terms.join(' '));
      if (same) {
        if (!same.groups.includes(g)) same.groups.push(g);
      } else list.push({ terms, groups: [g] });
      this.phrases.set(terms[0] as string, list);
    }
  }

  /** Cuts a Han run: known words longest first, the rest with the segmenter (when `segment`). */
  hanRun(run: string, segment: boolean): HanRun {
    const key = segment ? run : `\u0000${run}`;
    const cached = this.cache ? this.#runs.get(key) : undefined;
    if (cached) return cached;
    const words: { text: string; start: number }[] = [];
    let gapStart = 0;
    const flushGap = (end: number) => {
      if (end <= gapStart) return;
      const gap = run.slice(gapStart, end);
      if (!segment) return; // descriptions: known words only
      if (gap.length === 1) {
        words.push({ text: gap, start: gapStart });
        return;
      }
      for (const s of this.#segmenter.segment(gap)) {
        words.push({ text: s.segment, start: gapStart + s.index });
      }
    };
    for (let i = 0; i < run.length;) {
      let len = Math.min(this.maxWord, run.length - i);
      for (; len >= 2; len--) if (this.dictionary.has(run.slice(i, i + len))) break;
      if (len >= 2) {
        flushGap(i);
        words.push({ text: run.slice(i, i + len), start: i });
        i += len;
        gapStart = i;
      } else i++;
    }
    flushGap(run.length);
    const bigrams: string[] = [];
    if (this.bigrams && run.length >= 2) {
      const seen = new Set(words.map((w) => w.text));
      for (let i = 0; i + 2 <= run.length; i++) {
        const b = run.slice(i, i + 2);
        if (!seen.has(b)) {
          seen.add(b);
          bigrams.push(b);
        }
      }
    }
    const result = { words, bigrams };
    if (this.cache) {
      if (this.#runs.size > 200_000) this.#runs.clear();
      this.#runs.set(key, result);
    }
    return result;
  }

  /** The groups of a Han word: its own and, in product text (`suffix`), those of a
   *  one-character member it ends with (棒球帽 is a 帽 too). */
  hanGroups(word: string, suffix: boolean): number[] {
    const own = this.memberGroups.get(word) ?? [];
    if (!suffix || word.length < 2) return own;
    const last = this.oneCharMembers.get(word.charAt(word.length - 1));
    return last ? [...new Set([...own, ...last])] : own;
  }

  /** The words of a normalised text, in order (Han runs cut with `segment`, see hanRun); the
   *  runs' bigrams are added to `bigrams` when given. */
  units(text: string, segment: boolean, bigrams?: string[]): Unit[] {
    const out: Unit[] = [];
    for (const m of text.matchAll(WORDS)) {
      const word = m[0];
      if (!HAN.test(word)) {
        if (word.length > 1) {
          out.push({
            surface: word,
            term: fold(word),
            han: false,
            start: m.index,
            end: m.index + word.length,
          });
        }
        continue;
      }
      for (const r of word.matchAll(SCRIPT_RUNS)) {
        const at = m.index + r.index;
        if (r[1] === undefined) {
          const latin = r[0];
          if (latin.length > 1) {
            out.push({
              surface: latin,
              term: fold(latin),
              han: false,
              start: at,
              end: at + latin.length,
            });
          }
          continue;
        }
        const run = this.hanRun(r[1], segment);
        if (bigrams) for (const b of run.bigrams) bigrams.push(b);
        for (const w of run.words) {
          const start = at + w.start;
          out.push({ surface: w.text, term: w.text, han: true, start, end: start + w.text.length });
        }
      }
    }
    return out;
  }

  /**
   * Synonym matches over units: [first unit, unit count, groups] for each. In a query
   * (`inProduct` false) the longest phrase wins and matches do not overlap ("bucket hat" means
   * bucket hats); in product text every match counts (a bucket hat is a hat too).
   */
  matchGroups(units: readonly Unit[], inProduct: boolean): [number, number, number[]][] {
    const out: [number, number, number[]][] = [];
    for (let i = 0; i < units.length;) {
      const u = units[i] as Unit;
      if (u.han) {
        const groups = this.hanGroups(u.term, inProduct);
        if (groups.length > 0) out.push([i, 1, groups]);
        i++;
        continue;
      }
      const phrase = (this.phrases.get(u.surface) ?? this.phrases.get(u.term))?.find((p) =>
        p.terms.every((t, k) => {
          const v = units[i + k];
          return v !== undefined && !v.han && (v.surface === t || v.term === t);
        }),
      );
      if (phrase) out.push([i, phrase.terms.length, phrase.groups]);
      if (phrase && !inProduct) {
        i += phrase.terms.length;
        continue;
      }
      const groups = this.memberGroups.get(u.surface) ?? this.memberGroups.get(u.term);
      if (groups) out.push([i, 1, groups]);
      i++;
    }
    return out;
  }

  /**
   * The indexed terms of one field value: a name or type (`name`: Chinese cut with the segmenter,
   * plus bigrams), a keyword (brand, department, colour or tag names: cut, no bigrams) or a
   * description (known Chinese words only: the segmenter is the costly part of a build, bigrams
   * the bulk of an index, and descriptions weigh little). English stop words are left out.
   */
  terms(text: string, kind: 'name' | 'keyword' | 'description', words?: string[]): string[] {
    const bigrams: string[] = [];
    const units = this.units(
      normalise(text),
      kind !== 'description',
      kind === 'name' ? bigrams : undefined,
    );
    const out: string[] = [];
    for (const u of units) {
      if (!u.han && STOP_WORDS.has(u.surface)) continue;
      out.push(u.term);
      // Words worth offering as "Did you mean": two Chinese characters, three letters, no digits.
      if (words && u.surface.length >= (u.han ? 2 : 3) && !/\d/.test(u.surface)) {
        words.push(u.surface);
      }
    }
    for (const b of bigrams) out.push(b);
    const groups = new Set<number>();
    for (const [, , gs] of this.matchGroups(units, true)) for (const g of gs) groups.add(g);
    for (const g of groups) out.push((this.groups[g] as Group).token);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

const FIELDS = [
  'name',
  'type',
  'brand',
  'department',
  'colour',
  'colours',
  'tags',
  'description',
] as const;
type Field = (typeof FIELDS)[number];
const F = FIELDS.length;
const FIELD_ID = Object.fromEntries(FIELDS.map((f, k) => [f, k])) as Record<Field, number>;

/** How much a match in each field counts (BM25 score × boost). */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = {
  name: 3,
  type: 2.5,
  brand: 2,
  department: 3,
  colour: 3.5, // the main colour
  colours: 1.2, // the other colours
  tags: 1.5,
  description: 0.3,
};
const BOOST = FIELDS.map((f) => FIELD_BOOSTS[f]);
/** Field masks: everywhere, and everywhere but the description (synonyms, fuzzy, prefix). */
const ALL = (1 << F) - 1;
const NOT_DESCRIPTION = ALL & ~(1 << FIELD_ID.description);

/** BM25+ as MiniSearch scores it (its defaults): k term saturation, b length normalisation,
 *  d the floor every match gets. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * An index as plain data (typed arrays, strings, numbers): structured-cloneable, so it can be
 * kept in IndexedDB or sent between threads, and turned back into an index (importCatalogIndex)
 * in a fraction of a build. Postings are compact: for term t and field f, the documents
 * postDoc[postStart[t·F+f] … postStart[t·F+f+1]) in catalog order, with their BM25+ score in
 * that field (postScore), computed once at build.
 */
export interface CatalogIndexData {
  version: number;
  synonyms: string[][];
  bigrams: boolean;
  ids: string[];
  terms: string[];
  postStart: Uint32Array;
  postDoc: Int32Array;
  postScore: Float32Array;
  /** Words "Did you mean" can offer, as written, with how many products use them. */
  vocabulary: [string, number][];
  /** Per product: department (CATEGORIES index), brand, price, price band, colours (offsets
   *  into colourIds). */
  category: Uint8Array;
  brand: Uint32Array;
  price: Float64Array;
  band: Uint8Array;
  colourStart: Uint32Array;
  colourIds: Uint32Array;
  brands: string[];
  colours: string[];
}

/** A built index: keep it where the searches run (the worker). Its fields are internal. */
export interface CatalogIndex extends Readonly<CatalogIndexData> {
  readonly size: number;
  readonly analyser: Analyser;
  readonly termIds: ReadonlyMap<string, number>;
  /** Chinese terms by first character, for prefixes. */
  readonly hanByFirst: ReadonlyMap<string, readonly string[]>;
  /** The Latin words of names, brands, departments, colours and tags (folded), with how many
   *  products use them: MiniSearch's radix tree finds fuzzy and prefix candidates among them. */
  readonly latinTerms: SearchableMap<number>;
  readonly uses: ReadonlyMap<string, number>;
  readonly brandIds: ReadonlyMap<string, number>;
  readonly colourIdsByName: ReadonlyMap<string, number>;
}

/** The index as plain data, to keep (IndexedDB) or send; see importCatalogIndex. */
export function exportCatalogIndex(index: CatalogIndexData): CatalogIndexData {
  const { version, synonyms, bigrams, ids, terms, postStart, postDoc, postScore, vocabulary } =
    index;
  const { category, brand, price, band, colourStart, colourIds, brands, colours } = index;
  return {
    ...{ version, synonyms, bigrams, ids, terms, postStart, postDoc, postScore, vocabulary },
    ...{ category, brand, price, band, colourStart, colourIds, brands, colours },
  };
}

/** An index from exportCatalogIndex's data; throws on data of another CATALOG_INDEX_VERSION. */
export function importCatalogIndex(data: CatalogIndexData): CatalogIndex {
  if (data.version !== CATALOG_INDEX_VERSION) {
    throw new Error(`Catalog index version ${data.version}, expected ${CATALOG_INDEX_VERSION}`);
  }
  const analyser = new Analyser(data.synonyms, { bigrams: data.bigrams });
  const termIds = new Map<string, number>();
  const hanByFirst = new Map<string, string[]>();
  data.terms.forEach((term, t) => {
    termIds.set(term, t);
    if (!HAN.test(term.charAt(0))) return;
    const list = hanByFirst.get(term.charAt(0)) ?? [];
    list.push(term);
    hanByFirst.set(term.charAt(0), list);
  });
  const latinTerms = new SearchableMap<number>();
  for (const [word, uses] of data.vocabulary) {
    if (!HAN.test(word)) latinTerms.update(fold(word), (before) => (before ?? 0) + uses);
  }
  const ids = (list: readonly string[]) => new Map(list.map((value, i) => [value, i]));
  return {
    ...exportCatalogIndex(data),
    size: data.ids.length,
    analyser,
    termIds,
    hanByFirst,
    latinTerms,
    uses: new Map(data.vocabulary),
    brandIds: ids(data.brands),
    colourIdsByName: ids(data.colours),
  };
}

function localizedText(l: Localized | undefined): string {
  return l ? `${l.en} ${l['zh-CN']}` : '';
}

/** Builds the index of `products` with the shop's synonym groups (src/lib/shop/shared/synonyms.ts). */
export function buildCatalogIndex(
  products: readonly Product[],
  synonyms: readonly string[][],
  options: BuildOptions = {},
): CatalogIndex {
  const analyser = new Analyser(synonyms, options);
  const n = products.length;
  const category = new Uint8Array(n);
  const brand = new Uint32Array(n);
  const price = new Float64Array(n);
  const band = new Uint8Array(n);
  const colourStart = new Uint32Array(n + 1);
  const colourList: number[] = [];
  const brands: string[] = [];
  const brandIds = new Map<string, number>();
  const colours: string[] = [];
  const colourIdsByName = new Map<string, number>();
  const vocabulary = new Map<string, number>();

  // Postings in the order they are met (document by document), then grouped by term and field.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postKey: number[] = []; // term · F + field
  const postDocs: number[] = [];
  const postTf: number[] = [];
  const fieldLength = new Uint16Array(n * F); // distinct terms, as MiniSearch counts length
  let seenAt = new Int32Array(1024); // term → (doc · F + field) + 1 where last met
  let seenPost = new Int32Array(1024); // term → its posting there
  const termId = (word: string): number => {
    let t = termIds.get(word);
    if (t === undefined) {
      t = terms.length;
      terms.push(word);
      termIds.set(word, t);
      if (t >= seenAt.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        seenAt = grow(seenAt);
        seenPost = grow(seenPost);
      }
    }
    return t;
  };
  const addField = (doc: number, field: number, words: readonly (string | number)[]) => {
    const mark = doc * F + field + 1;
    let unique = 0;
    for (const word of words) {
      const t = typeof word === 'number' ? word : termId(word);
      if (seenAt[t] === mark) {
        postTf[seenPost[t] as number]!++;
      } else {
        seenAt[t] = mark;
        seenPost[t] = postTf.length;
        postKey.push(t * F + field);
        postDocs.push(doc);
        postTf.push(1);
        unique++;
      }
    }
    const at = doc * F + field;
    fieldLength[at] = Math.min(0xffff, (fieldLength[at] as number) + unique);
  };

  // Words "Did you mean" may offer, counted once per product that uses them (not descriptions).
  const countWords = (words: readonly string[]) => {
    for (const w of words) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  };
  // Keyword fields (brand, department, colour and tag names) repeat: analyse each value once.
  const keywordCache = new Map<string, { terms: number[]; words: string[] }>();
  const keyword = (text: string): number[] => {
    let entry = keywordCache.get(text);
    if (entry === undefined) {
      const words: string[] = [];
      entry = { terms: analyser.terms(text, 'keyword', words).map(termId), words };
      keywordCache.set(text, entry);
    }
    countWords(entry.words);
    return entry.terms;
  };
  const free = (text: string, kind: 'name' | 'description'): string[] => {
    if (text === '') return [];
    if (kind === 'description') return analyser.terms(text, kind);
    const words: string[] = [];
    const terms = analyser.terms(text, kind, words);
    countWords(words);
    return terms;
  };
  const colourText = (key: string) => {
    const named = COLOURS[key];
    return named ? `${key.replace(/-/g, ' ')} ${named.name.en} ${named.name['zh-CN']}` : key;
  };
  const tagText = (tag: string) => {
    const named = TAG_NAMES[tag];
    return named ? `${tag.replace(/-/g, ' ')} ${named.en} ${named['zh-CN']}` : tag;
  };
  const intern = (map: Map<string, number>, list: string[], value: string) => {
    let id = map.get(value);
    if (id === undefined) {
      id = list.length;
      list.push(value);
      map.set(value, id);
    }
    return id;
  };

  for (let i = 0; i < n; i++) {
    const p = products[i] as Product;
    category[i] = Math.max(0, CATEGORIES.indexOf(p.category));
    brand[i] = intern(brandIds, brands, p.brand);
    price[i] = p.priceCents;
    band[i] = priceBandIndex(p.priceCents);
    colourStart[i] = colourList.length;
    for (const c of new Set(p.colours)) colourList.push(intern(colourIdsByName, colours, c));

    const [main, ...rest] = p.colours;
    addField(i, FIELD_ID.name, free(localizedText(p.name), 'name'));
    if (p.type) addField(i, FIELD_ID.type, free(localizedText(p.type), 'name'));
    addField(i, FIELD_ID.brand, keyword(p.brand));
    const department = `${p.category} ${localizedText(CATEGORY_NAMES[p.category])}`;
    addField(i, FIELD_ID.department, keyword(department));
    if (main !== undefined) addField(i, FIELD_ID.colour, keyword(colourText(main)));
    for (const c of rest) addField(i, FIELD_ID.colours, keyword(colourText(c)));
    for (const t of p.tags) addField(i, FIELD_ID.tags, keyword(tagText(t)));
    addField(i, FIELD_ID.description, free(localizedText(p.description), 'description'));
  }
  colourStart[n] = colourList.length;

  // Group the postings by term and field (a counting sort keeps catalog order within each),
  // and score each once: its BM25+ in its field.
  const keys = terms.length * F;
  const postStart = new Uint32Array(keys + 1);
  for (const key of postKey) postStart[key + 1]!++;
  for (let k = 0; k < keys; k++) postStart[k + 1]! += postStart[k] as number;
  const next = postStart.slice(0, keys);
  const postDoc = new Int32Array(postKey.length);
  const tf = new Uint16Array(postKey.length);
  for (let p = 0; p < postKey.length; p++) {
    const at = next[postKey[p] as number]!++;
    postDoc[at] = postDocs[p] as number;
    tf[at] = Math.min(0xffff, postTf[p] as number);
  }
  const avgLength = FIELDS.map((_, f) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += fieldLength[i * F + f] as number;
    return n > 0 ? sum / n : 0;
  });
  const postScore = new Float32Array(postKey.length);
  const { k, b, d } = BM25;
  for (let key = 0; key < keys; key++) {
    const from = postStart[key] as number;
    const to = postStart[key + 1] as number;
    if (from === to) continue;
    const f = key % F;
    const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
    const avg = (avgLength[f] as number) || 1;
    for (let p = from; p < to; p++) {
      const freq = tf[p] as number;
      const len = fieldLength[(postDoc[p] as number) * F + f] as number;
      postScore[p] = idf * (d + (freq * (k + 1)) / (freq + k * (1 - b + (b * len) / avg)));
    }
  }

  return importCatalogIndex({
    version: CATALOG_INDEX_VERSION,
    synonyms: synonyms.map((group) => [...group]),
    bigrams: analyser.bigrams,
    ids: products.map((p) => p.id),
    terms,
    postStart,
    postDoc,
    postScore,
    vocabulary: [...vocabulary],
    category,
    brand,
    price,
    band,
    colourStart,
    colourIds: Uint32Array.from(colourList),
    brands,
    colours,
  });
}

// ---------------------------------------------------------------------------------------------
// Matching and scoring
// ---------------------------------------------------------------------------------------------

/** What a query part asks for: terms (each with a weight, in the fields of a mask), or an AND /
 *  OR of such. */
type Match =
  | { kind: 'terms'; terms: readonly { term: string; weight: number }[]; fields: number }
  | { kind: 'and' | 'or'; of: readonly Match[] };

/** Matching documents (unordered) and their scores. */
interface Hits {
  docs: Int32Array;
  scores: Float64Array;
}
const NO_HITS: Hits = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * Sums each document's scores; dense arrays, read back sparse. The arrays are scratch space kept
 * between searches (allocating and zeroing them per search cost more than the search, at 100,000
 * products): `hits()` reads them out, clears only what was touched and gives them back.
 */
class Accumulator {
  readonly score: Float64Array;
  readonly count: Uint16Array;
  readonly docs: number[] = [];
  constructor(size: number) {
    const spare = scratch.pop();
    const fits = spare && spare.score.length === size;
    this.score = fits ? spare.score : new Float64Array(size);
    this.count = fits ? spare.count : new Uint16Array(size);
  }
  hits(filter?: (count: number) => boolean): Hits {
    const { score, count } = this;
    const docs = new Int32Array(this.docs.length);
    let n = 0;
    for (const doc of this.docs) {
      if (!filter || filter(count[doc] as number)) docs[n++] = doc;
    }
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = score[docs[i] as number] as number;
    for (const doc of this.docs) {
      score[doc] = 0;
      count[doc] = 0;
    }
    scratch.push({ score, count });
    return { docs: docs.subarray(0, n), scores };
  }
}
/** Cleared accumulator arrays, for the next one. */
const scratch: { score: Float64Array; count: Uint16Array }[] = [];

function evaluate(index: CatalogIndex, match: Match): Hits {
  if (match.kind === 'terms') {
    const acc = new Accumulator(index.size);
    const { postStart, postDoc, postScore } = index;
    for (const { term, weight } of match.terms) {
      const t = index.termIds.get(term);
      if (t === undefined || weight <= 0) continue;
      for (let f = 0; f < F; f++) {
        if (!(match.fields & (1 << f))) continue;
        const w = weight * (BOOST[f] as number);
        const to = postStart[t * F + f + 1] as number;
        for (let p = postStart[t * F + f] as number; p < to; p++) {
          const doc = postDoc[p] as number;
          if (acc.count[doc] === 0) {
            acc.count[doc] = 1;
            acc.docs.push(doc);
          }
          acc.score[doc]! += w * (postScore[p] as number);
        }
      }
    }
    return acc.hits();
  }
  const parts = match.of.map((m) => evaluate(index, m));
  if (match.kind === 'or') {
    const acc = new Accumulator(index.size);
    for (const { docs, scores } of parts) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (acc.count[doc] === 0) {
          acc.count[doc] = 1;
          acc.docs.push(doc);
        }
        acc.score[doc]! += scores[i] as number;
      }
    }
    return acc.hits();
  }
  // AND: the smallest part first; a document stays while every part so far has it.
  if (parts.length === 0 || parts.some((h) => h.docs.length === 0)) return NO_HITS;
  parts.sort((a, b) => a.docs.length - b.docs.length);
  const acc = new Accumulator(index.size);
  parts.forEach(({ docs, scores }, k) => {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (acc.count[doc] !== k) continue;
      if (k === 0) acc.docs.push(doc);
      acc.count[doc] = k + 1;
      acc.score[doc]! += scores[i] as number;
    }
  });
  return acc.hits((count) => count === parts.length);
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** One part of a parsed query: a word, a synonym phrase or a Chinese word, and its match. */
interface Part {
  surface: string;
  start: number;
  end: number;
  han: boolean;
  match: Match;
  /** The part names a synonym group (these never need a suggestion of their own). */
  synonym: boolean;
}

const termsMatch = (terms: string[], fields = ALL, weight = 1): Match => ({
  kind: 'terms',
  terms: terms.map((term) => ({ term, weight })),
  fields,
});

/** Edit distance allowed for a Latin word of this many letters. */
function fuzziness(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** At most this many prefix completions of a word being typed (the most used). */
const MAX_PREFIX_TERMS = 40;

/**
 * A Latin word: exact, everywhere; fuzzily when the catalog's names, brands, departments,
 * colours and tags do not have it as typed (a known word is not a typo of another); as a prefix
 * while being typed. Fuzzy and prefix candidates (not looked for in descriptions) weigh as in
 * MiniSearch, less for more edits or a longer completion, and less for fewer uses, so that
 * "glases" means glasses before glass.
 */
function latinMatch(index: CatalogIndex, term: string, typing: boolean): Match {
  const known = index.latinTerms;
  const fuzzy = known.has(term) ? 0 : fuzziness(term.length);
  const prefix = typing && term.length >= 2;
  const exact = termsMatch([term]);
  if (!fuzzy && !prefix) return exact;
  const candidates = new Map<string, { uses: number; weight: number }>();
  if (fuzzy) {
    for (const [t, [uses, distance]] of known.fuzzyGet(term, fuzzy)) {
      if (t !== term)
        candidates.set(t, { uses, weight: (0.45 * t.length) / (t.length + distance) });
    }
  }
  if (prefix) {
    const completions = [...known.atPrefix(term)]
      .filter(([t]) => t !== term)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_PREFIX_TERMS);
    for (const [t, uses] of completions) {
      const weight = (0.375 * t.length) / (t.length + 0.3 * (t.length - term.length));
      if ((candidates.get(t)?.weight ?? 0) < weight) candidates.set(t, { uses, weight });
    }
  }
  let most = 1;
  for (const c of candidates.values()) most = Math.max(most, c.uses);
  const expanded = [...candidates].map(([t, c]) => ({
    term: t,
    weight: c.weight * Math.max(0.2, Math.sqrt(c.uses / most)),
  }));
  return { kind: 'or', of: [exact, { kind: 'terms', terms: expanded, fields: NOT_DESCRIPTION }] };
}

/** A known Chinese word, or one character, and its completions while being typed. */
function hanWordMatch(index: CatalogIndex, word: string, typing: boolean): Match {
  const exact = termsMatch([word]);
  if (!typing) return exact;
  const completions = (index.hanByFirst.get(word.charAt(0)) ?? [])
    .filter((t) => t !== word && t.startsWith(word))
    .slice(0, MAX_PREFIX_TERMS)
    .map((t) => ({
      term: t,
      weight: (0.375 * t.length) / (t.length + 0.3 * (t.length - word.length)),
    }));
  if (completions.length === 0) return exact;
  return {
    kind: 'or',
    of: [exact, { kind: 'terms', terms: completions, fields: NOT_DESCRIPTION }],
  };
}

/** An unknown Chinese word of a query (not a known word, not a synonym). */
function hanMatch(index: CatalogIndex, word: string, typing: boolean): Match {
  if (word.length === 1) return hanWordMatch(index, word, typing);
  if (!index.analyser.bigrams) {
    return { kind: 'and', of: index.analyser.units(word, true).map((u) => termsMatch([u.term])) };
  }
  // All of its bigrams, which names and types index however the segmenter cut them, or the word
  // itself where the segmenter made it a word.
  const bigrams: Match[] = [];
  for (let k = 0; k + 2 <= word.length; k++) bigrams.push(termsMatch([word.slice(k, k + 2)]));
  return { kind: 'or', of: [termsMatch([word]), { kind: 'and', of: bigrams }] };
}

/**
 * A query's parts, ANDed: synonym words and phrases (their group), Latin words, known Chinese
 * words (colour, tag, department names), and the Chinese in between, which the segmenter cuts
 * but which is searched by its bigrams whole ("飞行员" is not "飞行" + "员"); stop words go.
 */
function parseQuery(index: CatalogIndex, text: string): Part[] {
  const analyser = index.analyser;
  const units = analyser.units(text, true);
  const typing = !/\s$/.test(text); // a trailing space: the last word is complete
  const parts: Part[] = [];
  const synonymAt = new Map<number, [number, number[]]>();
  for (const [i, count, groups] of analyser.matchGroups(units, false)) {
    synonymAt.set(i, [count, groups]);
  }
  const part = (start: number, end: number, han: boolean, match: Match, synonym = false) =>
    parts.push({ surface: text.slice(start, end), start, end, han, match, synonym });
  // Unknown Chinese words next to each other, searched as one.
  let gap: { start: number; end: number } | undefined;
  const flush = (last: boolean) => {
    if (!gap) return;
    const word = text.slice(gap.start, gap.end);
    part(gap.start, gap.end, true, hanMatch(index, word, last && typing));
    gap = undefined;
  };

  for (let i = 0; i < units.length;) {
    const u = units[i] as Unit;
    const syn = synonymAt.get(i);
    if (syn) {
      flush(false);
      const [count, groups] = syn;
      const tokens = groups.map((g) => (analyser.groups[g] as Group).token);
      const end = (units[i + count - 1] as Unit).end;
      part(u.start, end, u.han, termsMatch(tokens, NOT_DESCRIPTION), true);
      i += count;
      continue;
    }
    i++;
    const last = i === units.length;
    if (STOP_WORDS.has(u.surface)) {
      flush(false);
    } else if (!u.han) {
      flush(false);
      part(u.start, u.end, false, latinMatch(index, u.term, last && typing));
    } else if (analyser.dictionary.has(u.term)) {
      flush(false);
      part(u.start, u.end, true, hanWordMatch(index, u.term, last && typing));
    } else if (gap && gap.end === u.start) {
      gap.end = u.end;
    } else {
      flush(false);
      gap = { start: u.start, end: u.end };
    }
  }
  flush(true);
  // A query of stop words only ("the") still searches for them.
  if (parts.length === 0 && units.length > 0) {
    for (const u of units) part(u.start, u.end, u.han, termsMatch([u.term]));
  }
  return parts;
}

function textMatch(index: CatalogIndex, parts: readonly Part[]): Hits {
  return evaluate(index, { kind: 'and', of: parts.map((p) => p.match) });
}

/** Searches the index: the text match, then filters, facets and the page. */
export function searchCatalog(index: CatalogIndex, query: CatalogQuery): CatalogResult {
  const text = normalise(query.text ?? '').replace(/^\s+/, '');
  const parts = text.trim() === '' ? [] : parseQuery(index, text);
  const hits = parts.length > 0 ? textMatch(index, parts) : undefined;
  const matched = hits ? hits.docs : undefined;
  const count = matched ? matched.length : index.size;

  const category =
    query.category && query.category !== 'all' ? CATEGORIES.indexOf(query.category) : -1;
  const brand = query.brand !== undefined ? (index.brandIds.get(query.brand) ?? -2) : -1;
  const colour = query.colour !== undefined ? (index.colourIdsByName.get(query.colour) ?? -2) : -1;
  const min = query.minPriceCents ?? -Infinity;
  const max = query.maxPriceCents ?? Infinity;
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));

  const categoryCounts = new Int32Array(CATEGORIES.length);
  const brandCounts = new Int32Array(index.brands.length);
  const colourCounts = new Int32Array(index.colours.length);
  const bandCounts = new Int32Array(PRICE_BANDS.length);
  const { colourStart, colourIds } = index;
  // Positions (in `matched`, or documents when there is no text) that pass every filter.
  const passing = new Int32Array(count);
  let total = 0;

  for (let k = 0; k < count; k++) {
    const d = matched ? (matched[k] as number) : k;
    const okCategory = category === -1 || index.category[d] === category;
    const okBrand = brand === -1 || index.brand[d] === brand;
    const p = index.price[d] as number;
    const okPrice = p >= min && p <= max;
    const from = colourStart[d] as number;
    const to = colourStart[d + 1] as number;
    let okColour = colour === -1;
    if (!okColour) {
      for (let c = from; c < to; c++) if (colourIds[c] === colour) okColour = true;
    }
    if (okBrand && okColour && okPrice) categoryCounts[index.category[d] as number]!++;
    if (okCategory && okColour && okPrice) brandCounts[index.brand[d] as number]!++;
    if (okCategory && okBrand && okPrice) {
      for (let c = from; c < to; c++) colourCounts[colourIds[c] as number]!++;
    }
    if (okCategory && okBrand && okColour) bandCounts[index.band[d] as number]!++;
    if (okCategory && okBrand && okColour && okPrice) passing[total++] = k;
  }

  // The page: best first, ties in catalog order; without text, catalog order.
  let page: Int32Array;
  if (!hits) {
    page = passing.subarray(offset, Math.min(total, offset + limit));
  } else {
    const { docs, scores } = hits;
    const before = (a: number, b: number) =>
      (scores[b] as number) - (scores[a] as number) || (docs[a] as number) - (docs[b] as number);
    page = topK(passing.subarray(0, total), offset + limit, before).subarray(offset);
  }
  const ids = Array.from(page, (k) => index.ids[matched ? (matched[k] as number) : k] as string);

  const record = (counts: Int32Array, key: (i: number) => string) => {
    const out: Record<string, number> = {};
    for (let i = 0; i < counts.length; i++) if (counts[i]) out[key(i)] = counts[i] as number;
    return out;
  };
  const result: CatalogResult = {
    total,
    ids,
    facets: {
      category: record(categoryCounts, (i) => CATEGORIES[i] as string),
      brand: record(brandCounts, (i) => index.brands[i] as string),
      colour: record(colourCounts, (i) => index.colours[i] as string),
      priceBand: record(bandCounts, (i) => (PRICE_BANDS[i] as PriceBand).key),
    },
  };
  if (hits && hits.docs.length === 0) {
    const suggestion = suggest(index, text, parts);
    if (suggestion !== undefined) result.suggestion = suggestion;
  }
  return result;
}

/** The first `k` of `items` in `before` order, sorted: a bounded heap for a short page deep in
 *  a long list would be no faster than sorting, so past a few hundred everything is sorted. */
function topK(items: Int32Array, k: number, before: (a: number, b: number) => number): Int32Array {
  if (k >= items.length || k > 500) return items.slice().sort(before).subarray(0, k);
  // A max-heap (by `before`) of the best k so far: its root is the worst of them.
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (i: number, j: number) => before(heap[i] as number, heap[j] as number) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  for (const item of items) {
    if (size < k) {
      heap[size] = item;
      for (let i = size++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (k > 0 && before(item, heap[0] as number) < 0) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && worse(l, m)) m = l;
        if (r < size && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.subarray(0, size).sort(before);
}

// ---------------------------------------------------------------------------------------------
// Did you mean
// ---------------------------------------------------------------------------------------------

/** Optimal string alignment distance (a swap of two neighbours counts one), capped at max + 1. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The group's first member written in the same script as the shopper's word. */
function head(group: Group, han: boolean): string {
  return group.members.find((m) => HAN.test(m) === han) ?? (group.members[0] as string);
}

/**
 * The nearest word to `word` that the catalog or a synonym group knows: the fewest edits, where
 * keeping the typed beginning also counts ("sunglxxzz" keeps "sungl" of "sunglasses"), then the
 * most used. A word of a synonym group answers with the group's head.
 */
function nearestWord(index: CatalogIndex, word: string, han: boolean): string | undefined {
  const limit = Math.max(1, Math.round(word.length * 0.45));
  let best: { text: string; cost: number; uses: number } | undefined;
  const consider = (text: string, uses: number) => {
    if (HAN.test(text) !== han || text === word) return;
    const prefix = commonPrefix(word, text);
    const edits = editDistance(word, text, limit);
    const cost = Math.min(edits, prefix >= 3 ? word.length - prefix : Infinity);
    if (cost > limit) return;
    if (!best || cost < best.cost || (cost === best.cost && uses > best.uses)) {
      best = { text, cost, uses };
    }
  };
  for (const [text, uses] of index.uses) consider(text, uses);
  for (const member of index.analyser.memberOf.keys()) consider(member, 0);
  if (!best) return undefined;
  const g = index.analyser.memberOf.get(best.text);
  return g === undefined ? best.text : head(index.analyser.groups[g] as Group, han);
}

/** "Did you mean": each part that finds nothing on its own replaced by its nearest word, if
 *  the query then finds something. */
function suggest(index: CatalogIndex, text: string, parts: readonly Part[]): string | undefined {
  let out = '';
  let at = 0;
  let changed = false;
  for (const part of parts) {
    if (part.synonym || evaluate(index, part.match).docs.length > 0) continue;
    const word = nearestWord(index, part.surface, part.han);
    if (word === undefined) return undefined;
    out += text.slice(at, part.start) + word;
    at = part.end;
    changed = true;
  }
  if (!changed) return undefined;
  const suggestion = (out + text.slice(at)).trim();
  return textMatch(index, parseQuery(index, suggestion)).docs.length > 0 ? suggestion : undefined;
}
