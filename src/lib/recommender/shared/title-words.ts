/**
 * Title words as content features: the words of a product's titles that say what it is
 * ("aviator", "tote", "眼镜"), kept only where they can link products (in at least
 * MIN_TITLE_WORD_PRODUCTS of them) and capped at TITLE_VOCABULARY_CAP, so that a catalog of
 * 100,000 products does not turn every rare word into a feature of its own.
 *
 * Latin-script (and any non-Han) text is cut on anything not a letter or digit; Han text with
 * Intl.Segmenter('zh', word) where the runtime has it, else it gives no words. Lower case, NFKC.
 */
import type { Localized } from '../../catalog/types';

/** A word must occur in this many products to be a feature: one product links to nothing. */
export const MIN_TITLE_WORD_PRODUCTS = 2;
/** The most title words kept (the most widely used first): the feature table stays small. */
export const TITLE_VOCABULARY_CAP = 2000;

/** Words that say nothing about what a product is. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'in', 'on', 'by', 'to', 'at', 'from'],
  ...['的', '和', '与', '及', '或', '款'],
]);

const HAN_RUNS = /\p{Script=Han}+/gu;
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;
const LETTER = /\p{L}/u;

let segmenter: Intl.Segmenter | null | undefined;
function zhSegmenter(): Intl.Segmenter | null {
  segmenter ??=
    typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

type HanWords = (text: string) => string[];

/**
 * Han words, from the segmenter (none without one), each distinct run cut once: the segmenter
 * is the costly part, and a catalog's titles repeat their runs.
 */
function hanWords(): HanWords {
  const seg = zhSegmenter();
  if (!seg) return () => [];
  const runs = new Map<string, string[]>();
  const cut = (run: string) => {
    let words = runs.get(run);
    if (!words) {
      words = [...seg.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
      runs.set(run, words);
    }
    return words;
  };
  return (text) => [...text.matchAll(HAN_RUNS)].flatMap((run) => cut(run[0]));
}

/** Non-Han words: two characters or more, at least one a letter (no bare sizes or counts). */
function latinWords(text: string): string[] {
  const words = text.replace(HAN_RUNS, ' ').match(WORDS) ?? [];
  return words.filter((w) => w.length >= 2 && LETTER.test(w));
}

function wordsOf(name: Localized, han: HanWords): string[] {
  const words = new Set<string>();
  for (const title of new Set([name.en, name['zh-CN']])) {
    const text = title.normalize('NFKC').toLowerCase();
    for (const w of [...latinWords(text), ...han(text)]) {
      if (!STOP_WORDS.has(w)) words.add(w);
    }
  }
  return [...words];
}

/** The distinct words of a product's titles (English and Chinese), stop words left out. */
export function titleWords(name: Localized): string[] {
  return wordsOf(name, hanWords());
}

/**
 * The words kept as features: in at least `minProducts` of the lists (one per product, each
 * word once), the `cap` most widely used, ties by code-unit order so the same catalog always
 * keeps the same words.
 */
export function titleVocabulary(
  wordLists: readonly (readonly string[])[],
  cap = TITLE_VOCABULARY_CAP,
  minProducts = MIN_TITLE_WORD_PRODUCTS,
): Set<string> {
  const counts = new Map<string, number>();
  for (const words of wordLists) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minProducts);
  kept.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return new Set(kept.slice(0, cap).map(([w]) => w));
}

/** Each product's title words (in `names` order) that made the catalog's vocabulary. */
export function catalogTitleWords(names: readonly Localized[]): string[][] {
  const han = hanWords();
  const lists = names.map((name) => wordsOf(name, han));
  const vocabulary = titleVocabulary(lists);
  return lists.map((words) => words.filter((w) => vocabulary.has(w)));
}
