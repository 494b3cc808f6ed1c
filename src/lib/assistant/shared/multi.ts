/**
 * Several questions in one message ("How long does delivery take? And can I return sale items?",
 * "运费多少，还有怎么退货"): cut into its questions, each ranked on its own; the confident ones are
 * answered in the order asked, the rest asked back. A message that is one question, or whose
 * parts agree on one topic, is answered as a whole, as before. Two topics joined by a bare "and"
 * ("coupon error and refund to alipay") are cut only where the model understands both halves
 * (refineParts): the rules alone would also cut "black and white frames".
 * Pure: the chat (client/chat.svelte.ts) and the eval harness (--multi) use the same rules.
 */
import type { AnswerRanking } from './rank';

const HAN = /\p{Script=Han}/u;

/** Small talk beside a real question ("hi, …", "…, thanks") needs no answer of its own. */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);

// English: sentence ends, then a joining word or a comma before a new question's first word.
const SENTENCES_EN = /(?<=[?!.])\s+|\s*[;\n]+\s*/;
const STARTS_EN =
  "(?:how|what|what's|when|where|which|who|why|can|could|do|does|did|is|are|will|would|should|may|i|i'm|i'd|i've|my|you|your)\\b";
const JOIN_EN = new RegExp(
  `\\s*,?\\s+(?:and also|and|also|plus|but)\\s+(?=${STARTS_EN})|\\s*,\\s+(?=${STARTS_EN})`,
  'i',
);
const LEAD_EN = /^(?:and|also|plus|but|so)\b[\s,]*/i;

// Chinese: sentence ends, joining words, or a comma before a question word.
const SENTENCES_ZH = /[？?！!。；;\n]+/;
const JOIN_ZH =
  /[，,、]?(?:还有就是|还有|另外|以及|顺便问一下|顺便问下|顺便|再问一下|还想问一下|还想问|并且|同时)[，,]?|[，,](?=(?:请问|怎么|如何|能不能|能否|可以|可不可以|是否|多久|多少|什么|哪|有没有|支持|支不支持|我想|我要))/;

/** Whether a piece of a message is long enough to be a question of its own. */
const isQuestion = (s: string, zh: boolean) =>
  zh ? [...s].filter((c) => HAN.test(c)).length >= 2 : /\p{L}{2}/u.test(s);

/** The questions in a message, in order; one item when it is one question. */
export function splitQuestion(text: string): string[] {
  const zh = HAN.test(text);
  const parts = text
    .split(zh ? SENTENCES_ZH : SENTENCES_EN)
    .flatMap((s) => s.split(zh ? JOIN_ZH : JOIN_EN))
    .map((s) => s.replace(LEAD_EN, '').trim())
    .filter((s) => isQuestion(s, zh));
  return parts.length ? parts : [text.trim()];
}

// A join with no question word after it: cut only where both halves are understood.
const LOOSE_EN = /\s*,?\s+(?:and|plus|&)\s+/gi;
const LOOSE_ZH = /[和跟、]/g;

/** The two halves at each loose join of a part, left to right. */
export function looseCuts(text: string): [string, string][] {
  const zh = HAN.test(text);
  const cuts: [string, string][] = [];
  for (const m of text.matchAll(zh ? LOOSE_ZH : LOOSE_EN)) {
    const left = text.slice(0, m.index).trim();
    const right = text.slice(m.index + m[0].length).trim();
    if (isQuestion(left, zh) && isQuestion(right, zh)) cuts.push([left, right]);
  }
  return cuts;
}

/** Every text refineParts may rank for a part: the halves at its loose joins, and theirs. */
export function cutTexts(text: string): string[] {
  const out = new Set<string>();
  const visit = (t: string) => {
    for (const half of looseCuts(t).flat())
      if (!out.has(half)) {
        out.add(half);
        visit(half);
      }
  };
  visit(text);
  return [...out];
}

export interface RankedPart {
  text: string;
  ranking: AnswerRanking;
}

export interface PartsPlan<P extends RankedPart = RankedPart> {
  /** Confident parts, one a topic, in the order asked (small talk left out). */
  answers: P[];
  /** Parts not understood well enough to answer: asked back. */
  askBack: P[];
}

const topicOf = (p: RankedPart) =>
  p.ranking.verdict === 'answer' ? p.ranking.best[0]?.intent : undefined;

/** The intent a text is most likely about, answered or not; none where it is off-topic. */
const guessOf = (p: RankedPart) =>
  p.ranking.verdict === 'out-of-scope' ? undefined : p.ranking.best[0]?.intent;

/**
 * The parts with each one cut at its first loose join where the halves ask two things, and each
 * half cut again the same way ("when will it arrive, and gift wrap and try on": three questions).
 * `rank`: a text's ranking, for every text cutTexts gives.
 */
export function refineParts<P extends RankedPart>(
  parts: readonly P[],
  rank: (text: string) => P,
): P[] {
  const refine = (p: P): P[] => {
    for (const [l, r] of looseCuts(p.text)) {
      const halves = [rank(l), rank(r)];
      if (asksTwo(p, halves)) return halves.flatMap(refine);
    }
    return [p];
  };
  return parts.flatMap(refine);
}

/**
 * Whether the halves of a part at a loose join ask two things:
 * - both answered, on two topics, where the whole is not answered or keeps one half's topic
 *   ("invoice title, and coupon error" answered as the coupon: the invoice is a question too);
 * - the whole not answered, one half answered on a topic the whole did not rank first and the
 *   other leaning elsewhere ("how much to ship my order, and current deals": an answer and a
 *   question asked back beat asking back the whole);
 * - the whole answered as one half's topic, the other half leaning elsewhere ("coupon error and
 *   forget me": the second is asked back, not dropped), where that half is more than a word:
 *   "black and white frames" stays whole, though "black" alone leans to try-on.
 */
function asksTwo(whole: RankedPart, halves: readonly RankedPart[]): boolean {
  const own = topicOf(whole);
  const [a, b] = halves.map(topicOf);
  if (a && b && a !== b) return !own || own === a || own === b;
  const [x, y] = halves.map(guessOf);
  if (!x || !y || x === y) return false;
  if (!own) {
    const first = guessOf(whole);
    return (!!a && a !== first) || (!!b && b !== first);
  }
  return (a === own && phrase(halves[1]!.text)) || (b === own && phrase(halves[0]!.text));
}

/** More than a word: two English words, three Chinese characters. */
const phrase = (s: string) =>
  HAN.test(s) ? [...s].filter((c) => HAN.test(c)).length >= 3 : /\p{L}\s+\p{L}/u.test(s);

/**
 * How to answer a message cut into `parts`: null to answer it as a whole (one part; one topic
 * that every part and the whole message agree on; nothing understood), else each confident part
 * once and the rest asked back.
 */
export function planParts<P extends RankedPart>(
  whole: AnswerRanking,
  parts: readonly P[],
): PartsPlan<P> | null {
  if (parts.length < 2) return null;
  const topics = new Set(parts.map(topicOf).filter((t) => t && !SMALL_TALK.has(t)));
  const unclear = parts.some((p) => !topicOf(p));
  if (topics.size === 0 || (topics.size === 1 && whole.verdict === 'answer' && !unclear))
    return null;
  const seen = new Set<string>();
  const answers = parts.filter((p) => {
    const t = topicOf(p);
    if (!t || SMALL_TALK.has(t) || seen.has(t)) return false;
    seen.add(t);
    return true;
  });
  const askBack = parts.filter((p) => !topicOf(p));
  return { answers, askBack };
}
