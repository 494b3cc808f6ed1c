/**
 * Reads a whole MovieLens folder (ratings, movies, and ML-100K's canonical splits) for the offline
 * evaluation; the app imports single files through the parsers in movielens.ts instead.
 */
import {
  parseMoviesCsv,
  parseRatingsCsv,
  parseUData,
  parseUItem,
  type Movie,
  type ParseResult,
} from '../../src/lib/recommender/shared/movielens';
import type { RatingRow } from '../../src/lib/recommender/shared/dataset';

export interface MovieLensFolder {
  layout: '100k' | 'csv';
  rows: RatingRow[];
  movies: Movie[];
  /** ML-100K's canonical 80/20 splits u1..u5, where the folder has them. */
  canonicalSplits?: { base: RatingRow[]; test: RatingRow[] }[];
  /** Bad rows found per file, for the caller to show. */
  warnings: string[];
}

/**
 * Reads a MovieLens folder through `readText` (file name → decoded text, or undefined when
 * the file is absent) and detects its layout: u.data (+ u.item, u1..u5 splits) or
 * ratings.csv (+ movies.csv). Throws when the folder has no ratings file.
 */
export function loadMovieLensFolder(
  readText: (name: string) => string | undefined,
): MovieLensFolder {
  const warnings: string[] = [];
  const parse = <T>(name: string, parser: (text: string, source: string) => ParseResult<T>) => {
    const text = readText(name);
    if (text === undefined) return undefined;
    const result = parser(text, name);
    if (result.badRows > 0) {
      const at = result.firstBad ? `, first at line ${result.firstBad.line}` : '';
      warnings.push(`${name}: skipped ${result.badRows} bad rows${at}`);
    }
    return result.rows;
  };

  const uData = parse('u.data', parseUData);
  if (uData) {
    const folder: MovieLensFolder = {
      layout: '100k',
      rows: uData,
      movies: parse('u.item', parseUItem) ?? [],
      warnings,
    };
    const splits: { base: RatingRow[]; test: RatingRow[] }[] = [];
    for (let s = 1; s <= 5; s++) {
      const base = parse(`u${s}.base`, parseUData);
      const test = parse(`u${s}.test`, parseUData);
      if (base && test) splits.push({ base, test });
    }
    if (splits.length > 0) folder.canonicalSplits = splits;
    return folder;
  }

  const ratings = parse('ratings.csv', parseRatingsCsv);
  if (ratings) {
    return {
      layout: 'csv',
      rows: ratings,
      movies: parse('movies.csv', parseMoviesCsv) ?? [],
      warnings,
    };
  }
  throw new Error(
    'No MovieLens ratings file in this folder: expected u.data (ML-100K layout) or ratings.csv (CSV layout)',
  );
}
