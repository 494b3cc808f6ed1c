/**
 * The intent model trained at build time on the built-in FAQ (src/build/assistant-model.ts) and
 * shipped as a static, precached file, so a first Help question needs no training on the device.
 * Pure: the build (Node) writes the file with `encodePrebuilt`, the page reads it with
 * `decodePrebuilt` and hands the snapshot to the worker's `load`, which checks that it fits
 * (model version, examples' hash, word-vector table) like any stored snapshot.
 *
 * The file is named by the model version and the examples' hash, so the page knows its name
 * from the examples alone and only asks for it when they are the built-in ones.
 *
 * `trainPrebuilt` is what the build runs (through Vite's module runner, in Node): the worker's own
 * training on the same examples and word-vector table, seeded, so the same inputs give the same
 * bytes.
 *
 * The weights are stored as int8 with one f32 scale per row (each feature row of W, then the bias
 * row), a quarter of their f32 size, so the file stays small enough to precache; the ranking
 * reads them back as f32.
 *
 * File layout (little-endian): "PAAM", u32 format version, u32 byte length of the meta (UTF-8
 * JSON, keys in a fixed order), the meta, zero padding to 4 bytes, (rows + 1) f32 scales, then
 * (rows + 1) × classes int8 weights.
 */
import { trainingExamples, type TrainingExample } from '../shared/knowledge';
import { decodeWordVectors } from '../shared/word-vectors';
import {
  AssistantCore,
  MODEL_VERSION,
  examplesHash,
  type Snapshot,
  type SnapshotMeta,
} from './core';

const MAGIC = 0x4d414150; // "PAAM"
export const PREBUILT_FORMAT = 1;

/** The shipped model's path under the base URL, for examples with this hash. */
export function prebuiltModelFile(hash: string): string {
  return `assistant/model-v${MODEL_VERSION}-${hash}.bin`;
}

/** The meta with its keys in one fixed order, so the same model always gives the same bytes. */
function metaJson(meta: SnapshotMeta): string {
  const { version, hash, intents, rows, classes, backend, ms, vectors } = meta;
  return JSON.stringify({ version, hash, intents, rows, classes, backend, ms, vectors });
}

export function encodePrebuilt(snapshot: Snapshot): Uint8Array {
  const { rows, classes } = snapshot.meta;
  const weights = new Float32Array(snapshot.weights);
  if (weights.length !== (rows + 1) * classes) throw new Error('weights do not match the meta');
  const meta = new TextEncoder().encode(metaJson(snapshot.meta));
  const head = 12 + meta.length;
  const start = head + ((4 - (head % 4)) % 4);
  const out = new Uint8Array(start + (rows + 1) * (4 + classes));
  const view = new DataView(out.buffer);
  [MAGIC, PREBUILT_FORMAT, meta.length].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(meta, 12);
  const scales = new Float32Array(out.buffer, start, rows + 1);
  const data = new Int8Array(out.buffer, start + (rows + 1) * 4);
  for (let r = 0; r <= rows; r++) {
    let max = 0;
    for (let c = 0; c < classes; c++) max = Math.max(max, Math.abs(weights[r * classes + c]!));
    const scale = (scales[r] = max / 127 || 1);
    for (let c = 0; c < classes; c++)
      data[r * classes + c] = Math.round(weights[r * classes + c]! / scale);
  }
  return out;
}

export function decodePrebuilt(buffer: ArrayBuffer): Snapshot {
  const view = new DataView(buffer);
  if (buffer.byteLength < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not a prebuilt assistant model');
  if (view.getUint32(4, true) !== PREBUILT_FORMAT)
    throw new Error('unknown prebuilt assistant model format');
  const length = view.getUint32(8, true);
  const head = 12 + length;
  const start = head + ((4 - (head % 4)) % 4);
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, length))) as
    Partial<SnapshotMeta> | undefined;
  const rows = meta?.rows ?? -1;
  const classes = meta?.classes ?? -1;
  if (typeof meta?.hash !== 'string' || rows < 0 || classes < 1)
    throw new Error('prebuilt assistant model: no meta');
  if (buffer.byteLength !== start + (rows + 1) * (4 + classes))
    throw new Error('truncated prebuilt assistant model');
  const scales = new Float32Array(buffer, start, rows + 1);
  const data = new Int8Array(buffer, start + (rows + 1) * 4);
  const weights = new Float32Array((rows + 1) * classes);
  for (let i = 0; i < weights.length; i++) weights[i] = data[i]! * scales[Math.floor(i / classes)]!;
  return { meta: meta as SnapshotMeta, weights: weights.buffer };
}

/** The built-in training examples, as the engine hands them to the worker. */
export function builtInExamples(): TrainingExample[] {
  return trainingExamples().map(({ text, intent, lang }) => ({ text, intent, lang }));
}

/** What the build knows of the shipped model before training it: its path and its inputs. */
export function builtInModel() {
  const examples = builtInExamples();
  return {
    file: prebuiltModelFile(examplesHash(examples)),
    examples,
    version: MODEL_VERSION,
    format: PREBUILT_FORMAT,
  };
}

/** Trains on the examples with the word-vector table (its file's bytes) and encodes the model. */
export async function trainPrebuilt(
  examples: readonly TrainingExample[],
  table: ArrayBuffer,
): Promise<Uint8Array> {
  const snapshot = await new AssistantCore(decodeWordVectors(table)).train(examples);
  // The training time varies from run to run; it means nothing for a shipped model.
  return encodePrebuilt({ meta: { ...snapshot.meta, ms: 0 }, weights: snapshot.weights });
}
