/**
 * The item-item part of the ranking model: "shoppers who chose j also chose i", as a sparse
 * weight w(j→i) per pair, so that a user's score for i is the sum over the items j they chose:
 *
 *   t(u,i) = Σ_{j∈H(u)} w(j→i)
 *
 * The sum is what makes an explanation faithful: each chosen item's share of the score is its
 * own term, so "because you liked j" can name the item that really contributed most.
 *
 * Two ways to learn w, by catalog size:
 * - EASE (Steck 2019, "Embarrassingly shallow autoencoders"): the closed-form ridge regression
 *   of every item's column on all the others, B = I − P·diag(1/P_jj) with P = (XᵀX + λI)⁻¹,
 *   B_jj = 0. One dense inverse, n³/2 multiply-adds: seconds for a few thousand items.
 * - Above that, cosine of the co-occurrence (item-kNN), computed sparsely per item.
 * Either way only each source item's `topK` strongest positive weights are kept (CSR by j), so a
 * snapshot grows by items × topK pairs and a fold-in is a walk over the user's items' lists.
 */

/** Sparse w(j→i): for source item j, targets items[offsets[j]..offsets[j+1]) with weights. */
export interface ItemNeighbours {
  offsets: Uint32Array;
  items: Uint32Array;
  weights: Float32Array;
}

/** Users' distinct items as CSR (offsets per user into items). */
export interface UserItems {
  offsets: Uint32Array;
  items: Uint32Array;
}

/** The same pairs by item (CSR of users per item). */
export function byItem(users: UserItems, numItems: number): UserItems {
  const nU = users.offsets.length - 1;
  const offsets = new Uint32Array(numItems + 1);
  for (let k = 0; k < users.items.length; k++) offsets[users.items[k]! + 1]!++;
  for (let i = 0; i < numItems; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, numItems);
  const out = new Uint32Array(users.items.length);
  for (let u = 0; u < nU; u++) {
    for (let k = users.offsets[u]!; k < users.offsets[u + 1]!; k++)
      out[fill[users.items[k]!]!++] = u;
  }
  return { offsets, items: out };
}

/** XᵀX for the binary user × item matrix: dense, row-major n × n (both triangles). */
export function cooccurrence(users: UserItems, numItems: number): Float64Array {
  const G = new Float64Array(numItems * numItems);
  const nU = users.offsets.length - 1;
  for (let u = 0; u < nU; u++) {
    const s0 = users.offsets[u]!;
    const s1 = users.offsets[u + 1]!;
    for (let a = s0; a < s1; a++) {
      const row = users.items[a]! * numItems;
      for (let b = s0; b < s1; b++) G[row + users.items[b]!]! += 1;
    }
  }
  return G;
}

/** Dot product of a[ao..ao+len) and b[bo..bo+len), four accumulators (V8 keeps them in registers). */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += a[ao + k]! * b[bo + k]!;
    s1 += a[ao + k + 1]! * b[bo + k + 1]!;
    s2 += a[ao + k + 2]! * b[bo + k + 2]!;
    s3 += a[ao + k + 3]! * b[bo + k + 3]!;
  }
  for (; k < len; k++) s0 += a[ao + k]! * b[bo + k]!;
  return s0 + s1 + s2 + s3;
}

/**
 * (A)⁻¹ of a symmetric positive definite n × n matrix (row-major, both triangles), in place:
 * Cholesky A = LLᵀ, then M = L⁻¹ kept transposed (row j of Mt = column j of M), then
 * A⁻¹ = MᵀM. Every inner loop is a dot product of contiguous rows.
 */
export function invertSpd(A: Float64Array, n: number, check?: () => void): void {
  // Cholesky, lower triangle of A becomes L.
  for (let j = 0; j < n; j++) {
    check?.();
    const jo = j * n;
    const d = Math.sqrt(Math.max(A[jo + j]! - dot(A, jo, A, jo, j), 1e-12));
    A[jo + j] = d;
    for (let i = j + 1; i < n; i++) {
      const io = i * n;
      A[io + j] = (A[io + j]! - dot(A, io, A, jo, j)) / d;
    }
  }
  // Mt[j][i] = M[i][j] for i ≥ j: forward substitution of L m = e_j, stored in Mt's row j.
  const Mt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    check?.();
    const jo = j * n;
    Mt[jo + j] = 1 / A[jo + j]!;
    for (let i = j + 1; i < n; i++) {
      const io = i * n;
      Mt[jo + i] = -dot(A, io + j, Mt, jo + j, i - j) / A[io + i]!;
    }
  }
  // A⁻¹[a][b] = Σ_{k ≥ max(a,b)} Mt[a][k]·Mt[b][k].
  for (let a = 0; a < n; a++) {
    check?.();
    const ao = a * n;
    for (let b = a; b < n; b++) {
      const v = dot(Mt, ao + b, Mt, b * n + b, n - b);
      A[ao + b] = v;
      A[b * n + a] = v;
    }
  }
}

/**
 * EASE's B from the co-occurrence G (consumed): B_ji = −P_ji / P_ii, B_ii = 0. Returns B in
 * G's buffer, row j = the weights from source j.
 */
export function easeWeights(
  G: Float64Array,
  n: number,
  lambda: number,
  check?: () => void,
): Float64Array {
  for (let i = 0; i < n; i++) G[i * n + i]! += lambda;
  invertSpd(G, n, check);
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) diag[i] = G[i * n + i]!;
  for (let j = 0; j < n; j++) {
    const jo = j * n;
    for (let i = 0; i < n; i++) G[jo + i] = i === j ? 0 : -G[jo + i]! / diag[i]!;
  }
  return G;
}

/** Per source row of a dense n × n weight matrix, its topK strongest positive weights. */
export function sparsify(W: Float64Array, n: number, topK: number): ItemNeighbours {
  const lists: { items: number[]; weights: number[] }[] = [];
  const row: number[] = [];
  for (let j = 0; j < n; j++) {
    row.length = 0;
    for (let i = 0; i < n; i++) if (W[j * n + i]! > 0) row.push(i);
    row.sort((a, b) => W[j * n + b]! - W[j * n + a]! || a - b);
    const keep = row.slice(0, topK);
    lists.push({ items: keep, weights: keep.map((i) => W[j * n + i]!) });
  }
  return pack(lists);
}

/**
 * Cosine item-kNN, w(j→i) = |U(i)∩U(j)| / √(|U(i)|·|U(j)|), the topK per source, computed one
 * source at a time over a dense accumulator: Σ_u |H(u)|² work, n floats of memory.
 */
export function cosineNeighbours(
  users: UserItems,
  numItems: number,
  topK: number,
  check?: () => void,
): ItemNeighbours {
  const items = byItem(users, numItems);
  const count = (i: number) => items.offsets[i + 1]! - items.offsets[i]!;
  const acc = new Float64Array(numItems);
  const touched: number[] = [];
  const lists: { items: number[]; weights: number[] }[] = [];
  for (let j = 0; j < numItems; j++) {
    if ((j & 255) === 0) check?.();
    touched.length = 0;
    for (let k = items.offsets[j]!; k < items.offsets[j + 1]!; k++) {
      const u = items.items[k]!;
      for (let x = users.offsets[u]!; x < users.offsets[u + 1]!; x++) {
        const i = users.items[x]!;
        if (i === j) continue;
        if (acc[i] === 0) touched.push(i);
        acc[i]! += 1;
      }
    }
    const cj = count(j);
    const scored = touched.map((i) => ({ i, w: acc[i]! / Math.sqrt(cj * count(i)) }));
    for (const i of touched) acc[i] = 0;
    scored.sort((a, b) => b.w - a.w || a.i - b.i);
    const keep = scored.slice(0, topK);
    lists.push({ items: keep.map((s) => s.i), weights: keep.map((s) => s.w) });
  }
  return pack(lists);
}

function pack(lists: { items: number[]; weights: number[] }[]): ItemNeighbours {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, j) => (offsets[j + 1] = offsets[j]! + l.items.length));
  const items = new Uint32Array(offsets[lists.length]!);
  const weights = new Float32Array(items.length);
  lists.forEach((l, j) => {
    items.set(l.items, offsets[j]!);
    weights.set(l.weights, offsets[j]!);
  });
  return { offsets, items, weights };
}

/** Adds t(u,i) = Σ_{j∈history} scale·w(j→i) into `out` (indexed by item). */
export function addItemItemScores(
  nb: ItemNeighbours,
  history: ArrayLike<number>,
  scale: number,
  out: Float32Array | Float64Array,
): void {
  for (let h = 0; h < history.length; h++) {
    const j = history[h]!;
    for (let x = nb.offsets[j]!; x < nb.offsets[j + 1]!; x++) {
      out[nb.items[x]!]! += scale * nb.weights[x]!;
    }
  }
}

/** w(j→i), 0 when i is not among j's kept neighbours. */
export function weightOf(nb: ItemNeighbours, j: number, i: number): number {
  for (let x = nb.offsets[j]!; x < nb.offsets[j + 1]!; x++)
    if (nb.items[x] === i) return nb.weights[x]!;
  return 0;
}

/**
 * w(j→i) for a model: over the items someone chose (the others have no weights), EASE when
 * there are at most `itemItemMaxDense` of them, else cosine item-kNN; `topK` kept per source.
 */
export function learnItemItem(
  users: UserItems,
  numItems: number,
  cfg: { itemItemLambda: number; itemItemTopK: number; itemItemMaxDense: number },
  check?: () => void,
): ItemNeighbours {
  // Dense indices of the chosen items.
  const dense = new Int32Array(numItems).fill(-1);
  const chosen: number[] = [];
  for (const i of users.items) if (dense[i] === -1) dense[i] = chosen.push(i) - 1;
  const local: UserItems = { offsets: users.offsets, items: users.items.map((i) => dense[i]!) };
  const n = chosen.length;
  const topK = cfg.itemItemTopK;
  if (topK === 0)
    return {
      offsets: new Uint32Array(numItems + 1),
      items: new Uint32Array(0),
      weights: new Float32Array(0),
    };
  const small =
    n <= cfg.itemItemMaxDense
      ? sparsify(easeWeights(cooccurrence(local, n), n, cfg.itemItemLambda, check), n, topK)
      : cosineNeighbours(local, n, topK, check);
  // Back to model indices: source j's list at chosen[j].
  const offsets = new Uint32Array(numItems + 1);
  for (let j = 0; j < n; j++) offsets[chosen[j]! + 1] = small.offsets[j + 1]! - small.offsets[j]!;
  for (let i = 0; i < numItems; i++) offsets[i + 1]! += offsets[i]!;
  const items = new Uint32Array(offsets[numItems]!);
  const weights = new Float32Array(items.length);
  for (let j = 0; j < n; j++) {
    const from = small.offsets[j]!;
    const to = small.offsets[j + 1]!;
    const at = offsets[chosen[j]!]!;
    for (let x = from; x < to; x++) {
      items[at + x - from] = chosen[small.items[x]!]!;
      weights[at + x - from] = small.weights[x]!;
    }
  }
  return { offsets, items, weights };
}
