/**
 * What the Shopify CSV and the Merchant Center feed readers share, so that a row means the same
 * whichever export it came from: tables with line numbers, columns found by name, prices in
 * minor units, HTML reduced to text, colours, tags, ids, try-on JSON, pictures, and the last
 * step from a product's parts to the app's Product. Pure: no DOM, no Node, runs in a worker.
 */
import Papa from 'papaparse';
import { COLOURS } from '../../catalog/colours';
import type {
  Category,
  Locale,
  Localized,
  Product,
  ProductOption,
  TryOnParams,
  Variant,
} from '../../catalog/types';
import { department } from './departments';
import { minorUnitDigits } from './money';
import type { PackPicture, PackProblem } from './pack-types';
import { parseTryOn } from './try-on-schema';

// ---------------------------------------------------------------------------------------------
// Findings and limits
// ---------------------------------------------------------------------------------------------

/** What a reader found wrong: problems stop the pack, warnings do not. */
export interface Findings {
  problems: PackProblem[];
  warnings: PackProblem[];
}

export const problemAt = (
  file: string,
  line: number | undefined,
  column: string | undefined,
  why: string,
): PackProblem => ({
  file,
  ...(line !== undefined ? { line } : {}),
  ...(column ? { column } : {}),
  why,
});

/** A products file larger than this is refused (bytes of UTF-8). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** A products file with more data rows (or feed items) than this is refused. */
export const MAX_ROWS = 500_000;

/** UTF-8 size of a text, counted only as far as needed to compare with `limit`. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs count 2 + 2 = 4 bytes, as their UTF-8 form does.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** The "too big" problem for a products file, or undefined when it is within the limits. */
export function sizeProblem(file: string, text: string): PackProblem | undefined {
  return exceedsBytes(text, MAX_FILE_BYTES)
    ? problemAt(
        file,
        undefined,
        undefined,
        `${file} is larger than 200 MB: split the shop into smaller packs.`,
      )
    : undefined;
}

export const tooManyRows = (file: string): PackProblem =>
  problemAt(
    file,
    undefined,
    undefined,
    `${file} has more than ${MAX_ROWS.toLocaleString('en')} rows, more than a pack may hold.`,
  );

// ---------------------------------------------------------------------------------------------
// Tables: rows with their line numbers, columns found by name
// ---------------------------------------------------------------------------------------------

export interface Table {
  header: string[];
  rows: string[][];
  /** The 1-based line each row starts on (the header is line 1). */
  lines: number[];
}

export const stripBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/** Newlines inside a row's quoted values, so that later rows keep their true line numbers. */
function newlinesIn(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) {
    if (!cell.includes('\n')) continue;
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/** A CSV file (RFC 4180 quoting, as Shopify and spreadsheets write it) as a table. */
export function parseCsv(file: string, text: string, findings: Findings): Table | undefined {
  const parsed = Papa.parse<string[]>(stripBom(text), {
    delimiter: ',',
    skipEmptyLines: false,
    preview: MAX_ROWS + 2, // the header, the most rows allowed, and one to see there are more
  });
  const [header = [], ...rows] = parsed.data;
  if (rows.length > MAX_ROWS) {
    findings.problems.push(tooManyRows(file));
    return undefined;
  }
  const lines: number[] = [];
  let line = 2 + newlinesIn(header);
  for (const row of rows) {
    lines.push(line);
    line += 1 + newlinesIn(row);
  }
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    const at = error.row === undefined ? undefined : error.row === 0 ? 1 : lines[error.row - 1];
    const why =
      error.code === 'MissingQuotes'
        ? 'A quoted value is never closed: a " is missing, so the rest of the file runs into it.'
        : `The CSV cannot be read here: ${error.message}.`;
    findings.problems.push(problemAt(file, at, undefined, why));
  }
  return { header, rows, lines };
}

/** One TSV value: Google's format has no quoting, but spreadsheets may wrap a value in "…". */
function tsvValue(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')
    ? cell.slice(1, -1).replace(/""/g, '"')
    : cell;
}

/** A tab-separated file (one row a line, no line breaks inside values) as a table. */
export function parseTsv(file: string, text: string, findings: Findings): Table | undefined {
  const all = stripBom(text).split(/\r?\n/);
  if (all.length - 1 > MAX_ROWS + 1) {
    findings.problems.push(tooManyRows(file));
    return undefined;
  }
  const [header = '', ...rest] = all;
  return {
    header: header.split('\t').map(tsvValue),
    rows: rest.map((row) => row.split('\t').map(tsvValue)),
    lines: rest.map((_, i) => i + 2),
  };
}

/** A column found by one of its names: where it is, and its name as the file writes it. */
export interface Column {
  index: number;
  name: string;
}

/** Finds columns by name, case-insensitive, whatever their order; unknown columns are ignored. */
export function columnFinder(header: readonly string[]): (names: readonly string[]) => Column {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, index);
  });
  return (names) => {
    for (const name of names) {
      const index = byName.get(name.toLowerCase());
      if (index !== undefined) return { index, name: header[index]!.trim() };
    }
    return { index: -1, name: names[0] ?? '' };
  };
}

/** A row's value in a column, trimmed; '' where the column or the value is missing. */
export const cell = (row: readonly string[], column: Column): string =>
  column.index < 0 ? '' : (row[column.index] ?? '').trim();

export const isBlankRow = (row: readonly string[]): boolean => row.every((c) => !c.trim());

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

export const OTHER_LOCALE: Record<Locale, Locale> = { en: 'zh-CN', 'zh-CN': 'en' };

/** The names of a column's translation: "Title" → ["Title [zh-CN]"] for an English pack. */
export const translated = (names: readonly string[], locale: Locale): string[] =>
  names.map((name) => `${name} [${OTHER_LOCALE[locale]}]`);

/** Both languages from a main text and its translation; one missing repeats the other. */
export function localized(main: string, translation: string, locale: Locale): Localized {
  const first = main || translation;
  const second = translation || main;
  return locale === 'en' ? { en: first, 'zh-CN': second } : { en: second, 'zh-CN': first };
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  times: '×',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Tags that break a line: they become a space, so that words on either side stay apart. */
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|section|article|header|footer|blockquote|pre|figure|figcaption)\b[^>]*>/gi;

/** Product HTML (Shopify's Body (HTML)) as plain text: tags out, entities decoded, one space. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  const stripped = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

/** Shopify's Tags: comma-separated, lower case, each once. */
export const splitTags = (text: string): string[] =>
  unique(text.split(',').map((tag) => tag.trim().toLowerCase()));

export const unique = (items: readonly string[]): string[] => [...new Set(items)].filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------------------------

/** Every name a catalog colour goes by (key, English, Chinese), lower case, to its key. */
const COLOUR_KEYS = new Map<string, string>([
  ['gray', 'grey'],
  ['rose gold', 'rose-gold'],
  ...Object.entries(COLOURS).flatMap(([key, c]) =>
    [key, c.name.en, c.name['zh-CN']].map((name): [string, string] => [name.toLowerCase(), key]),
  ),
]);

/** A shop's colour word as the catalog's key where it is one ("Navy", "藏青色" → "navy"). */
export function colourKey(word: string): string {
  const lower = word.normalize('NFKC').trim().toLowerCase();
  return COLOUR_KEYS.get(lower) ?? lower;
}

/** Colour words as catalog keys (or the shop's own words), each once, in order. */
export const colourList = (words: readonly string[]): string[] =>
  unique(words.filter((w) => !w.trim().startsWith('gid://')).map(colourKey));

const COLOUR_OPTION = /^(colou?rs?|颜色|顏色|色彩)$/i;

/** Whether an option (in either language) is the product's colour. */
export const isColourOption = (name: Localized): boolean =>
  COLOUR_OPTION.test(name.en.trim()) || COLOUR_OPTION.test(name['zh-CN'].trim());

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

export type Checked<T> = { value: T } | { why: string };

/** A JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ID = /^[a-z0-9][a-z0-9-_]*$/;

/** A product id from a handle or feed id: lower case, letters, digits, "-" and "_". */
export function productId(raw: string, column: string): Checked<string> {
  const id = raw.toLowerCase();
  return ID.test(id)
    ? { value: id }
    : {
        why: `${column} "${raw}" may hold only letters a–z, digits, "-" and "_", and must start with a letter or digit.`,
      };
}

/** Fraction digits of a currency's minor unit (2 for CNY, 0 for JPY); undefined if unknown. */
export function currencyDigits(code: string): number | undefined {
  // Intl formats any three letters, so the list of currencies it knows decides.
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code) ? minorUnitDigits(code) : undefined;
}
let knownCurrencies: Set<string> | undefined;

/** A decimal price ("12.5", "12.50") in minor units of a currency with `digits` fraction digits. */
export function minorUnits(
  text: string,
  digits: number,
  column: string,
  currency: string,
): Checked<number> {
  if (!text) return { why: `${column} is empty.` };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[1] && !match[2])) {
    return {
      why: text.startsWith('-')
        ? `${column} is negative: "${text}".`
        : `${column} is not a number: "${text}".`,
    };
  }
  const [, whole = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(digits))) {
    return {
      why: `${column} has more decimals than ${currency} has (${digits}): "${text}".`,
    };
  }
  const value =
    Number(whole || '0') * 10 ** digits +
    Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  return Number.isSafeInteger(value) ? { value } : { why: `${column} is too large: "${text}".` };
}

/** Try-on JSON from a pack cell, checked against TryOnParams. */
export function tryOnFrom(text: string, column: string): Checked<TryOnParams> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      why: `${column} is not valid JSON: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`,
    };
  }
  const parsed = parseTryOn(raw);
  return 'value' in parsed ? parsed : { why: `${column} cannot be used: ${parsed.why}.` };
}

// ---------------------------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------------------------

/** A picture as a row gives it, before its source is checked. */
export interface PictureDraft {
  source: string;
  alt?: Localized;
  /** Where the pack says; else pictures keep the order they come in. */
  position?: number;
  variantSku?: string;
  line: number;
  column: string;
}

export const isWebAddress = (source: string): boolean => /^https?:\/\/\S+$/i.test(source);

/** A pack path as written ("./images/a.png") as the file list names it ("images/a.png"). */
export const packPath = (source: string): string => source.replace(/^(\.\/|\/)+/, '');

/**
 * A product's pictures, numbered: its own in the order the pack gives, then each variant's,
 * at the position of the same source among the product's own where there is one. A source that
 * is neither a file in the pack nor an http(s) address is a warning, and is left out.
 */
export function productPictures(
  productId: string,
  name: Localized,
  drafts: readonly PictureDraft[],
  files: ReadonlySet<string>,
  file: string,
  findings: Findings,
): PackPicture[] {
  const usable = drafts.filter((d) => {
    if (isWebAddress(d.source) || files.has(packPath(d.source))) return true;
    findings.warnings.push(
      problemAt(
        file,
        d.line,
        d.column,
        `The picture "${d.source}" is neither a file in the pack nor an http(s) address: ${productId} gets a picture drawn on the device.`,
      ),
    );
    return false;
  });
  const own: PackPicture[] = [];
  let next = 1;
  for (const d of usable.filter((p) => !p.variantSku)) {
    const position = d.position ?? next;
    next = Math.max(next, position) + 1;
    if (own.some((p) => p.source === d.source)) continue;
    own.push({ productId, source: d.source, alt: d.alt ?? name, position });
  }
  const variants = usable
    .filter((p) => p.variantSku)
    .map((d): PackPicture => {
      const same = own.find((p) => p.source === d.source);
      return {
        productId,
        variantSku: d.variantSku!,
        source: d.source,
        alt: d.alt ?? same?.alt ?? name,
        position: same?.position ?? next++,
      };
    });
  return [...own, ...variants];
}

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

/** A product's parts, read from its rows, before its department and price are settled. */
export interface ProductDraft {
  id: string;
  name: Localized;
  description: Localized;
  brand: string;
  /** The shop's own type, for display. */
  type?: Localized;
  /**
   * The type as written, each language (a feed's whole "A > B" path too): what the shop's
   * department map is keyed by, and the first words looked at for a department.
   */
  typeKeys: string[];
  taxonomy: string;
  tags: string[];
  colours: string[];
  options: ProductOption[];
  /** At least one; a product without options has exactly one. */
  variants: Variant[];
  tryOn?: TryOnParams;
}

/** The cheapest variant, which sets the product's price (and its "was" price). */
const cheapest = (variants: readonly Variant[]): Variant =>
  variants.reduce((low, v) => (v.priceCents < low.priceCents ? v : low));

/** A variant's compare-at price, kept only where it is above the price (a real "was" price). */
export const compareAt = (priceCents: number, compareAtCents: number | undefined) =>
  compareAtCents !== undefined && compareAtCents > priceCents ? { compareAtCents } : {};

export function finishProduct(
  draft: ProductDraft,
  departments: Readonly<Record<string, Category>> | undefined,
): Product {
  const low = cheapest(draft.variants);
  const category = department(
    {
      types: draft.typeKeys,
      taxonomy: draft.taxonomy,
      texts: [...draft.typeKeys, draft.name.en, draft.name['zh-CN']],
    },
    departments,
  );
  return {
    id: draft.id,
    category,
    ...(draft.type ? { type: draft.type } : {}),
    name: draft.name,
    description: draft.description,
    brand: draft.brand,
    priceCents: low.priceCents,
    ...compareAt(low.priceCents, low.compareAtCents),
    colours: draft.colours,
    tags: draft.tags,
    ...(draft.options.length ? { options: draft.options, variants: draft.variants } : {}),
    ...(draft.tryOn ? { tryOn: draft.tryOn } : {}),
  };
}

/**
 * Checks a product's variants against each other: each combination of option values once.
 * `at` gives the line a variant came from.
 */
export function checkCombinations(
  draft: Pick<ProductDraft, 'id' | 'options' | 'variants'>,
  at: (index: number) => number,
  file: string,
  column: string,
  findings: Findings,
): void {
  if (!draft.options.length) return;
  const seen = new Map<string, number>();
  draft.variants.forEach((variant, index) => {
    const key = JSON.stringify(variant.values);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, at(index));
      return;
    }
    const described = draft.options
      .map((o, i) => `${o.name.en} ${variant.values[i] ?? ''}`)
      .join(', ');
    findings.problems.push(
      problemAt(
        file,
        at(index),
        column,
        `${draft.id} has the variant ${described} twice (also on line ${earlier}).`,
      ),
    );
  });
}

/** Remembers where each SKU was first used, across the whole products file. */
export class SkuRegister {
  private readonly lines = new Map<string, number>();

  /** Where the SKU was first used, when it was used before; else records it. */
  earlier(sku: string, line: number): number | undefined {
    const before = this.lines.get(sku);
    if (before === undefined) this.lines.set(sku, line);
    return before;
  }
}

/** A product read without problems, with the pictures its rows name. */
export interface ReadyDraft {
  product: ProductDraft;
  pictures: PictureDraft[];
}

/** The app's products from a reader's drafts, and their pictures (sources checked). */
export function finishProducts(
  drafts: readonly ReadyDraft[],
  ctx: ReadContext,
): Pick<ProductsRead, 'products' | 'pictures'> {
  return {
    products: drafts.map((d) => finishProduct(d.product, ctx.departments)),
    pictures: drafts.flatMap((d) =>
      productPictures(d.product.id, d.product.name, d.pictures, ctx.files, ctx.file, ctx.findings),
    ),
  };
}

/** What a format reader hands back to the pack reader. */
export interface ProductsRead {
  products: Product[];
  pictures: PackPicture[];
  /** The currency the prices are in: a feed's own, else the one the reader was told or assumed. */
  currency?: string;
}

/** What a format reader needs to know about the pack. */
export interface ReadContext {
  /** The products file's name, e.g. "products.csv". */
  file: string;
  /** The language of the main columns. */
  locale: Locale;
  /** shop.json's currency, when it gives one. */
  currency?: string;
  departments?: Readonly<Record<string, Category>>;
  /** The pack's files, to check pictures against. */
  files: ReadonlySet<string>;
  findings: Findings;
}
