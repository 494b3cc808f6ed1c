// The pack reader's small parts on their own: HTML to text, prices in minor units, colours,
// departments (shop map, taxonomy, words in two languages), synonyms and try-on JSON.
import { describe, expect, it } from 'vitest';
import {
  department,
  taxonomyDepartment,
  wordsDepartment,
} from '../../src/lib/shop/shared/departments';
import {
  colourList,
  htmlToText,
  localized,
  minorUnits,
  splitTags,
  tryOnFrom,
} from '../../src/lib/shop/shared/rows';
import { parseSynonyms } from '../../src/lib/shop/shared/synonyms';

describe('text', () => {
  it('reduces HTML to plain text without a DOM', () => {
    expect(
      htmlToText(
        '<h2>Fit</h2><p>Relaxed&nbsp;fit,<br>true to size &mdash; 100% <b>cotton</b>.</p>' +
          '<style>p{color:red}</style><script>alert(1)</script><!-- note -->' +
          '<p>Price &lt; &pound;20 &amp; &#8364;25 &#x2713; &unknown;</p>',
      ),
    ).toBe('Fit Relaxed fit, true to size — 100% cotton. Price < £20 & €25 ✓ &unknown;');
    expect(htmlToText('  plain   text\n  over lines ')).toBe('plain text over lines');
    expect(htmlToText('3 < 5 and 7 > 6')).toBe('3 < 5 and 7 > 6');
  });

  it('repeats a text missing in one language', () => {
    expect(localized('Mug', '', 'en')).toEqual({ en: 'Mug', 'zh-CN': 'Mug' });
    expect(localized('', '杯子', 'en')).toEqual({ en: '杯子', 'zh-CN': '杯子' });
    expect(localized('杯子', 'Mug', 'zh-CN')).toEqual({ en: 'Mug', 'zh-CN': '杯子' });
  });

  it('splits tags at commas, lower case, each once', () => {
    expect(splitTags(' Summer, SALE,,summer , Linen ')).toEqual(['summer', 'sale', 'linen']);
  });
});

describe('prices', () => {
  const cents = (text: string, digits = 2) => minorUnits(text, digits, 'Variant Price', 'GBP');

  it('turns decimal text into minor units without floating-point error', () => {
    expect(cents('12.5')).toEqual({ value: 1250 });
    expect(cents('12.50')).toEqual({ value: 1250 });
    expect(cents('0.29')).toEqual({ value: 29 });
    expect(cents('19.99')).toEqual({ value: 1999 });
    expect(cents('.5')).toEqual({ value: 50 });
    expect(cents('1200', 0)).toEqual({ value: 1200 });
    expect(cents('1200.00', 0)).toEqual({ value: 1200 });
  });

  it('says why a price cannot be read', () => {
    expect(cents('')).toEqual({ why: 'Variant Price is empty.' });
    expect(cents('abc')).toEqual({ why: 'Variant Price is not a number: "abc".' });
    expect(cents('1,200.00')).toEqual({ why: 'Variant Price is not a number: "1,200.00".' });
    expect(cents('-3')).toEqual({ why: 'Variant Price is negative: "-3".' });
    expect(cents('1.005')).toEqual({
      why: 'Variant Price has more decimals than GBP has (2): "1.005".',
    });
  });
});

describe('colours', () => {
  it('matches the catalog’s colours by key or by either language’s name', () => {
    expect(colourList(['Navy', '藏青色', 'Rose gold', 'GRAY', 'Teal', 'Mauve', ' '])).toEqual([
      'navy',
      'rose-gold',
      'grey',
      'teal',
      'mauve',
    ]);
  });

  it('skips Shopify metaobject references it cannot resolve', () => {
    expect(colourList(['gid://shopify/Metaobject/123', 'Red'])).toEqual(['red']);
  });
});

describe('departments', () => {
  it('reads Google taxonomy ids, "id - path" and paths', () => {
    const cases: [string, string | undefined][] = [
      ['178', 'sunglasses'],
      ['524', 'glasses'],
      ['173', 'hats'],
      ['194', 'earrings'],
      ['3021', 'lipsticks'],
      ['2645', 'lipsticks'],
      ['1604', 'apparel'],
      ['187', 'shoes'],
      ['3032', 'bags'],
      ['222', 'electronics'],
      ['536', 'home'],
      ['999999', undefined],
      ['178 - Apparel & Accessories > Clothing Accessories > Sunglasses', 'sunglasses'],
      ['Health & Beauty > Personal Care > Vision Care > Eyeglasses', 'glasses'],
      ['Apparel & Accessories > Jewelry > Earrings', 'earrings'],
      ['Apparel & Accessories > Clothing > Outerwear > Coats & Jackets', 'apparel'],
      ['Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs', 'home'],
      ['Electronics > Video > Video Accessories > 3D Glasses', 'electronics'],
      ['Luggage & Bags > Backpacks', 'bags'],
      ['Apparel & Accessories > Jewelry > Rings', undefined],
      ['gid://shopify/TaxonomyCategory/aa-2-27', undefined],
    ];
    for (const [taxonomy, expected] of cases) {
      expect([taxonomy, taxonomyDepartment(taxonomy)]).toEqual([taxonomy, expected]);
    }
  });

  it('reads words in English and Chinese', () => {
    const cases: [string, string | undefined][] = [
      ['Polarised Sunglasses', 'sunglasses'],
      ['墨镜', 'sunglasses'],
      ['太阳镜', 'sunglasses'],
      ['Reading glasses', 'glasses'],
      ['眼镜', 'glasses'],
      ['Wine glasses', 'home'],
      ['Bucket hat', 'hats'],
      ['棒球帽', 'hats'],
      ['连帽衫', 'apparel'],
      ['Hoop earrings', 'earrings'],
      ['耳钉', 'earrings'],
      ['Lip gloss', 'lipsticks'],
      ['唇膏', 'lipsticks'],
      ['Trainers', 'shoes'],
      ['运动鞋', 'shoes'],
      ['Backpack', 'bags'],
      ['手提包', 'bags'],
      ['面包机', undefined],
      ['Linen trousers', 'apparel'],
      ['毛衣', 'apparel'],
      ['Wireless earbuds', 'electronics'],
      ['蓝牙耳机', 'electronics'],
      ['Stoneware mug', 'home'],
      ['Laptop', 'electronics'],
      ['Other', 'other'],
      ['Gift card', undefined],
    ];
    for (const [text, expected] of cases) {
      expect([text, wordsDepartment(text)]).toEqual([text, expected]);
    }
  });

  it('takes the shop’s own map first, then the taxonomy, then the type’s words, then the title’s', () => {
    const hints = {
      types: ['Reading Specs'],
      taxonomy: '178',
      texts: ['Reading Specs', 'Gold hat'],
    };
    expect(department(hints, { 'Reading Specs': 'glasses' })).toBe('glasses');
    expect(department(hints)).toBe('sunglasses');
    expect(department({ ...hints, taxonomy: '' })).toBe('glasses');
    expect(department({ types: [], taxonomy: '', texts: ['Gift card', 'Gold hat'] })).toBe('hats');
    expect(department({ types: [], taxonomy: '', texts: ['Gift card'] })).toBe('other');
  });
});

describe('synonyms.txt', () => {
  it('reads groups of equivalent words, NFKC and lower case, skipping comments and blanks', () => {
    const text =
      '\uFEFF# shoes\nTrainers, Sneakers , ＳＮＥＡＫＥＲＳ\r\n\n  # indented comment\nc#, c sharp\n';
    expect(parseSynonyms(text)).toEqual({
      groups: [
        ['trainers', 'sneakers'],
        ['c#', 'c sharp'],
      ],
      problems: [],
    });
  });

  it('reports a line with one word, and one-way mappings', () => {
    expect(parseSynonyms('tee, t-shirt\nhat,\nhat, HAT\nipod => ipod, i-pod\n').problems).toEqual([
      {
        line: 2,
        why: 'This line has only one word ("hat"): a synonym line needs at least two, separated by commas.',
      },
      {
        line: 3,
        why: 'This line has only one word ("hat"): a synonym line needs at least two, separated by commas.',
      },
      {
        line: 4,
        why: 'One-way mappings ("a => b") are not supported: list words that mean the same, separated by commas.',
      },
    ]);
  });
});

describe('try-on JSON', () => {
  const column = 'Try-on';

  it('accepts each kind of try-on', () => {
    const kinds = [
      {
        kind: 'hat',
        style: 'fedora',
        crownColour: '#222222',
        brimColour: '#222222',
        bandColour: '#c9a24a',
        crownHeight: 0.5,
        brimWidth: 0.9,
      },
      { kind: 'earring', style: 'hoop', metalColour: '#c9a24a', sizeMm: 20 },
      { kind: 'lipstick', colour: '#9b1b30', finish: 'gloss', opacity: 0.5 },
      {
        kind: 'eyewear',
        frameShape: 'round',
        frameColour: '#1f1f1f',
        lensTint: '#e6f0f5',
        lensOpacity: 0,
        bridgeWidthMm: 18,
        templeWidthMm: 130,
        lensWidthMm: 48,
      },
    ];
    for (const params of kinds)
      expect(tryOnFrom(JSON.stringify(params), column)).toEqual({ value: params });
  });

  it('says what is wrong, in words', () => {
    expect(tryOnFrom('{"kind":"hat",', column)).toEqual({
      why: 'Try-on is not valid JSON: {"kind":"hat",',
    });
    expect(tryOnFrom('[1]', column)).toEqual({
      why: 'Try-on cannot be used: it must be a JSON object such as {"kind": "hat", …}.',
    });
    expect(tryOnFrom('{"kind":"scarf"}', column)).toEqual({
      why: 'Try-on cannot be used: kind must be one of eyewear, hat, earring, lipstick, not "scarf".',
    });
    expect(
      tryOnFrom(
        '{"kind":"lipstick","colour":"red","finish":"matte","opacity":2,"shine":1}',
        column,
      ),
    ).toEqual({
      why: 'Try-on cannot be used: colour must be a colour like "#1f1f1f", not "red"; opacity must be between 0.3 and 0.9; shine is not a try-on setting.',
    });
  });
});
