/**
 * The browser side of `npm run eval:assistant`: trains and ranks with the app's own assistant
 * code (worker/core.ts → trainer.ts on the tfjs backend ladder, shared/rank.ts) in headless
 * Chromium, timing each answer. Built by tests/eval/assistant.ts into tests/.output, never part
 * of the app's build.
 */
import { buildVocabulary, cosine, vectorise } from '../../src/lib/assistant/shared/model';
import { AssistantCore, type Example } from '../../src/lib/assistant/worker/core';
import type { TrainOptions } from '../../src/lib/assistant/worker/trainer';

export interface EvalRunRequest {
  train: Example[];
  test: string[];
  options: Partial<TrainOptions>;
}

export interface EvalRunResult {
  backend: string;
  trainMs: number;
  predicted: string[];
  verdicts: string[];
  latencies: number[];
}

async function evalRun(r: EvalRunRequest): Promise<EvalRunResult> {
  const core = new AssistantCore();
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
  core.dispose();
  return {
    backend: snapshot.meta.backend,
    trainMs: snapshot.meta.ms,
    predicted,
    verdicts,
    latencies,
  };
}

/** AFQMC: cosine of the engine's tf-idf vectors (idf over all sentences) for each pair. */
function evalSimilarity(pairs: [string, string][]): number[] {
  const vocab = buildVocabulary(pairs.flat(), 1);
  return pairs.map(([a, b]) => cosine(vectorise(vocab, a), vectorise(vocab, b)));
}

Object.assign(globalThis, { evalRun, evalSimilarity });
document.getElementById('status')!.textContent = 'ready';
