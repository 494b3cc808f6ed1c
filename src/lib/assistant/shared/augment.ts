/**
 * Training-data augmentation (pure, seeded): paraphrase-like noise so the classifier does not
 * hang on one exact word form. Each copy gets one or two of: a typo (drop, swap or double a
 * letter of a longer word), a dropped word, a common synonym swapped in, and, for Chinese, a
 * dropped character. The original questions always stay in.
 */
import { seededRandom } from '../../random/seeded';

// Small, domain-free English synonym groups (shopping/service talk). Both directions.
const GROUPS: readonly string[][] = [
  ['want', 'need', 'would like'],
  ['buy', 'purchase', 'order'],
  ['get', 'receive'],
  ['money', 'funds', 'cash'],
  ['help', 'assist'],
  ['cancel', 'stop'],
  ['check', 'see', 'view'],
  ['fix', 'solve', 'sort out'],
  ['quick', 'fast'],
  ['can i', 'could i', 'may i'],
  ['how do i', 'how can i', 'how to'],
  ['why', 'how come'],
  ['wrong', 'incorrect'],
  ['send', 'transfer'],
  ['change', 'update', 'modify'],
  ['problem', 'issue', 'trouble'],
  ['hi', 'hello', 'hey'],
  ['thanks', 'thank you'],
  ['is it possible to', 'can i'],
  ['my', 'the'],
  ['shop', 'store'],
  ['delivery', 'shipping'],
  ['refund', 'money back'],
];

const SYN = new Map<string, string[]>();
for (const g of GROUPS)
  for (const w of g)
    SYN.set(
      w,
      g.filter((x) => x !== w),
    );
const SYN_RE = new RegExp(
  `\\b(${[...SYN.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function typo(rnd: () => number, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const r = rnd();
  if (r < 0.4) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.75) return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

/** One noisy copy of a question. */
export function perturb(text: string, rnd: () => number): string {
  if (/\p{Script=Han}/u.test(text)) {
    const chars = [...text];
    if (chars.length < 4) return text;
    const i = Math.floor(rnd() * chars.length);
    chars.splice(i, 1);
    return chars.join('');
  }
  let out = text;
  const ops = 1 + Math.floor(rnd() * 2);
  for (let k = 0; k < ops; k++) {
    const r = rnd();
    if (r < 0.35) {
      const matches = [...out.matchAll(SYN_RE)];
      if (matches.length) {
        const m = pick(rnd, matches);
        const rep = pick(rnd, SYN.get(m[0].toLowerCase())!);
        out = out.slice(0, m.index) + rep + out.slice(m.index! + m[0].length);
        continue;
      }
    }
    const ws = out.split(' ');
    if (r < 0.7 || ws.length < 4) {
      const i = Math.floor(rnd() * ws.length);
      ws[i] = typo(rnd, ws[i]!);
    } else {
      ws.splice(Math.floor(rnd() * ws.length), 1);
    }
    out = ws.join(' ');
  }
  return out;
}

/** The examples plus `copies` noisy copies of each (seeded, so runs repeat). */
export function augment<T extends { text: string }>(
  examples: readonly T[],
  copies: number,
  seed = 1,
): T[] {
  const rnd = seededRandom(seed);
  const out: T[] = [...examples];
  for (let c = 0; c < copies; c++)
    for (const e of examples) {
      const text = perturb(e.text, rnd);
      if (text !== e.text) out.push({ ...e, text });
    }
  return out;
}
