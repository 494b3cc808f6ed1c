/**
 * Top-N on real purchases (UCI Online Retail, ../shared/data/uci-online-retail), with the
 * protocol of issue 19 so the figures compare with published practice:
 * - drop the non-product codes (postage, manual, fees…);
 * - an implicit 0/1 customer × product matrix;
 * - train on purchases before the cutoff (2011-10-01), test on purchases on or after it;
 * - test users are the customers in both; each one's truth is the products bought in test and
 *   not in train (products nobody bought in train cannot be ranked, so they are not truth);
 * - every train product is ranked, the user's train purchases excluded;
 * - Recall@20 = hits in the top 20 / min(20, |truth|), NDCG@10 with binary gains, HR@10.
 * Evaluation code: the app never scores itself.
 */
import { gunzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topByScore } from '../../src/lib/recommender/shared/recommend';
import type { UserItems } from '../../src/lib/recommender/shared/item-item';

export const PURCHASES_FILE = 'purchases_clean.csv.gz';
export const PRODUCTS_FILE = 'products.csv';
export const RETAIL_CUTOFF = '2011-10-01';
/** The validation split carved from train by time: the last month before the cutoff. */
export const RETAIL_VALIDATION_CUTOFF = '2011-09-01';

/** Postage, manual entries, fees and samples: not products anybody chose. */
export const NON_PRODUCT_CODES: ReadonlySet<string> = new Set([
  ...['POST', 'M', 'DOT', 'BANK CHARGES', 'C2', 'PADS', 'D', 'CRUK', 'AMAZONFEE', 'S', 'B'],
]);

export interface Purchase {
  customer: string;
  product: string;
  /** ISO date and time, "2011-10-01 08:26:00": compares as a string. */
  at: string;
}

export const isRetailFolder = (dir: string) => existsSync(join(dir, PURCHASES_FILE));

/** The purchases of a retail folder, non-product codes dropped. */
export function readPurchases(dir: string): Purchase[] {
  return parsePurchases(gunzipSync(readFileSync(join(dir, PURCHASES_FILE))).toString('utf8'));
}

/** customer_id,stock_code,invoice_no,invoice_datetime,…: the first four fields have no commas. */
export function parsePurchases(csv: string): Purchase[] {
  const out: Purchase[] = [];
  const lines = csv.split('\n');
  const header = lines[0]?.split(',') ?? [];
  const [c, p, t] = ['customer_id', 'stock_code', 'invoice_datetime'].map((h) => header.indexOf(h));
  if (c! < 0 || p! < 0 || t! < 0)
    throw new Error(`${PURCHASES_FILE}: unexpected header ${lines[0]}`);
  for (let k = 1; k < lines.length; k++) {
    const f = lines[k]!.split(',');
    if (f.length <= t!) continue;
    const product = f[p!]!.trim();
    if (NON_PRODUCT_CODES.has(product)) continue;
    out.push({ customer: f[c!]!.trim(), product, at: f[t!]!.trim() });
  }
  return out;
}

/** Product descriptions by stock code, from products.csv (may be absent). */
export function readProductTitles(dir: string): Map<string, string> {
  const path = join(dir, PRODUCTS_FILE);
  const titles = new Map<string, string>();
  if (!existsSync(path)) return titles;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [code, description] = line.split(',');
    if (code && description) titles.set(code, description.replace(/^"|"$/g, ''));
  }
  return titles;
}

export interface RetailSplit {
  /** Train products (the only ones ranked), index → stock code. */
  itemIds: string[];
  /** Train customers, index → id. */
  userIds: string[];
  /** Each train customer's distinct train products. */
  train: UserItems;
  /** Purchase lines per (customer, product) in train, parallel to train.items. */
  trainCounts: Uint32Array;
  /** Test users (train customer indices) with their truth (train-product indices). */
  test: { user: number; truth: number[] }[];
}

/** The time split: before `cutoff` is train, on or after it is test. */
export function timeSplit(purchases: readonly Purchase[], cutoff: string): RetailSplit {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const pairs = new Map<number, Map<number, number>>();
  for (const { customer, product, at } of purchases) {
    if (at >= cutoff) continue;
    let u = userIndex.get(customer);
    if (u === undefined) userIndex.set(customer, (u = userIndex.size));
    let i = itemIndex.get(product);
    if (i === undefined) itemIndex.set(product, (i = itemIndex.size));
    let row = pairs.get(u);
    if (!row) pairs.set(u, (row = new Map()));
    row.set(i, (row.get(i) ?? 0) + 1);
  }
  const nU = userIndex.size;
  const offsets = new Uint32Array(nU + 1);
  for (let u = 0; u < nU; u++) offsets[u + 1] = offsets[u]! + pairs.get(u)!.size;
  const items = new Uint32Array(offsets[nU]!);
  const trainCounts = new Uint32Array(items.length);
  for (let u = 0; u < nU; u++) {
    let k = offsets[u]!;
    for (const [i, count] of [...pairs.get(u)!].sort((a, b) => a[0] - b[0])) {
      items[k] = i;
      trainCounts[k++] = count;
    }
  }
  const truthOf = new Map<number, Set<number>>();
  for (const { customer, product, at } of purchases) {
    if (at < cutoff) continue;
    const u = userIndex.get(customer);
    const i = itemIndex.get(product);
    if (u === undefined || i === undefined || pairs.get(u)!.has(i)) continue;
    let set = truthOf.get(u);
    if (!set) truthOf.set(u, (set = new Set()));
    set.add(i);
  }
  const test = [...truthOf]
    .sort((a, b) => a[0] - b[0])
    .map(([user, truth]) => ({ user, truth: [...truth].sort((a, b) => a - b) }));
  return {
    itemIds: [...itemIndex.keys()],
    userIds: [...userIndex.keys()],
    train: { offsets, items },
    trainCounts,
    test,
  };
}

export interface RetailMetrics {
  recall20: number;
  ndcg10: number;
  hr10: number;
  users: number;
}

/**
 * Scores every test user: `score(user, out)` fills out[i] for every train product (higher =
 * better); the user's train products are then excluded and the top 20 taken.
 */
export function evaluateRetail(
  split: RetailSplit,
  score: (user: number, out: Float32Array) => void,
  users: readonly { user: number; truth: number[] }[] = split.test,
): RetailMetrics {
  const n = split.itemIds.length;
  const scores = new Float32Array(n);
  let recall = 0;
  let ndcg = 0;
  let hr = 0;
  for (const { user, truth } of users) {
    scores.fill(0);
    score(user, scores);
    for (let k = split.train.offsets[user]!; k < split.train.offsets[user + 1]!; k++) {
      scores[split.train.items[k]!] = -Infinity;
    }
    const top = topByScore(scores, 20);
    const truthSet = new Set(truth);
    let hits20 = 0;
    let dcg = 0;
    for (let r = 0; r < top.length; r++) {
      if (!truthSet.has(top[r]!)) continue;
      hits20++;
      if (r < 10) dcg += 1 / Math.log2(r + 2);
    }
    let idcg = 0;
    for (let r = 0; r < Math.min(10, truth.length); r++) idcg += 1 / Math.log2(r + 2);
    recall += hits20 / Math.min(20, truth.length);
    ndcg += dcg / idcg;
    hr += dcg > 0 ? 1 : 0;
  }
  const m = users.length;
  return { recall20: recall / m, ndcg10: ndcg / m, hr10: hr / m, users: m };
}
