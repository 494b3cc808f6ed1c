/**
 * Reads a whole MovieLens folder (ratings, movies, and ML-100K's canonical splits) for the offline
 * evaluation; the app imports single files through the parsers in movielens.ts instead.
 *
 * Layouts: '100k' (u.data + u.item, u1..u5 splits), 'csv' (ratings.csv + movies.csv) and
 * 'ml-1m', the reconstructed MovieLens 1M of ../shared/data/ml-1m (see its PROVENANCE.md):
 * ratings in parts `ratings_user_item_rating.*.csv[.gz]` with the columns
 * user_id,item_idx,movie_id,rating and no timestamps, items identified by item_idx;
 * item_idx_to_movie_id.csv maps item_idx to the original MovieID where it is known, and the
 * original movies.dat (`MovieID::Title::Genres`) gives genres and years through that map, so
 * an unresolved item simply has no features. Decompressing the .gz parts is the caller's
 * readText's job (the Node reader in recs.ts does it).
 */
import {
  parseMoviesCsv,
  parseMoviesDat,
  parseRatingsCsv,
  parseUData,
  parseUItem,
  type Movie,
  type ParseResult,
} from '../../src/lib/recommender/shared/movielens';
import type { RatingRow } from '../../src/lib/recommender/shared/dataset';

export interface MovieLensFolder {
  /** 'ml-1m': no timestamps; the harness scores it on one seeded random 90/10 split. */
  layout: '100k' | 'csv' | 'ml-1m';
  rows: RatingRow[];
  movies: Movie[];
  /** ML-100K's canonical 80/20 splits u1..u5, where the folder has them. */
  canonicalSplits?: { base: RatingRow[]; test: RatingRow[] }[];
  /** Bad rows found per file, for the caller to show. */
  warnings: string[];
}

/** The ML-1M layout's rating parts, in name order. */
export const ML1M_PARTS = /^ratings_user_item_rating\..+\.csv(\.gz)?$/;
/** The ML-1M layout's item map: item_idx,movie_id[,how]; an empty movie_id is unresolved. */
export const ML1M_ITEM_MAP = 'item_idx_to_movie_id.csv';

/**
 * Reads a MovieLens folder through `readText` (file name → decoded text, or undefined when
 * the file is absent) and detects its layout: u.data (+ u.item, u1..u5 splits),
 * ratings.csv (+ movies.csv), or ML-1M's parts (`names`, the folder's file names, are where
 * they are looked for) + item_idx_to_movie_id.csv (+ movies.dat). Throws when the folder has
 * no ratings file.
 */
export function loadMovieLensFolder(
  readText: (name: string) => string | undefined,
  names: readonly string[] = [],
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
  const parts = names.filter((n) => ML1M_PARTS.test(n)).sort();
  const itemMap = parts.length > 0 ? readText(ML1M_ITEM_MAP) : undefined;
  if (itemMap !== undefined) {
    // flatMap, not push(...part): half a million arguments would overflow the stack.
    const rows = parts.flatMap((part) => parse(part, parseMl1mRatings) ?? []);
    const idxOf = parseItemMap(itemMap);
    const movies: Movie[] = [];
    for (const m of parse('movies.dat', parseMoviesDat) ?? []) {
      const idx = idxOf.get(m.id);
      if (idx !== undefined) movies.push({ ...m, id: idx });
    }
    return { layout: 'ml-1m', rows, movies, warnings };
  }
  throw new Error(
    `No MovieLens ratings file in this folder: expected u.data (ML-100K layout), ratings.csv (CSV layout) or ${ML1M_PARTS.source} parts with ${ML1M_ITEM_MAP} (ML-1M layout)`,
  );
}

/**
 * One part of ML-1M's ratings: header user_id,item_idx,movie_id,rating (columns found by name),
 * items identified by item_idx. Split by hand, not by Papaparse: there are a million rows and
 * no quoted fields. Bad rows are counted as the parsers in movielens.ts count them.
 */
export function parseMl1mRatings(text: string, source: string): ParseResult<RatingRow> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const [u, i, r] = ['user_id', 'item_idx', 'rating'].map((c) => header.indexOf(c));
  if (u! < 0 || i! < 0 || r! < 0) {
    throw new Error(
      `${source}: expected the header "user_id,item_idx,movie_id,rating", found "${(lines[0] ?? '').slice(0, 200)}"`,
    );
  }
  const rows: RatingRow[] = [];
  let badRows = 0;
  let firstBad: { line: number; text: string } | undefined;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() === '') continue;
    const f = line.split(',');
    const user = f[u!]?.trim() ?? '';
    const item = f[i!]?.trim() ?? '';
    const rating = Number(f[r!]?.trim() || NaN);
    if (user && item && Number.isInteger(rating) && rating >= 1 && rating <= 5) {
      rows.push({ user, item, rating });
    } else {
      badRows++;
      firstBad ??= { line: k + 1, text: line.slice(0, 200) };
    }
  }
  if (rows.length === 0 || badRows > rows.length) {
    throw new Error(
      `${source}: ${badRows} of ${badRows + rows.length} lines do not parse as user_id,item_idx,movie_id,rating`,
    );
  }
  return firstBad ? { rows, badRows, firstBad } : { rows, badRows };
}

/** item_idx_to_movie_id.csv as MovieID → item_idx, for the resolved items only. */
function parseItemMap(text: string): Map<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const idxCol = header.indexOf('item_idx');
  const movieCol = header.indexOf('movie_id');
  if (idxCol < 0 || movieCol < 0) {
    throw new Error(
      `${ML1M_ITEM_MAP}: expected the header "item_idx,movie_id,how", found "${(lines[0] ?? '').slice(0, 200)}"`,
    );
  }
  const idxOf = new Map<string, string>();
  for (let k = 1; k < lines.length; k++) {
    const f = lines[k]!.split(',');
    const idx = f[idxCol]?.trim();
    const movie = f[movieCol]?.trim();
    if (idx && movie) idxOf.set(movie, idx);
  }
  return idxOf;
}
