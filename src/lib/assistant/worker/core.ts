/**
 * The worker's state: the trained model, its snapshot form, and ranking. Kept apart from the
 * tiny worker entry so the eval page can drive the very same code.
 *
 * A snapshot holds only the classifier's weights: the vocabulary, the BM25 index and the class
 * centroids are rebuilt
 * from the examples (deterministic, milliseconds for a FAQ), and the examples' hash must match.
 */
import { featureRows } from '../shared/model';
import { OUT_OF_SCOPE } from '../shared/rank';
import { normalise } from '../shared/text';
import type { WordVectors } from '../shared/word-vectors';
import { learnedWord, rankText, type AnswerRanking, type RankableModel } from '../shared/rank';
import { correctSpelling } from '../shared/spelling';
import type { ShippedModel } from './prebuilt-file';
import { buildIndex, trainModel, type TrainOptions } from './trainer';

export interface Example {
  text: string;
  intent: string;
}

/**
 * Bumped whenever training changes what the weights mean or how good they are (2: batch sized
 * for enough steps per epoch; 3: stemmed words, features hashed and normalised by block; 4: the
 * mean English word vector as a fourth block, intent names as examples; 5: the vector block
 * weighted by the square of the share of a mixed question's words that are English; 6: a
 * Chinese question's character n-grams over the whole of it, ends marked; 7: Chinese words in
 * the vector block; 8: a Chinese question's max vector after its mean), so an older snapshot
 * is rejected and the model retrained.
 */
export const MODEL_VERSION = 8;

export interface SnapshotMeta {
  /** MODEL_VERSION at training time (absent before version 2). */
  version?: number;
  hash: string;
  intents: string[];
  rows: number;
  classes: number;
  backend: string;
  ms: number;
  /** The word-vector table the weights were trained with (word-vectors.ts id), or none. */
  vectors?: string | null;
}

export interface Snapshot {
  meta: SnapshotMeta;
  weights: ArrayBuffer;
}

/** A stable hash of the training examples (their order included): FNV-1a, 2 × 32 bits. */
export function examplesHash(examples: readonly (Example & { lang?: string })[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const e of examples) {
    const s = `${e.intent}\u0001${e.lang ?? ''}\u0001${e.text}\u0002`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The examples plus each intent's own name as one more ("card_arrival" → "card arrival",
 * "store-hours" → "store hours"): a name is the shortest description of an intent, and with word
 * vectors it says most where examples are few (it helps on every validation split, most with
 * few examples per intent). Derived, so the examples' hash (and a snapshot's) stays that of the
 * examples given.
 */
export function withIntentNames(examples: readonly Example[]): Example[] {
  const seen = new Set(examples.map((e) => normalise(e.text)));
  const names: Example[] = [];
  for (const intent of new Set(examples.map((e) => e.intent))) {
    const text = intent.replace(/[_.-]+/g, ' ').trim();
    // Only names made of words: "q17" or "1001" say nothing, and the off-topic class is no topic.
    if (intent === OUT_OF_SCOPE || !/^[\p{L} ]+$/u.test(text)) continue;
    if (seen.has(normalise(text))) continue;
    names.push({ intent, text });
  }
  return [...examples, ...names];
}

/** Whether weights with this meta were trained on these examples with this word-vector table. */
function fits(examples: readonly Example[], meta: SnapshotMeta, vectors: WordVectors | null) {
  if (meta.version !== MODEL_VERSION || meta.hash !== examplesHash(examples)) return false;
  // Weights trained with another word-vector table (or none) mean something else.
  return (meta.vectors ?? null) === (vectors?.id ?? null);
}

export class AssistantCore {
  model: RankableModel | null = null;

  /**
   * `vectors`: the English word-vector table (word-vectors.ts), or the part of it a shipped
   * model carries until the whole arrives (`useVectors`); without it, hashed features only.
   */
  constructor(public vectors: WordVectors | null = null) {}

  /** Whether the table at hand is only a part (some words of a question may be missing). */
  get partial(): boolean {
    return !!this.vectors?.partial;
  }

  /**
   * Loads the model shipped with the app (prebuilt-file.ts) with the index it carries (built
   * from these examples at build time, so nothing is rebuilt) and, until the whole table is
   * here, its part of the word-vector table.
   */
  loadShipped(examples: readonly Example[], shipped: ShippedModel): boolean {
    const { snapshot, index } = shipped;
    const vectors = this.vectors ?? shipped.vectors;
    if (!index || !fits(examples, snapshot.meta, vectors)) return this.load(examples, snapshot);
    this.vectors = vectors;
    return this.#adopt(snapshot, { ...index, vocab: { ...index.vocab, vectors } });
  }

  /**
   * The whole word-vector table, once it is here, in place of a part of it: the same rows for
   * every word the part has, so the model's other parts stay as they are.
   */
  useVectors(table: WordVectors): void {
    if (this.vectors && this.vectors.id !== table.id) return; // another table: other weights
    this.vectors = table;
    if (this.model) this.model = { ...this.model, vocab: { ...this.model.vocab, vectors: table } };
  }

  async train(
    examples: readonly Example[],
    onEpoch?: (p: { epoch: number; epochs: number }) => void,
    options: Partial<TrainOptions> = {},
  ): Promise<Snapshot> {
    const m = await trainModel(
      withIntentNames(examples),
      options,
      onEpoch,
      undefined,
      this.vectors,
    );
    this.model = m;
    const weights = new Float32Array(m.linear.w.length + m.linear.b.length);
    weights.set(m.linear.w);
    weights.set(m.linear.b, m.linear.w.length);
    return {
      meta: {
        version: MODEL_VERSION,
        hash: examplesHash(examples),
        intents: m.intents,
        rows: featureRows(m.vocab),
        classes: m.linear.classes,
        backend: m.backend,
        ms: m.ms,
        vectors: this.vectors?.id ?? null,
      },
      weights: weights.buffer,
    };
  }

  /** Restores a snapshot trained on these same examples; false when it does not fit. */
  load(examples: readonly Example[], snapshot: Snapshot): boolean {
    const { meta } = snapshot;
    if (!fits(examples, meta, this.vectors)) return false;
    return this.#adopt(snapshot, buildIndex(withIntentNames(examples), meta.intents, this.vectors));
  }

  /** Takes the weights with the index of their examples, when their sizes agree. */
  #adopt(snapshot: Snapshot, index: Omit<RankableModel, 'intents' | 'linear'>): boolean {
    const { meta } = snapshot;
    const C = meta.classes;
    const all = new Float32Array(snapshot.weights);
    if (featureRows(index.vocab) !== meta.rows || all.length !== (meta.rows + 1) * C) return false;
    this.model = {
      ...index,
      intents: meta.intents,
      linear: { classes: C, w: all.subarray(0, meta.rows * C), b: all.subarray(meta.rows * C) },
    };
    return true;
  }

  rank(text: string): AnswerRanking {
    if (!this.model) throw new Error('The assistant is not trained yet');
    const { vocab } = this.model;
    const corrected = correctSpelling(text, vocab.vectors, (w) => learnedWord(vocab, w));
    return rankText(this.model, corrected);
  }

  dispose() {
    this.model = null;
  }
}
