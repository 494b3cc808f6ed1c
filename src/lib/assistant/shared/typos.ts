/**
 * Seeded misspellings, as people make them on a keyboard: two letters swapped, one dropped, one
 * doubled, one replaced by a neighbouring key (QWERTY). For measuring how the assistant copes
 * with typos (`npm run eval:assistant -- --faq --typos`) on questions it never trained on.
 * Pure and seeded, so a run repeats.
 */
export const TYPO_KINDS = ['swap', 'drop', 'double', 'neighbour'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Keys next to a key on the same row or the rows above and below (offsets as on a keyboard). */
const NEIGHBOURS = new Map<string, string>();
ROWS.forEach((row, r) =>
  [...row].forEach((key, c) => {
    const near: string[] = [];
    for (const [dr, dc] of [
      [0, -1],
      [0, 1],
      [-1, 0],
      [-1, 1],
      [1, -1],
      [1, 0],
    ] as const) {
      const k = ROWS[r + dr]?.[c + dc];
      if (k) near.push(k);
    }
    NEIGHBOURS.set(key, near.join(''));
  }),
);

/** One typo of the given kind at letter `i` of a word (i ≥ 1: people rarely miss the first). */
export function typoAt(word: string, i: number, kind: TypoKind, pick: (n: number) => number) {
  switch (kind) {
    case 'swap':
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : word;
    case 'drop':
      return word.slice(0, i) + word.slice(i + 1);
    case 'double':
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    case 'neighbour': {
      const lower = word[i]!.toLowerCase();
      const near = NEIGHBOURS.get(lower);
      if (!near) return word;
      const k = near[pick(near.length)]!;
      return word.slice(0, i) + (lower === word[i] ? k : k.toUpperCase()) + word.slice(i + 1);
    }
  }
}

/**
 * The text with `edits` typos, each in a different word of three letters or more (as many as
 * there are such words). Only Latin letters are touched: Chinese text comes back as it was.
 */
export function withTypos(text: string, edits: number, rnd: () => number): string {
  const pick = (n: number) => Math.floor(rnd() * n);
  const parts = text.split(/([A-Za-z]{3,})/);
  const words = parts.map((p, i) => (i % 2 === 1 ? i : -1)).filter((i) => i >= 0);
  for (let e = 0; e < edits && words.length; e++) {
    const at = words.splice(pick(words.length), 1)[0]!;
    const word = parts[at]!;
    const kind = TYPO_KINDS[pick(TYPO_KINDS.length)]!;
    parts[at] = typoAt(word, 1 + pick(word.length - 1), kind, pick);
  }
  return parts.join('');
}
