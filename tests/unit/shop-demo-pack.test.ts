import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import shop from 'virtual:shop';
import { DEMO_PACK_DIR, demoProductsCsv } from '../../src/build/demo-pack';
import { buildShop, folderFiles, readShop, ShopPackError } from '../../src/build/shop-pack';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { CATEGORY_NAMES } from '../../src/lib/catalog/names';
import { readPack } from '../../src/lib/shop/shared/pack';

describe('the demo shop pack', () => {
  it('is what the generator writes (npm run shop:demo)', () => {
    expect(readFileSync(join(DEMO_PACK_DIR, 'products.csv'), 'utf8')).toBe(demoProductsCsv());
  });

  it('reads back as the generated catalog, through the Shopify CSV reader', () => {
    const result = readPack(folderFiles(DEMO_PACK_DIR), { folderName: 'demo' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const expected = generateCatalog().map((p) => ({ ...p, type: CATEGORY_NAMES[p.category] }));
    expect(result.pack.products).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('is the shop the app (and this test run) is built for', () => {
    expect(shop.products.map((p) => p.id)).toEqual(generateCatalog().map((p) => p.id));
    expect(shop.catalogVersion).toBe(readShop(DEMO_PACK_DIR).catalogVersion);
    expect(shop.settings.currency).toBe('CNY');
  });
});

describe('building a pack', () => {
  it('fails on a bad pack with every problem, file, line and column', () => {
    expect(() => readShop('tests/fixtures/shop-packs/bad')).toThrow(ShopPackError);
    try {
      readShop('tests/fixtures/shop-packs/bad');
    } catch (e) {
      expect((e as Error).message).toMatch(/products\.csv:\d+ \(.+\): /);
    }
  });

  it('makes pictures in the pack into WebP widths, and a missing one into a warning', async () => {
    const {
      shop: built,
      pictures,
      warnings,
    } = await buildShop('tests/fixtures/shop-packs/shopify');
    expect(built.offers?.map((o) => o.id)).toEqual(['caps-10', 'free-shipping']);
    const withImage = built.products.filter((p) => p.image);
    expect(withImage.length).toBeGreaterThan(0);
    for (const p of withImage) {
      expect(p.image!.src).toMatch(/^shop\/img\/[0-9a-f]{16}$/);
      expect(pictures.has(p.image!.src.split('/').pop()!)).toBe(true);
    }
    // The fixture's picture on another origin cannot be fetched here (no network, or a test
    // URL): the product keeps a drawn picture and the build says why.
    expect(warnings.join('\n')).toMatch(/could not be read/);
  });
});
