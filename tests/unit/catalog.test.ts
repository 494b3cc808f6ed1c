import { describe, it, expect } from 'vitest';
import { catalogEn, catalogZhCN } from '../../src/lib/catalog/messages';
import {
  CATEGORIES,
  COLOURS,
  TAG_NAMES,
  catalogById,
  generateCatalog,
  pictureDataUrl,
  productPicture,
  type Category,
  type Product,
} from '../../src/lib/catalog';

const catalog = generateCatalog();
const TRY_ON: Category[] = ['glasses', 'sunglasses', 'hats', 'earrings', 'lipsticks'];
const HEX = /^#[0-9a-f]{6}$/;
const CJK = /[\u4e00-\u9fff]/;
const inCategory = (c: Category) => catalog.filter((p) => p.category === c);

describe('generateCatalog', () => {
  it('is deterministic', () => {
    expect(generateCatalog()).toEqual(catalog);
  });

  it('has at least 200 products with unique, stable-looking ids', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(200);
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
    for (const p of catalog) expect(p.id).toMatch(new RegExp(`^${p.category}-\\d{3}$`));
    expect(catalogById(catalog).get('glasses-007')?.category).toBe('glasses');
  });

  it('covers every category with at least 15 products', () => {
    for (const c of CATEGORIES.filter((c) => c !== 'other'))
      expect(inCategory(c).length).toBeGreaterThanOrEqual(15);
  });

  it('names and describes every product in both languages', () => {
    for (const p of catalog) {
      expect(p.name.en.trim()).not.toBe('');
      expect(p.description.en.trim()).not.toBe('');
      expect(p.name['zh-CN']).toMatch(CJK);
      expect(p.description['zh-CN']).toMatch(CJK);
      expect(p.brand.trim()).not.toBe('');
      expect(p.name.en).toContain(p.brand);
      expect(p.name['zh-CN']).toContain(p.brand);
    }
    expect(new Set(catalog.map((p) => p.name.en)).size).toBe(catalog.length);
  });

  it('uses known colours and tags, with the main colour named in the product', () => {
    for (const p of catalog) {
      expect(p.colours.length).toBeGreaterThan(0);
      for (const c of p.colours) expect(COLOURS[c], `${p.id} colour ${c}`).toBeDefined();
      for (const t of p.tags) {
        expect(t).toBe(t.toLowerCase());
        expect(TAG_NAMES[t], `${p.id} tag ${t}`).toBeDefined();
      }
    }
    const glasses = inCategory('glasses')[0] as Product;
    const main = COLOURS[glasses.colours[0] as string];
    expect(glasses.name.en.toLowerCase()).toContain(main?.name.en.toLowerCase());
    expect(glasses.name['zh-CN']).toContain(main?.name['zh-CN']);
  });

  it('prices products in realistic CNY ranges', () => {
    for (const p of catalog) {
      expect(Number.isInteger(p.priceCents)).toBe(true);
      expect(p.priceCents).toBeGreaterThan(0);
    }
    for (const p of inCategory('glasses')) {
      expect(p.priceCents).toBeGreaterThanOrEqual(199_00);
      expect(p.priceCents).toBeLessThanOrEqual(1299_00);
    }
  });

  it('gives try-on params exactly to the try-on categories', () => {
    for (const p of catalog) {
      expect(p.tryOn !== undefined, p.id).toBe(TRY_ON.includes(p.category));
    }
  });

  it('keeps eyewear params consistent with the name and colour', () => {
    for (const p of [...inCategory('glasses'), ...inCategory('sunglasses')]) {
      const t = p.tryOn;
      if (t?.kind !== 'eyewear') throw new Error(`${p.id} has no eyewear params`);
      expect(t.frameColour).toBe(COLOURS[p.colours[0] as string]?.hex);
      expect(p.tags).toContain(t.frameShape);
      expect(t.lensTint).toMatch(HEX);
      if (p.category === 'sunglasses') {
        expect(t.lensOpacity).toBeGreaterThanOrEqual(0.5);
        expect(t.lensOpacity).toBeLessThanOrEqual(0.9);
        expect(t.lensTint).toBe(COLOURS[p.colours[1] as string]?.hex);
      } else {
        expect(t.lensOpacity).toBeGreaterThanOrEqual(0);
        expect(t.lensOpacity).toBeLessThanOrEqual(0.1);
      }
      expect(t.templeWidthMm).toBeGreaterThan(2 * t.lensWidthMm + t.bridgeWidthMm);
    }
    const round = catalog.find(
      (p) => p.tryOn?.kind === 'eyewear' && p.tryOn.frameShape === 'round',
    );
    expect(round?.name.en).toMatch(/^Round/);
    expect(round?.name['zh-CN']).toContain('圆框');
  });

  it('keeps hat, earring and lipstick params in range', () => {
    for (const p of catalog) {
      const t = p.tryOn;
      if (!t) continue;
      if (t.kind === 'hat') {
        expect(p.category).toBe('hats');
        expect(p.tags).toContain(t.style);
        expect(t.crownColour).toBe(COLOURS[p.colours[0] as string]?.hex);
        expect(t.crownHeight).toBeGreaterThanOrEqual(0.3);
        expect(t.crownHeight).toBeLessThanOrEqual(0.8);
        expect(t.brimWidth).toBeGreaterThanOrEqual(0);
        expect(t.brimWidth).toBeLessThanOrEqual(1.2);
        if (t.style === 'beanie') expect(t.brimWidth).toBe(0);
      } else if (t.kind === 'earring') {
        expect(p.category).toBe('earrings');
        expect(p.tags).toContain(t.style);
        expect(t.metalColour).toBe(COLOURS[p.colours[0] as string]?.hex);
        if (t.stoneColour) expect(t.stoneColour).toBe(COLOURS[p.colours[1] as string]?.hex);
        expect(t.sizeMm).toBeGreaterThan(0);
      } else if (t.kind === 'lipstick') {
        expect(p.category).toBe('lipsticks');
        expect(p.tags).toContain(t.finish);
        expect(t.colour).toMatch(HEX);
        expect(t.opacity).toBeGreaterThanOrEqual(0.3);
        expect(t.opacity).toBeLessThanOrEqual(0.9);
      } else {
        expect(['glasses', 'sunglasses']).toContain(p.category);
      }
    }
  });
});

/** A small well-formedness check: every tag is closed, in order. */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name as string);
  }
  return stack.length === 0;
}

describe('productPicture', () => {
  it('is a self-contained, CSP-safe SVG for every product', () => {
    for (const p of catalog) {
      const svg = productPicture(p);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain('viewBox="0 0 200 200"');
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('style=');
      expect(svg).not.toContain('<style');
      expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toContain('http');
      expect(svg).not.toMatch(/href=/);
      expect(balanced(svg), p.id).toBe(true);
    }
  });

  it('draws with the product’s own colours', () => {
    for (const p of catalog) {
      const svg = productPicture(p);
      const t = p.tryOn;
      if (t?.kind === 'eyewear') expect(svg).toContain(t.frameColour);
      else if (t?.kind === 'hat') expect(svg).toContain(t.crownColour);
      else if (t?.kind === 'earring') expect(svg).toContain(t.metalColour);
      else if (t?.kind === 'lipstick') expect(svg).toContain(t.colour);
      else expect(svg).toContain(COLOURS[p.colours[0] as string]?.hex);
    }
  });

  it('draws round frames as circles in the frame colour, tinted for sunglasses', () => {
    const round = catalog.filter(
      (p) => p.tryOn?.kind === 'eyewear' && p.tryOn.frameShape === 'round',
    );
    expect(round.length).toBeGreaterThan(0);
    for (const p of round) {
      const svg = productPicture(p);
      expect(svg).toMatch(/<circle|<ellipse/);
      if (p.tryOn?.kind === 'eyewear') expect(svg).toContain(p.tryOn.frameColour);
    }
    const sun = inCategory('sunglasses')[0] as Product;
    if (sun.tryOn?.kind === 'eyewear') expect(productPicture(sun)).toContain(sun.tryOn.lensTint);
  });

  it('escapes text', () => {
    const ampersand = catalog.find((p) => p.name.en.includes('&'));
    expect(ampersand).toBeDefined();
    const svg = productPicture(ampersand as Product);
    expect(svg).toContain('&amp;');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);

    const hostile: Product = {
      ...(catalog[0] as Product),
      name: { en: '<script>alert(1)</script>', 'zh-CN': '"><' },
    };
    expect(productPicture(hostile)).not.toContain('<script');
  });

  it('makes a data URL', () => {
    const p = catalog[0] as Product;
    const url = pictureDataUrl(p);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(productPicture(p));
  });
});

describe('the Shop’s count', () => {
  it('groups the digits of a large catalog in both languages', () => {
    expect(catalogEn.shop.results(1)).toBe('1 product');
    expect(catalogEn.shop.results(100_000)).toBe('100,000 products');
    expect(catalogZhCN.shop.results(100_000)).toBe('100,000 件商品');
  });
});
