/**
 * The file format of the intent model shipped with the app (worker/prebuilt.ts trains it at
 * build time): the page fetches the bytes and hands them over, the worker decodes them, so the
 * UI thread never expands the weights. Pure.
 *
 * It carries what loading needs, so the first answer waits for nothing else and the worker
 * computes nothing: the weights, stored as int8 with one f32 scale per row (each feature row of
 * W, then the bias row), a quarter of their f32 size; the index the examples give (vocabulary,
 * BM25, class centroids: what the worker would otherwise spend most of a second rebuilding, and
 * exactly what it would rebuild: unit-tested); and the rows of the word-vector table the
 * examples use (the whole table, 4.5 MB, follows in the background for other words).
 *
 * The file is gzip-compressed (the index and int8 weights shrink to 42%: the download is what a
 * first answer waits for). Layout inside (little-endian; each part starts at a multiple of 4
 * bytes, zero padded): "PAAM",
 * u32 format version, the meta (u32 byte length, UTF-8 JSON with its keys in a fixed order),
 * (rows + 1) f32 scales, (rows + 1) × classes int8 weights; then the index: u32 hashed rows R
 * (0: none), u32 hash bits, R u32 buckets, R f32 idf; BM25: u32 texts D, the mean length (as text), R + 1
 * i32 posting starts, N text numbers (u16 when D ≤ 65,536, else u32), N u8 term counts, D f32
 * lengths, D class numbers (u16 or u32 likewise by classes), R f32 idf; the centroids by feature
 * row (R + dims): rows + 1 u32 starts, M class numbers, M f32 values; then the word vectors:
 * u32 rows S (0: none), the table's id (u32 byte length, UTF-8), u32 dims, the words (u32 byte
 * length, UTF-8, '\n'-joined), S i32 frequency ranks, S f32 scales, S × dims int8 components.
 */
import type { Bm25Index, LinearWeights, Vocabulary } from '../shared/model';
import type { WordVectors } from '../shared/word-vectors';
import { Reader, Writer } from '../../binary/shared/parts';
import { gunzip, gzip } from '../../binary/worker/gzip';
import { MODEL_VERSION, type Snapshot, type SnapshotMeta } from './core';

const MAGIC = 0x4d414150; // "PAAM"
export const PREBUILT_FORMAT = 2;

/** What the examples give (trainer.ts buildIndex); the vocabulary without its word vectors. */
export interface ShippedIndex {
  vocab: Omit<Vocabulary, 'vectors'>;
  bm25: Bm25Index;
  centroids: LinearWeights;
}

/** The shipped model: its weights, its examples' index, the word vectors they use. */
export interface ShippedModel {
  snapshot: Snapshot;
  index: ShippedIndex | null;
  /** The rows of the word-vector table that the examples use (word-vectors.ts partOf). */
  vectors: WordVectors | null;
}

/** The shipped model's path under the base URL, for examples with this hash. */
export function prebuiltModelFile(hash: string): string {
  return `assistant/model-v${MODEL_VERSION}-${hash}.bin`;
}

/** The meta with its keys in one fixed order, so the same model always gives the same bytes. */
function metaJson(meta: SnapshotMeta): string {
  const { version, hash, intents, rows, classes, backend, ms, vectors } = meta;
  return JSON.stringify({ version, hash, intents, rows, classes, backend, ms, vectors });
}

function writeIndex(w: Writer, index: ShippedIndex | null): void {
  if (!index) return void w.u32(0);
  const { vocab, bm25, centroids } = index;
  const rows = vocab.idf.length;
  const buckets = new Uint32Array(rows);
  for (const [b, r] of vocab.rows) buckets[r] = b;
  if (bm25.postTf.some((c) => c > 255 || !Number.isInteger(c)))
    throw new Error('an example repeats a feature over 255 times');
  const C = centroids.classes;
  const starts = new Uint32Array(centroids.w.length / C + 1);
  const classes: number[] = [];
  const values: number[] = [];
  for (let r = 0; r + 1 < starts.length; r++) {
    for (let c = 0; c < C; c++) {
      const v = centroids.w[r * C + c]!;
      if (v === 0) continue;
      classes.push(c);
      values.push(v);
    }
    starts[r + 1] = classes.length;
  }
  w.u32(rows, vocab.bits)
    .array(buckets)
    .array(vocab.idf)
    .u32(bm25.docs)
    .text(String(bm25.avgLen)) // a double, exactly
    .array(bm25.postStart)
    .indices([...bm25.postDoc], bm25.docs)
    .array(Uint8Array.from(bm25.postTf))
    .array(bm25.docLen)
    .indices([...bm25.docClass], C)
    .array(bm25.idf)
    .array(starts)
    .indices(classes, C)
    .array(Float32Array.from(values));
}

/** `features`: the feature rows (hashed rows, then the word-vector dimensions). */
function readIndex(r: Reader, classes: number, features: number): ShippedIndex | null {
  const rows = r.u32();
  if (!rows) return null;
  const bits = r.u32();
  const buckets = r.array(Uint32Array, rows);
  const idf = r.array(Float32Array, rows);
  const docs = r.u32();
  const avgLen = Number(r.text());
  const postStart = r.array(Int32Array, rows + 1);
  const postings = postStart[rows]!;
  const postDoc = Int32Array.from(r.indices(postings, docs));
  const postTf = Float32Array.from(r.array(Uint8Array, postings));
  const docLen = r.array(Float32Array, docs);
  const docClass = Int32Array.from(r.indices(docs, classes));
  const bm25Idf = r.array(Float32Array, rows);
  const starts = r.array(Uint32Array, features + 1);
  const C = classes;
  const cls = r.indices(starts[features]!, C);
  const values = r.array(Float32Array, starts[features]!);
  const w = new Float32Array(features * C);
  for (let f = 0; f < features; f++)
    for (let i = starts[f]!; i < starts[f + 1]!; i++) w[f * C + cls[i]!] = values[i]!;
  return {
    vocab: { bits, rows: new Map(Array.from(buckets, (b, i) => [b, i])), idf },
    bm25: { docs, docClass, docLen, avgLen, postStart, postDoc, postTf, idf: bm25Idf },
    centroids: { classes: C, w, b: new Float32Array(C) },
  };
}

function writeVectors(w: Writer, vectors: WordVectors | null): void {
  if (!vectors?.rows.size) return void w.u32(0);
  const words = [...vectors.rows].sort((a, b) => a[1] - b[1]).map(([word]) => word);
  w.u32(words.length)
    .text(vectors.id)
    .u32(vectors.dims)
    .text(words.join('\n'))
    .array(vectors.rank)
    .array(vectors.scale)
    .array(vectors.data);
}

function readVectors(r: Reader): WordVectors | null {
  const count = r.u32();
  if (!count) return null;
  const id = r.text();
  const dims = r.u32();
  const words = r.text().split('\n');
  if (words.length !== count) throw new Error('prebuilt assistant model: bad word list');
  return {
    id,
    dims,
    rows: new Map(words.map((w, i) => [w, i])),
    rank: r.array(Int32Array, count),
    scale: r.array(Float32Array, count),
    data: r.array(Int8Array, count * dims),
    partial: true,
  };
}

export function encodePrebuilt({
  snapshot,
  index,
  vectors,
}: ShippedModel): Uint8Array<ArrayBuffer> {
  const { rows, classes } = snapshot.meta;
  const weights = new Float32Array(snapshot.weights);
  if (weights.length !== (rows + 1) * classes) throw new Error('weights do not match the meta');
  const scales = new Float32Array(rows + 1);
  const data = new Int8Array((rows + 1) * classes);
  for (let r = 0; r <= rows; r++) {
    let max = 0;
    for (let c = 0; c < classes; c++) max = Math.max(max, Math.abs(weights[r * classes + c]!));
    const scale = (scales[r] = max / 127 || 1);
    for (let c = 0; c < classes; c++)
      data[r * classes + c] = Math.round(weights[r * classes + c]! / scale);
  }
  const w = new Writer().u32(MAGIC, PREBUILT_FORMAT).text(metaJson(snapshot.meta));
  w.array(scales).array(data);
  writeIndex(w, index);
  writeVectors(w, vectors);
  return w.bytes();
}

export function decodePrebuilt(buffer: ArrayBuffer): ShippedModel {
  const r = new Reader(buffer);
  if (buffer.byteLength < 12 || r.u32() !== MAGIC)
    throw new Error('not a prebuilt assistant model');
  if (r.u32() !== PREBUILT_FORMAT) throw new Error('unknown prebuilt assistant model format');
  const meta = JSON.parse(r.text()) as Partial<SnapshotMeta> | undefined;
  const rows = meta?.rows ?? -1;
  const classes = meta?.classes ?? -1;
  if (typeof meta?.hash !== 'string' || rows < 0 || classes < 1)
    throw new Error('prebuilt assistant model: no meta');
  const scales = r.array(Float32Array, rows + 1);
  const data = r.array(Int8Array, (rows + 1) * classes);
  const weights = new Float32Array((rows + 1) * classes);
  for (let r = 0, i = 0; r <= rows; r++)
    for (let c = 0, scale = scales[r]!; c < classes; c++, i++) weights[i] = data[i]! * scale;
  const index = readIndex(r, classes, rows);
  const vectors = readVectors(r);
  if (!r.done) throw new Error('prebuilt assistant model: unexpected bytes at the end');
  return { snapshot: { meta: meta as SnapshotMeta, weights: weights.buffer }, index, vectors };
}

/** The file's bytes: the encoded model, gzip-compressed (deterministically: no name, no time). */
export async function writePrebuiltFile(model: ShippedModel): Promise<Uint8Array<ArrayBuffer>> {
  return gzip(encodePrebuilt(model));
}

/** Reads a file written by writePrebuiltFile. */
export async function readPrebuiltFile(file: Blob): Promise<ShippedModel> {
  return decodePrebuilt(await gunzip(file));
}
