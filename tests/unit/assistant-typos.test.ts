import { describe, expect, it } from 'vitest';
import { typoAt, withTypos } from '../../src/lib/assistant/shared/typos';
import { correctSpelling, editDistance } from '../../src/lib/assistant/shared/spelling';
import type { WordVectors } from '../../src/lib/assistant/shared/word-vectors';
import { seededRandom } from '../../src/lib/random/seeded';

const first = () => 0;

describe('typos', () => {
  it('makes each kind of keyboard slip', () => {
    expect(typoAt('shipping', 2, 'swap', first)).toBe('shpiping');
    expect(typoAt('shipping', 2, 'drop', first)).toBe('shpping');
    expect(typoAt('shipping', 2, 'double', first)).toBe('shiipping');
    // i's neighbours: u, o, 8-row none, k, j (first is u)
    expect(typoAt('shipping', 2, 'neighbour', first)).toBe('shupping');
    expect(typoAt('Ship', 1, 'neighbour', first)).toBe('Sgip');
  });

  it('edits as many different words as asked, never the first letter, and repeats by seed', () => {
    const q = 'how long does shipping take to shanghai';
    for (let seed = 1; seed <= 50; seed++) {
      const one = withTypos(q, 1, seededRandom(seed));
      const two = withTypos(q, 2, seededRandom(seed));
      expect(withTypos(q, 2, seededRandom(seed))).toBe(two);
      const changed = (t: string) => {
        const a = q.split(' ');
        return t.split(' ').filter((w, i) => w !== a[i]).length;
      };
      expect(changed(one)).toBeLessThanOrEqual(1);
      expect(changed(two)).toBeLessThanOrEqual(2);
      const orig = q.split(' ');
      two.split(' ').forEach((w, k) => expect(w[0]).toBe(orig[k]![0]));
    }
    const changedOnce = Array.from({ length: 50 }, (_, s) => withTypos(q, 1, seededRandom(s)));
    expect(changedOnce.filter((t) => t !== q).length).toBeGreaterThan(40);
  });

  it('leaves Chinese and short words alone', () => {
    expect(withTypos('能货到付款吗', 2, seededRandom(1))).toBe('能货到付款吗');
    expect(withTypos('hi to us', 2, seededRandom(1))).toBe('hi to us');
  });
});

describe('spelling correction', () => {
  const table = (words: string[]): WordVectors => ({
    id: 't',
    dims: 1,
    rows: new Map(words.map((w, i) => [w, i])),
    rank: Int32Array.from(words, (_, i) => i),
    scale: new Float32Array(words.length),
    data: new Int8Array(words.length),
  });
  // Most common first, as the real table.
  const words = table([
    'the',
    'what',
    'how',
    'long',
    'take',
    'wah',
    'order',
    'return',
    'shipping',
    'shopping',
    'refund',
  ]);
  const none = () => false;

  it('measures edits, a swap as one', () => {
    expect(editDistance('retrun', 'return', 2)).toBe(1);
    expect(editDistance('shiping', 'shipping', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('corrects unknown words to the closest, learned words first, then the common', () => {
    expect(correctSpelling('how lnog to retrun my ordre', words, none)).toBe(
      'how long to return my order',
    );
    expect(correctSpelling('waht', words, none)).toBe('what');
    // shipping and shopping are both one edit from "shpping": the learned one wins.
    expect(correctSpelling('shpping', words, (w) => w === 'shopping')).toBe('shopping');
    expect(correctSpelling('shpping', words, (w) => w === 'shipping')).toBe('shipping');
  });

  it('keeps words it knows, learned words, Chinese and words with nothing close', () => {
    expect(correctSpelling('alipay 支付宝 take', words, (w) => w === 'alipay')).toBe(
      'alipay 支付宝 take',
    );
    expect(correctSpelling('zebra', words, none)).toBe('zebra');
    expect(correctSpelling('whatever', null, none)).toBe('whatever');
  });
});
