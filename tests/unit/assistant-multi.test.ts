import { describe, expect, it } from 'vitest';
import { planParts, splitQuestion } from '../../src/lib/assistant/shared/multi';
import type { AnswerRanking } from '../../src/lib/assistant/shared/rank';

describe('splitting a message into its questions', () => {
  it.each([
    [
      'How long does delivery take? And can I return sale items?',
      ['How long does delivery take?', 'can I return sale items?'],
    ],
    [
      'how much is shipping and how do i return something',
      ['how much is shipping', 'how do i return something'],
    ],
    [
      'what is your return policy, do you gift wrap, and can I pay by card',
      ['what is your return policy', 'do you gift wrap', 'can I pay by card'],
    ],
    [
      'I want to return my shoes; also where is my order',
      ['I want to return my shoes', 'where is my order'],
    ],
    ['运费多少，还有怎么退货', ['运费多少', '怎么退货']],
    ['多久能到？能开发票吗？', ['多久能到', '能开发票吗']],
    ['我想退货，另外会员有什么好处', ['我想退货', '会员有什么好处']],
  ])('%s', (text, parts) => {
    expect(splitQuestion(text)).toEqual(parts);
  });

  it('keeps one question whole, "and" inside it included', () => {
    for (const q of [
      'do you sell shoes and bags',
      'shipping and returns policy please',
      'how long does shipping take to shanghai',
      '退货和换货有什么区别',
      '如果商品坏了怎么办',
    ])
      expect(splitQuestion(q)).toEqual([q]);
  });
});

const r = (intent: string | null, verdict: AnswerRanking['verdict'] = 'answer'): AnswerRanking => ({
  best: intent ? [{ intent, confidence: 0.9 }] : [],
  verdict,
});
const part = (text: string, intent: string | null, verdict?: AnswerRanking['verdict']) => ({
  text,
  ranking: r(intent, verdict),
});

describe('planning the answers', () => {
  it('answers each confident topic once, in order, and asks back the rest', () => {
    const plan = planParts(r('shipping-time', 'clarify'), [
      part('hi', 'greeting'),
      part('how long is delivery', 'shipping-time'),
      part('and when will it arrive', 'shipping-time'),
      part('can I return it', 'return-policy'),
      part('what about the thing', 'exchange', 'clarify'),
    ]);
    expect(plan?.answers.map((p) => p.ranking.best[0]!.intent)).toEqual([
      'shipping-time',
      'return-policy',
    ]);
    expect(plan?.askBack.map((p) => p.text)).toEqual(['what about the thing']);
  });

  it('answers as a whole: one part, or one topic the whole is understood as', () => {
    expect(planParts(r('shipping-time'), [part('x', 'shipping-time')])).toBeNull();
    expect(
      planParts(r('shipping-time'), [part('a', 'shipping-time'), part('b', 'greeting')]),
    ).toBeNull();
    expect(
      planParts(r(null, 'out-of-scope'), [
        part('a', null, 'clarify'),
        part('b', null, 'out-of-scope'),
      ]),
    ).toBeNull();
  });

  it('asks back a part it did not understand, even when the whole was answered', () => {
    const plan = planParts(r('shipping-cost'), [
      part('how much is shipping', 'shipping-cost'),
      part('and the blue thing', 'stock', 'clarify'),
    ]);
    expect(plan?.answers.map((p) => p.text)).toEqual(['how much is shipping']);
    expect(plan?.askBack.map((p) => p.text)).toEqual(['and the blue thing']);
  });

  it('answers the one confident part and asks back the other when the whole is unclear', () => {
    const plan = planParts(r('stock', 'clarify'), [
      part('a', 'shipping-cost'),
      part('b', 'stock', 'clarify'),
    ]);
    expect(plan?.answers.map((p) => p.text)).toEqual(['a']);
    expect(plan?.askBack.map((p) => p.text)).toEqual(['b']);
  });
});
