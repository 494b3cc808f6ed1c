import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  emptyMaps,
  indexRatings,
  randomSplit,
  type RatingRow,
} from '../../src/lib/recommender/shared/dataset';
import { movieFeatures, parseMoviesDat } from '../../src/lib/recommender/shared/movielens';
import { loadMovieLensFolder, parseMl1mRatings } from '../eval/movielens-folder';
import { readMovieLensFolder } from '../eval/recs';
import { leaveLastOut } from '../eval/recs-metrics';

const ML1M = fileURLToPath(new URL('../../../shared/data/ml-1m', import.meta.url));

/** A tiny folder in the ML-1M layout (made-up rows, not MovieLens data). */
const FIXTURE: Record<string, string> = {
  'ratings_user_item_rating.part1_users_0001-0002.csv.gz':
    'user_id,item_idx,movie_id,rating\n1,1,10,5\n1,2,,3\n2,3,30,4\n2,1,10,9\n',
  'ratings_user_item_rating.part2_users_0003-0003.csv.gz':
    'user_id,item_idx,movie_id,rating\n3,3,30,2\n',
  'item_idx_to_movie_id.csv':
    'item_idx,movie_id,how\n1,10,observed\n2,,unresolved\n3,30,inferred_from_rank_gap\n',
  'movies.dat':
    '10::Misérables, Les (1995)::Drama|Musical\n20::Not Rated (1990)::Comedy\n30::Old One (1939)::Western\n',
};

describe('the ML-1M layout', () => {
  const names = Object.keys(FIXTURE).reverse(); // the parts are read in name order anyway

  it('reads the parts in order, maps movies to item_idx and leaves unresolved items bare', () => {
    const folder = loadMovieLensFolder((name) => FIXTURE[name], names);
    expect(folder.layout).toBe('ml-1m');
    expect(folder.rows).toEqual<RatingRow[]>([
      { user: '1', item: '1', rating: 5 },
      { user: '1', item: '2', rating: 3 },
      { user: '2', item: '3', rating: 4 },
      { user: '3', item: '3', rating: 2 },
    ]);
    expect(folder.warnings).toEqual([
      'ratings_user_item_rating.part1_users_0001-0002.csv.gz: skipped 1 bad rows, first at line 5',
    ]);
    // Movie 20 is rated by nobody (no item_idx); item 2 is unresolved (no movie).
    expect(folder.movies).toEqual([
      { id: '1', title: 'Misérables, Les (1995)', year: 1995, genres: ['Drama', 'Musical'] },
      { id: '3', title: 'Old One (1939)', year: 1939, genres: ['Western'] },
    ]);
    const maps = emptyMaps();
    indexRatings(folder.rows, maps);
    const features = movieFeatures(folder.movies, maps);
    expect(features.featureNames).toEqual(['Drama', 'Musical', 'Western', '1930s', '1990s']);
    // Items in index order 1, 2, 3: item 2 has no features.
    expect([...features.itemOffsets]).toEqual([0, 3, 3, 5]);
  });

  it('is not picked without the item map, and says what it looks for', () => {
    const withoutMap = (name: string) =>
      name === 'item_idx_to_movie_id.csv' ? undefined : FIXTURE[name];
    expect(() => loadMovieLensFolder(withoutMap, names)).toThrow(/ML-1M layout/);
    // Nor without the parts among the folder's names.
    expect(() => loadMovieLensFolder((name) => FIXTURE[name], [])).toThrow(/ML-1M layout/);
    // u.data wins over everything else.
    const with100k = loadMovieLensFolder(
      (name) => (name === 'u.data' ? '1\t1\t5\t10\n' : FIXTURE[name]),
      names,
    );
    expect(with100k.layout).toBe('100k');
  });

  it('rejects a part with the wrong header or nothing readable', () => {
    expect(() => parseMl1mRatings('user,item,rating\n1,1,5\n', 'p.csv')).toThrow(
      /p\.csv: expected the header "user_id,item_idx,movie_id,rating"/,
    );
    expect(() => parseMl1mRatings('user_id,item_idx,movie_id,rating\n1,1,1,x\n', 'p.csv')).toThrow(
      /1 of 1 lines/,
    );
  });

  it('the Node reader decompresses the .gz parts and reads movies.dat as latin1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml1m-fixture-'));
    try {
      for (const [name, text] of Object.entries(FIXTURE)) {
        const bytes = Buffer.from(text, name === 'movies.dat' ? 'latin1' : 'utf8');
        writeFileSync(join(dir, name), name.endsWith('.gz') ? gzipSync(bytes) : bytes);
      }
      const folder = readMovieLensFolder(dir);
      expect(folder.layout).toBe('ml-1m');
      expect(folder.rows).toHaveLength(4);
      expect(folder.movies[0]?.title).toBe('Misérables, Les (1995)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseMoviesDat', () => {
  it('parses MovieID::Title::Genres and counts bad lines', () => {
    const result = parseMoviesDat('1::Toy Story (1995)::Animation|Comedy\nbroken\n2::X::\n');
    expect(result.rows).toEqual([
      { id: '1', title: 'Toy Story (1995)', year: 1995, genres: ['Animation', 'Comedy'] },
      { id: '2', title: 'X', genres: [] },
    ]);
    expect(result.badRows).toBe(1);
    expect(result.firstBad).toEqual({ line: 2, text: 'broken' });
  });
});

describe('randomSplit', () => {
  const { data } = indexRatings(
    Array.from({ length: 50 }, (_, k) => ({
      user: `u${k % 7}`,
      item: `i${k}`,
      rating: 1 + (k % 5),
    })),
  );

  it('holds out round(n · fraction) rows, seeded, each row in exactly one part, order kept', () => {
    const a = randomSplit(data, 0.1, 42);
    expect(a.test.n).toBe(5);
    expect(a.train.n).toBe(45);
    const items = (d: typeof data) => [...d.items];
    const all = [...items(a.train), ...items(a.test)].sort((x, y) => x - y);
    expect(all).toEqual([...data.items]);
    expect(items(a.test)).toEqual([...items(a.test)].sort((x, y) => x - y));
    expect(items(randomSplit(data, 0.1, 42).test)).toEqual(items(a.test));
    expect(items(randomSplit(data, 0.1, 7).test)).not.toEqual(items(a.test));
    expect(() => randomSplit(data, 1, 42)).toThrow(/testFraction/);
  });
});

describe('leaveLastOut without timestamps', () => {
  // Each user's rows in item order, as in ML-1M: the last row is always the highest item.
  const rows = Array.from({ length: 40 }, (_, k) => ({
    user: `u${Math.floor(k / 10)}`,
    item: `i${k % 10}`,
    rating: 3,
  }));
  const { data } = indexRatings([...rows, { user: 'solo', item: 'i0', rating: 4 }]);

  it('holds out one seeded random row per user given a seed, the last row without one', () => {
    const last = leaveLastOut(data).test;
    expect(last.map((h) => h.item)).toEqual([9, 9, 9, 9]);
    const random = leaveLastOut(data, 5).test;
    expect(random.map((h) => h.user)).toEqual([0, 1, 2, 3]);
    expect(random.map((h) => h.item)).not.toEqual([9, 9, 9, 9]);
    expect(leaveLastOut(data, 5).test).toEqual(random);
    expect(leaveLastOut(data, 5).train.n).toBe(data.n - 4);
  });

  it('ignores the seed where there are timestamps', () => {
    const timed = indexRatings(rows.map((r, k) => ({ ...r, timestamp: k }))).data;
    expect(leaveLastOut(timed, 5).test.map((h) => h.item)).toEqual([9, 9, 9, 9]);
  });
});

describe.skipIf(!existsSync(ML1M))(
  `ML-1M (skipped when the data is missing: ${ML1M} not found)`,
  () => {
    it('the harness loader finds all 1,000,209 ratings and the movies of the resolved items', () => {
      const folder = readMovieLensFolder(ML1M);
      expect(folder.layout).toBe('ml-1m');
      expect(folder.warnings).toEqual([]);
      expect(folder.rows).toHaveLength(1_000_209);
      const { data, maps } = indexRatings(folder.rows);
      expect(maps.userIds).toHaveLength(6040);
      expect(maps.itemIds).toHaveLength(3706);
      const histogram = [0, 0, 0, 0, 0];
      for (let r = 0; r < data.n; r++) histogram[data.ratings[r]! - 1]!++;
      expect(histogram).toEqual([56_174, 107_557, 261_197, 348_971, 226_310]);
      // 20 of the 3,706 items are unresolved (PROVENANCE.md): they have no movie.
      expect(folder.movies).toHaveLength(3686);
      expect(folder.movies.find((m) => m.id === '1')?.title).toBe('Toy Story (1995)');
    });
  },
);
