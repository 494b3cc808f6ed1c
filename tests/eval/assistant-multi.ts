/**
 * The multi-part set of `eval:assistant -- --faq --multi`: messages made of two or three held-out
 * questions on different topics, joined as people join them ("…? And …", "…, and …", "…，还有…"),
 * scored with the chat's own rules (shared/multi.ts: cut, rank each part, plan the answers; a
 * yes or no from the shop's values where a part is one, shared/facts.ts).
 */
import { factAnswer, factRanking } from '../../src/lib/assistant/shared/facts';
import type { Lang } from '../../src/lib/assistant/shared/knowledge';
import {
  cutTexts,
  planParts,
  refineParts,
  splitQuestion,
} from '../../src/lib/assistant/shared/multi';
import type { Verdict } from '../../src/lib/assistant/shared/rank';
import { seededRandom } from '../../src/lib/random/seeded';
import { DEFAULT_SETTINGS } from '../../src/lib/shop/shared/defaults';

interface Held {
  text: string;
  intent: string;
  lang?: string;
}

export interface MultiQuestion {
  text: string;
  lang: Lang;
  /** The intent of each question it was made of, in order. */
  gold: string[];
  /** The message cut as the chat cuts it by its rules. */
  parts: string[];
  /** The halves of the parts' loose joins ("… and …"), and theirs: the chat ranks them to cut. */
  halves: string[];
}

/** Every text the chat may rank for a message, in the order scoreMulti reads their rankings. */
export const multiTexts = (q: MultiQuestion) => [q.text, ...q.parts, ...q.halves];

const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);
const JOINS: Record<Lang, string[]> = {
  en: ['? ', '? And ', ', and ', ' and ', '. Also, ', '; '],
  'zh-CN': ['？', '，还有', '。另外，', '；', '，顺便问一下，'],
};
const END = /[\s?？.。!！]+$/;

/** `perLang` messages a language, two or three questions each (seeded). */
export function composeMulti(
  held: readonly Held[],
  perLang: number,
  seed: number,
): MultiQuestion[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: MultiQuestion[] = [];
  for (const lang of ['en', 'zh-CN'] as const) {
    // Questions that are one question by themselves, off small talk.
    const pool = held.filter(
      (h) => h.lang === lang && !SMALL_TALK.has(h.intent) && splitQuestion(h.text).length === 1,
    );
    for (let n = 0; n < perLang; n++) {
      const k = n % 3 === 2 ? 3 : 2;
      const chosen: Held[] = [];
      while (chosen.length < k) {
        const h = pick(pool);
        if (!chosen.some((c) => c.intent === h.intent)) chosen.push(h);
      }
      let text = '';
      chosen.forEach((h, i) => {
        const join = i === 0 ? '' : pick(JOINS[lang]);
        let q = i < k - 1 ? h.text.replace(END, '') : h.text;
        if (i > 0 && /[a-z]$/i.test(join.trim() || 'a') && !join.endsWith(', '))
          q = q[0]!.toLowerCase() + q.slice(1);
        text += join + q;
      });
      const parts = splitQuestion(text);
      const halves = [...new Set(parts.flatMap(cutTexts))];
      out.push({ text, lang, gold: chosen.map((h) => h.intent), parts, halves });
    }
  }
  return out;
}

/** The intent a part is answered with from the shop's values (facts.ts), if it is one. */
export function factIntent(text: string, lang: Lang): string | null {
  const fact = factAnswer(text, lang, DEFAULT_SETTINGS);
  return fact ? factRanking(fact).best[0]!.intent : null;
}

export interface MultiScore {
  n_questions: number;
  n_parts: number;
  /** Share of the questions asked that got the right answer. */
  parts_right: number;
  /** Share that got a reply: an answer (right or not) or a question back. */
  parts_handled: number;
  /** Answers given that none of the questions asked for. */
  wrong_answers: number;
  /** Messages cut into as many parts as they were made of. */
  split_right: number;
}

/**
 * Scores the model's output for each message, in the order multiTexts gives its texts.
 */
export function scoreMulti(
  multi: readonly MultiQuestion[],
  predicted: readonly string[],
  verdicts: readonly string[],
): MultiScore {
  let at = 0;
  const next = () => {
    const ranking = {
      best: [{ intent: predicted[at]!, confidence: 1 }],
      verdict: verdicts[at]! as Verdict,
    };
    at++;
    return ranking;
  };
  let right = 0;
  let handled = 0;
  let wrong = 0;
  let splitRight = 0;
  for (const q of multi) {
    const whole = next();
    const ranked = (text: string) => {
      const ranking = next();
      const fact = factAnswer(text, q.lang, DEFAULT_SETTINGS);
      return { text, ranking: fact ? factRanking(fact) : ranking };
    };
    const ruled = q.parts.map(ranked);
    const halves = new Map(q.halves.map((t) => [t, ranked(t)]));
    const parts = refineParts(ruled, (t) => halves.get(t)!);
    const plan = planParts(whole, parts);
    const answered = plan
      ? plan.answers.map((p) => p.ranking.best[0]!.intent)
      : whole.verdict === 'answer'
        ? [whole.best[0]!.intent]
        : [];
    const askedBack = plan ? plan.askBack.length : whole.verdict === 'answer' ? 0 : 1;
    if (plan && parts.length === q.gold.length) {
      // Cut as it was made: part i asked gold[i]. A part whose topic another part answered
      // already (told once) was answered too, rightly or not.
      parts.forEach((p, i) => {
        const topic = p.ranking.verdict === 'answer' ? p.ranking.best[0]!.intent : undefined;
        if (topic && answered.includes(topic)) {
          handled++;
          if (topic === q.gold[i]) right++;
        } else if (plan.askBack.includes(p)) handled++;
      });
    } else {
      const ok = q.gold.filter((g) => answered.includes(g)).length;
      right += ok;
      handled += Math.min(q.gold.length, answered.length + askedBack);
    }
    wrong += answered.filter((a) => !q.gold.includes(a)).length;
    if (parts.length === q.gold.length) splitRight++;
  }
  const nParts = multi.reduce((s, q) => s + q.gold.length, 0);
  return {
    n_questions: multi.length,
    n_parts: nParts,
    parts_right: right / nParts,
    parts_handled: handled / nParts,
    wrong_answers: wrong,
    split_right: splitRight / multi.length,
  };
}
