/**
 * Spelling correction of a question before it is ranked: "how lnog dose shiping tak" reads
 * "how long dose shipping take". A word is corrected only when neither the model (its word
 * features) nor the English word table knows it; it becomes the closest word of the table (one
 * edit for short words, two from eight letters: a letter dropped, added, changed, or two swapped),
 * preferring words the model learned, then common ones. A real word typed by mistake ("dose")
 * stays: the character n-grams still carry it part of the way.
 * Pure: the worker applies it (worker/core.ts), Node tests and the eval harness as the app does.
 */
import type { WordVectors } from './word-vectors';

/**
 * The table's words by first letter and length (built once per table). A
 * slip rarely hits the first letter, and looking only there keeps a correction under a
 * millisecond.
 */
/** A word's frequency rank in the whole table (0 most common). */
function rankOf(table: WordVectors, word: string): number {
  const row = table.rows.get(word)!;
  return table.rank[row]!;
}

const index = new WeakMap<WordVectors, Map<string, string[]>>();

function wordsLike(table: WordVectors): Map<string, string[]> {
  let out = index.get(table);
  if (out) return out;
  out = new Map();
  for (const w of table.rows.keys()) {
    if (!/^[a-z]+$/.test(w)) continue;
    const key = w[0]! + w.length;
    out.set(key, [...(out.get(key) ?? []), w]);
  }
  index.set(table, out);
  return out;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein without re-editing a substring), or
 * max + 1 as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest table word to an unknown word, or undefined when none is close enough. */
export function closestWord(
  word: string,
  table: WordVectors,
  learned: (word: string) => boolean,
): string | undefined {
  const max = word.length >= 8 ? 2 : 1;
  const like = wordsLike(table);
  let best: { w: string; d: number; learned: boolean; rank: number } | undefined;
  for (let len = word.length - max; len <= word.length + max; len++)
    for (const w of like.get(word[0]! + len) ?? []) {
      const d = editDistance(word, w, max);
      if (d > max) continue;
      const l = learned(w);
      const rank = rankOf(table, w);
      // Learned words first, then fewer edits, then the more common.
      const better =
        !best || (l !== best.learned ? l : d !== best.d ? d < best.d : rank < best.rank);
      if (better) best = { w, d, learned: l, rank };
    }
  return best?.w;
}

/**
 * The text with each unknown English word of three letters or more replaced by its closest
 * word; the rest (digits, known words) as it was, and a Chinese question as a whole.
 */
export function correctSpelling(
  text: string,
  table: WordVectors | null,
  learned: (word: string) => boolean,
): string {
  // Latin words in a Chinese question are names ("打开uc浏览器"), not English with slips.
  if (!table || /\p{Script=Han}/u.test(text)) return text;
  return text.replace(/[A-Za-z]{3,}/g, (raw) => {
    const word = raw.toLowerCase();
    if (table.rows.has(word) || learned(word)) return raw;
    return closestWord(word, table, learned) ?? raw;
  });
}
