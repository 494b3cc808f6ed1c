/**
 * Reads a Shopify product CSV export (products.csv), the file most shops already have: several
 * rows per Handle, the first carrying the product (Title, Body (HTML), Vendor, Type, Tags, option
 * names…) and its first variant, later rows more variants and/or more pictures. Columns are found
 * by name whatever their order (the older names, "Variant Price", and the newer, "Price", alike);
 * "<Column> [zh-CN]" or "[en]" columns carry the second language. Drafts (Status draft or
 * archived) and unpublished products (Published FALSE) are left out. Every bad row is reported
 * with its line and column; nothing is half-read.
 */
import type { ProductOption, Variant } from '../../catalog/types';
import { COLOUR_COLUMN, TRY_ON_COLUMN } from './shopify-write';
import {
  SkuRegister,
  cell,
  checkCombinations,
  colourList,
  columnFinder,
  compareAt,
  currencyDigits,
  finishProducts,
  htmlToText,
  isBlankRow,
  isColourOption,
  localized,
  minorUnits,
  parseCsv,
  problemAt,
  productId,
  splitTags,
  translated,
  tryOnFrom,
  unique,
  type Column,
  type PictureDraft,
  type ProductDraft,
  type ProductsRead,
  type ReadyDraft,
  type ReadContext,
} from './rows';

/** The columns this reader uses, each under the names Shopify's exports have given it. */
const NAMES = {
  handle: ['Handle', 'URL handle'],
  title: ['Title'],
  body: ['Body (HTML)', 'Description'],
  vendor: ['Vendor'],
  type: ['Type'],
  category: ['Product Category'],
  googleCategory: ['Google Shopping / Google Product Category'],
  tags: ['Tags'],
  published: ['Published', 'Published on online store'],
  status: ['Status'],
  sku: ['Variant SKU', 'SKU'],
  price: ['Variant Price', 'Price'],
  compareAt: ['Variant Compare At Price', 'Compare-at price'],
  variantImage: ['Variant Image', 'Variant image URL'],
  imageSrc: ['Image Src', 'Product image URL'],
  imagePosition: ['Image Position'],
  imageAlt: ['Image Alt Text'],
  seoTitle: ['SEO Title'],
  seoDescription: ['SEO Description'],
  colour: [COLOUR_COLUMN],
  tryOn: [TRY_ON_COLUMN],
} as const;

type Key = keyof typeof NAMES;
const TRANSLATED = ['title', 'body', 'type', 'imageAlt', 'seoTitle', 'seoDescription'] as const;
const OPTION_COUNT = 3;

interface Columns {
  main: Record<Key, Column>;
  /** The second-language columns ("Title [zh-CN]"). */
  tr: Record<(typeof TRANSLATED)[number], Column>;
  options: { name: Column; nameTr: Column; value: Column }[];
}

function findColumns(header: readonly string[], ctx: ReadContext): Columns {
  const find = columnFinder(header);
  const main = Object.fromEntries(
    Object.entries(NAMES).map(([key, names]) => [key, find(names)]),
  ) as Record<Key, Column>;
  const tr = Object.fromEntries(
    TRANSLATED.map((key) => [key, find(translated(NAMES[key], ctx.locale))]),
  ) as Columns['tr'];
  const options = Array.from({ length: OPTION_COUNT }, (_, i) => ({
    name: find([`Option${i + 1} Name`]),
    nameTr: find(translated([`Option${i + 1} Name`], ctx.locale)),
    value: find([`Option${i + 1} Value`]),
  }));
  return { main, tr, options };
}

/** A row with its line, as a product's rows are kept until the product is built. */
interface Line {
  row: string[];
  line: number;
}

/** A product's rows, gathered by Handle. */
interface Group {
  handle: string;
  /** The product id; absent when the handle cannot be one (a problem already reported). */
  id?: string;
  rows: Line[];
}

/** A Shopify CSV has no currency: shop.json's, else the demo shop's. */
const DEFAULT_CURRENCY = 'CNY';

const isFalse = (text: string) => text.toLowerCase() === 'false';
const HIDDEN_STATUS = new Set(['draft', 'archived']);

export function readShopifyCsv(text: string, ctx: ReadContext): ProductsRead | undefined {
  const { file, findings } = ctx;
  const table = parseCsv(file, text, findings);
  if (!table) return undefined;
  const cols = findColumns(table.header, ctx);
  const missing = (['handle', 'title', 'price'] as const).filter((k) => cols.main[k].index < 0);
  for (const key of missing) {
    findings.problems.push(
      problemAt(
        file,
        1,
        undefined,
        `${file} has no "${NAMES[key][0]}" column (the header row names the columns).`,
      ),
    );
  }
  if (missing.length) return undefined;

  const currency = ctx.currency ?? DEFAULT_CURRENCY;
  const money = { currency, digits: currencyDigits(currency) ?? 2, skus: new SkuRegister() };
  const drafts = groupRows(table.rows, table.lines, cols, ctx).flatMap((group) => {
    const draft = productDraft(group, cols, ctx, money);
    return draft ? [draft] : [];
  });
  return { ...finishProducts(drafts, ctx), currency };
}

/** Rows by product, in the order products first appear; drafts and unpublished ones left out. */
function groupRows(rows: string[][], lines: number[], cols: Columns, ctx: ReadContext): Group[] {
  const { file, findings } = ctx;
  const { main } = cols;
  const groups = new Map<string, Group | 'skipped'>();
  rows.forEach((row, i) => {
    const line = lines[i]!;
    if (isBlankRow(row)) return;
    const handle = cell(row, main.handle);
    if (!handle) {
      findings.problems.push(
        problemAt(
          file,
          line,
          main.handle.name,
          `${main.handle.name} is empty: every row needs the handle of its product.`,
        ),
      );
      return;
    }
    const key = handle.toLowerCase();
    const group = groups.get(key);
    if (group === 'skipped') return;
    if (group) {
      group.rows.push({ row, line });
      return;
    }
    if (!cell(row, main.title) && !cell(row, main.seoTitle)) {
      findings.problems.push(
        problemAt(
          file,
          line,
          main.handle.name,
          `No product starts with ${main.handle.name} "${handle}": a product's first row needs its ${main.title.name}, and this row has none.`,
        ),
      );
      return;
    }
    const hidden =
      HIDDEN_STATUS.has(cell(row, main.status).toLowerCase()) || isFalse(cell(row, main.published));
    if (hidden) {
      groups.set(key, 'skipped');
      return;
    }
    const id = productId(handle, main.handle.name);
    if ('why' in id) findings.problems.push(problemAt(file, line, main.handle.name, id.why));
    groups.set(key, { handle, ...('value' in id ? { id: id.value } : {}), rows: [{ row, line }] });
  });
  return [...groups.values()].filter((g): g is Group => g !== 'skipped');
}

interface Money {
  currency: string;
  digits: number;
  skus: SkuRegister;
}

/** Whether a later row is a variant (rather than only another picture). */
function hasVariant(row: readonly string[], cols: Columns): boolean {
  const { main } = cols;
  return (
    [main.sku, main.price, main.compareAt].some((c) => cell(row, c)) ||
    cols.options.some((o) => cell(row, o.value))
  );
}

/** The product's options from its first row ("Title" / "Default Title" is no option at all). */
function optionsOf(
  first: Line,
  cols: Columns,
  ctx: ReadContext,
): { option: ProductOption; index: number }[] {
  const { row } = first;
  const only = cols.options[0]!;
  if (cell(row, only.name) === 'Title' && cell(row, only.value) === 'Default Title') return [];
  return cols.options.flatMap((o, index) => {
    const name = cell(row, o.name);
    const nameTr = cell(row, o.nameTr);
    return name || nameTr
      ? [{ option: { name: localized(name, nameTr, ctx.locale), values: [] }, index }]
      : [];
  });
}

function productDraft(
  group: Group,
  cols: Columns,
  ctx: ReadContext,
  money: Money,
): ReadyDraft | undefined {
  const { file, findings, locale } = ctx;
  const { main, tr } = cols;
  const first = group.rows[0]!;
  const id = group.id ?? group.handle;
  const before = findings.problems.length;
  const text = (key: (typeof TRANSLATED)[number]) =>
    [cell(first.row, main[key]), cell(first.row, tr[key])] as const;

  const [title, titleTr] = text('title');
  const [seoTitle, seoTitleTr] = text('seoTitle');
  const [body, bodyTr] = text('body');
  const [seoDescription, seoDescriptionTr] = text('seoDescription');
  const [type, typeTr] = text('type');
  const name = localized(title || seoTitle, titleTr || seoTitleTr, locale);
  const description = localized(
    htmlToText(body) || seoDescription,
    htmlToText(bodyTr) || seoDescriptionTr,
    locale,
  );

  // The first row always carries the first variant; a later row is a variant when it has
  // variant values, else it only adds a picture.
  const options = optionsOf(first, cols, ctx);
  const variantRows = group.rows
    .filter((r, i) => i === 0 || hasVariant(r.row, cols))
    .map((r, i) => ({ ...r, sku: cell(r.row, main.sku) || (i === 0 ? id : `${id}-${i + 1}`) }));
  const variants = variantRows.flatMap((r, i) => variantOf(r, i, id, options, cols, ctx, money));
  options.forEach(
    ({ option }, k) => (option.values = unique(variants.map((v) => v.values[k] ?? ''))),
  );

  const tryOnText = cell(first.row, main.tryOn);
  const tryOn = tryOnText ? tryOnFrom(tryOnText, main.tryOn.name) : undefined;
  if (tryOn && 'why' in tryOn) {
    findings.problems.push(problemAt(file, first.line, main.tryOn.name, tryOn.why));
  }

  const colourOption = options.find((o) => isColourOption(o.option.name));
  const colours = colourOption
    ? colourList(colourOption.option.values)
    : colourList(cell(first.row, main.colour).split(/[;,]/));

  const draft: ProductDraft = {
    id,
    name,
    description,
    brand: cell(first.row, main.vendor),
    ...(type || typeTr ? { type: localized(type, typeTr, locale) } : {}),
    typeKeys: [type, typeTr].filter(Boolean),
    taxonomy: cell(first.row, main.category) || cell(first.row, main.googleCategory),
    tags: splitTags(cell(first.row, main.tags)),
    colours,
    options: options.map((o) => o.option),
    variants,
    ...(tryOn && 'value' in tryOn ? { tryOn: tryOn.value } : {}),
  };
  const combinationColumn = cols.options[0]!.value.name;
  checkCombinations(draft, (i) => variantRows[i]!.line, file, combinationColumn, findings);
  const pictures = picturesOf(group.rows, variantRows, options.length > 0, cols, ctx);
  // A product with a problem is not built (nor is the pack), but all of it is still checked.
  return findings.problems.length > before ? undefined : { product: draft, pictures };
}

/** One variant row: its option values, SKU and prices, every problem reported. */
function variantOf(
  { row, line, sku }: Line & { sku: string },
  index: number,
  id: string,
  options: readonly { option: ProductOption; index: number }[],
  cols: Columns,
  ctx: ReadContext,
  money: Money,
): Variant[] {
  const { main } = cols;
  const problem = (column: string, why: string) =>
    ctx.findings.problems.push(problemAt(ctx.file, line, column, why));
  const firstName = cols.options[0]!.name.name;
  if (index > 0 && !options.length) {
    problem(
      firstName,
      `${id} has more than one variant row but no ${firstName}: name the option (Size, Color…) that tells them apart.`,
    );
  }
  const values: string[] = [];
  cols.options.forEach((o, i) => {
    const value = cell(row, o.value);
    const option = options.find((x) => x.index === i);
    if (option) values.push(value);
    if (option && !value) {
      problem(
        o.value.name,
        `${o.value.name} is empty: ${id} has the option "${option.option.name.en}", so each variant needs a value.`,
      );
    } else if (!option && value && !(i === 0 && value === 'Default Title')) {
      problem(o.value.name, `${o.value.name} is "${value}", but ${id} has no ${o.name.name}.`);
    }
  });

  const price = minorUnits(cell(row, main.price), money.digits, main.price.name, money.currency);
  if ('why' in price) problem(main.price.name, price.why);
  const compareText = cell(row, main.compareAt);
  const compare = compareText
    ? minorUnits(compareText, money.digits, main.compareAt.name, money.currency)
    : undefined;
  if (compare && 'why' in compare) problem(main.compareAt.name, compare.why);

  if (cell(row, main.sku)) {
    const earlier = money.skus.earlier(sku, line);
    if (earlier !== undefined) {
      problem(main.sku.name, `SKU "${sku}" is used twice (also on line ${earlier}).`);
    }
  }
  if ('why' in price || (compare && 'why' in compare)) return [];
  return [{ sku, values, priceCents: price.value, ...compareAt(price.value, compare?.value) }];
}

/** The product's pictures (Image Src, on any of its rows) and its variants' (Variant Image). */
function picturesOf(
  rows: readonly Line[],
  variantRows: readonly (Line & { sku: string })[],
  hasOptions: boolean,
  cols: Columns,
  ctx: ReadContext,
): PictureDraft[] {
  const { main, tr } = cols;
  const own = rows.flatMap(({ row, line }): PictureDraft[] => {
    const source = cell(row, main.imageSrc);
    if (!source) return [];
    const alt = cell(row, main.imageAlt);
    const altTr = cell(row, tr.imageAlt);
    const positionText = cell(row, main.imagePosition);
    const position = /^[1-9]\d*$/.test(positionText) ? Number(positionText) : undefined;
    if (positionText && position === undefined) {
      ctx.findings.problems.push(
        problemAt(
          ctx.file,
          line,
          main.imagePosition.name,
          `${main.imagePosition.name} is not a whole number from 1 up: "${positionText}".`,
        ),
      );
    }
    return [
      {
        source,
        ...(alt || altTr ? { alt: localized(alt, altTr, ctx.locale) } : {}),
        ...(position !== undefined ? { position } : {}),
        line,
        column: main.imageSrc.name,
      },
    ];
  });
  const variants = variantRows.flatMap(({ row, line, sku }): PictureDraft[] => {
    const source = cell(row, main.variantImage);
    if (!source) return [];
    // Without options the one variant is the product: its Variant Image is the product's own.
    const variant = hasOptions ? { variantSku: sku } : {};
    return [{ source, ...variant, line, column: main.variantImage.name }];
  });
  return [...own, ...variants];
}
