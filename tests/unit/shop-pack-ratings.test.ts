// A pack's ratings.csv (src/lib/shop/shared/ratings.ts): the shop's own ratings reach the model
// shipped with the build and its catalog version; every bad line is a problem with its line,
// column and why, a file that is not ratings one problem, and ratings of products the pack does
// not sell a counted warning.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShop } from '../../src/build/shop-pack';
import { deserialiseModel, itemBiasOf } from '../../src/lib/recommender/shared/model';
import type { ImportedShopRatings } from '../../src/lib/recommender/shared/shop-data';
import { buildShopModelFile, decodeShopModel } from '../../src/lib/recommender/worker/shop-model';
import { readPack, type PackResult, type ShopPack } from '../../src/lib/shop/shared/pack';
import { PACKS, packFiles } from './helpers/pack-files';

const read = (ratingsCsv: string): PackResult =>
  readPack(packFiles('shopify', { set: { 'ratings.csv': ratingsCsv } }), { folderName: 'shopify' });

function readOk(ratingsCsv: string) {
  const result = read(ratingsCsv);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(ratingsCsv: string) {
  const result = read(ratingsCsv);
  if (result.ok) throw new Error('the pack was read without problems');
  return result.problems;
}

const ratingsWarnings = (ratingsCsv: string) =>
  readOk(ratingsCsv).warnings.filter((w) => w.file === 'ratings.csv');

/** The shop's ratings as rows again: [user, product, rating]. */
const rows = (r: ImportedShopRatings | undefined) =>
  Array.from({ length: r?.ratings.length ?? 0 }, (_, k) => [
    r!.userIds[r!.users[k]!],
    r!.itemIds[r!.items[k]!],
    r!.ratings[k],
  ]);

/** The shipped model's item bias of each product, by id. */
function itemBiases(pack: ShopPack, ratings?: ImportedShopRatings): Map<string, number> {
  const { meta, weights } = decodeShopModel(
    buildShopModelFile(pack.products, 'test', ratings).slice().buffer,
  );
  const model = deserialiseModel(meta.model, weights);
  return new Map(meta.itemIds.map((id, i) => [id, itemBiasOf(model, i)]));
}

describe('the example pack’s ratings.csv', () => {
  const { pack } = readOk(packFiles('shopify').text('ratings.csv')!);

  it('is read into the shop’s ratings, by product id', () => {
    expect(rows(pack.ratings)).toEqual([
      ['u1', 'red-cap', 5],
      ['u1', 'classic-tee', 4],
      ['u2', 'aviator-sunglasses', 5],
      ['u2', 'red-cap', 3],
      ['u3', 'velvet-lipstick', 4],
    ]);
  });

  it('trains the shipped model: the rated products’ biases move, the loved one leads', () => {
    const without = itemBiases(pack);
    const withRatings = itemBiases(pack, pack.ratings);
    for (const id of ['red-cap', 'aviator-sunglasses', 'velvet-lipstick']) {
      expect(withRatings.get(id), id).not.toBeCloseTo(without.get(id)!, 4);
    }
    const popular = (biases: Map<string, number>) =>
      [...biases].sort((a, b) => b[1] - a[1]).map(([id]) => id)[0];
    expect(popular(withRatings)).toBe('aviator-sunglasses');
    expect(popular(withRatings)).not.toBe(popular(without));
  });
});

describe('a pack’s ratings.csv', () => {
  it('reads a file without a header, names products by handle or SKU in any case', () => {
    const { pack } = readOk('a,RED-CAP,5\nb,tee-white-m,4,2024-05-01\n');
    expect(rows(pack.ratings)).toEqual([
      ['a', 'red-cap', 5],
      ['b', 'classic-tee', 4],
    ]);
  });

  it('reports every bad line with its line, column and why', () => {
    const csv = [
      'customer,product,stars,date',
      'u1,red-cap,5,2024-05-01',
      'u2,red-cap,great,2024-05-01',
      ',classic-tee,4,',
      'u3,classic-tee,4,yesterday-ish',
      'u4,velvet-lipstick,4,',
      'u5,velvet-lipstick,2,',
      'u6,aviator-sunglasses,1,',
    ].join('\n');
    expect(problemsOf(csv)).toEqual([
      {
        file: 'ratings.csv',
        line: 3,
        column: 'stars',
        why: '"great" is not a rating from 1 to 5.',
      },
      { file: 'ratings.csv', line: 4, column: 'customer', why: 'The user is empty.' },
      {
        file: 'ratings.csv',
        line: 5,
        column: 'date',
        why: '"yesterday-ish" is neither a time in seconds since 1970 nor a date.',
      },
    ]);
  });

  it('is one problem when it is not user,item,rating[,timestamp] at all', () => {
    const products = packFiles('shopify').text('products.csv')!;
    const [problem, ...more] = problemsOf(products);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: 'ratings.csv' });
    expect(problem!.line).toBeUndefined();
    expect(problem!.why).toMatch(
      /^ratings\.csv is not a file of ratings: \d+ of \d+ lines are not user,item,rating\[,timestamp\] with ratings from 1 to 5 \(line \d+, /,
    );
    expect(problemsOf('user,item,rating\n').map((p) => p.why)).toEqual([
      'ratings.csv has no ratings: each line needs user,item,rating[,timestamp] with ratings from 1 to 5.',
    ]);
  });

  it('leaves out ratings of products the pack does not sell, with a counted warning', () => {
    const csv = 'user,item,rating\nu1,red-cap,5\nu1,old-mug,4\nu2,gone,3\n';
    expect(rows(readOk(csv).pack.ratings)).toEqual([['u1', 'red-cap', 5]]);
    expect(ratingsWarnings(csv)).toEqual([
      {
        file: 'ratings.csv',
        line: 3,
        why: '2 of 3 ratings are for products this shop does not sell (the first names "old-mug"): they are left out.',
      },
    ]);
    const none = 'user,item,rating\nu1,gone,5\n';
    expect(readOk(none).pack.ratings).toBeUndefined();
    expect(ratingsWarnings(none).map((w) => w.why)).toEqual([
      'No rating is for a product this shop sells (1 rating read, the first naming "gone"): the recommender learns from the catalog alone. Name products by their handle, id or SKU.',
    ]);
  });
});

describe('the catalog version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-ratings-'));
  cpSync(join(PACKS, 'shopify'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes with the ratings, so a different ratings.csv ships a different model', () => {
    const before = readShop(dir).catalogVersion;
    expect(readShop(dir).catalogVersion).toBe(before);
    writeFileSync(join(dir, 'ratings.csv'), 'user,item,rating\nu1,red-cap,1\n');
    expect(readShop(dir).catalogVersion).not.toBe(before);
    rmSync(join(dir, 'ratings.csv'));
    const withoutRatings = readShop(dir).catalogVersion;
    expect(withoutRatings).not.toBe(before);
  });
});
