/**
 * The recommender's data layer: external ids to dense indices, splits and per-user views.
 * Pure TypeScript (no DOM), so it runs in Node, a Web Worker and the page alike.
 */
import type { IdMaps, RatingData } from './types';
import { seededRandom } from '../../random/seeded';

export { seededRandom };

/** One rating or implicit event with external ids, as the parsers and the app produce them. */
export interface RatingRow {
  user: string;
  item: string;
  rating: number;
  /** Seconds since the epoch. */
  timestamp?: number;
  /** 1 for explicit ratings, lower for implicit events. */
  weight?: number;
}

export function emptyMaps(): IdMaps {
  return { userIds: [], itemIds: [], userIndex: new Map(), itemIndex: new Map() };
}

function indexOf(id: string, ids: string[], index: Map<string, number>): number {
  let i = index.get(id);
  if (i === undefined) {
    i = ids.length;
    ids.push(id);
    index.set(id, i);
  }
  return i;
}

/**
 * Turns rows with string ids into typed arrays. Pass the maps of an earlier call (e.g. the
 * training set's) so both share indices; ids not seen before are appended to them.
 * numUsers/numItems are the maps' sizes after indexing, so data indexed later with the same
 * maps may count more users and items than data indexed earlier.
 */
export function indexRatings(
  rows: Iterable<RatingRow>,
  maps: IdMaps = emptyMaps(),
): { data: RatingData; maps: IdMaps } {
  const users: number[] = [];
  const items: number[] = [];
  const ratings: number[] = [];
  const weights: number[] = [];
  const timestamps: number[] = [];
  let hasWeights = false;
  let hasTimestamps = false;
  for (const row of rows) {
    users.push(indexOf(row.user, maps.userIds, maps.userIndex));
    items.push(indexOf(row.item, maps.itemIds, maps.itemIndex));
    ratings.push(row.rating);
    weights.push(row.weight ?? 1);
    timestamps.push(row.timestamp ?? NaN);
    if (row.weight !== undefined && row.weight !== 1) hasWeights = true;
    if (row.timestamp !== undefined) hasTimestamps = true;
  }
  const data: RatingData = {
    numUsers: maps.userIds.length,
    numItems: maps.itemIds.length,
    n: users.length,
    users: Uint32Array.from(users),
    items: Uint32Array.from(items),
    ratings: Float32Array.from(ratings),
  };
  if (hasWeights) data.weights = Float32Array.from(weights);
  if (hasTimestamps) data.timestamps = Float64Array.from(timestamps);
  return { data, maps };
}

/** The rows at `indices`, in that order, keeping numUsers/numItems (indices stay valid). */
export function subset(data: RatingData, indices: Uint32Array): RatingData {
  const n = indices.length;
  const out: RatingData = {
    numUsers: data.numUsers,
    numItems: data.numItems,
    n,
    users: new Uint32Array(n),
    items: new Uint32Array(n),
    ratings: new Float32Array(n),
  };
  if (data.weights) out.weights = new Float32Array(n);
  if (data.timestamps) out.timestamps = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = indices[k]!;
    out.users[k] = data.users[r]!;
    out.items[k] = data.items[r]!;
    out.ratings[k] = data.ratings[r]!;
    if (out.weights) out.weights[k] = data.weights![r]!;
    if (out.timestamps) out.timestamps[k] = data.timestamps![r]!;
  }
  return out;
}

/** Fisher-Yates shuffle in place with the given PRNG. */
export function shuffle(array: Uint32Array, random: () => number): Uint32Array {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = array[i]!;
    array[i] = array[j]!;
    array[j] = t;
  }
  return array;
}

/** k folds of a seeded shuffle: every row lands in exactly one test set. */
export function randomFolds(
  data: RatingData,
  k: number,
  seed: number,
): { train: RatingData; test: RatingData }[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`randomFolds needs k >= 2, got ${k}`);
  const order = shuffle(
    Uint32Array.from({ length: data.n }, (_, i) => i),
    seededRandom(seed),
  );
  const folds: { train: RatingData; test: RatingData }[] = [];
  for (let f = 0; f < k; f++) {
    const test: number[] = [];
    const train: number[] = [];
    // Sorted row order inside each part keeps timestamps/row order meaningful.
    const inTest = new Uint8Array(data.n);
    for (let p = f; p < data.n; p += k) inTest[order[p]!] = 1;
    for (let r = 0; r < data.n; r++) (inTest[r] ? test : train).push(r);
    folds.push({
      train: subset(data, Uint32Array.from(train)),
      test: subset(data, Uint32Array.from(test)),
    });
  }
  return folds;
}

/**
 * One seeded random hold-out split: round(n · testFraction) rows, drawn by a seeded shuffle, form
 * the test set, the rest the training set; both keep the rows' original order.
 */
export function randomSplit(
  data: RatingData,
  testFraction: number,
  seed: number,
): { train: RatingData; test: RatingData } {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`randomSplit needs 0 < testFraction < 1, got ${testFraction}`);
  }
  const order = shuffle(
    Uint32Array.from({ length: data.n }, (_, i) => i),
    seededRandom(seed),
  );
  const inTest = new Uint8Array(data.n);
  const nTest = Math.round(data.n * testFraction);
  for (let p = 0; p < nTest; p++) inTest[order[p]!] = 1;
  const test = new Uint32Array(nTest);
  const train = new Uint32Array(data.n - nTest);
  let a = 0;
  let b = 0;
  for (let r = 0; r < data.n; r++) {
    if (inTest[r]) test[a++] = r;
    else train[b++] = r;
  }
  return { train: subset(data, train), test: subset(data, test) };
}
