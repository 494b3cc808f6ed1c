import { describe, expect, it } from 'vitest';
import {
  addItemItemScores,
  cooccurrence,
  cosineNeighbours,
  easeWeights,
  invertSpd,
  learnItemItem,
  sparsify,
  weightOf,
  type UserItems,
} from '../../src/lib/recommender/shared/item-item';
import { seededRandom } from '../../src/lib/random/seeded';

/** Random users over n items, each user's items distinct and sorted. */
function randomUsers(numUsers: number, n: number, perUser: number, seed: number): UserItems {
  const rand = seededRandom(seed);
  const offsets = new Uint32Array(numUsers + 1);
  const items: number[] = [];
  for (let u = 0; u < numUsers; u++) {
    const set = new Set<number>();
    // Two tastes: even users prefer the first half of the items.
    while (set.size < perUser) set.add(Math.floor(rand() * (n / 2)) + (u % 2 ? n / 2 : 0));
    items.push(...[...set].sort((a, b) => a - b));
    offsets[u + 1] = items.length;
  }
  return { offsets, items: Uint32Array.from(items) };
}

describe('item-item weights', () => {
  it('inverts a symmetric positive definite matrix', () => {
    const n = 7;
    const rand = seededRandom(3);
    const M = Array.from({ length: n * n }, () => rand() - 0.5);
    const A = new Float64Array(n * n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        let s = r === c ? 1 : 0;
        for (let k = 0; k < n; k++) s += M[r * n + k]! * M[c * n + k]!;
        A[r * n + c] = s;
      }
    const inv = A.slice();
    invertSpd(inv, n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[r * n + k]! * inv[k * n + c]!;
        expect(s).toBeCloseTo(r === c ? 1 : 0, 9);
      }
  });

  it("EASE's B has a zero diagonal and minimises the ridge regression column by column", () => {
    const n = 6;
    const users = randomUsers(40, n, 2, 5);
    const G = cooccurrence(users, n);
    const lambda = 3;
    const B = easeWeights(G.slice(), n, lambda);
    for (let i = 0; i < n; i++) expect(B[i * n + i]).toBe(0);
    // Stationarity of ‖X − XB‖² + λ‖B‖² under B_ii = 0: for j ≠ i, (G(B − I) + λB)_ji = 0.
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let s = lambda * B[j * n + i]!;
        for (let k = 0; k < n; k++) s += G[j * n + k]! * (B[k * n + i]! - (k === i ? 1 : 0));
        expect(s).toBeCloseTo(0, 8);
      }
  });

  it('cosine item-kNN agrees with the brute-force cosine, strongest first, topK kept', () => {
    const n = 10;
    const users = randomUsers(30, n, 3, 9);
    const G = cooccurrence(users, n);
    const nb = cosineNeighbours(users, n, 3);
    for (let j = 0; j < n; j++) {
      const list = [...nb.items.subarray(nb.offsets[j]!, nb.offsets[j + 1]!)];
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list).not.toContain(j);
      const w = list.map((i) => weightOf(nb, j, i));
      expect([...w].sort((a, b) => b - a)).toEqual(w);
      for (const i of list) {
        const cos = G[j * n + i]! / Math.sqrt(G[j * n + j]! * G[i * n + i]!);
        expect(weightOf(nb, j, i)).toBeCloseTo(cos, 6);
      }
    }
  });

  it('learns over the chosen items only, EASE below the dense limit and cosine above', () => {
    const n = 20;
    // Users choose among items 10..19 only; items 0..9 stay without weights.
    const base = randomUsers(50, 10, 3, 2);
    const users = { offsets: base.offsets, items: base.items.map((i) => i + 10) };
    const cfg = { itemItemLambda: 2, itemItemTopK: 4, itemItemMaxDense: 100 };
    const ease = learnItemItem(users, n, cfg);
    const knn = learnItemItem(users, n, { ...cfg, itemItemMaxDense: 5 });
    for (const nb of [ease, knn]) {
      expect(nb.offsets.length).toBe(n + 1);
      for (let j = 0; j < 10; j++) expect(nb.offsets[j + 1]! - nb.offsets[j]!).toBe(0);
      expect([...nb.items].every((i) => i >= 10)).toBe(true);
    }
    // The dense path is EASE: the same weights as computed directly on the 10 chosen items.
    const local = { offsets: base.offsets, items: base.items };
    const direct = sparsify(easeWeights(cooccurrence(local, 10), 10, 2), 10, 4);
    for (let j = 0; j < 10; j++)
      for (let i = 0; i < 10; i++)
        expect(weightOf(ease, j + 10, i + 10)).toBeCloseTo(weightOf(direct, j, i), 5);
    expect(knn.weights).not.toEqual(ease.weights);
    // topK 0: no item-item part at all (and nothing computed).
    const none = learnItemItem(users, n, { ...cfg, itemItemTopK: 0 });
    expect(none.items).toHaveLength(0);
    expect(none.offsets).toHaveLength(n + 1);

    // A user's score is the sum of their items' weights.
    const out = new Float32Array(n);
    addItemItemScores(ease, [10, 11], 1, out);
    for (let i = 0; i < n; i++) {
      expect(out[i]).toBeCloseTo(weightOf(ease, 10, i) + weightOf(ease, 11, i), 6);
    }
  });
});
