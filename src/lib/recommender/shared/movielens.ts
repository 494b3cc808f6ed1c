/**
 * Parsers for MovieLens folders (the 100K layout: u.data + u.item; the CSV layout of
 * ml-latest and ml-20m/25m: ratings.csv + movies.csv; ML-1M's movies.dat) and for the app's
 * own ratings CSV.
 *
 * They take decoded text; decoding bytes is the caller's job. u.item (and u.data) are
 * ISO-8859-1, so decode them with `new TextDecoder('latin1')` (Node: `readFileSync(path,
 * 'latin1')`); the CSV layout is UTF-8. Bad rows are counted and the first one reported,
 * never silently dropped; a file in which nothing (or mostly nothing) parses throws.
 */
import Papa from 'papaparse';
import type { RatingRow } from './dataset';
import type { IdMaps, ItemFeatures } from './types';

export interface Movie {
  id: string;
  title: string;
  year?: number;
  genres: string[];
}

export interface ParseResult<T> {
  rows: T[];
  badRows: number;
  /** The first bad row: 1-based line number and its text (shortened). */
  firstBad?: { line: number; text: string };
}

/** The 19 genre flags of u.item, in the order of u.genre. */
export const UITEM_GENRES = [
  'unknown',
  'Action',
  'Adventure',
  'Animation',
  "Children's",
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

/** Collects parsed rows and bad lines as a parser walks its input. */
class Collector<T> {
  rows: T[] = [];
  badRows = 0;
  firstBad?: { line: number; text: string };

  bad(line: number, text: string): void {
    this.badRows++;
    this.firstBad ??= { line, text: text.length > 200 ? `${text.slice(0, 200)}…` : text };
  }

  /** Throws when the file is clearly not what was expected, else returns the result. */
  finish(source: string, expected: string): ParseResult<T> {
    const where = this.firstBad ? ` (line ${this.firstBad.line}: "${this.firstBad.text}")` : '';
    if (this.rows.length === 0) {
      throw new Error(
        this.badRows === 0
          ? `${source}: the file is empty, expected ${expected}`
          : `${source}: no line parses as ${expected}${where}`,
      );
    }
    if (this.badRows > this.rows.length) {
      throw new Error(
        `${source}: ${this.badRows} of ${this.badRows + this.rows.length} lines do not parse as ${expected}${where}`,
      );
    }
    const result: ParseResult<T> = { rows: this.rows, badRows: this.badRows };
    if (this.firstBad) result.firstBad = this.firstBad;
    return result;
  }
}

/** Splits text into lines (\n or \r\n), without a BOM; line i is line number i + 1. */
function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** Papaparse into string arrays; empty lines stay as [''] so row i is line i + 1. */
function csvRows(text: string, delimiter?: string): string[][] {
  const config: Papa.ParseConfig<string[]> = { header: false, skipEmptyLines: false };
  if (delimiter) config.delimiter = delimiter;
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), config).data;
}

const isBlank = (row: string[]) => row.length === 0 || (row.length === 1 && row[0]!.trim() === '');

/** A number, or NaN for an empty or non-numeric field (Number('') would be 0). */
function num(field: string | undefined): number {
  const s = field?.trim() ?? '';
  return s === '' ? NaN : Number(s);
}

/** MovieLens ratings are 1-5 stars, or 0.5-5 in half stars in the CSV layout. */
const isMovieLensRating = (r: number) => Number.isFinite(r) && r > 0 && r <= 5;
const isTimestamp = (t: number) => Number.isFinite(t) && t >= 0;

function movieLensRow(
  user: string | undefined,
  item: string | undefined,
  rating: string | undefined,
  timestamp: string | undefined,
): RatingRow | undefined {
  const u = user?.trim() ?? '';
  const i = item?.trim() ?? '';
  const r = num(rating);
  const t = num(timestamp);
  if (!u || !i || !isMovieLensRating(r) || !isTimestamp(t)) return undefined;
  return { user: u, item: i, rating: r, timestamp: t };
}

/** u.data and the u1..u5 .base/.test splits: `user<TAB>item<TAB>rating<TAB>timestamp`. */
export function parseUData(text: string, source = 'u.data'): ParseResult<RatingRow> {
  const out = new Collector<RatingRow>();
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('\t');
    const row = f.length === 4 ? movieLensRow(f[0], f[1], f[2], f[3]) : undefined;
    if (row) out.rows.push(row);
    else out.bad(i + 1, line);
  });
  return out.finish(source, 'tab-separated "user item rating timestamp"');
}

/** Column positions from a header row, by (case-insensitive) name. */
function columns(header: string[]): Map<string, number> {
  return new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
}

/** ratings.csv of the CSV layout: header `userId,movieId,rating,timestamp`. */
export function parseRatingsCsv(text: string, source = 'ratings.csv'): ParseResult<RatingRow> {
  const rows = csvRows(text, ',');
  const col = columns(rows[0] ?? []);
  const [u, i, r, t] = ['userid', 'movieid', 'rating', 'timestamp'].map((c) => col.get(c));
  if (u === undefined || i === undefined || r === undefined || t === undefined) {
    throw new Error(
      `${source}: expected the header "userId,movieId,rating,timestamp", found "${(rows[0] ?? []).join(',').slice(0, 200)}"`,
    );
  }
  const out = new Collector<RatingRow>();
  for (let k = 1; k < rows.length; k++) {
    const f = rows[k]!;
    if (isBlank(f)) continue;
    const row = movieLensRow(f[u], f[i], f[r], f[t]);
    if (row) out.rows.push(row);
    else out.bad(k + 1, f.join(','));
  }
  return out.finish(source, 'userId,movieId,rating,timestamp');
}

/** "(1995)" (or "(2006-2007)") at the end of a MovieLens title. */
function yearFromTitle(title: string): number | undefined {
  const m = /\((\d{4})(?:[–-]\d{4})?\)\s*$/.exec(title);
  return m ? Number(m[1]) : undefined;
}

function movie(id: string, title: string, year: number | undefined, genres: string[]): Movie {
  const m: Movie = { id, title, genres };
  if (year !== undefined) m.year = year;
  return m;
}

/**
 * u.item: `id|title|release date|video release date|IMDb URL|` then 19 genre flags.
 * The year comes from the release date ("01-Jan-1995"), else from the title.
 */
export function parseUItem(text: string, source = 'u.item'): ParseResult<Movie> {
  const out = new Collector<Movie>();
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('|');
    const flags = f.slice(5);
    const id = f[0]?.trim() ?? '';
    if (f.length !== 5 + UITEM_GENRES.length || !id || flags.some((g) => g !== '0' && g !== '1')) {
      out.bad(i + 1, line);
      return;
    }
    const title = f[1]!.trim();
    const date = /(\d{4})\s*$/.exec(f[2]!);
    const year = date ? Number(date[1]) : yearFromTitle(title);
    const genres = UITEM_GENRES.filter((_, g) => flags[g] === '1');
    out.rows.push(movie(id, title, year, genres));
  });
  return out.finish(source, 'pipe-separated u.item rows with 19 genre flags');
}

/** movies.csv of the CSV layout: `movieId,title,genres`, genres '|'-separated. */
export function parseMoviesCsv(text: string, source = 'movies.csv'): ParseResult<Movie> {
  const rows = csvRows(text, ',');
  const col = columns(rows[0] ?? []);
  const [idCol, titleCol, genresCol] = ['movieid', 'title', 'genres'].map((c) => col.get(c));
  if (idCol === undefined || titleCol === undefined || genresCol === undefined) {
    throw new Error(
      `${source}: expected the header "movieId,title,genres", found "${(rows[0] ?? []).join(',').slice(0, 200)}"`,
    );
  }
  const out = new Collector<Movie>();
  for (let k = 1; k < rows.length; k++) {
    const f = rows[k]!;
    if (isBlank(f)) continue;
    const id = f[idCol]?.trim() ?? '';
    const title = f[titleCol]?.trim();
    const genreField = f[genresCol]?.trim();
    if (!id || title === undefined || genreField === undefined) {
      out.bad(k + 1, f.join(','));
      continue;
    }
    const genres =
      genreField === '' || genreField === '(no genres listed)' ? [] : genreField.split('|');
    out.rows.push(movie(id, title, yearFromTitle(title), genres));
  }
  return out.finish(source, 'movieId,title,genres');
}

/**
 * movies.dat of ML-1M and ML-10M: `MovieID::Title::Genres`, genres '|'-separated. ML-1M's file
 * is ISO-8859-1 (decode it as latin1), ML-10M's UTF-8.
 */
export function parseMoviesDat(text: string, source = 'movies.dat'): ParseResult<Movie> {
  const out = new Collector<Movie>();
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('::');
    const id = f[0]?.trim() ?? '';
    if (f.length !== 3 || !/^\d+$/.test(id)) {
      out.bad(i + 1, line);
      return;
    }
    const title = f[1]!.trim();
    const genreField = f[2]!.trim();
    const genres =
      genreField === '' || genreField === '(no genres listed)' ? [] : genreField.split('|');
    out.rows.push(movie(id, title, yearFromTitle(title), genres));
  });
  return out.finish(source, '"MovieID::Title::Genres"');
}

const HEADER_NAMES: Record<'user' | 'item' | 'rating' | 'timestamp', string[]> = {
  user: ['user', 'userid', 'user_id', 'customer'],
  item: ['item', 'itemid', 'item_id', 'product', 'productid', 'movieid'],
  rating: ['rating', 'stars', 'score'],
  timestamp: ['timestamp', 'time', 'date'],
};

/** Seconds since the epoch from a number of seconds or a date string; NaN if neither. */
function seconds(field: string): number {
  const n = num(field);
  if (Number.isFinite(n)) return n;
  return Date.parse(field) / 1000;
}

type GenericRole = 'user' | 'item' | 'rating' | 'timestamp';
type GenericColumns = Record<GenericRole, number>;

/** A line of the app's own CSV that is not a rating: the column at fault and why, in words. */
export interface GenericBadLine {
  /** 1-based, as in the file. */
  line: number;
  /** As the header names it; without a header, the column's role ("rating"). */
  column: string;
  why: string;
  /** The line as read (shortened). */
  text: string;
}

/** The app's own CSV read line by line: every rating with its line, every bad line with why. */
export interface GenericCsv {
  rows: RatingRow[];
  /** The 1-based line of each of `rows`. */
  lines: number[];
  bad: GenericBadLine[];
}

/** What the app's own CSV holds, as its errors say it. */
export const GENERIC_CSV_FORMAT = 'user,item,rating[,timestamp] with ratings from 1 to 5';

const shortened = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/**
 * Reads the app's own CSV: `user,item,rating[,timestamp]`, with an optional header (columns are
 * then found by name). Ratings must be numbers from 1 to 5; the timestamp, where given,
 * seconds since the epoch or a date string. Never throws: callers decide what bad lines mean.
 */
export function readGenericCsv(text: string): GenericCsv {
  const rows = csvRows(text);
  const first = rows.findIndex((r) => !isBlank(r));
  let cols: GenericColumns = { user: 0, item: 1, rating: 2, timestamp: 3 };
  let start = Math.max(first, 0);
  // A first row naming any known column is a header; columns are then found by name.
  const headerRow = first >= 0 ? rows[first]! : [];
  const header = columns(headerRow);
  const find = (key: GenericRole) =>
    HEADER_NAMES[key].map((name) => header.get(name)).find((i) => i !== undefined);
  const named = { user: find('user'), item: find('item'), rating: find('rating') };
  const hasHeader = Object.values(named).some((i) => i !== undefined);
  if (hasHeader) {
    cols = {
      user: named.user ?? 0,
      item: named.item ?? 1,
      rating: named.rating ?? 2,
      timestamp: find('timestamp') ?? -1,
    };
    start = first + 1;
  }
  const columnName = (role: GenericRole) =>
    (hasHeader ? headerRow[cols[role]]?.trim() : undefined) || role;
  const out: GenericCsv = { rows: [], lines: [], bad: [] };
  for (let k = start; k < rows.length; k++) {
    const f = rows[k]!;
    if (isBlank(f)) continue;
    const row = genericRow(f, cols);
    if ('why' in row) {
      const text = shortened(f.join(','));
      out.bad.push({ line: k + 1, column: columnName(row.role), why: row.why, text });
    } else {
      out.rows.push(row);
      out.lines.push(k + 1);
    }
  }
  return out;
}

/**
 * The app's own CSV (see readGenericCsv) for an import: bad lines counted and the first one
 * reported; a file in which nothing (or mostly nothing) parses throws.
 */
export function parseGenericCsv(text: string, source = 'ratings CSV'): ParseResult<RatingRow> {
  const { rows, bad } = readGenericCsv(text);
  const out = new Collector<RatingRow>();
  out.rows = rows;
  for (const b of bad) out.bad(b.line, b.text);
  return out.finish(source, GENERIC_CSV_FORMAT);
}

/** One line as a rating, or the column at fault and why. */
function genericRow(
  f: string[],
  cols: GenericColumns,
): RatingRow | { role: GenericRole; why: string } {
  const field = (role: GenericRole) => f[cols[role]]?.trim() ?? '';
  const user = field('user');
  const item = field('item');
  const rating = num(f[cols.rating]);
  if (!user) return { role: 'user', why: 'The user is empty.' };
  if (!item) return { role: 'item', why: 'The item (the product) is empty.' };
  if (!(rating >= 1 && rating <= 5)) {
    const raw = field('rating');
    return {
      role: 'rating',
      why: raw ? `"${raw}" is not a rating from 1 to 5.` : 'The rating is empty.',
    };
  }
  const row: RatingRow = { user, item, rating };
  const ts = field('timestamp');
  if (ts !== '') {
    const t = seconds(ts);
    if (!Number.isFinite(t)) {
      return {
        role: 'timestamp',
        why: `"${ts}" is neither a time in seconds since 1970 nor a date.`,
      };
    }
    row.timestamp = t;
  }
  return row;
}

/**
 * Item features for the content part: one feature per genre and one per release decade
 * ("1990s"), in CSR rows aligned with maps.itemIds. Items without metadata get none.
 */
export function movieFeatures(movies: Movie[], maps: IdMaps): ItemFeatures {
  const byId = new Map(movies.map((m) => [m.id, m]));
  const known = maps.itemIds.map((id) => byId.get(id));
  const decade = (m: Movie) =>
    m.year === undefined ? undefined : `${Math.floor(m.year / 10) * 10}s`;
  const genres = new Set<string>();
  const decades = new Set<string>();
  for (const m of known) {
    if (!m) continue;
    m.genres.forEach((g) => genres.add(g));
    const d = decade(m);
    if (d) decades.add(d);
  }
  const featureNames = [...[...genres].sort(), ...[...decades].sort()];
  const featureIndex = new Map(featureNames.map((name, f) => [name, f]));
  const itemOffsets = new Uint32Array(maps.itemIds.length + 1);
  const featureIds: number[] = [];
  known.forEach((m, i) => {
    if (m) {
      const names = [...new Set(m.genres)];
      const d = decade(m);
      if (d) names.push(d);
      for (const name of names) featureIds.push(featureIndex.get(name)!);
    }
    itemOffsets[i + 1] = featureIds.length;
  });
  return {
    numFeatures: featureNames.length,
    itemOffsets,
    featureIds: Uint32Array.from(featureIds),
    featureNames,
  };
}
