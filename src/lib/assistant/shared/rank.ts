/**
 * Ranking a question against a trained model, and the calibrated verdict (pure).
 *
 * Confidence is the top intent's blended probability, the classifier sharpened (model.ts). Verdict:
 * - 'answer' when confidence ≥ ANSWER_AT and it is at least ANSWER_LEAD times the runner-up's;
 * - 'clarify' ("Did you mean…", the top 3) when confidence ≥ CLARIFY_AT;
 * - 'out-of-scope' below that, or when the question shares almost nothing with any example
 *   (lexical coverage: the share of its features the vocabulary knows, and the best BM25 match).
 */
import {
  bm25ClassScores,
  blend,
  linearLogits,
  topK,
  vectorise,
  withoutMax,
  DEFAULT_BLEND,
  type BlendParams,
  type Bm25Index,
  type LinearWeights,
  type Vocabulary,
} from './model';
import { foldWord, hashString, hashedCounts, stem } from './text';

export interface Ranked {
  intent: string;
  confidence: number;
}

export type Verdict = 'answer' | 'clarify' | 'out-of-scope';

export interface AnswerRanking {
  best: Ranked[];
  verdict: Verdict;
}

export interface RankableModel {
  intents: string[];
  vocab: Vocabulary;
  linear: LinearWeights;
  bm25: Bm25Index;
  /** Class centroids (model.ts buildCentroids), in the linear weights' layout. */
  centroids: LinearWeights;
}

/**
 * The reserved class of questions that are not about the shop (data/out-of-scope.json): learned
 * like any intent, so that "not about us" is recognised, not only inferred from a low score.
 */
export const OUT_OF_SCOPE = 'out-of-scope';

/**
 * Chosen on the FAQ validation splits (eval --faq-val --val-seed 11…15: five draws of 15% of the
 * training questions per intent and language, pooled; never the held-out file) by one rule: what
 * answers most questions right while wrong answers stay at or under 2% of shop questions (a wrong
 * answer costs more than a "Did you mean"). The confidence is the blend with the classifier's
 * softmax sharpened (CONFIDENCE_TEMPERATURE): label smoothing keeps its probabilities soft, so a
 * clear win of the classifier read as a doubtful blend. The lead asks back an answer two topics
 * share ("delivery": cost or times?). CLARIFY_AT declines as many off-topic questions as it can
 * while declining at most 2% of shop questions. Choose them again when MODEL_VERSION or the
 * built-in examples change: the model's confidences shift with its features and data.
 */
export const CONFIDENCE_TEMPERATURE = 0.5;
export const ANSWER_AT = 0.67;
export const ANSWER_LEAD = 3;
export const CLARIFY_AT = 0.26;
/** Below this share of known features a question is about something else. */
export const MIN_COVERAGE = 0.35;

/** `second`: the strongest other intent's confidence (by default the runner-up's). */
export function verdictOf(
  best: readonly Ranked[],
  coverage: number,
  second = best[1]?.confidence ?? 0,
): Verdict {
  if (best[0]?.intent === OUT_OF_SCOPE) return 'out-of-scope';
  const top = best[0]?.confidence ?? 0;
  if (coverage < MIN_COVERAGE || top < CLARIFY_AT) return 'out-of-scope';
  if (top >= ANSWER_AT && top >= ANSWER_LEAD * second) return 'answer';
  return 'clarify';
}

/** Share of a question's feature occurrences that the training vocabulary knows. */
export function coverage(vocab: Vocabulary, text: string): number {
  let known = 0;
  let all = 0;
  for (const [b, c] of hashedCounts(text, vocab.bits)) {
    all += c;
    if (vocab.rows.has(b)) known += c;
  }
  return all ? known / all : 0;
}

/** Whether the model learned a word (its word feature was seen in training). */
export function learnedWord(vocab: Vocabulary, word: string): boolean {
  const mask = (1 << (vocab.bits - 2)) - 1; // the word block is block 0 (text.ts blockOf)
  return vocab.rows.has(hashString('w' + stem(foldWord(word))) & mask);
}

/**
 * The three signals a question is ranked by, a score per intent each: the classifier's logits,
 * BM25 against the examples, and the class centroids (which leave a Chinese question's max vector
 * out: model.ts withoutMax). The eval harness reads them too (--signals), so they are the ranker's.
 */
export function rankSignals(model: RankableModel, text: string) {
  const x = vectorise(model.vocab, text);
  return {
    clf: linearLogits(model.linear, x),
    bm25: bm25ClassScores(model.bm25, model.vocab, text, model.intents.length),
    centroid: linearLogits(model.centroids, withoutMax(model.vocab, x)),
  };
}

/**
 * Blended class probabilities for a question: `rank` to order the intents by, `confidence` (the
 * classifier sharpened, CONFIDENCE_TEMPERATURE) to judge the verdict with. Apart, so a change to
 * when to answer never changes which intent wins.
 */
export function probabilities(
  model: RankableModel,
  text: string,
  params: BlendParams = DEFAULT_BLEND,
): { rank: Float64Array; confidence: Float64Array } {
  const { clf, bm25, centroid } = rankSignals(model, text);
  return {
    rank: blend(clf, bm25, centroid, params),
    confidence: blend(clf, bm25, centroid, params, CONFIDENCE_TEMPERATURE),
  };
}

export function rankText(
  model: RankableModel,
  text: string,
  params: BlendParams = DEFAULT_BLEND,
): AnswerRanking {
  if (!model.intents.length || !text.trim()) return { best: [], verdict: 'out-of-scope' };
  const { rank, confidence } = probabilities(model, text, params);
  const order = topK(rank, 4);
  const ranked = order.map((i) => ({ intent: model.intents[i]!, confidence: confidence[i]! }));
  let second = 0;
  for (let i = 0; i < confidence.length; i++)
    if (i !== order[0]) second = Math.max(second, confidence[i]!);
  const verdict = verdictOf(ranked, coverage(model.vocab, text), second);
  // "Did you mean…" offers shop topics only.
  const best = ranked.filter((r) => r.intent !== OUT_OF_SCOPE).slice(0, 3);
  return { best, verdict };
}
