/**
 * A pack's item-factors.jsonl: a recommender trained elsewhere, for a shop whose data is too big
 * to train on one machine. One JSON object a line, {"id": …, "features": [k numbers]}, exactly
 * what Spark writes for its ALS model's `itemFactors` with `.write.json`, the id being a
 * product's handle (its id) or a variant SKU. The numbers become the shipped model's item
 * vectors of its ranking part, the ones the device folds its shopper in against.
 *
 * Held to the pack's rules: every bad line is a problem with its line, field and why; every line
 * has the same k (the rank); a line for a product the pack does not sell is only a warning and is
 * left out (shops drop products, their old factors stay in the export). `writeItemFactors` writes
 * the same format, so that a factor written and read back is the same 32-bit number.
 */
import type { Product } from '../../catalog/types';
import type { ImportedItemFactors } from '../../recommender/shared/shop-data';
import { productNames } from './ratings';
import {
  MAX_ROWS,
  isRecord,
  problemAt,
  sizeProblem,
  stripBom,
  tooManyRows,
  type Findings,
} from './rows';

export const ITEM_FACTORS_FILE = 'item-factors.jsonl';
/** The most numbers a line may hold: the device solves a k × k system for every fold-in. */
export const MAX_RANK = 128;

const FORMAT = '{"id": <handle or SKU>, "features": [<k numbers>]}';

/** A line read as one product's factors, before its id is looked up. */
interface FactorLine {
  line: number;
  id: string;
  features: number[];
}

/** A line that cannot be used: where, which field, and why. */
interface BadLine {
  line: number;
  column?: string;
  why: string;
}

const isBad = (read: FactorLine | BadLine): read is BadLine => 'why' in read;

/** JSON.parse's complaint about a line; bare NaN or Infinity (Python writes them) said plainly. */
function notJson(text: string, line: number, error: unknown): BadLine {
  if (/(?:^|[^\w"])-?(?:NaN|Infinity)\b/.test(text)) {
    return { line, column: 'features', why: 'features holds NaN or Infinity, not a number.' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line, why: `The line is not JSON (${message}): each line is ${FORMAT}.` };
}

/** Why a factor cannot be used, or undefined when it is a finite 32-bit number. */
function badNumber(value: unknown, index: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `features[${index}] is ${JSON.stringify(value) ?? String(value)}, not a finite number.`;
  }
  return Number.isFinite(Math.fround(value))
    ? undefined
    : `features[${index}] is ${value}, too large for a 32-bit number.`;
}

/** One line as a product's factors, or what is wrong with it. */
function readLine(text: string, line: number): FactorLine | BadLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return notJson(text, line, error);
  }
  if (!isRecord(raw)) return { line, why: `The line is not an object: each line is ${FORMAT}.` };
  const { id, features } = raw;
  const name = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
  if (typeof name !== 'string' || !name.trim()) {
    return {
      line,
      column: 'id',
      why:
        id === undefined
          ? 'The id (the product) is missing.'
          : `The id ${JSON.stringify(id)} is not a product's handle or SKU.`,
    };
  }
  if (!Array.isArray(features)) {
    const why = features === undefined ? 'features is missing.' : 'features is not a list.';
    return { line, column: 'features', why };
  }
  if (features.length < 1 || features.length > MAX_RANK) {
    const why = `features has ${features.length} numbers: the rank must be from 1 to ${MAX_RANK}.`;
    return { line, column: 'features', why };
  }
  for (let k = 0; k < features.length; k++) {
    const why = badNumber(features[k], k);
    if (why) return { line, column: 'features', why };
  }
  return { line, id: name.trim(), features: features as number[] };
}

/** The rank: the number of factors most lines have (the first such line's on a tie). */
function commonRank(lines: readonly FactorLine[]): number {
  const counts = new Map<number, number>();
  for (const { features } of lines)
    counts.set(features.length, (counts.get(features.length) ?? 0) + 1);
  let rank = 0;
  for (const [k, count] of counts) if (count > (counts.get(rank) ?? 0)) rank = k;
  return rank;
}

/** Every line of the file read, and the lines of another rank turned into bad lines. */
function readLines(lines: readonly string[]): { good: FactorLine[]; bad: BadLine[]; rank: number } {
  const good: FactorLine[] = [];
  const bad: BadLine[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const read = readLine(line, index + 1);
    if (isBad(read)) bad.push(read);
    else good.push(read);
  });
  const rank = commonRank(good);
  for (const { line, features } of good.filter((g) => g.features.length !== rank)) {
    bad.push({
      line,
      column: 'features',
      why: `features has ${features.length} numbers where most lines have ${rank} (the rank): every line needs the same number.`,
    });
  }
  bad.sort((a, b) => a.line - b.line);
  return { good: good.filter((g) => g.features.length === rank), bad, rank };
}

/** The file-wide problem of a file in which nothing, or mostly nothing, is an item's factors. */
function notFactors(good: number, bad: readonly BadLine[]) {
  const first = bad[0];
  const why = !first
    ? `${ITEM_FACTORS_FILE} has no item factors: each line is ${FORMAT}.`
    : `${ITEM_FACTORS_FILE} is not a file of item factors: ${bad.length} of ${bad.length + good} lines are not ${FORMAT}` +
      ` (line ${first.line}${first.column ? `, ${first.column}` : ''}: ${first.why.replace(/\.$/, '')}).`;
  return problemAt(ITEM_FACTORS_FILE, undefined, undefined, why);
}

/** "12 lines", "1 line". */
const linesCount = (n: number) => `${n.toLocaleString('en')} line${n === 1 ? '' : 's'}`;

/** The warning for lines naming products the pack does not sell, with the first of them. */
function unknownProducts(count: number, total: number, first: FactorLine) {
  const why =
    count === total
      ? `No line is for a product this shop sells (${linesCount(total)} read, the first naming "${first.id}"): the recommender is trained here instead. Name products by their handle, id or SKU.`
      : `${count.toLocaleString('en')} of ${linesCount(total)} are for products this shop does not sell (the first names "${first.id}"): they are left out.`;
  return problemAt(ITEM_FACTORS_FILE, first.line, 'id', why);
}

/**
 * item-factors.jsonl → the factors, by product id. Problems and warnings go to `findings`;
 * undefined when the file is bad or names no product the shop sells.
 */
export function readItemFactors(
  text: string,
  products: readonly Product[],
  findings: Findings,
): ImportedItemFactors | undefined {
  const tooBig = sizeProblem(ITEM_FACTORS_FILE, text);
  if (tooBig) {
    findings.problems.push(tooBig);
    return undefined;
  }
  const lines = stripBom(text).split('\n');
  if (lines.filter((line) => line.trim()).length > MAX_ROWS) {
    findings.problems.push(tooManyRows(ITEM_FACTORS_FILE));
    return undefined;
  }
  const { good, bad, rank } = readLines(lines);
  if (good.length === 0 || bad.length > good.length) {
    findings.problems.push(notFactors(good.length, bad));
    return undefined;
  }
  for (const { line, column, why } of bad) {
    findings.problems.push(problemAt(ITEM_FACTORS_FILE, line, column, why));
  }

  const names = productNames(products);
  const lineOf = new Map<string, number>(); // product id → the line that gave its factors
  const known: { id: string; features: number[] }[] = [];
  const unknown: FactorLine[] = [];
  for (const read of good) {
    const id = names.get(read.id.toLowerCase());
    const earlier = id === undefined ? undefined : lineOf.get(id);
    if (id === undefined) unknown.push(read);
    else if (earlier !== undefined) {
      const named = read.id.toLowerCase() === id ? id : `"${read.id}" is ${id}, which`;
      findings.problems.push(
        problemAt(
          ITEM_FACTORS_FILE,
          read.line,
          'id',
          `${named} has factors on line ${earlier} already: one line per product.`,
        ),
      );
    } else {
      lineOf.set(id, read.line);
      known.push({ id, features: read.features });
    }
  }
  if (unknown.length)
    findings.warnings.push(unknownProducts(unknown.length, good.length, unknown[0]!));
  if (!known.length) return undefined;

  const factors = new Float32Array(known.length * rank);
  known.forEach(({ features }, row) => factors.set(features, row * rank));
  return { rank, itemIds: known.map((k) => k.id), factors };
}

/**
 * A 32-bit factor as the shortest decimal that reads back to the same number, or rounded to
 * `digits` significant digits. -0 stays -0, so that the bytes come back too.
 */
function decimal(value: number, digits: number | undefined): string {
  if (Object.is(value, -0)) return '-0';
  if (digits !== undefined) return String(Number(value.toPrecision(digits)));
  for (let p = 1; p < 9; p++) {
    const short = Number(value.toPrecision(p));
    if (Math.fround(short) === value) return String(short);
  }
  return String(Number(value.toPrecision(9))); // 9 digits name every 32-bit float
}

/**
 * Item factors as item-factors.jsonl, one line per product in their order: what Spark's
 * `itemFactors.write.json` writes, for the tests' round trip and for a shop that trains in Node.
 */
export function writeItemFactors(
  { rank, itemIds, factors }: ImportedItemFactors,
  options: { digits?: number } = {},
): string {
  return itemIds
    .map((id, row) => {
      const numbers = Array.from(factors.subarray(row * rank, (row + 1) * rank), (v) =>
        decimal(v, options.digits),
      );
      return `{"id":${JSON.stringify(id)},"features":[${numbers.join(',')}]}\n`;
    })
    .join('');
}
