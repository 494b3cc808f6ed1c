/**
 * Reads a Google Merchant Center product feed, the other file most shops can export: a TSV
 * (products.tsv, a header row of attribute names) or an RSS 2.0 XML feed (products.xml, "g:"
 * attributes). One item per purchasable thing; items that share an item_group_id are the
 * variants of one product, told apart by color and size. Prices carry their currency
 * ("12.00 GBP"): it must be shop.json's, or, where shop.json gives none, one for the whole feed.
 * The second language: "title [zh-CN]" columns in a TSV, an element repeated with
 * xml:lang="zh-CN" in XML. Every bad item is reported with its line and attribute.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Localized, ProductOption, Variant } from '../../catalog/types';
import {
  SkuRegister,
  colourList,
  columnFinder,
  compareAt,
  currencyDigits,
  finishProducts,
  htmlToText,
  isBlankRow,
  localized,
  minorUnits,
  parseTsv,
  problemAt,
  productId,
  tooManyRows,
  translated,
  tryOnFrom,
  unique,
  MAX_ROWS,
  OTHER_LOCALE,
  type Checked,
  type PictureDraft,
  type ProductDraft,
  type ProductsRead,
  type ReadyDraft,
  type ReadContext,
} from './rows';

/** The attributes this reader uses; others are ignored. try_on is the pack's own. */
const ATTRIBUTES = [
  'id',
  'title',
  'description',
  'image_link',
  'additional_image_link',
  'price',
  'sale_price',
  'brand',
  'google_product_category',
  'product_type',
  'color',
  'size',
  'item_group_id',
  'try_on',
] as const;
type Attribute = (typeof ATTRIBUTES)[number];
const TRANSLATED = ['title', 'description', 'product_type'] as const;
type Translated = (typeof TRANSLATED)[number];

/** One feed item, whichever file it came from. */
interface Item {
  line: number;
  values: Partial<Record<Attribute, string[]>>;
  translations: Partial<Record<Translated, string>>;
}

const first = (item: Item, attribute: Attribute): string => item.values[attribute]?.[0] ?? '';

const OPTIONS: { attribute: 'color' | 'size'; name: Localized }[] = [
  { attribute: 'color', name: { en: 'Color', 'zh-CN': '颜色' } },
  { attribute: 'size', name: { en: 'Size', 'zh-CN': '尺码' } },
];

// ---------------------------------------------------------------------------------------------
// Files to items
// ---------------------------------------------------------------------------------------------

/** products.tsv: one item a line; additional_image_link may list several, comma-separated. */
export function readMerchantTsv(text: string, ctx: ReadContext): ProductsRead | undefined {
  const table = parseTsv(ctx.file, text, ctx.findings);
  if (!table) return undefined;
  const find = columnFinder(table.header);
  const column = (names: string[]) => find([...names, ...names.map((n) => `g:${n}`)]);
  const columns = ATTRIBUTES.map((a) => [a, column([a])] as const);
  const translations = TRANSLATED.map((a) => [a, column(translated([a], ctx.locale))] as const);
  const items: Item[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const item: Item = { line: table.lines[i]!, values: {}, translations: {} };
    for (const [attribute, col] of columns) {
      const value = (row[col.index] ?? '').trim();
      if (col.index < 0 || !value) continue;
      item.values[attribute] =
        attribute === 'additional_image_link'
          ? unique(value.split(',').map((v) => v.trim()))
          : [value];
    }
    for (const [attribute, col] of translations) {
      const value = (row[col.index] ?? '').trim();
      if (col.index >= 0 && value) item.translations[attribute] = value;
    }
    items.push(item);
  });
  return readItems(items, ctx);
}

type XmlNode = string | number | boolean | { [key: string]: unknown };

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** An element's text and language ("@_lang", once the "xml:" prefix is removed). */
function elementText(node: unknown): { text: string; lang?: string } {
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
    return { text: String(node).trim() };
  }
  if (typeof node !== 'object' || node === null) return { text: '' };
  const record = node as Record<string, unknown>;
  const text = record['#text'];
  const lang = record['@_lang'] ?? record['@_xml:lang'];
  return {
    text: typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '',
    ...(typeof lang === 'string' ? { lang } : {}),
  };
}

/** The 1-based line of each <item> (or Atom <entry>) start tag, in document order. */
function itemLines(text: string, tag: 'item' | 'entry'): number[] {
  const lines: number[] = [];
  const start = new RegExp(`<${tag}[\\s>/]`, 'g');
  let line = 1;
  let from = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    for (
      let i = text.indexOf('\n', from);
      i >= 0 && i < match.index;
      i = text.indexOf('\n', i + 1)
    ) {
      line++;
    }
    from = match.index;
    lines.push(line);
  }
  return lines;
}

/** products.xml: RSS 2.0 (<rss><channel><item>) or Atom (<feed><entry>), "g:" attributes. */
export function readMerchantXml(text: string, ctx: ReadContext): ProductsRead | undefined {
  const { file, findings } = ctx;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    findings.problems.push(
      problemAt(
        file,
        valid.err.line,
        undefined,
        `${file} is not well-formed XML: ${valid.err.msg}`,
      ),
    );
    return undefined;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const doc = parser.parse(text) as Record<string, XmlNode>;
  const rss = doc['rss'] as Record<string, unknown> | undefined;
  const channel = asList(rss?.['channel'])[0] as Record<string, unknown> | undefined;
  const atom = doc['feed'] as Record<string, unknown> | undefined;
  const tag = channel ? 'item' : 'entry';
  const nodes = asList(channel ? channel['item'] : atom?.['entry']);
  if (!channel && !atom) {
    findings.problems.push(
      problemAt(
        file,
        1,
        undefined,
        `${file} is not a product feed: it needs <rss><channel><item> elements (RSS 2.0).`,
      ),
    );
    return undefined;
  }
  if (nodes.length > MAX_ROWS) {
    findings.problems.push(tooManyRows(file));
    return undefined;
  }
  const lines = itemLines(text, tag);
  const other = OTHER_LOCALE[ctx.locale].toLowerCase();
  const items = nodes.map((node, i): Item => {
    const item: Item = { line: lines[i] ?? 1, values: {}, translations: {} };
    const element = (typeof node === 'object' && node !== null ? node : {}) as Record<
      string,
      unknown
    >;
    for (const attribute of ATTRIBUTES) {
      const texts = asList(element[attribute]).map(elementText);
      const main = texts
        .filter((t) => t.text && t.lang?.toLowerCase() !== other)
        .map((t) => t.text);
      if (main.length) item.values[attribute] = main;
      const translation = texts.find((t) => t.text && t.lang?.toLowerCase() === other);
      if (translation && (TRANSLATED as readonly string[]).includes(attribute)) {
        item.translations[attribute as Translated] = translation.text;
      }
    }
    return item;
  });
  return readItems(items, ctx);
}

// ---------------------------------------------------------------------------------------------
// Items to products
// ---------------------------------------------------------------------------------------------

/** The feed's one currency: shop.json's, or the first price's where shop.json gives none. */
interface Currency {
  declared?: string;
  feed?: { code: string; line: number };
}

const AMOUNT_CODE = /^(\d*\.?\d*)\s*([A-Za-z]{3})$/;
const CODE_AMOUNT = /^([A-Za-z]{3})\s*(\d*\.?\d*)$/;

/** "12.00 GBP" or "GBP 12.00" as its amount and currency code; a bare number has no code. */
function splitPrice(text: string): { amount: string; code?: string } {
  const after = AMOUNT_CODE.exec(text);
  if (after) return { amount: after[1]!, code: after[2]!.toUpperCase() };
  const before = CODE_AMOUNT.exec(text);
  if (before) return { amount: before[2]!, code: before[1]!.toUpperCase() };
  return { amount: text };
}

/** A feed price in minor units, its currency checked against the pack's. */
function priceOf(text: string, column: string, line: number, currency: Currency): Checked<number> {
  if (!text) return { why: `${column} is empty.` };
  const { amount, code: written } = splitPrice(text);
  const code = written ?? currency.declared ?? currency.feed?.code;
  if (!code) {
    return {
      why: `${column} has no currency: write it as "${text} GBP", with the shop's currency code.`,
    };
  }
  const digits = currencyDigits(code);
  if (digits === undefined) {
    return {
      why: `${column} is in "${code}", which is not a currency code (ISO 4217, such as GBP).`,
    };
  }
  if (currency.declared && code !== currency.declared) {
    return {
      why: `${column} is in ${code}, but shop.json says the shop's currency is ${currency.declared}.`,
    };
  }
  if (currency.feed && code !== currency.feed.code) {
    return {
      why: `${column} is in ${code}, but the prices before it are in ${currency.feed.code} (line ${currency.feed.line}): a pack has one currency.`,
    };
  }
  const minor = minorUnits(amount, digits, column, code);
  if ('value' in minor && !currency.declared) currency.feed ??= { code, line };
  return minor;
}

/** Items gathered by product: item_group_id, else id (lower case). */
interface Group {
  key: string;
  grouped: boolean;
  items: Item[];
}

function groupItems(items: readonly Item[], ctx: ReadContext, skus: SkuRegister): Group[] {
  const { file, findings } = ctx;
  const groups = new Map<string, Group>();
  for (const item of items) {
    const id = first(item, 'id');
    if (!id) {
      findings.problems.push(
        problemAt(file, item.line, 'id', 'id is empty: every item needs its own id.'),
      );
      continue;
    }
    const earlier = skus.earlier(id, item.line);
    if (earlier !== undefined) {
      findings.problems.push(
        problemAt(file, item.line, 'id', `id "${id}" is used twice (also on line ${earlier}).`),
      );
      continue;
    }
    const groupId = first(item, 'item_group_id');
    const attribute = groupId ? 'item_group_id' : 'id';
    const checked = productId(groupId || id, attribute);
    if ('why' in checked) {
      findings.problems.push(problemAt(file, item.line, attribute, checked.why));
      continue;
    }
    const group = groups.get(checked.value);
    if (!group) {
      groups.set(checked.value, { key: checked.value, grouped: Boolean(groupId), items: [item] });
    } else if (group.grouped && groupId) {
      group.items.push(item);
    } else {
      findings.problems.push(
        problemAt(
          file,
          item.line,
          attribute,
          `${attribute} "${groupId || id}" gives the product id "${checked.value}", which the item on line ${group.items[0]!.line} already has.`,
        ),
      );
    }
  }
  return [...groups.values()];
}

/** The last part of a product_type path: "Home > Kitchen > Mugs" → "Mugs". */
const leaf = (path: string): string => path.split('>').pop()?.trim() ?? '';

function readItems(items: readonly Item[], ctx: ReadContext): ProductsRead {
  const currency: Currency = ctx.currency ? { declared: ctx.currency } : {};
  const drafts = groupItems(items, ctx, new SkuRegister()).flatMap((group) => {
    const draft = productDraft(group, ctx, currency);
    return draft ? [draft] : [];
  });
  const code = currency.declared ?? currency.feed?.code;
  return { ...finishProducts(drafts, ctx), ...(code ? { currency: code } : {}) };
}

function productDraft(group: Group, ctx: ReadContext, currency: Currency): ReadyDraft | undefined {
  const { file, findings, locale } = ctx;
  const before = findings.problems.length;
  const problem = (line: number, column: string, why: string) =>
    findings.problems.push(problemAt(file, line, column, why));
  const head = group.items[0]!;

  const title = first(head, 'title');
  if (!title && !head.translations.title) problem(head.line, 'title', 'title is empty.');
  const productType = first(head, 'product_type');
  const productTypeTr = head.translations.product_type ?? '';
  const type = localized(leaf(productType), leaf(productTypeTr), locale);

  // Variants: color and size tell the items of a group apart, where any item has them.
  const options: (typeof OPTIONS)[number][] = group.grouped
    ? OPTIONS.filter((o) => group.items.some((item) => first(item, o.attribute)))
    : [];
  if (group.items.length > 1 && !options.length) {
    problem(
      group.items[1]!.line,
      'item_group_id',
      `The items of item_group_id "${group.key}" have no color or size to tell them apart.`,
    );
  }
  const variants = group.items.flatMap((item): Variant[] => {
    const values = options.map((o) => first(item, o.attribute));
    options.forEach((o, i) => {
      if (!values[i]) {
        problem(
          item.line,
          o.attribute,
          `${o.attribute} is empty, but other items of item_group_id "${group.key}" have one.`,
        );
      }
    });
    const price = priceOf(first(item, 'price'), 'price', item.line, currency);
    if ('why' in price) problem(item.line, 'price', price.why);
    const saleText = first(item, 'sale_price');
    const sale = saleText ? priceOf(saleText, 'sale_price', item.line, currency) : undefined;
    if (sale && 'why' in sale) problem(item.line, 'sale_price', sale.why);
    if ('why' in price || (sale && 'why' in sale)) return [];
    const onSale = sale && sale.value < price.value;
    const priceCents = onSale ? sale.value : price.value;
    return [
      {
        sku: first(item, 'id'),
        values,
        priceCents,
        ...compareAt(priceCents, onSale ? price.value : undefined),
      },
    ];
  });
  const productOptions: ProductOption[] = options.map((o, i) => ({
    name: o.name,
    values: unique(variants.map((v) => v.values[i] ?? '')),
  }));

  const tryOnText = first(head, 'try_on');
  const tryOn = tryOnText ? tryOnFrom(tryOnText, 'try_on') : undefined;
  if (tryOn && 'why' in tryOn) problem(head.line, 'try_on', tryOn.why);

  const name = localized(title, head.translations.title ?? '', locale);
  const product: ProductDraft = {
    id: group.key,
    name,
    description: localized(
      htmlToText(first(head, 'description')),
      htmlToText(head.translations.description ?? ''),
      locale,
    ),
    brand: first(head, 'brand'),
    ...(type.en ? { type } : {}),
    typeKeys: unique([leaf(productType), productType, leaf(productTypeTr), productTypeTr]),
    taxonomy: first(head, 'google_product_category'),
    tags: [],
    colours: colourList(group.items.flatMap((item) => first(item, 'color').split('/'))),
    options: productOptions,
    variants,
    ...(tryOn && 'value' in tryOn ? { tryOn: tryOn.value } : {}),
  };
  if (findings.problems.length > before) return undefined;
  return { product, pictures: picturesOf(group, options.length > 0) };
}

/** The first item's image_link and additional_image_link; each variant's own image_link. */
function picturesOf(group: Group, hasVariants: boolean): PictureDraft[] {
  const head = group.items[0]!;
  const own: PictureDraft[] = [
    ...(head.values.image_link ?? [])
      .slice(0, 1)
      .map((source) => ({ source, column: 'image_link' })),
    ...(head.values.additional_image_link ?? []).map((source) => ({
      source,
      column: 'additional_image_link',
    })),
  ].map((p) => ({ ...p, line: head.line }));
  const variants: PictureDraft[] = hasVariants
    ? group.items.flatMap((item) =>
        (item.values.image_link ?? []).slice(0, 1).map((source) => ({
          source,
          variantSku: first(item, 'id'),
          line: item.line,
          column: 'image_link',
        })),
      )
    : [];
  return [...own, ...variants];
}
