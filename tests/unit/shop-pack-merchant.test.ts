// The shop pack reader on a Google Merchant Center feed: the fixture's products.tsv and
// products.xml hold the same products and must read the same; item_group_id variants, prices
// with their currency, and every bad item with its line and attribute.
import { describe, expect, it } from 'vitest';
import { readPack, type PackProblem } from '../../src/lib/shop/shared/pack';
import { packFiles } from './helpers/pack-files';

const TSV_ONLY = { omit: ['products.xml'] };
const XML_ONLY = { omit: ['products.tsv'] };

function readOk(changes: Parameters<typeof packFiles>[1]) {
  const result = readPack(packFiles('merchant', changes), { folderName: 'merchant' });
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(
  files: Record<string, string>,
): [number | undefined, string | undefined, string][] {
  const result = readPack(packFiles(null, { set: files }), { folderName: 'feed' });
  if (result.ok) throw new Error('the feed was read without problems');
  return result.problems.map((p: PackProblem) => [p.line, p.column, p.why]);
}

const HEADER = ['id', 'item_group_id', 'title', 'price', 'sale_price', 'color', 'size'];
const tsv = (...rows: string[][]) => [HEADER, ...rows].map((r) => r.join('\t')).join('\n');

describe('a Merchant Center feed', () => {
  const fromTsv = readOk(TSV_ONLY);
  const fromXml = readOk(XML_ONLY);

  it('reads the same products and pictures from the TSV and the XML', () => {
    expect(fromXml.pack.products).toEqual(fromTsv.pack.products);
    expect(fromXml.pack.pictures).toEqual(fromTsv.pack.pictures);
    // The fixture has no shop.json, so only the warning that it gives no contact details.
    const notContact = (w: PackProblem) => w.column !== 'contact';
    expect(fromTsv.warnings.filter(notContact)).toEqual([]);
    expect(fromXml.warnings.filter(notContact)).toEqual([]);
  });

  const { pack } = fromXml;

  it('makes items of one item_group_id the variants of one product, by color', () => {
    expect(pack.products.map((p) => p.id)).toEqual([
      'mug-stoneware',
      'linen-shirt',
      'tote-01',
      'sun-cat',
      'buds-2',
    ]);
    expect(pack.products[0]).toEqual({
      id: 'mug-stoneware',
      category: 'home',
      type: { en: 'Mugs', 'zh-CN': '马克杯' },
      name: { en: 'Stoneware Mug', 'zh-CN': '粗陶马克杯' },
      description: { en: 'Hand-glazed stoneware, 350 ml.', 'zh-CN': '手工上釉粗陶，350 毫升。' },
      brand: 'Kiln & Co',
      // The blue mug's sale price is the lowest; its regular price is the "was" price.
      priceCents: 950,
      compareAtCents: 1200,
      colours: ['red', 'blue'],
      tags: [],
      options: [{ name: { en: 'Color', 'zh-CN': '颜色' }, values: ['Red', 'Blue'] }],
      variants: [
        { sku: 'MUG-RED', values: ['Red'], priceCents: 1200 },
        { sku: 'MUG-BLUE', values: ['Blue'], priceCents: 950, compareAtCents: 1200 },
      ],
    });
  });

  it('uses color and size as two options where the items have both', () => {
    expect(pack.products[1]).toMatchObject({
      category: 'apparel', // google_product_category 212 (Shirts & Tops)
      priceCents: 4200,
      colours: ['white', 'beige'],
      options: [
        { name: { en: 'Color' }, values: ['White', 'Beige'] },
        { name: { en: 'Size' }, values: ['M', 'L'] },
      ],
    });
    expect(pack.products[1]!.variants!.map((v) => [v.sku, ...v.values])).toEqual([
      ['SHIRT-WHT-M', 'White', 'M'],
      ['SHIRT-WHT-L', 'White', 'L'],
      ['SHIRT-SND-M', 'Beige', 'M'],
      ['SHIRT-SND-L', 'Beige', 'L'],
    ]);
  });

  it('reads single items: colours split at "/", taxonomy ids, try-on, words in the title', () => {
    const [, , tote, sunglasses, earbuds] = pack.products;
    expect(tote).toMatchObject({ id: 'tote-01', category: 'bags', colours: ['beige', 'brown'] });
    expect(tote!.options).toBeUndefined();
    expect(sunglasses).toMatchObject({
      category: 'sunglasses',
      name: { 'zh-CN': '猫眼太阳镜' },
      tryOn: { kind: 'eyewear', frameShape: 'cat-eye' },
    });
    expect(earbuds).toMatchObject({ category: 'electronics', priceCents: 9900 });
  });

  it('lists image_link and additional_image_link, and each variant’s own picture', () => {
    expect(pack.pictures.map((p) => [p.productId, p.variantSku, p.source, p.position])).toEqual([
      ['mug-stoneware', undefined, 'images/mug-red.png', 1],
      ['mug-stoneware', 'MUG-RED', 'images/mug-red.png', 1],
      ['mug-stoneware', 'MUG-BLUE', 'images/mug-blue.png', 2],
      ['tote-01', undefined, 'images/tote.png', 1],
      ['tote-01', undefined, 'https://cdn.example.com/tote-inside.jpg', 2],
    ]);
  });

  it('takes the pack’s currency from the prices when shop.json gives none', () => {
    expect(pack.settings.currency).toBe('GBP');
    expect(pack.settings.locale).toBe('en');
  });
});

describe('a bad feed', () => {
  it('reports prices in another currency than shop.json’s', () => {
    const feed = tsv(['A-1', '', 'A', '12.00 GBP', '', '', '']);
    expect(problemsOf({ 'products.tsv': feed, 'shop.json': '{"currency":"CNY"}' })).toEqual([
      [2, 'price', "price is in GBP, but shop.json says the shop's currency is CNY."],
    ]);
  });

  it('reports mixed currencies, bad amounts and codes, with the line of each', () => {
    const feed = tsv(
      ['A-1', '', 'A', '12.00 GBP', '', '', ''],
      ['B-1', '', 'B', '14.00 EUR', '', '', ''],
      ['C-1', '', 'C', 'twelve GBP', '', '', ''],
      ['D-1', '', 'D', '10.00 XXQ', '', '', ''],
      ['E-1', '', 'E', '', '5.123 GBP', '', ''],
    );
    expect(problemsOf({ 'products.tsv': feed })).toEqual([
      [
        3,
        'price',
        'price is in EUR, but the prices before it are in GBP (line 2): a pack has one currency.',
      ],
      [4, 'price', 'price is not a number: "twelve GBP".'],
      [5, 'price', 'price is in "XXQ", which is not a currency code (ISO 4217, such as GBP).'],
      [6, 'price', 'price is empty.'],
      [6, 'sale_price', 'sale_price has more decimals than GBP has (2): "5.123".'],
    ]);
  });

  it('reports ids used twice, groups that cannot tell their items apart, and a missing color', () => {
    const feed = tsv(
      ['A-1', '', 'A', '1 GBP', '', '', ''],
      ['A-1', '', 'A again', '1 GBP', '', '', ''],
      ['B-1', 'bees', 'B', '1 GBP', '', '', ''],
      ['B-2', 'bees', 'B', '1 GBP', '', '', ''],
      ['C-1', 'cees', 'C', '1 GBP', '', 'Red', ''],
      ['C-2', 'cees', 'C', '1 GBP', '', '', ''],
      ['a-1', '', 'Same id, other case', '1 GBP', '', '', ''],
      ['', '', 'No id', '1 GBP', '', '', ''],
    );
    expect(problemsOf({ 'products.tsv': feed })).toEqual([
      [3, 'id', 'id "A-1" is used twice (also on line 2).'],
      [
        5,
        'item_group_id',
        'The items of item_group_id "bees" have no color or size to tell them apart.',
      ],
      [7, 'color', 'color is empty, but other items of item_group_id "cees" have one.'],
      [8, 'id', 'id "a-1" gives the product id "a-1", which the item on line 2 already has.'],
      [9, 'id', 'id is empty: every item needs its own id.'],
    ]);
  });

  it('reports an XML item’s problems at the line its <item> starts on', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>',
      '<item><g:id>ok-1</g:id><title>Fine</title><g:price>5.00 GBP</g:price></item>',
      '<item>',
      '  <g:id>bad-1</g:id>',
      '  <g:price>5.00 GBP</g:price>',
      '  <g:try_on>{"kind":"hat"</g:try_on>',
      '</item>',
      '</channel></rss>',
    ].join('\n');
    expect(problemsOf({ 'products.xml': xml })).toEqual([
      [4, 'title', 'title is empty.'],
      [4, 'try_on', 'try_on is not valid JSON: {"kind":"hat"'],
    ]);
  });

  it('says where an XML feed is not well-formed', () => {
    const xml = '<rss version="2.0"><channel>\n<item><g:id>x</g:id>\n</channel></rss>';
    expect(problemsOf({ 'products.xml': xml })).toEqual([
      [3, undefined, expect.stringMatching(/^products\.xml is not well-formed XML: /)],
    ]);
  });
});
