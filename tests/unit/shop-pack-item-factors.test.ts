// A pack's item-factors.jsonl (src/lib/shop/shared/item-factors.ts): a model trained elsewhere.
// Factors written by our own trainer read back to the same 32-bit numbers, and a shipped model
// built from them ranks a folded-in shopper exactly as the model trained here does; products
// without factors rank by their features. A bad file reports every bad line with its line, field
// and why; factors of products the pack does not sell are a counted warning.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShop } from '../../src/build/shop-pack';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { seededRandom } from '../../src/lib/random/seeded';
import type { RatingRow } from '../../src/lib/recommender/shared/dataset';
import { cosine } from '../../src/lib/recommender/shared/recommend';
import { shopRatingsOf } from '../../src/lib/shop/shared/ratings';
import {
  deserialiseModel,
  foldInUser,
  rankItems,
  type HybridModel,
} from '../../src/lib/recommender/shared/model';
import type {
  ImportedItemFactors,
  ImportedShopRatings,
} from '../../src/lib/recommender/shared/shop-data';
import { buildShopModelFile, decodeShopModel } from '../../src/lib/recommender/worker/shop-model';
import {
  MAX_RANK,
  readItemFactors,
  writeItemFactors,
} from '../../src/lib/shop/shared/item-factors';
import { readPack, type PackResult } from '../../src/lib/shop/shared/pack';
import { MAX_ROWS, type Findings } from '../../src/lib/shop/shared/rows';
import { PACKS, packFiles } from './helpers/pack-files';

const FILE = 'item-factors.jsonl';
const products = generateCatalog();
const bytesOf = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Reads factors against the demo catalog; fails the test on any problem or warning. */
function readBack(text: string): ImportedItemFactors {
  const findings: Findings = { problems: [], warnings: [] };
  const read = readItemFactors(text, products, findings);
  expect(findings).toEqual({ problems: [], warnings: [] });
  return read!;
}

describe('writing and reading item factors', () => {
  const values = Float32Array.from([0.1, -0, 0, 1e-30, -3.4e38, 123456.789, Math.PI, -2 / 3]);
  const written: ImportedItemFactors = {
    rank: 4,
    itemIds: [products[0]!.id, products[1]!.id],
    factors: values,
  };

  it('reads back the same 32-bit numbers it wrote, -0 included', () => {
    const read = readBack(writeItemFactors(written));
    expect(read.rank).toBe(4);
    expect(read.itemIds).toEqual(written.itemIds);
    expect(bytesOf(read.factors)).toEqual(bytesOf(values));
  });

  it('writes fewer digits when asked, and reads back exactly what it wrote', () => {
    const read = readBack(writeItemFactors(written, { digits: 3 }));
    expect(Array.from(read.factors)).toEqual(
      Array.from(values, (v) => (v === 0 ? v : Math.fround(Number(v.toPrecision(3))))),
    );
  });

  it('writes one JSON object a line, as Spark’s write.json does', () => {
    const factors = { rank: 2, itemIds: ['red-cap'], factors: Float32Array.from([0.5, -1e-5]) };
    expect(writeItemFactors(factors)).toBe('{"id":"red-cap","features":[0.5,-0.00001]}\n');
  });
});

// ---- The shipped model from factors ----------------------------------------------------------

/** Deterministic shop ratings: each user loves a few products of one department, and dislikes one other. */
function shopRatings(): ImportedShopRatings {
  const rand = seededRandom(3);
  const departments = [...new Set(products.map((p) => p.category))];
  const rows: RatingRow[] = [];
  for (let u = 0; u < 80; u++) {
    const own = products.filter((p) => p.category === departments[u % departments.length]);
    for (let k = 0; k < 6; k++) {
      const item = own[Math.floor((rand() * own.length) / 2)]!.id;
      rows.push({ user: `u${u}`, item, rating: 4 + Math.round(rand()) });
    }
    const other = products[Math.floor(rand() * products.length)]!.id;
    rows.push({ user: `u${u}`, item: other, rating: 2 });
  }
  return shopRatingsOf(rows);
}

interface Shipped {
  model: HybridModel;
  itemIds: string[];
}

function load(bytes: Uint8Array): Shipped {
  const { meta, weights } = decodeShopModel(bytes.slice().buffer);
  return { model: deserialiseModel(meta.model, weights), itemIds: meta.itemIds };
}

/** The ranking part's item vectors of the products `keep` keeps, as item factors. */
function exported(
  { model, itemIds }: Shipped,
  keep: (id: string) => boolean = () => true,
): ImportedItemFactors {
  const d = model.rankDim;
  const rows = itemIds.flatMap((id, i) => (keep(id) ? [i] : []));
  const factors = new Float32Array(rows.length * d);
  rows.forEach((i, r) => factors.set(model.rankItemFactors.subarray(i * d, (i + 1) * d), r * d));
  return { rank: d, itemIds: rows.map((i) => itemIds[i]!), factors };
}

/** Shoppers who each rated three products of one department. */
const shoppers = [...new Set(products.map((p) => p.category))].map((department) =>
  products
    .filter((p) => p.category === department)
    .slice(0, 3)
    .map((p) => p.id),
);

/** A shopper folded in from their ratings: every product's ranking score. */
function scores({ model, itemIds }: Shipped, rated: readonly string[]): Float32Array {
  const items = rated.map((id) => itemIds.indexOf(id));
  const user = foldInUser(model, items, [5, 5, 4]);
  return rankItems(
    model,
    user,
    itemIds.map((_, i) => i),
  );
}

/** The shopper's top 10 products they have not rated. */
function top10(shipped: Shipped, rated: readonly string[]): string[] {
  const s = scores(shipped, rated);
  return shipped.itemIds
    .map((id, i) => ({ id, score: s[i]! }))
    .filter(({ id }) => !rated.includes(id))
    .sort((a, b) => b.score - a.score)
    .slice(0, 10)
    .map(({ id }) => id);
}

/** The share of the top 10s two models agree on, over every shopper. */
function overlap(a: Shipped, b: Shipped): number {
  let same = 0;
  for (const rated of shoppers) {
    const other = top10(b, rated);
    same += top10(a, rated).filter((id) => other.includes(id)).length;
  }
  return same / (10 * shoppers.length);
}

describe('a shipped model from item factors', () => {
  const ratings = shopRatings();
  const trainedHere = load(buildShopModelFile(products, 'v', ratings));
  const written = writeItemFactors(exported(trainedHere));
  const fromFactors = (text: string, withRatings = true) =>
    buildShopModelFile(products, 'v', withRatings ? ratings : null, readBack(text));

  // Item factors carry no shoppers, so no average shopper for a fold-in to start from: compare
  // with the model trained here without its shoppers' x_u.
  const noShoppers: Shipped = {
    ...trainedHere,
    model: {
      ...trainedHere.model,
      rankUserFactors: new Float32Array(trainedHere.model.rankUserFactors.length),
    },
  };

  it('ranks every folded-in shopper exactly as the model trained here', () => {
    const shipped = load(fromFactors(written));
    expect(bytesOf(shipped.model.rankItemFactors)).toEqual(
      bytesOf(trainedHere.model.rankItemFactors),
    );
    expect(shipped.model.rankDim).toBe(trainedHere.model.rankDim);
    for (const rated of shoppers) {
      expect(scores(shipped, rated)).toEqual(scores(noShoppers, rated));
    }
  });

  it('ranks the same top 10 from factors written to 3 digits, scores within 0.2%', () => {
    const shipped = load(fromFactors(writeItemFactors(exported(trainedHere), { digits: 3 })));
    expect(overlap(shipped, noShoppers)).toBe(1);
    for (const rated of shoppers) {
      const exact = scores(noShoppers, rated);
      const range = Math.max(...exact) - Math.min(...exact);
      const near = scores(shipped, rated);
      exact.forEach((score, i) => expect(Math.abs(near[i]! - score)).toBeLessThan(0.002 * range));
    }
  });

  it('trains the rating part on the ratings as before: factors and ratings.csv both count', () => {
    const shipped = load(fromFactors(written));
    for (const key of ['itemBias', 'itemFactors', 'featureBias', 'featureFactors'] as const) {
      expect(bytesOf(shipped.model[key]), key).toEqual(bytesOf(trainedHere.model[key]));
    }
    const catalogOnly = load(buildShopModelFile(products, 'v'));
    const factorsOnly = load(fromFactors(written, false));
    expect(bytesOf(factorsOnly.model.itemBias)).toEqual(bytesOf(catalogOnly.model.itemBias));
    expect(bytesOf(factorsOnly.model.rankItemFactors)).toEqual(
      bytesOf(trainedHere.model.rankItemFactors),
    );
  });

  it('gives products without factors a vector from their features, near the one trained here', () => {
    // Products nobody rated (the trained model gave them their features' vector) and one
    // product in ten of the rest get no factors.
    const rated = new Set(Array.from(ratings.items, (i) => ratings.itemIds[i]!));
    const left = (id: string) =>
      !rated.has(id) || products.findIndex((p) => p.id === id) % 10 === 3;
    const shipped = load(fromFactors(writeItemFactors(exported(trainedHere, (id) => !left(id)))));
    const d = shipped.model.rankDim;
    const vector = ({ model }: Shipped, i: number) =>
      model.rankItemFactors.subarray(i * d, (i + 1) * d);
    const similarity = shipped.itemIds
      .flatMap((id, i) => (left(id) ? [cosine(vector(shipped, i), vector(trainedHere, i))] : []))
      .sort((a, b) => a - b);
    expect(similarity.length).toBeGreaterThan(50);
    expect(similarity[0]).toBeGreaterThan(0.9);
    expect(similarity[similarity.length >> 1]).toBeGreaterThan(0.95);
    expect(overlap(shipped, trainedHere)).toBeGreaterThanOrEqual(0.7);
  });

  it('is the same bytes from the same inputs', () => {
    expect(fromFactors(written)).toEqual(fromFactors(written));
  });
});

// ---- The pack's file -------------------------------------------------------------------------

const read = (text: string): PackResult =>
  readPack(packFiles('shopify', { set: { [FILE]: text } }), { folderName: 'shopify' });

function readOk(text: string) {
  const result = read(text);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(text: string) {
  const result = read(text);
  if (result.ok) throw new Error('the pack was read without problems');
  return result.problems;
}

const line = (id: unknown, features: unknown) => JSON.stringify({ id, features });

describe('a pack’s item-factors.jsonl', () => {
  it('is read by product handle or SKU, any case, beside the ratings', () => {
    const text = [
      line('red-cap', [1, 0.5]),
      '',
      line('TEE-WHITE-M', [0, -1]),
      '{"id":"Aviator-Sunglasses","features":[1.0E-5,-2.5],"other":"kept out"}',
    ].join('\r\n');
    const { pack, warnings } = readOk(`\uFEFF${text}\n`);
    expect(pack.itemFactors).toEqual({
      rank: 2,
      itemIds: ['red-cap', 'classic-tee', 'aviator-sunglasses'],
      factors: Float32Array.from([1, 0.5, 0, -1, 1e-5, -2.5]),
    });
    expect(pack.ratings).toBeDefined(); // the fixture's ratings.csv: both are used
    expect(warnings.filter((w) => w.file === FILE)).toEqual([]);
  });

  it('reports every bad line with its line, field and why', () => {
    const text = [
      line('red-cap', [1, 2, 3]),
      line('classic-tee', [1, 2]),
      '{"id":"jade-studs","features":[1,NaN,3]}',
      line('desk-lamp', [1, 'NaN', 3]),
      line('reading-specs', [1, null, 3]),
      line('', [1, 2, 3]),
      line('velvet-lipstick', '1 2 3'),
      'red-cap,1,2,3',
      line('aviator-sunglasses', [1, 1e39, 3]),
      '["aviator-sunglasses",[1,2,3]]',
      line('LIP-RUBY', [4, 5, 6]),
      line('velvet-lipstick', [1, 2, 3]),
      line('TEE-NAVY-S', [1, 2, 3]),
      line('tee-white-m', [1, 2, 3]),
      line('aviator-sunglasses', [1, 2, 3]),
      line('desk-lamp', [1, 2, 3]),
      line('jade-studs', [1, 2, 3]),
      line('reading-specs', [1, 2, 3]),
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.every((p) => p.file === FILE)).toBe(true);
    const format = '{"id": <handle or SKU>, "features": [<k numbers>]}';
    expect(problems.map(({ line, column, why }) => ({ line, column, why }))).toEqual([
      {
        line: 2,
        column: 'features',
        why: 'features has 2 numbers where most lines have 3 (the rank): every line needs the same number.',
      },
      { line: 3, column: 'features', why: 'features holds NaN or Infinity, not a number.' },
      { line: 4, column: 'features', why: 'features[1] is "NaN", not a finite number.' },
      { line: 5, column: 'features', why: 'features[1] is null, not a finite number.' },
      { line: 6, column: 'id', why: 'The id "" is not a product\'s handle or SKU.' },
      { line: 7, column: 'features', why: 'features is not a list.' },
      {
        line: 8,
        column: undefined,
        why: expect.stringMatching(/^The line is not JSON \(.+\): each line is \{"id": .+\]\}\.$/),
      },
      { line: 9, column: 'features', why: 'features[1] is 1e+39, too large for a 32-bit number.' },
      { line: 10, column: undefined, why: `The line is not an object: each line is ${format}.` },
      {
        line: 12,
        column: 'id',
        why: 'velvet-lipstick has factors on line 11 already: one line per product.',
      },
      {
        line: 14,
        column: 'id',
        why: '"tee-white-m" is classic-tee, which has factors on line 13 already: one line per product.',
      },
    ]);
  });

  it('leaves out factors of products the pack does not sell, with a counted warning', () => {
    const text = [line('red-cap', [1, 2]), line('old-mug', [3, 4]), line(12, [5, 6])].join('\n');
    const { pack, warnings } = readOk(text);
    expect(pack.itemFactors?.itemIds).toEqual(['red-cap']);
    expect(warnings.filter((w) => w.file === FILE)).toEqual([
      {
        file: FILE,
        line: 2,
        column: 'id',
        why: '2 of 3 lines are for products this shop does not sell (the first names "old-mug"): they are left out.',
      },
    ]);
    const none = readOk(line('gone', [1]));
    expect(none.pack.itemFactors).toBeUndefined();
    expect(none.warnings.filter((w) => w.file === FILE).map((w) => w.why)).toEqual([
      'No line is for a product this shop sells (1 line read, the first naming "gone"): the recommender is trained here instead. Name products by their handle, id or SKU.',
    ]);
  });

  it('is one problem when it is empty, or not item factors at all', () => {
    const empty =
      'item-factors.jsonl has no item factors: each line is {"id": <handle or SKU>, "features": [<k numbers>]}.';
    expect(problemsOf('')).toEqual([{ file: FILE, why: empty }]);
    expect(problemsOf('\n \n')).toEqual([{ file: FILE, why: empty }]);
    const [problem, ...more] = problemsOf(packFiles('shopify').text('ratings.csv')!);
    expect(more).toEqual([]);
    expect(problem).toEqual({
      file: FILE,
      why: expect.stringMatching(
        /^item-factors\.jsonl is not a file of item factors: 6 of 6 lines are not .+ \(line 1: The line is not JSON \(/,
      ),
    });
  });

  it('refuses a rank above the limit, and more lines than a pack may hold', () => {
    const wide = Array.from({ length: MAX_RANK + 1 }, () => 0.5);
    expect(problemsOf(`${line('red-cap', wide)}\n${line('desk-lamp', [1])}\n`)).toEqual([
      {
        file: FILE,
        line: 1,
        column: 'features',
        why: `features has ${MAX_RANK + 1} numbers: the rank must be from 1 to ${MAX_RANK}.`,
      },
    ]);
    expect(problemsOf(`${line('red-cap', [1])}\n`.repeat(MAX_ROWS + 1))).toEqual([
      {
        file: FILE,
        why: 'item-factors.jsonl has more than 500,000 rows, more than a pack may hold.',
      },
    ]);
  });
});

describe('the catalog version with item factors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-factors-'));
  cpSync(join(PACKS, 'shopify'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes with the factors, so different factors ship a different model', () => {
    const without = readShop(dir).catalogVersion;
    writeFileSync(join(dir, FILE), line('red-cap', [1, 2]));
    const withFactors = readShop(dir).catalogVersion;
    expect(withFactors).not.toBe(without);
    expect(readShop(dir).catalogVersion).toBe(withFactors);
    writeFileSync(join(dir, FILE), line('red-cap', [1, 2.5]));
    expect(readShop(dir).catalogVersion).not.toBe(withFactors);
    rmSync(join(dir, FILE));
    expect(readShop(dir).catalogVersion).toBe(without);
  });
});
