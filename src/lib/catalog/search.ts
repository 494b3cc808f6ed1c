/**
 * Catalog search that works in both languages whatever the UI locale: an English query finds
 * English text and a Chinese query finds Chinese text, on every product.
 */
import { COLOURS, TAG_NAMES } from './colours';
import { CATEGORY_NAMES } from './names';
import type { Category, Locale, Product } from './types';

export interface SearchQuery {
  text?: string;
  category?: Category | 'all';
  minPriceCents?: number;
  maxPriceCents?: number;
  colour?: string;
}

/** NFKC (full-width "ＲＥＤ" becomes "RED", the ideographic space a plain one), lower case, trimmed. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Chinese has no spaces, so a Chinese term may match anywhere; Latin terms must start a word,
 *  so that "red" does not find "tailored". */
function contains(haystack: string, term: string): boolean {
  if (CJK.test(term)) return haystack.includes(term);
  let at = haystack.indexOf(term);
  while (at !== -1) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack.charAt(at - 1))) return true;
    at = haystack.indexOf(term, at + 1);
  }
  return false;
}

/** Known Chinese words, longest first, for splitting a query such as 红色眼镜 into 红色 + 眼镜. */
let vocabulary: string[] | undefined;
function chineseVocabulary(): string[] {
  vocabulary ??= [
    ...new Set(
      [
        ...Object.values(COLOURS).map((c) => c.name['zh-CN']),
        ...Object.values(CATEGORY_NAMES).map((n) => n['zh-CN']),
        ...Object.values(TAG_NAMES).map((n) => n['zh-CN']),
      ].map(normalise),
    ),
  ].sort((a, b) => b.length - a.length);
  return vocabulary;
}

/** Splits a Chinese term into known words (greedy, longest first); unknown characters stay
 *  together as one piece. Returns undefined when nothing known was found. */
function segment(term: string): string[] | undefined {
  const words = chineseVocabulary();
  const pieces: string[] = [];
  let unknown = '';
  let found = false;
  for (let i = 0; i < term.length;) {
    const word = words.find((w) => term.startsWith(w, i));
    if (word) {
      if (unknown) pieces.push(unknown);
      unknown = '';
      pieces.push(word);
      found = true;
      i += word.length;
    } else {
      unknown += term.charAt(i);
      i += 1;
    }
  }
  if (unknown) pieces.push(unknown);
  return found && pieces.length > 1 ? pieces : undefined;
}

interface Indexed {
  nameEn: string;
  nameZh: string;
  all: string;
}

/** Search text per product, built once; products are treated as immutable. */
const index = new WeakMap<Product, Indexed>();
function indexed(p: Product): Indexed {
  let entry = index.get(p);
  if (!entry) {
    const colourNames = p.colours.flatMap((c) => {
      const named = COLOURS[c];
      return named ? [c, named.name.en, named.name['zh-CN']] : [c];
    });
    const tagNames = p.tags.flatMap((t) => {
      const named = TAG_NAMES[t];
      return named ? [t, named.en, named['zh-CN']] : [t];
    });
    const category = CATEGORY_NAMES[p.category];
    const nameEn = normalise(p.name.en);
    const nameZh = normalise(p.name['zh-CN']);
    entry = {
      nameEn,
      nameZh,
      all: [
        nameEn,
        nameZh,
        p.description.en,
        p.description['zh-CN'],
        p.brand,
        p.category,
        category.en,
        category['zh-CN'],
        ...colourNames,
        ...tagNames,
      ]
        .map(normalise)
        .join('\n'),
    };
    index.set(p, entry);
  }
  return entry;
}

/** A term matches when found whole, or, for Chinese, when every known word in it is found. */
function termMatches(haystack: string, term: string): boolean {
  if (contains(haystack, term)) return true;
  const pieces = CJK.test(term) ? segment(term) : undefined;
  return pieces !== undefined && pieces.every((piece) => contains(haystack, piece));
}

/**
 * Filters and ranks products. Words are ANDed; products whose name matches more words come
 * first, matches in the UI locale's name break ties, and the catalog order is kept otherwise.
 */
export function searchProducts(
  products: readonly Product[],
  query: SearchQuery,
  locale: Locale,
): Product[] {
  const terms = normalise(query.text ?? '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const results: { product: Product; score: number }[] = [];

  for (const p of products) {
    if (query.category && query.category !== 'all' && p.category !== query.category) continue;
    if (query.minPriceCents !== undefined && p.priceCents < query.minPriceCents) continue;
    if (query.maxPriceCents !== undefined && p.priceCents > query.maxPriceCents) continue;
    if (query.colour && !p.colours.includes(query.colour)) continue;
    if (terms.length === 0) {
      results.push({ product: p, score: 0 });
      continue;
    }
    const ix = indexed(p);
    if (!terms.every((t) => termMatches(ix.all, t))) continue;
    const localName = locale === 'en' ? ix.nameEn : ix.nameZh;
    let score = 0;
    for (const t of terms) {
      if (termMatches(localName, t)) score += 3;
      else if (termMatches(ix.nameEn, t) || termMatches(ix.nameZh, t)) score += 2;
    }
    results.push({ product: p, score });
  }

  // Array.prototype.sort is stable, so equal scores keep the catalog order.
  return results.sort((a, b) => b.score - a.score).map((r) => r.product);
}

/** The cheapest and dearest price in a list, for a price filter's range; 0..0 when empty. */
export function priceBounds(products: readonly Product[]): {
  minCents: number;
  maxCents: number;
} {
  if (products.length === 0) return { minCents: 0, maxCents: 0 };
  let minCents = Infinity;
  let maxCents = -Infinity;
  for (const p of products) {
    minCents = Math.min(minCents, p.priceCents);
    maxCents = Math.max(maxCents, p.priceCents);
  }
  return { minCents, maxCents };
}
