import { describe, expect, it } from 'vitest';
import {
  cutTexts,
  looseCuts,
  planParts,
  refineParts,
  splitQuestion,
} from '../../src/lib/assistant/shared/multi';
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

describe('cutting at a bare "and" only where the model understands both halves', () => {
  it('offers the halves at each loose join, in either language', () => {
    expect(looseCuts('coupon error and refund to alipay')).toEqual([
      ['coupon error', 'refund to alipay'],
    ]);
    expect(looseCuts('invoice title, and coupon error')).toEqual([
      ['invoice title', 'coupon error'],
    ]);
    expect(looseCuts('退货和换货有什么区别')).toEqual([['退货', '换货有什么区别']]);
    expect(looseCuts('where is my order')).toEqual([]);
    // A half too short to be a question is no cut.
    expect(looseCuts('a and b')).toEqual([]);
  });

  it('cuts where both halves are answered on two topics; keeps one topic whole', () => {
    const rankings = new Map([
      ['coupon error', part('coupon error', 'coupon-problem')],
      ['refund to alipay', part('refund to alipay', 'refund-method')],
      ['black', part('black', 'colours', 'clarify')],
      ['white frames', part('white frames', 'frames')],
      ['returns', part('returns', 'return-policy')],
      ['exchanges', part('exchanges', 'return-policy')],
      ['how much to ship my order', part('how much to ship my order', 'shipping-cost', 'clarify')],
      ['current deals', part('current deals', 'current-promotions')],
      ['gift wrap', part('gift wrap', 'gift-wrap', 'out-of-scope')],
    ]);
    const rank = (t: string) => rankings.get(t)!;
    const texts = (ps: { text: string }[]) => ps.map((p) => p.text);
    // Not understood as a whole, two topics in its halves: two questions.
    expect(
      texts(
        refineParts([part('coupon error and refund to alipay', 'coupon-problem', 'clarify')], rank),
      ),
    ).toEqual(['coupon error', 'refund to alipay']);
    // Answered as a whole with one half's topic: the other half is a question too.
    expect(
      texts(refineParts([part('coupon error and refund to alipay', 'refund-method')], rank)),
    ).toEqual(['coupon error', 'refund to alipay']);
    // Answered as a whole with a third topic: it is one question.
    expect(
      texts(refineParts([part('coupon error and refund to alipay', 'payment')], rank)),
    ).toEqual(['coupon error and refund to alipay']);
    // Not understood as a whole, one half answered on a topic the whole did not rank first and
    // the other half leaning elsewhere: an answer and a question asked back.
    expect(
      texts(
        refineParts(
          [part('how much to ship my order, and current deals', 'shipping-time', 'clarify')],
          rank,
        ),
      ),
    ).toEqual(['how much to ship my order', 'current deals']);
    // …not where the other half is about nothing of ours.
    expect(
      texts(refineParts([part('gift wrap and current deals', 'shipping-time', 'clarify')], rank)),
    ).toEqual(['gift wrap and current deals']);
    // A half not understood, or both halves one topic: kept whole.
    expect(texts(refineParts([part('black and white frames', 'frames', 'clarify')], rank))).toEqual(
      ['black and white frames'],
    );
    expect(
      texts(refineParts([part('returns and exchanges', 'return-policy', 'clarify')], rank)),
    ).toEqual(['returns and exchanges']);
  });

  it('asks back the half an answered part leaves out, where it is more than a word', () => {
    const rankings = new Map([
      ['coupon error', part('coupon error', 'coupon-problem')],
      ['forget me', part('forget me', 'erase-data', 'clarify')],
      ['black', part('black', 'try-on', 'clarify')],
      ['white frames', part('white frames', 'glasses-fit')],
      ['优惠券用不了', part('优惠券用不了', 'coupon-problem')],
      ['删除资料', part('删除资料', 'erase-data', 'clarify')],
    ]);
    const rank = (t: string) => rankings.get(t)!;
    const texts = (ps: { text: string }[]) => ps.map((p) => p.text);
    expect(
      texts(refineParts([part('coupon error and forget me', 'coupon-problem')], rank)),
    ).toEqual(['coupon error', 'forget me']);
    expect(texts(refineParts([part('优惠券用不了和删除资料', 'coupon-problem')], rank))).toEqual([
      '优惠券用不了',
      '删除资料',
    ]);
    // One word is no question of its own, whatever it leans to.
    expect(texts(refineParts([part('black and white frames', 'glasses-fit')], rank))).toEqual([
      'black and white frames',
    ]);
    // Kept whole where the whole is answered on a third topic, or the half is about nothing.
    expect(texts(refineParts([part('coupon error and forget me', 'account')], rank))).toEqual([
      'coupon error and forget me',
    ]);
    rankings.set('forget me', part('forget me', 'erase-data', 'out-of-scope'));
    expect(
      texts(refineParts([part('coupon error and forget me', 'coupon-problem')], rank)),
    ).toEqual(['coupon error and forget me']);
  });

  it('cuts the halves again: three questions joined by two bare "and"s', () => {
    const text = 'when will it arrive, and gift wrap and try on with my camera';
    expect(cutTexts(text)).toEqual([
      'when will it arrive',
      'gift wrap and try on with my camera',
      'gift wrap',
      'try on with my camera',
      'when will it arrive, and gift wrap',
    ]);
    const rankings = new Map([
      ['when will it arrive', part('when will it arrive', 'shipping-time')],
      [
        'gift wrap and try on with my camera',
        part('gift wrap and try on with my camera', 'try-on'),
      ],
      ['gift wrap', part('gift wrap', 'gift-wrap')],
      ['try on with my camera', part('try on with my camera', 'try-on')],
    ]);
    const rank = (t: string) => rankings.get(t)!;
    expect(refineParts([part(text, 'try-on', 'clarify')], rank).map((p) => p.text)).toEqual([
      'when will it arrive',
      'gift wrap',
      'try on with my camera',
    ]);
  });
});
