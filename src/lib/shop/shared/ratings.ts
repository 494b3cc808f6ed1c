/**
 * A pack's ratings.csv: the shop's own anonymous ratings or purchases, the recommender's "other
 * shoppers" in the model shipped with the build. Read with the app's own ratings parser (the one
 * My data → Import ratings uses), but held to a pack's rule: every bad line is a problem with its
 * line, column and why. A rating of a product the pack does not sell is only a warning (shops
 * drop products; their old ratings stay in the export) and is left out.
 */
import type { Product } from '../../catalog/types';
import { indexRatings, type RatingRow } from '../../recommender/shared/dataset';
import {
  GENERIC_CSV_FORMAT,
  readGenericCsv,
  type GenericCsv,
} from '../../recommender/shared/movielens';
import type { ImportedShopRatings } from '../../recommender/shared/shop-data';
import { problemAt, sizeProblem, type Findings } from './rows';

export const RATINGS_FILE = 'ratings.csv';

/**
 * The names a rating may give its product by: the product's id (its handle, any case) or the SKU
 * of one of its variants (how order exports name what was bought), both in lower case.
 */
export function productNames(products: readonly Product[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of products) {
    for (const v of p.variants ?? []) names.set(v.sku.toLowerCase(), p.id);
  }
  for (const p of products) names.set(p.id.toLowerCase(), p.id); // an id wins over a SKU
  return names;
}

/** "12 ratings", "1 rating". */
const ratingsCount = (n: number) => `${n.toLocaleString('en')} rating${n === 1 ? '' : 's'}`;

/** The file-wide problem of a file in which nothing, or mostly nothing, is a rating. */
function notRatings(read: GenericCsv) {
  const first = read.bad[0];
  const lines = read.bad.length + read.rows.length;
  const why = !lines
    ? `${RATINGS_FILE} has no ratings: each line needs ${GENERIC_CSV_FORMAT}.`
    : `${RATINGS_FILE} is not a file of ratings: ${read.bad.length} of ${lines} lines are not ${GENERIC_CSV_FORMAT}` +
      (first ? ` (line ${first.line}, ${first.column}: ${first.why.replace(/\.$/, '')})` : '') +
      '.';
  return problemAt(RATINGS_FILE, undefined, undefined, why);
}

/** The warning for ratings of products the pack does not sell, with the first of them. */
function unknownProducts(count: number, total: number, first: { item: string; line: number }) {
  const why =
    count === total
      ? `No rating is for a product this shop sells (${ratingsCount(total)} read, the first naming "${first.item}"): the recommender learns from the catalog alone. Name products by their handle, id or SKU.`
      : `${count.toLocaleString('en')} of ${ratingsCount(total)} are for products this shop does not sell (the first names "${first.item}"): they are left out.`;
  return problemAt(RATINGS_FILE, first.line, undefined, why);
}

/**
 * ratings.csv → the shop's ratings, by product id, in the recommender's shape. Problems and
 * warnings go to `findings`; undefined when the file is bad or rates nothing the shop sells.
 */
export function readRatings(
  text: string,
  products: readonly Product[],
  findings: Findings,
): ImportedShopRatings | undefined {
  const tooBig = sizeProblem(RATINGS_FILE, text);
  if (tooBig) {
    findings.problems.push(tooBig);
    return undefined;
  }
  const read = readGenericCsv(text);
  if (read.rows.length === 0 || read.bad.length > read.rows.length) {
    findings.problems.push(notRatings(read));
    return undefined;
  }
  for (const { line, column, why } of read.bad) {
    findings.problems.push(problemAt(RATINGS_FILE, line, column, why));
  }

  const names = productNames(products);
  const known: RatingRow[] = [];
  let firstUnknown: { item: string; line: number } | undefined;
  read.rows.forEach((row, i) => {
    const id = names.get(row.item.toLowerCase());
    if (id !== undefined) known.push({ user: row.user, item: id, rating: row.rating });
    else firstUnknown ??= { item: row.item, line: read.lines[i]! };
  });
  if (firstUnknown) {
    const count = read.rows.length - known.length;
    findings.warnings.push(unknownProducts(count, read.rows.length, firstUnknown));
  }
  return known.length ? shopRatingsOf(known) : undefined;
}

/** Rating rows (products named by id) as the shipped model's trainer takes them. */
export function shopRatingsOf(rows: readonly RatingRow[]): ImportedShopRatings {
  const { data, maps } = indexRatings(rows);
  return {
    userIds: maps.userIds,
    itemIds: maps.itemIds,
    users: Array.from(data.users),
    items: Array.from(data.items),
    ratings: rows.map((r) => r.rating), // as written: data.ratings is rounded to 32 bits
  };
}
