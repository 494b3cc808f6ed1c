import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  clampRating,
  popularityScorer,
  trainBiases,
  trainGlobalMean,
  itemPopularity,
  trainItemKnn,
} from '../eval/recs-baselines';
import {
  emptyMaps,
  indexRatings,
  randomFolds,
  subset,
  type RatingRow,
} from '../../src/lib/recommender/shared/dataset';
import {
  movieFeatures,
  parseGenericCsv,
  parseMoviesCsv,
  parseRatingsCsv,
  parseUData,
  parseUItem,
} from '../../src/lib/recommender/shared/movielens';
import type { RatingData, RatingPredictor } from '../../src/lib/recommender/shared/types';
import { loadMovieLensFolder } from '../eval/movielens-folder';
import { readMovieLensFolder } from '../eval/recs';
import { evaluateTopN, leaveLastOut, mae, rankAmong, ratedSets, rmse } from '../eval/recs-metrics';

const ML100K = fileURLToPath(new URL('../../../shared/data/ml-100k', import.meta.url));

const row = (user: string, item: string, rating: number, timestamp?: number): RatingRow =>
  timestamp === undefined ? { user, item, rating } : { user, item, rating, timestamp };

const uItemLine = (id: number, title: string, date: string, genres: number[]) =>
  [
    id,
    title,
    date,
    '',
    'http://x',
    ...Array.from({ length: 19 }, (_, g) => (genres.includes(g) ? 1 : 0)),
  ].join('|');

describe('parseUData', () => {
  it('parses tab-separated rows and counts bad ones', () => {
    const text = '1\t10\t4\t881250949\n2\t20\t5\t881250950\r\n\nbroken line\n3\t30\t9\t1\n';
    const result = parseUData(text);
    expect(result.rows).toEqual([row('1', '10', 4, 881250949), row('2', '20', 5, 881250950)]);
    expect(result.badRows).toBe(2);
    expect(result.firstBad).toEqual({ line: 4, text: 'broken line' });
  });

  it('throws on a file that is not ratings, or is empty', () => {
    expect(() => parseUData(uItemLine(1, 'Toy Story (1995)', '01-Jan-1995', [3]))).toThrow(
      /u\.data: no line parses/,
    );
    expect(() => parseUData('\n')).toThrow(/empty/);
  });
});

describe('parseRatingsCsv', () => {
  it('reads the header, half stars and bad rows', () => {
    const text =
      'userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,x,1260759179\n2,10,4.0,835355493\n';
    const result = parseRatingsCsv(text);
    expect(result.rows).toEqual([row('1', '31', 2.5, 1260759144), row('2', '10', 4, 835355493)]);
    expect(result.badRows).toBe(1);
    expect(result.firstBad?.line).toBe(3);
  });

  it('throws without the ratings header', () => {
    expect(() => parseRatingsCsv('movieId,title,genres\n1,Toy Story (1995),Comedy\n')).toThrow(
      /expected the header/,
    );
  });
});

describe('parseUItem', () => {
  it('decodes latin1 titles, years and the 19 genre flags', () => {
    const text = [
      uItemLine(1, 'Toy Story (1995)', '01-Jan-1995', [3, 4, 5]),
      uItemLine(543, 'Mis\u00e9rables, Les (1995)', '01-Jan-1995', [8, 14]),
      uItemLine(267, 'unknown', '', [0]),
      '99|too|few|fields',
    ].join('\n');
    // The file is ISO-8859-1: é is the single byte 0xE9, as in the real u.item.
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(bytes.includes(0xe9)).toBe(true);
    const result = parseUItem(new TextDecoder('latin1').decode(bytes));
    expect(result.rows).toEqual([
      {
        id: '1',
        title: 'Toy Story (1995)',
        year: 1995,
        genres: ['Animation', "Children's", 'Comedy'],
      },
      { id: '543', title: 'Misérables, Les (1995)', year: 1995, genres: ['Drama', 'Romance'] },
      { id: '267', title: 'unknown', genres: ['unknown'] },
    ]);
    expect(result.badRows).toBe(1);
    expect(result.firstBad?.line).toBe(4);
  });
});

describe('parseMoviesCsv', () => {
  it('keeps quoted commas in titles and splits genres', () => {
    const text = [
      'movieId,title,genres',
      '1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy',
      '11,"American President, The (1995)",Comedy|Drama|Romance',
      '17,"Sense and Sensibility (1995) ",Drama|Romance',
      '182,Untitled,(no genres listed)',
      ',Missing id,Drama',
    ].join('\n');
    const result = parseMoviesCsv(text);
    expect(result.rows).toEqual([
      {
        id: '1',
        title: 'Toy Story (1995)',
        year: 1995,
        genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
      },
      {
        id: '11',
        title: 'American President, The (1995)',
        year: 1995,
        genres: ['Comedy', 'Drama', 'Romance'],
      },
      { id: '17', title: 'Sense and Sensibility (1995)', year: 1995, genres: ['Drama', 'Romance'] },
      { id: '182', title: 'Untitled', genres: [] },
    ]);
    expect(result.badRows).toBe(1);
    expect(result.firstBad?.line).toBe(6);
  });
});

describe('parseGenericCsv', () => {
  it('reads a headerless file and counts out-of-range ratings', () => {
    const result = parseGenericCsv('alice,sku-1,5\nbob,"sku, 2",1.5,1700000000\ncarol,sku-3,6\n');
    expect(result.rows).toEqual([row('alice', 'sku-1', 5), row('bob', 'sku, 2', 1.5, 1700000000)]);
    expect(result.badRows).toBe(1);
    expect(result.firstBad).toEqual({ line: 3, text: 'carol,sku-3,6' });
  });

  it('finds columns by header name and accepts date strings', () => {
    const result = parseGenericCsv(
      'item,user,rating,timestamp\nsku-1,alice,4,2024-01-01T00:00:00Z\nsku-2,bob,3,not a date\n',
    );
    expect(result.rows).toEqual([row('alice', 'sku-1', 4, 1704067200)]);
    expect(result.badRows).toBe(1);
  });

  it('throws when no row is a rating', () => {
    expect(() => parseGenericCsv('user,item,rating\na,b,great\nc,d,0\n')).toThrow(/no line parses/);
  });
});

describe('movieFeatures', () => {
  it('lays out genres and decades in CSR aligned with the item maps', () => {
    const { maps } = indexRatings([row('u', 'b', 3), row('u', 'a', 4), row('u', 'none', 2)]);
    const features = movieFeatures(
      [
        { id: 'a', title: 'A', year: 1995, genres: ['Drama'] },
        { id: 'b', title: 'B', year: 1987, genres: ['Comedy', 'Drama'] },
        { id: 'unrated', title: 'C', year: 2001, genres: ['Horror'] },
      ],
      maps,
    );
    expect(features.featureNames).toEqual(['Comedy', 'Drama', '1980s', '1990s']);
    const names = (i: number) =>
      [...features.featureIds.subarray(features.itemOffsets[i], features.itemOffsets[i + 1])].map(
        (f) => features.featureNames[f],
      );
    expect(maps.itemIds).toEqual(['b', 'a', 'none']);
    expect(names(0)).toEqual(['Comedy', 'Drama', '1980s']);
    expect(names(1)).toEqual(['Drama', '1990s']);
    expect(names(2)).toEqual([]);
    expect(features.itemOffsets.length).toBe(4);
  });
});

describe('loadMovieLensFolder', () => {
  const folder = (files: Record<string, string>) => (name: string) => files[name];

  it('detects the 100K layout and its canonical splits', () => {
    const result = loadMovieLensFolder(
      folder({
        'u.data': '1\t1\t5\t10\n2\t1\t3\t11\nbad\n',
        'u.item': uItemLine(1, 'Toy Story (1995)', '01-Jan-1995', [3]),
        'u1.base': '1\t1\t5\t10\n',
        'u1.test': '2\t1\t3\t11\n',
        'u2.base': '1\t1\t5\t10\n',
      }),
    );
    expect(result.layout).toBe('100k');
    expect(result.rows).toHaveLength(2);
    expect(result.movies[0]?.genres).toEqual(['Animation']);
    expect(result.canonicalSplits).toHaveLength(1);
    expect(result.warnings).toEqual(['u.data: skipped 1 bad rows, first at line 3']);
  });

  it('detects the CSV layout', () => {
    const result = loadMovieLensFolder(
      folder({
        'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.5,5\n',
        'movies.csv': 'movieId,title,genres\n1,Toy Story (1995),Comedy\n',
      }),
    );
    expect(result.layout).toBe('csv');
    expect(result.movies).toEqual([
      { id: '1', title: 'Toy Story (1995)', year: 1995, genres: ['Comedy'] },
    ]);
    expect(result.canonicalSplits).toBeUndefined();
  });

  it('throws when there is no ratings file', () => {
    expect(() => loadMovieLensFolder(folder({ 'u.item': 'x' }))).toThrow(
      /No MovieLens ratings file/,
    );
  });
});

describe('indexRatings', () => {
  it('shares indices through the maps and appends unseen ids', () => {
    const train = indexRatings([row('u1', 'i1', 4, 100), row('u2', 'i2', 3, 200)]);
    const test = indexRatings([row('u2', 'i1', 5), row('u3', 'i3', 1)], train.maps);
    expect(test.maps).toBe(train.maps);
    expect([...test.data.users]).toEqual([1, 2]);
    expect([...test.data.items]).toEqual([0, 2]);
    expect(train.data.numUsers).toBe(2);
    expect(test.data.numUsers).toBe(3);
    expect(test.maps.itemIds).toEqual(['i1', 'i2', 'i3']);
    expect([...train.data.timestamps!]).toEqual([100, 200]);
    expect(test.data.timestamps).toBeUndefined();
    expect(train.data.weights).toBeUndefined();
  });

  it('keeps weights when any row is weighted', () => {
    const { data } = indexRatings(
      [{ ...row('u', 'a', 4), weight: 0.5 }, row('u', 'b', 5)],
      emptyMaps(),
    );
    expect([...data.weights!]).toEqual([0.5, 1]);
  });
});

/** 6 users x 7 items with distinct timestamps, for the split tests. */
function sampleData(): RatingData {
  const rows: RatingRow[] = [];
  for (let u = 0; u < 6; u++) {
    for (let i = 0; i < 7; i++)
      if ((u + i) % 3 !== 0) rows.push(row(`u${u}`, `i${i}`, 1 + ((u * i) % 5), 1000 + 7 * u + i));
  }
  return indexRatings(rows).data;
}

describe('subset and randomFolds', () => {
  it('subset copies the chosen rows', () => {
    const data = sampleData();
    const part = subset(data, Uint32Array.of(3, 0));
    expect(part.n).toBe(2);
    expect(part.users[0]).toBe(data.users[3]);
    expect(part.timestamps![1]).toBe(data.timestamps![0]);
    expect(part.numItems).toBe(data.numItems);
  });

  it('partitions the rows, deterministically per seed', () => {
    const data = sampleData();
    const folds = randomFolds(data, 5, 7);
    const key = (d: RatingData, r: number) => `${d.users[r]}:${d.items[r]}`;
    const keys = (d: RatingData) => Array.from({ length: d.n }, (_, r) => key(d, r));
    const allKeys = keys(data).sort();
    const tested = folds.flatMap((f) => keys(f.test)).sort();
    expect(tested).toEqual(allKeys);
    for (const f of folds) {
      expect(f.train.n + f.test.n).toBe(data.n);
      const testKeys = new Set(keys(f.test));
      expect(keys(f.train).some((k) => testKeys.has(k))).toBe(false);
    }
    expect(randomFolds(data, 5, 7).map((f) => keys(f.test))).toEqual(
      folds.map((f) => keys(f.test)),
    );
    expect(randomFolds(data, 5, 8).map((f) => keys(f.test))).not.toEqual(
      folds.map((f) => keys(f.test)),
    );
  });
});

describe('leaveLastOut', () => {
  it('holds out each user latest rating, ties by row order', () => {
    const { data } = indexRatings([
      row('a', 'x', 4, 300),
      row('a', 'y', 3, 100),
      row('a', 'z', 5, 200),
      row('b', 'x', 2, 50),
      row('b', 'y', 2, 50),
      row('c', 'z', 1, 999),
    ]);
    const { train, test } = leaveLastOut(data);
    expect(test).toEqual([
      { user: 0, item: 0 },
      { user: 1, item: 1 },
    ]);
    expect(train.n).toBe(4);
    // c has one rating only: it stays in train.
    expect([...train.users]).toEqual([0, 0, 1, 2]);
  });
});

describe('ratedSets and itemPopularity', () => {
  it('counts per user and per item', () => {
    const { data } = indexRatings([row('a', 'x', 4), row('a', 'y', 3), row('b', 'x', 5)]);
    expect(ratedSets(data).map((s) => [...s])).toEqual([[0, 1], [0]]);
    expect([...itemPopularity(data)]).toEqual([2, 1]);
  });
});

describe('metrics', () => {
  it('computes RMSE and MAE', () => {
    expect(rmse([1, 2, 3], [1, 2, 5])).toBeCloseTo(Math.sqrt(4 / 3), 10);
    expect(mae([1, 2, 3], [1, 2, 5])).toBeCloseTo(2 / 3, 10);
    expect(() => rmse([1], [1, 2])).toThrow();
  });

  it('ranks with ties split in half and NaN last', () => {
    expect(rankAmong(5, [6, 7, 1])).toBe(2);
    expect(rankAmong(5, [5, 5, 5, 5])).toBe(2);
    expect(rankAmong(NaN, [1, 2])).toBe(2);
  });

  it('computes HR, NDCG and Recall at a known rank', () => {
    // One user rated item 0; item 1 is held out and scores below item 2 only.
    const { data: train } = indexRatings([row('u', '0', 5)]);
    const score = (_u: number, items: Uint32Array) =>
      Float32Array.from(items, (i) => (i === 1 ? 97.5 : 100 - i));
    const result = evaluateTopN({
      train,
      test: [{ user: 0, item: 1 }],
      numItems: 12,
      score,
      seed: 1,
    });
    expect(result.sampled.hr10).toBe(1);
    expect(result.sampled.ndcg10).toBeCloseTo(1 / Math.log2(3), 10);
    expect(result.full).toEqual({ hr10: 1, ndcg10: result.sampled.ndcg10, recall20: 1 });
    expect(result.hr10).toBe(result.sampled.hr10);
    expect(
      evaluateTopN({ train, test: [{ user: 0, item: 1 }], numItems: 12, score, seed: 1, k: 1 })
        .hr10,
    ).toBe(0);
  });

  it('samples the requested number of negatives', () => {
    // The held-out item scores lowest: rank 28 of all 28 unrated items, rank 5 of 5 sampled.
    const { data: train } = indexRatings([row('u', '0', 5)]);
    const score = (_u: number, items: Uint32Array) =>
      Float32Array.from(items, (i) => (i === 1 ? -1 : i));
    const result = evaluateTopN({
      train,
      test: [{ user: 0, item: 1 }],
      numItems: 30,
      score,
      seed: 3,
      sampledNegatives: 5,
    });
    expect(result.full).toEqual({ hr10: 0, ndcg10: 0, recall20: 0 });
    expect(result.sampled.hr10).toBe(1);
    expect(result.sampled.ndcg10).toBeCloseTo(1 / Math.log2(7), 10);
  });
});

describe('baselines on toy data', () => {
  const { data } = indexRatings([
    row('a', 'x', 5),
    row('a', 'y', 4),
    row('b', 'x', 4),
    row('b', 'y', 3),
    row('b', 'z', 1),
    row('c', 'z', 2),
    row('c', 'x', 5),
  ]);

  it('predicts the mean, biases and neighbours within 1-5', () => {
    expect(trainGlobalMean(data).predict(0, 0)).toBeCloseTo(24 / 7, 5);
    const biases = trainBiases(data, { reg: 1 });
    expect(biases.bi[0]).toBeGreaterThan(0);
    expect(biases.bi[2]).toBeLessThan(0);
    const knn = trainItemKnn(data, { shrinkage: 0 });
    for (const m of [biases, knn] as RatingPredictor[]) {
      for (let u = 0; u < 4; u++) {
        for (let i = 0; i < 4; i++) {
          const p = m.predict(u, i);
          expect(p).toBeGreaterThanOrEqual(1);
          expect(p).toBeLessThanOrEqual(5);
        }
      }
    }
    expect(clampRating(7)).toBe(5);
    expect(clampRating(-1)).toBe(1);
  });

  it('scores items for top-N', () => {
    const pop = popularityScorer(data)(0, Uint32Array.of(0, 1, 2));
    expect([...pop]).toEqual([3, 2, 2]);
    const knn = trainItemKnn(data).scoreItems(2, Uint32Array.of(0, 1, 2, 9));
    expect(knn[1]).toBeGreaterThan(0);
    expect(knn[3]).toBe(0);
  });
});

describe.skipIf(!existsSync(ML100K))(
  `ML-100K (skipped when the data is missing: ${ML100K} not found)`,
  () => {
    // Loaded on first use: a skipped suite's body still runs, its tests do not.
    let cache: ReturnType<typeof load> | undefined;
    const ml = () => (cache ??= load());
    function load() {
      const folder = readMovieLensFolder(ML100K);
      const maps = emptyMaps();
      indexRatings(folder.rows, maps);
      const u1 = folder.canonicalSplits![0]!;
      const train = indexRatings(u1.base, maps).data;
      const test = indexRatings(u1.test, maps).data;
      return { folder, maps, u1, train, test };
    }
    const testRmse = (m: RatingPredictor) => {
      const { test } = ml();
      const pred = Float32Array.from(test.users, (u, r) => m.predict(u, test.items[r]!));
      return rmse(pred, test.ratings);
    };

    it('the harness loader finds the 100K layout and 5 canonical splits', () => {
      const { folder, maps, u1 } = ml();
      expect(folder.layout).toBe('100k');
      expect(folder.rows).toHaveLength(100_000);
      expect(folder.canonicalSplits).toHaveLength(5);
      expect(u1.base).toHaveLength(80_000);
      expect(u1.test).toHaveLength(20_000);
      expect(folder.movies).toHaveLength(1682);
      expect(folder.movies.find((m) => m.id === '543')?.title).toBe('Misérables, Les (1995)');
      expect(folder.warnings).toEqual([]);
      expect(maps.userIds).toHaveLength(943);
      expect(maps.itemIds).toHaveLength(1682);
    });

    it('baselines beat the global mean on u1', () => {
      const { train } = ml();
      const meanRmse = testRmse(trainGlobalMean(train));
      const biasRmse = testRmse(trainBiases(train));
      const knnRmse = testRmse(trainItemKnn(train));
      expect(meanRmse).toBeGreaterThan(1.1);
      expect(biasRmse).toBeLessThan(0.96);
      expect(knnRmse).toBeLessThan(0.95);
    });

    it('item-kNN ranks better than popularity (leave-last-out, sampled)', () => {
      const { folder, maps } = ml();
      const full = indexRatings(folder.rows, maps).data;
      const { train: llo, test: heldOut } = leaveLastOut(full);
      expect(heldOut).toHaveLength(943);
      const run = (score: (u: number, items: Uint32Array) => Float32Array) =>
        evaluateTopN({ train: llo, test: heldOut, numItems: full.numItems, score, seed: 1 });
      const pop = run(popularityScorer(llo));
      const knn = run(trainItemKnn(llo).scoreItems);
      expect(pop.hr10).toBeGreaterThan(0.3);
      expect(knn.hr10).toBeGreaterThan(pop.hr10);
    });
  },
);
