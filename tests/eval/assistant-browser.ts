/**
 * The browser side of `npm run eval:assistant`: trains and ranks with the app's own assistant
 * code (worker/core.ts → trainer.ts on the tfjs backend ladder, shared/rank.ts) in headless
 * Chromium, timing each answer. Built by tests/eval/assistant.ts into tests/.output, never part
 * of the app's build.
 */
import { buildVocabulary, cosine, vectorise } from '../../src/lib/assistant/shared/model';
import { coverage, rankSignals } from '../../src/lib/assistant/shared/rank';
import {
  loadWordVectors,
  wordVectorsUrl,
  type WordVectors,
} from '../../src/lib/assistant/shared/word-vectors';
import { AssistantCore, type Example } from '../../src/lib/assistant/worker/core';
import type { TrainOptions } from '../../src/lib/assistant/worker/trainer';

export interface EvalRunRequest {
  train: Example[];
  test: string[];
  options: Partial<TrainOptions>;
  /** Also return each signal's raw class scores (for choosing the blend on a validation split). */
  signals?: boolean;
  /** Train without the word-vector table (to measure what it adds). */
  noVectors?: boolean;
}

let table: Promise<WordVectors> | undefined;
function wordVectors() {
  return (table ??= loadWordVectors(wordVectorsUrl(location.href)));
}

export interface EvalSignals {
  intents: string[];
  clf: number[][];
  bm25: number[][];
  centroid: number[][];
  coverage: number[];
}

export interface EvalRunResult {
  backend: string;
  trainMs: number;
  predicted: string[];
  verdicts: string[];
  latencies: number[];
  signals?: EvalSignals;
}

async function evalRun(r: EvalRunRequest): Promise<EvalRunResult> {
  const core = new AssistantCore(r.noVectors ? null : await wordVectors());
  const snapshot = await core.train(r.train, undefined, r.options);
  const predicted: string[] = [];
  const verdicts: string[] = [];
  const latencies: number[] = [];
  for (const text of r.test) {
    const t0 = performance.now();
    const ranking = core.rank(text);
    latencies.push(performance.now() - t0);
    predicted.push(ranking.best[0]?.intent ?? '');
    verdicts.push(ranking.verdict);
  }
  const signals = r.signals ? signalsOf(core, r) : undefined;
  core.dispose();
  return {
    signals,
    backend: snapshot.meta.backend,
    trainMs: snapshot.meta.ms,
    predicted,
    verdicts,
    latencies,
  };
}

function signalsOf(core: AssistantCore, r: EvalRunRequest): EvalSignals {
  const m = core.model!;
  const out: EvalSignals = { intents: m.intents, clf: [], bm25: [], centroid: [], coverage: [] };
  for (const text of r.test) {
    const { clf, bm25, centroid } = rankSignals(m, text);
    out.clf.push(Array.from(clf));
    out.bm25.push(Array.from(bm25));
    out.centroid.push(Array.from(centroid));
    out.coverage.push(coverage(m.vocab, text));
  }
  return out;
}

/** AFQMC: cosine of the engine's tf-idf vectors (idf over all sentences) for each pair. */
function evalSimilarity(pairs: [string, string][]): number[] {
  const vocab = buildVocabulary(pairs.flat(), 1);
  return pairs.map(([a, b]) => cosine(vectorise(vocab, a), vectorise(vocab, b)));
}

Object.assign(globalThis, { evalRun, evalSimilarity });
document.getElementById('status')!.textContent = 'ready';
