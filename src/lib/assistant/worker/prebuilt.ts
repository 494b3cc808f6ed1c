/**
 * The intent model trained at build time on the built-in FAQ and the shop pack's own
 * (src/build/assistant-model.ts) and shipped as a static file (its format: prebuilt-file.ts), so
 * a first Help question needs no training on the device. The worker's `loadShipped` checks that it fits (model version,
 * examples' hash, word-vector table) like any stored snapshot.
 *
 * The file is named by the model version and the examples' hash (`prebuiltModelFile`); the build
 * tells the page that name (`virtual:assistant-model`), so the page only asks for it when its
 * examples are the app's own (built-in and pack FAQ, nothing imported in My data).
 *
 * `trainPrebuilt` is what the build runs (through Vite's module runner, in Node): the worker's own
 * training on the same examples and word-vector table, seeded, so the same inputs give the same
 * bytes.
 */
import {
  appKnowledge,
  trainingExamples,
  type KnowledgeEntry,
  type TrainingExample,
} from '../shared/knowledge';
import { vectorWords } from '../shared/text';
import { decodeWordVectors, partOf } from '../shared/word-vectors';
import { AssistantCore, MODEL_VERSION, examplesHash, withIntentNames } from './core';
import { PREBUILT_FORMAT, prebuiltModelFile, writePrebuiltFile } from './prebuilt-file';

/**
 * The app's training examples (the built-in FAQ with the shop pack's merged in, `appKnowledge`),
 * as the engine hands them to the worker.
 */
export function builtInExamples(packFaq: readonly KnowledgeEntry[] = []): TrainingExample[] {
  return trainingExamples(appKnowledge(packFaq)).map(({ text, intent, lang }) => ({
    text,
    intent,
    lang,
  }));
}

/**
 * What the build knows of the shipped model before training it: its path and its inputs. The
 * pack's FAQ (the shop pack's faq.csv/faq.json, as read) is trained in, so the page, which merges
 * the same FAQ, asks for this file and answers a shop's own questions without training.
 */
export function builtInModel(packFaq: readonly KnowledgeEntry[] = []) {
  const examples = builtInExamples(packFaq);
  return {
    file: prebuiltModelFile(examplesHash(examples)),
    examples,
    version: MODEL_VERSION,
    format: PREBUILT_FORMAT,
  };
}

/**
 * Trains on the examples with the word-vector table (its file's bytes) and encodes the model with
 * the index its examples give and the rows of the word-vector table they use.
 */
export async function trainPrebuilt(
  examples: readonly TrainingExample[],
  table: ArrayBuffer,
): Promise<Uint8Array<ArrayBuffer>> {
  const vectors = decodeWordVectors(table);
  const core = new AssistantCore(vectors);
  const snapshot = await core.train(examples);
  const { vocab, bm25, centroids } = core.model!;
  return writePrebuiltFile({
    // The training time varies from run to run; it means nothing for a shipped model.
    snapshot: { meta: { ...snapshot.meta, ms: 0 }, weights: snapshot.weights },
    index: { vocab, bm25, centroids },
    vectors: partOf(
      vectors,
      withIntentNames(examples).flatMap((e) => vectorWords(e.text)),
    ),
  });
}
