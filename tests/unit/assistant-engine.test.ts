import { describe, expect, it } from 'vitest';
import { augment, perturb } from '../../src/lib/assistant/shared/augment';
import {
  blend,
  buildBm25,
  buildCentroids,
  buildVocabulary,
  linearLogits,
  bm25ClassScores,
  cosine,
  vectorise,
} from '../../src/lib/assistant/shared/model';
import {
  ANSWER_AT,
  ANSWER_LEAD,
  CLARIFY_AT,
  OUT_OF_SCOPE,
  verdictOf,
} from '../../src/lib/assistant/shared/rank';
import {
  blockOf,
  featureStrings,
  foldWord,
  hashedCounts,
  normalise,
  stem,
} from '../../src/lib/assistant/shared/text';
import { seededRandom } from '../../src/lib/random/seeded';
import { AssistantCore, examplesHash } from '../../src/lib/assistant/worker/core';
import { batchSize, MIN_BATCH, STEPS_PER_EPOCH } from '../../src/lib/assistant/worker/trainer';

describe('assistant text', () => {
  it('folds full-width, case and traditional characters', () => {
    expect(normalise('這個會員積分怎麼用？ＡＢＣ')).toBe('这个会员积分怎么用?abc');
  });
  it('gives word, bigram and character features for English and Han n-grams for Chinese', () => {
    const en = featureStrings('Refunds please');
    expect(en).toContain('wrefund');
    expect(en).toContain('brefund pleas');
    expect(en).toContain('cefu');
    const zh = featureStrings('退货要多久');
    expect(zh).toContain('h退货');
    expect(zh).toContain('h要多久');
  });
  it('stems word forms together and leaves short words alone', () => {
    const s = (w: string) => stem(foldWord(w));
    for (const group of [
      ['charge', 'charged', 'charges', 'charging'],
      ['payment', 'payments', 'pay'],
      ['top', 'topped', 'topping'],
      ['cancel', 'cancelled', 'canceled'],
      ['verify', 'verified'],
      ['exchange', 'exchanged', 'exchanging'],
    ])
      expect(new Set(group.map(s)).size).toBe(1);
    expect(s('called')).toBe('call');
    expect(s('using')).toBe('using');
    expect(s('need')).toBe('need');
    expect(s('apply')).toBe('apply');
    expect(s('recently')).toBe('recent');
  });
  it('stems words and bigrams but not character n-grams', () => {
    const f = featureStrings('charged cards');
    expect(f).toContain('wcharg');
    expect(f).toContain('bcharg card');
    expect(f).toContain('cged ');
  });
  it('hashes words, bigrams and character n-grams into separate blocks', () => {
    const blocks = new Set([...hashedCounts('card payments 退货').keys()].map((b) => blockOf(b)));
    expect([...blocks].sort()).toEqual([0, 1, 2]);
  });
});

describe('assistant retrieval and calibration', () => {
  const texts = [
    'where is my order',
    'track my parcel',
    'how do I return shoes',
    'refund my money',
  ];
  const classes = [0, 0, 1, 1];
  const vocab = buildVocabulary(texts);
  it('BM25 prefers the class whose example shares the words', () => {
    const s = bm25ClassScores(buildBm25(vocab, texts, classes), vocab, 'where is the order', 2);
    expect(s[0]).toBeGreaterThan(s[1]!);
  });
  it('normalises each feature block apart: words keep their share beside long words', () => {
    const v = buildVocabulary(['refund', 'international transfer']);
    const x = vectorise(v, 'international transfer');
    let total = 0;
    const perBlock = [0, 0, 0];
    const rows = [...v.rows.entries()];
    x.idx.forEach((r, k) => {
      const bucket = rows.find(([, row]) => row === r)![0];
      perBlock[blockOf(bucket)]! += x.val[k]! ** 2;
      total += x.val[k]! ** 2;
    });
    expect(total).toBeCloseTo(1, 5);
    // Two words, one bigram and ~50 character n-grams: each kind still weighs a third.
    for (const b of perBlock) expect(b).toBeCloseTo(1 / 3, 5);
  });
  it('cosine is 1 for the same text and lower for another', () => {
    const a = vectorise(vocab, 'track my parcel');
    expect(cosine(a, a)).toBeCloseTo(1, 5);
    expect(cosine(a, vectorise(vocab, 'refund my money'))).toBeLessThan(0.5);
  });
  it('centroids score the class whose examples share the words', () => {
    const cent = buildCentroids(vocab, texts, classes, 2);
    const s = linearLogits(cent, vectorise(vocab, 'refund the shoes'));
    expect(s[1]).toBeGreaterThan(s[0]!);
    // Normalised: a class's own single example scores at most 1.
    expect(Math.max(...linearLogits(cent, vectorise(vocab, 'track my parcel')))).toBeLessThan(
      1.0001,
    );
  });
  it('blend sums to one and follows the lexical signal when the classifier is flat', () => {
    const p = blend([0, 0], [3, 1], [0, 0], { alpha: 0.5, beta: 0, tau: 0.1, tauCentroid: 0.05 });
    expect(p[0]! + p[1]!).toBeCloseTo(1, 6);
    expect(p[0]).toBeGreaterThan(p[1]!);
  });
  it('verdicts: answer when confident, clarify in the middle, out of scope otherwise', () => {
    const r = (a: number, b: number) => [
      { intent: 'x', confidence: a },
      { intent: 'y', confidence: b },
    ];
    expect(verdictOf(r(0.8, 0.1), 1)).toBe('answer');
    expect(verdictOf(r(0.3, 0.25), 1)).toBe('clarify');
    expect(verdictOf(r(0.1, 0.05), 1)).toBe('out-of-scope');
    expect(verdictOf(r(0.9, 0.05), 0.1)).toBe('out-of-scope');
    expect(verdictOf([{ intent: OUT_OF_SCOPE, confidence: 0.9 }], 1)).toBe('out-of-scope');
    // Confident but without the lead over the runner-up (or the strongest other intent, when
    // given): asked back.
    const top = Math.max(ANSWER_AT, 0.8);
    expect(verdictOf(r(top, top / ANSWER_LEAD - 0.01), 1)).toBe('answer');
    expect(verdictOf(r(top, top / ANSWER_LEAD + 0.01), 1)).toBe('clarify');
    expect(verdictOf(r(top, 0.01), 1, top / ANSWER_LEAD + 0.01)).toBe('clarify');
    expect(verdictOf(r(CLARIFY_AT - 0.01, 0), 1)).toBe('out-of-scope');
  });
  it('a temperature below 1 sharpens the classifier’s share of the blend, not its order', () => {
    const params = { alpha: 0.75, beta: 0.2, tau: 0.075, tauCentroid: 0.02 };
    const args = [
      [2, 1, 0],
      [1, 1, 1],
      [0.1, 0.1, 0.1],
    ] as const;
    const plain = blend(...args, params);
    const sharp = blend(...args, params, 0.35);
    expect(sharp[0]).toBeGreaterThan(plain[0]! + 0.1);
    expect(sharp[0]! + sharp[1]! + sharp[2]!).toBeCloseTo(1, 6);
    expect(
      Array.from(sharp)
        .map((_, i) => i)
        .sort((a, b) => sharp[b]! - sharp[a]!),
    ).toEqual([0, 1, 2]);
  });
});

describe('assistant augmentation and snapshots', () => {
  it('augmentation is seeded and keeps the originals', () => {
    const xs = [{ text: 'I would like to cancel my order please' }];
    expect(augment(xs, 2, 5)).toEqual(augment(xs, 2, 5));
    expect(augment(xs, 2, 5)[0]).toEqual(xs[0]);
    expect(perturb('我想退货怎么办', seededRandom(1))).toHaveLength(6);
  });
  it('the examples hash changes with any example', () => {
    const a = [{ text: 'hi', intent: 'greeting', lang: 'en' }];
    expect(examplesHash(a)).toBe(examplesHash([...a]));
    expect(examplesHash(a)).not.toBe(examplesHash([{ ...a[0]!, text: 'hello' }]));
  });
  it('trains with tfjs, ranks, and restores from its snapshot only for the same examples', async () => {
    const examples = [
      ...[
        'where is my order',
        'track my parcel',
        'order status please',
        'has my package shipped',
      ].map((text) => ({ text, intent: 'order-status' })),
      ...['how do I return shoes', 'I want a refund', 'send it back', 'return policy'].map(
        (text) => ({ text, intent: 'returns' }),
      ),
    ];
    const core = new AssistantCore();
    const snap = await core.train(examples, undefined, { epochs: 30, batch: 8, learningRate: 0.1 });
    expect(core.rank('where is my parcel').best[0]!.intent).toBe('order-status');
    expect(core.rank('can I return these shoes').best[0]!.intent).toBe('returns');
    const again = new AssistantCore();
    expect(again.load(examples, snap)).toBe(true);
    expect(again.rank('track my order').best).toEqual(core.rank('track my order').best);
    expect(again.load(examples.slice(1), snap)).toBe(false);
    // A snapshot from an older trainer (no version, or another one) is retrained, not used.
    expect(again.load(examples, { ...snap, meta: { ...snap.meta, version: undefined } })).toBe(
      false,
    );
    expect(again.load(examples, { ...snap, meta: { ...snap.meta, version: 1 } })).toBe(false);
  }, 60_000);
});

describe('assistant training schedule', () => {
  it('keeps enough steps per epoch for small sets and caps the batch for large ones', () => {
    // 10-shot Banking77: as many steps as the smallest batch allows.
    expect(Math.ceil(770 / batchSize(770, 1024))).toBe(Math.ceil(770 / MIN_BATCH));
    expect(Math.ceil(5000 / batchSize(5000, 1024))).toBeGreaterThanOrEqual(STEPS_PER_EPOCH);
    expect(batchSize(100_000, 1024)).toBe(1024);
    expect(batchSize(10, 1024)).toBeGreaterThanOrEqual(10);
    expect(batchSize(0, 1024)).toBeGreaterThanOrEqual(1);
  });
});
