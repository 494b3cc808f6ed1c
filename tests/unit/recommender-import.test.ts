import { describe, expect, it } from 'vitest';
import {
  RatingsImportError,
  buildDataset,
  detectKind,
  encodingOf,
} from '../../src/lib/recommender/shared/ratings-import';

const products = new Set(['hats-001', 'hats-002', 'bags-001']);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof RatingsImportError ? e.code : `other: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('ratings import', () => {
  it('recognises a MovieLens folder by its file names, and decodes u.item as latin1', () => {
    expect(detectKind(['ml-100k/u.data', 'ml-100k/u.item'])).toBe('movielens');
    expect(detectKind(['ratings.csv', 'movies.csv'])).toBe('movielens');
    expect(detectKind(['my-shop.csv'])).toBe('shop');
    expect(encodingOf('ml-100k/u.item')).toBe('latin1');
    expect(encodingOf('movies.csv')).toBe('utf-8');
  });

  it('builds a MovieLens data set with titles and genres, counting bad rows', () => {
    const flags = (genre: number) =>
      Array.from({ length: 19 }, (_, g) => (g === genre ? 1 : 0)).join('|');
    const dataset = buildDataset(
      [
        {
          name: 'u.data',
          text: '1\t10\t5\t881250949\n2\t10\t3\t881250950\n2\t20\t4\t881250951\nbroken line\n',
        },
        {
          name: 'u.item',
          text: `10|Toy Story (1995)|01-Jan-1995||http://x|${flags(3)}\n20|Café Society (1995)|01-Jan-1995||http://x|${flags(8)}\n`,
        },
      ],
      products,
      1000,
    );
    expect(dataset).toMatchObject({ id: 'movielens', importedAt: 1000, badRows: 1 });
    expect(dataset.firstBad).toMatchObject({ file: 'u.data', line: 4 });
    expect(dataset.ratings).toHaveLength(3);
    expect(dataset.userIds).toEqual(['1', '2']);
    expect(dataset.movies?.[dataset.itemIds.indexOf('20')]).toMatchObject({
      title: 'Café Society (1995)',
      year: 1995,
      genres: ['Drama'],
    });
    expect(dataset.timestamps?.[0]).toBe(881250949);
  });

  it('keeps a shop CSV to the products of this shop and counts the rest as bad', () => {
    const dataset = buildDataset(
      [
        {
          name: 'ratings.shop.csv',
          text: 'user,item,rating\nc1,hats-001,5\nc1,unknown-9,4\nc2,bags-001,2\nc2,hats-002,9\n',
        },
      ],
      products,
    );
    expect(dataset.id).toBe('shop');
    expect(dataset.ratings).toEqual(Float32Array.from([5, 2]));
    expect(dataset.badRows).toBe(2); // rating 9 (unreadable) and unknown-9 (not in this shop)
  });

  it('refuses files that are not ratings, or no files, or ratings of nothing we sell', () => {
    expect(codeOf(() => buildDataset([], products))).toBe('no-files');
    expect(
      codeOf(() => buildDataset([{ name: 'notes.csv', text: 'hello\nworld\n' }], products)),
    ).toBe('not-ratings');
    expect(
      codeOf(() =>
        buildDataset([{ name: 'other.csv', text: 'u1,movie-1,4\nu2,movie-2,5\n' }], products),
      ),
    ).toBe('no-known-products');
    expect(
      codeOf(() =>
        buildDataset([{ name: 'u.data', text: '<html>not a data file</html>' }], products),
      ),
    ).toBe('not-ratings');
  });
});
