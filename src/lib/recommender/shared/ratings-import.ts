/**
 * Turns files a user picked into a stored data set: a shop's own `user,item,rating[,timestamp]`
 * CSV, or the files of a MovieLens folder (u.data + u.item, or ratings.csv + movies.csv).
 * Pure: the worker parses the files; the client stores the result (src/lib/db).
 */
import type { Dataset } from './rows';
import { indexRatings, type RatingRow } from './dataset';
import {
  parseGenericCsv,
  parseMoviesCsv,
  parseRatingsCsv,
  parseUData,
  parseUItem,
  type Movie,
  type ParseResult,
} from './movielens';

/** Every file together; past this the device would struggle, and the app says so up front. */
export const MAX_RATINGS_IMPORT_BYTES = 200 * 1024 * 1024;

export type RatingsImportCode = 'no-files' | 'too-large' | 'not-ratings' | 'no-known-products';

export class RatingsImportError extends Error {
  constructor(
    readonly code: RatingsImportCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'RatingsImportError';
  }
}

export interface NamedText {
  name: string;
  text: string;
}

/** u.item is ISO-8859-1; everything else MovieLens and CSV ships is UTF-8 (or ASCII). */
export const encodingOf = (fileName: string): 'latin1' | 'utf-8' =>
  /(^|\/)u\.(item|data|user)$/.test(fileName) ? 'latin1' : 'utf-8';

const baseName = (name: string) => name.split(/[\\/]/).pop()!.toLowerCase();

/** Which kind of import the chosen files are, by their names. */
export function detectKind(names: string[]): 'movielens' | 'shop' {
  const base = names.map(baseName);
  return base.includes('u.data') || base.includes('ratings.csv') ? 'movielens' : 'shop';
}

interface Counted {
  badRows: number;
  firstBad?: Dataset['firstBad'];
}

function parseWith<T>(
  file: NamedText,
  parser: (text: string, source: string) => ParseResult<T>,
  counted: Counted,
): T[] {
  let result: ParseResult<T>;
  try {
    result = parser(file.text, file.name);
  } catch (e) {
    throw new RatingsImportError('not-ratings', `${file.name}: ${(e as Error).message}`);
  }
  counted.badRows += result.badRows;
  if (result.firstBad && !counted.firstBad)
    counted.firstBad = { file: file.name, ...result.firstBad };
  return result.rows;
}

/**
 * Builds the data set. `knownProducts` (for a shop CSV) keeps only ratings of products in the
 * catalog, counting the others as bad rows. Throws RatingsImportError with a code for the UI.
 */
export function buildDataset(
  files: NamedText[],
  knownProducts: ReadonlySet<string>,
  now = Date.now(),
): Dataset {
  if (files.length === 0) throw new RatingsImportError('no-files', 'No file was chosen');
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const counted: Counted = { badRows: 0 };
  const kind = detectKind([...byName.keys()]);
  let rows: RatingRow[];
  let movies: Movie[] = [];
  let name: string;

  if (kind === 'movielens') {
    const uData = byName.get('u.data');
    const ratingsCsv = byName.get('ratings.csv');
    rows = uData
      ? parseWith(uData, parseUData, counted)
      : parseWith(ratingsCsv!, parseRatingsCsv, counted);
    const uItem = byName.get('u.item');
    const moviesCsv = byName.get('movies.csv');
    if (uItem) movies = parseWith(uItem, parseUItem, counted);
    else if (moviesCsv) movies = parseWith(moviesCsv, parseMoviesCsv, counted);
    name = uData ? 'MovieLens (u.data)' : 'MovieLens (ratings.csv)';
  } else {
    const [file] = files;
    const all = parseWith(file!, parseGenericCsv, counted);
    rows = all.filter((r) => knownProducts.has(r.item));
    const unknown = all.length - rows.length;
    if (rows.length === 0) {
      throw new RatingsImportError(
        'no-known-products',
        `None of ${all.length} ratings is for a product in this shop`,
      );
    }
    counted.badRows += unknown;
    name = baseName(file!.name);
  }

  const { data, maps } = indexRatings(rows);
  const movieById = new Map(movies.map((m) => [m.id, m]));
  const dataset: Dataset = {
    id: kind,
    name,
    importedAt: now,
    userIds: maps.userIds,
    itemIds: maps.itemIds,
    users: data.users,
    items: data.items,
    ratings: data.ratings,
    badRows: counted.badRows,
  };
  if (data.timestamps) dataset.timestamps = data.timestamps;
  if (counted.firstBad) dataset.firstBad = counted.firstBad;
  if (movies.length) {
    dataset.movies = maps.itemIds.map((id) => {
      const m = movieById.get(id);
      return m
        ? { title: m.title, year: m.year, genres: m.genres }
        : { title: `#${id}`, genres: [] };
    });
  }
  return dataset;
}
