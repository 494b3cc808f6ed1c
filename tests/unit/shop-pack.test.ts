// The shop pack reader (src/lib/shop/shared/pack.ts) on a Shopify export: the fixture pack in
// tests/fixtures/shop-packs/shopify read into the app's products, pictures and settings; the bad
// pack's every problem with its file, line, column and reason; and the pack-level rules (one
// products file, shop.json, synonyms, the files carried through, the size limits and speed).
// ratings.csv, offers.json and faq.csv have tests of their own (shop-pack-ratings, -offers, -faq).
import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/lib/catalog/types';
import { readPack, type PackResult, type ShopPack } from '../../src/lib/shop/shared/pack';
import { MAX_ROWS, exceedsBytes } from '../../src/lib/shop/shared/rows';
import { writeShopifyCsv } from '../../src/lib/shop/shared/shopify-write';
import { packFiles } from './helpers/pack-files';

function read(folder: string | null, changes?: Parameters<typeof packFiles>[1]): PackResult {
  return readPack(packFiles(folder, changes), { folderName: folder ?? 'memory' });
}

function readOk(folder: string | null, changes?: Parameters<typeof packFiles>[1]) {
  const result = read(folder, changes);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(folder: string | null, changes?: Parameters<typeof packFiles>[1]) {
  const result = read(folder, changes);
  if (result.ok) throw new Error('the pack was read without problems');
  return result.problems;
}

const product = (pack: ShopPack, id: string): Product => {
  const found = pack.products.find((p) => p.id === id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
};

/** A one-product Shopify CSV, for the tests that bend one rule. */
const CSV_HEADER = 'Handle,Title,Title [en],Type,Variant SKU,Variant Price';

describe('a Shopify export (products.csv)', () => {
  const { pack, warnings } = readOk('shopify');

  it('reads every published product, in file order, and leaves out drafts and unpublished ones', () => {
    // winter-beanie (Status draft) has the price "abc": a left-out product's rows are not checked.
    expect(pack.products.map((p) => p.id)).toEqual([
      'red-cap',
      'classic-tee',
      'aviator-sunglasses',
      'jade-studs',
      'reading-specs',
      'velvet-lipstick',
      'desk-lamp',
    ]);
  });

  it('reads a one-variant product: text from HTML, both languages, tags, colours, try-on', () => {
    expect(product(pack, 'red-cap')).toEqual({
      id: 'red-cap',
      category: 'hats',
      type: { en: 'Caps', 'zh-CN': '帽子' },
      name: { en: 'Red Baseball Cap', 'zh-CN': '红色棒球帽' },
      description: {
        en: 'Six-panel cap in washed cotton & an adjustable strap.',
        'zh-CN': '水洗棉六片帽，可调节后扣。',
      },
      brand: 'Northway',
      priceCents: 1250,
      compareAtCents: 1500,
      colours: ['red'],
      tags: ['cotton', 'summer', 'sale'],
      tryOn: {
        kind: 'hat',
        style: 'cap',
        crownColour: '#c62f2f',
        brimColour: '#c62f2f',
        crownHeight: 0.4,
        brimWidth: 0.6,
      },
    });
  });

  it('reads a product with two options and four variants, priced from the cheapest', () => {
    const tee = product(pack, 'classic-tee');
    expect(tee.options).toEqual([
      { name: { en: 'Color', 'zh-CN': '颜色' }, values: ['Navy', 'White'] },
      { name: { en: 'Size', 'zh-CN': '尺码' }, values: ['S', 'M'] },
    ]);
    expect(tee.variants).toEqual([
      { sku: 'TEE-NAVY-S', values: ['Navy', 'S'], priceCents: 2000 },
      { sku: 'TEE-NAVY-M', values: ['Navy', 'M'], priceCents: 2000 },
      { sku: 'TEE-WHITE-S', values: ['White', 'S'], priceCents: 1800, compareAtCents: 2200 },
      { sku: 'TEE-WHITE-M', values: ['White', 'M'], priceCents: 1800, compareAtCents: 2200 },
    ]);
    expect(tee).toMatchObject({ priceCents: 1800, compareAtCents: 2200, category: 'apparel' });
    // The colour option's values are the colours; a body over several lines is one line of text.
    expect(tee.colours).toEqual(['navy', 'white']);
    expect(tee.description.en).toBe(
      'Soft organic cotton, relaxed fit. Machine wash Made in Portugal',
    );
  });

  it('gives each product its department: shop.json map, taxonomy, then words', () => {
    const departments = Object.fromEntries(pack.products.map((p) => [p.id, p.category]));
    expect(departments).toEqual({
      'red-cap': 'hats', // Type "Caps"
      'classic-tee': 'apparel', // Product Category "… > Clothing > Shirts & Tops"
      'aviator-sunglasses': 'sunglasses', // Product Category "… > Sunglasses" (Type "Aviators")
      'jade-studs': 'earrings', // Type [zh-CN] "耳钉"
      'reading-specs': 'glasses', // shop.json departments { "Reading Specs": "glasses" }
      'velvet-lipstick': 'lipsticks', // Product Category "… > Lip Makeup > Lipstick"
      'desk-lamp': 'home', // title "Brass Desk Lamp"
    });
  });

  it('repeats a text missing in one language, and lower-cases a handle into the id', () => {
    const studs = product(pack, 'jade-studs');
    expect(studs.name).toEqual({ en: 'Jade Stud Earrings', 'zh-CN': '翡翠耳钉' });
    expect(studs.type).toEqual({ en: '耳钉', 'zh-CN': '耳钉' });
    expect(studs.colours).toEqual(['green', 'silver']); // "绿色, Silver"
    const specs = product(pack, 'reading-specs');
    expect(specs.name).toEqual({ en: 'Tortoise Reading Specs', 'zh-CN': 'Tortoise Reading Specs' });
    expect(specs.colours).toEqual(['tortoise', 'gold']); // "Tortoise; Gold"
  });

  it('falls back to SEO Title and SEO Description', () => {
    expect(product(pack, 'desk-lamp')).toMatchObject({
      name: { en: 'Brass Desk Lamp', 'zh-CN': 'Brass Desk Lamp' },
      description: { en: 'A brass desk lamp with a warm LED bulb.' },
      priceCents: 6400,
    });
    expect(product(pack, 'desk-lamp').type).toBeUndefined();
  });

  it('reads an option named in both languages and prices from the cheaper shade', () => {
    expect(product(pack, 'velvet-lipstick')).toMatchObject({
      options: [{ name: { en: 'Shade', 'zh-CN': '色号' }, values: ['Ruby', 'Coral'] }],
      priceCents: 2200,
      tryOn: { kind: 'lipstick', finish: 'matte' },
    });
  });

  it('lists pictures as written (pack files, an https URL), with variant pictures and alt text', () => {
    expect(pack.pictures).toEqual([
      {
        productId: 'red-cap',
        source: 'images/red-cap.png',
        alt: { en: 'A red cap, seen from the front', 'zh-CN': '红色棒球帽正面' },
        position: 1,
      },
      {
        productId: 'classic-tee',
        source: 'images/tee-navy.png',
        alt: { en: 'Classic Organic Tee', 'zh-CN': '经典有机棉T恤' },
        position: 1,
      },
      {
        productId: 'classic-tee',
        source: 'images/tee-white.png',
        alt: { en: 'The tee in white', 'zh-CN': 'The tee in white' },
        position: 2,
      },
      ...['TEE-NAVY-S', 'TEE-NAVY-M'].map((variantSku) => ({
        productId: 'classic-tee',
        variantSku,
        source: 'images/tee-navy.png',
        alt: { en: 'Classic Organic Tee', 'zh-CN': '经典有机棉T恤' },
        position: 1,
      })),
      ...['TEE-WHITE-S', 'TEE-WHITE-M'].map((variantSku) => ({
        productId: 'classic-tee',
        variantSku,
        source: 'images/tee-white.png',
        alt: { en: 'The tee in white', 'zh-CN': 'The tee in white' },
        position: 2,
      })),
      {
        productId: 'aviator-sunglasses',
        source: 'images/aviator-front.png',
        alt: { en: 'Aviators, front', 'zh-CN': 'Aviators, front' },
        position: 1,
      },
      {
        productId: 'aviator-sunglasses',
        source: 'https://cdn.example.com/aviator-side.jpg',
        alt: { en: 'Aviators, side', 'zh-CN': 'Aviators, side' },
        position: 2,
      },
      {
        productId: 'desk-lamp',
        source: 'https://cdn.example.com/desk-lamp.jpg',
        alt: { en: 'A brass desk lamp', 'zh-CN': 'A brass desk lamp' },
        position: 1,
      },
    ]);
    expect(pack.products.every((p) => p.image === undefined)).toBe(true);
  });

  it('warns (without failing) about a picture that is neither in the pack nor a web address', () => {
    expect(warnings).toEqual([
      {
        file: 'products.csv',
        line: 13,
        column: 'Image Src',
        why: 'The picture "images/aviator-case.png" is neither a file in the pack nor an http(s) address: aviator-sunglasses gets a picture drawn on the device.',
      },
    ]);
  });

  it('reads shop.json, synonyms.txt, ratings.csv and offers.json', () => {
    expect(pack.settings).toMatchObject({
      name: { en: 'Northway Outfitters', 'zh-CN': '北路户外' },
      currency: 'GBP',
      locale: 'en',
      logo: 'images/logo.png',
      departments: { 'Reading Specs': 'glasses' },
    });
    expect(pack.synonyms).toEqual([
      ['tee', 't-shirt', 't恤'],
      ['cap', 'baseball cap', '棒球帽'],
      ['sunglasses', 'shades', '太阳镜', '墨镜'],
    ]);
    expect(pack.ratings?.itemIds).toEqual([
      'red-cap',
      'classic-tee',
      'aviator-sunglasses',
      'velvet-lipstick',
    ]);
    expect(pack.offers?.map((o) => o.id)).toEqual(['caps-10', 'free-shipping']);
    expect(pack.faq?.map((e) => e.intent)).toEqual(['gift-card', 'walking-club', 'kit-hire']);
  });
});

describe('a bad pack', () => {
  it('reports every bad row, each with its file, line, column and reason', () => {
    expect(problemsOf('bad')).toEqual([
      {
        file: 'products.csv',
        line: 3,
        column: 'Variant Price',
        why: 'Variant Price is empty.',
      },
      {
        file: 'products.csv',
        line: 4,
        column: 'Variant Price',
        why: 'Variant Price is not a number: "abc".',
      },
      {
        file: 'products.csv',
        line: 5,
        column: 'Handle',
        why: 'No product starts with Handle "ghost-shoes": a product\'s first row needs its Title, and this row has none.',
      },
      {
        file: 'products.csv',
        line: 6,
        column: 'Variant SKU',
        why: 'SKU "SCARF-1" is used twice (also on line 2).',
      },
      {
        file: 'products.csv',
        line: 7,
        column: 'Variant Compare At Price',
        why: 'Variant Compare At Price is not a number: "12.00x".',
      },
      {
        file: 'products.csv',
        line: 8,
        column: 'Try-on (product.metafields.private_aisle.try_on)',
        why: expect.stringMatching(
          /^Try-on .* cannot be used: frameShape must be one of round, .*, not "triangle"; frameColour is missing; /,
        ),
      },
    ]);
  });

  it('reports rows a product cannot have: option values without options, a second variant without one', () => {
    const csv = [
      'Handle,Title,Option1 Name,Option1 Value,Option2 Value,Variant SKU,Variant Price,Image Position,Image Src',
      'scarf,Scarf,Colour,Red,XL,SC-1,10,,',
      'scarf,,,Red,,SC-2,10,first,images/x.png',
      'scarf,,,,,SC-3,10,,',
      'plain,Plain,,,,PL-1,5,,',
      'plain,,,,,PL-2,5,,',
      'Bad Handle!,Oops,,,,BH-1,5,,',
    ].join('\n');
    const problems = problemsOf(null, { set: { 'products.csv': csv } });
    expect(problems.map((p) => [p.line, p.column, p.why])).toEqual([
      [2, 'Option2 Value', 'Option2 Value is "XL", but scarf has no Option2 Name.'],
      [3, 'Option1 Value', 'scarf has the variant Colour Red twice (also on line 2).'],
      [3, 'Image Position', 'Image Position is not a whole number from 1 up: "first".'],
      [
        4,
        'Option1 Value',
        'Option1 Value is empty: scarf has the option "Colour", so each variant needs a value.',
      ],
      [
        6,
        'Option1 Name',
        'plain has more than one variant row but no Option1 Name: name the option (Size, Color…) that tells them apart.',
      ],
      [
        7,
        'Handle',
        'Handle "Bad Handle!" may hold only letters a–z, digits, "-" and "_", and must start with a letter or digit.',
      ],
    ]);
  });

  it('counts lines as the file does, quoted line breaks included', () => {
    const csv = `${CSV_HEADER}\n"a",A,,"multi\nline\ntype",A-1,1\nb,B,,,B-1,x\n`;
    expect(problemsOf(null, { set: { 'products.csv': csv } })).toEqual([
      {
        file: 'products.csv',
        line: 5,
        column: 'Variant Price',
        why: 'Variant Price is not a number: "x".',
      },
    ]);
  });

  it('says where a quoted value is never closed', () => {
    const csv = 'Handle,Title,Variant Price\na,A,1\nb,"B unclosed,2\nc,C,3\n';
    expect(problemsOf(null, { set: { 'products.csv': csv } })[0]).toEqual({
      file: 'products.csv',
      line: 3,
      why: 'A quoted value is never closed: a " is missing, so the rest of the file runs into it.',
    });
  });

  it('names a column the file lacks', () => {
    expect(problemsOf(null, { set: { 'products.csv': 'Handle,Title\na,A\n' } })).toEqual([
      {
        file: 'products.csv',
        line: 1,
        why: 'products.csv has no "Variant Price" column (the header row names the columns).',
      },
    ]);
  });
});

describe('the pack as a whole', () => {
  it('needs exactly one products file', () => {
    expect(problemsOf(null, { set: { 'shop.json': '{}' } })).toEqual([
      {
        file: 'products.csv',
        why: 'The pack has no products file: add products.csv (a Shopify export), products.tsv or products.xml (a Google Merchant Center feed).',
      },
    ]);
    expect(problemsOf('merchant')).toEqual([
      {
        file: 'products.tsv',
        why: 'The pack has products.tsv, products.xml: keep only one products file.',
      },
    ]);
  });

  it('reports shop.json problems with the file, and every other problem too', () => {
    const problems = problemsOf('shopify', {
      set: {
        'shop.json': JSON.stringify({ currency: 'Pounds', checkout: 'sometimes' }),
        'synonyms.txt': 'tee, t-shirt\nlonely\n# fine\na => b\n',
      },
    });
    expect(problems).toEqual([
      { file: 'shop.json', column: 'currency', why: expect.stringMatching(/ISO 4217/) },
      { file: 'shop.json', column: 'checkout', why: expect.stringMatching(/till/) },
      {
        file: 'synonyms.txt',
        line: 2,
        why: 'This line has only one word ("lonely"): a synonym line needs at least two, separated by commas.',
      },
      {
        file: 'synonyms.txt',
        line: 4,
        why: 'One-way mappings ("a => b") are not supported: list words that mean the same, separated by commas.',
      },
    ]);
  });

  it('says where shop.json is not JSON', () => {
    const [problem] = problemsOf('shopify', { set: { 'shop.json': '{\n  "currency": "GBP",\n}' } });
    expect(problem).toMatchObject({
      file: 'shop.json',
      why: expect.stringMatching(/not valid JSON/),
    });
  });

  it('refuses both FAQ files (faq.csv and faq.json have tests of their own: shop-pack-faq)', () => {
    expect(problemsOf('shopify', { set: { 'faq.json': '[]' } })).toContainEqual({
      file: 'faq.json',
      why: 'The pack has both faq.csv and faq.json: keep only one.',
    });
  });

  it('uses the app’s own logo (a warning) when the named one is not in the pack', () => {
    const { pack, warnings } = readOk('shopify', { omit: ['images/logo.png'] });
    expect(pack.settings.logo).toBeUndefined();
    expect(warnings.map((w) => [w.file, w.column])).toContainEqual(['shop.json', 'logo']);
  });

  it('reads a pack without shop.json: English main columns, prices in CNY', () => {
    const csv = `${CSV_HEADER}\nmug,Mug,,Mugs,M-1,12.5\n`;
    const { pack } = readOk(null, { set: { 'products.csv': csv } });
    expect(pack.settings).toMatchObject({ currency: 'CNY', locale: 'en', name: { en: 'memory' } });
    expect(product(pack, 'mug')).toMatchObject({ priceCents: 1250, category: 'home' });
  });

  it('reads Chinese main columns with English translations when shop.json says zh-CN', () => {
    const csv = `${CSV_HEADER}\nmug,马克杯,Mug,杯子,M-1,30\n`;
    const { pack } = readOk(null, {
      set: { 'products.csv': csv, 'shop.json': '{"locale":"zh-CN"}' },
    });
    expect(product(pack, 'mug').name).toEqual({ en: 'Mug', 'zh-CN': '马克杯' });
    expect(pack.settings.locale).toBe('zh-CN');
  });

  it('prices in the currency’s minor unit: yen have none', () => {
    const csv = `${CSV_HEADER}\nfan,Fan,,Home,F-1,1200\nbowl,Bowl,,Home,B-1,800.00\ncup,Cup,,Home,C-1,99.5\n`;
    const shop = { 'shop.json': '{"currency":"JPY"}' };
    const problems = problemsOf(null, { set: { 'products.csv': csv, ...shop } });
    expect(problems.map((p) => [p.line, p.why])).toEqual([
      [4, 'Variant Price has more decimals than JPY has (0): "99.5".'],
    ]);
    const { pack } = readOk(null, { set: { 'products.csv': csv.split('\ncup')[0]!, ...shop } });
    expect(pack.products.map((p) => p.priceCents)).toEqual([1200, 800]);
  });

  it('takes the Variant Image of a product without options as the product’s picture', () => {
    const csv = `${CSV_HEADER},Variant Image\nmug,Mug,,Mugs,M-1,12,images/mug.png\n`;
    const { pack } = readOk(null, { set: { 'products.csv': csv, 'images/mug.png': '' } });
    expect(pack.pictures).toEqual([
      {
        productId: 'mug',
        source: 'images/mug.png',
        alt: { en: 'Mug', 'zh-CN': 'Mug' },
        position: 1,
      },
    ]);
  });

  it('reads the newer Shopify column names too ("URL handle", "Price", "Description")', () => {
    const csv =
      'URL handle,Title,Description,Price,SKU,Status\nhat,Hat,<b>Warm</b> hat,15.00,H-1,active\n';
    const { pack } = readOk(null, { set: { 'products.csv': csv } });
    expect(pack.products).toEqual([
      expect.objectContaining({
        id: 'hat',
        category: 'hats',
        description: { en: 'Warm hat', 'zh-CN': 'Warm hat' },
        priceCents: 1500,
      }),
    ]);
  });
});

describe('limits', () => {
  it('refuses a products file with more rows than a pack may hold', () => {
    const rows = 'a,A,,,,1\n'.repeat(MAX_ROWS + 1);
    expect(problemsOf(null, { set: { 'products.csv': `${CSV_HEADER}\n${rows}` } })).toEqual([
      {
        file: 'products.csv',
        why: 'products.csv has more than 500,000 rows, more than a pack may hold.',
      },
    ]);
  });

  it('measures a file in UTF-8 bytes against the 200 MB limit', () => {
    expect(exceedsBytes('abc', 3)).toBe(false);
    expect(exceedsBytes('abcd', 3)).toBe(true);
    expect(exceedsBytes('口红', 6)).toBe(false); // 3 bytes each
    expect(exceedsBytes('口红', 5)).toBe(true);
    expect(exceedsBytes('😀', 4)).toBe(false); // a surrogate pair: 4 bytes
  });

  // How fast is the bench's business (npm run bench:catalog); this checks the reading at scale.
  it('reads 20,000 Shopify rows, every product with its variants', () => {
    const products: Product[] = [];
    for (let i = 0; products.length < 10_000; i++) {
      const id = `tee-${i}`;
      products.push({
        id,
        category: 'apparel',
        type: { en: 'T-Shirts', 'zh-CN': 'T恤' },
        name: { en: `Tee ${i}`, 'zh-CN': `T恤 ${i}` },
        description: { en: 'A soft tee, <b>organic</b> cotton.', 'zh-CN': '柔软的有机棉T恤。' },
        brand: 'Northway',
        priceCents: 1990,
        colours: ['navy'],
        tags: ['cotton', 'basics'],
        options: [{ name: { en: 'Size', 'zh-CN': '尺码' }, values: ['S', 'M'] }],
        variants: ['S', 'M'].map((size) => ({
          sku: `${id}-${size}`,
          values: [size],
          priceCents: 1990,
        })),
      });
    }
    const csv = writeShopifyCsv(products, { locale: 'en', fractionDigits: 2 });
    const { pack } = readOk(null, { set: { 'products.csv': csv } });
    expect(pack.products).toHaveLength(10_000);
    expect(pack.products[0]!.variants).toHaveLength(2);
    expect(pack.products.at(-1)).toEqual(products.at(-1));
  }, 60_000);
});
