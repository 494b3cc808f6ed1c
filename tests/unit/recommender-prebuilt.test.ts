import { describe, expect, it } from 'vitest';
import { shopModelFile } from '../../src/build/shop-model';
import shop from 'virtual:shop';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { deserialiseModel, foldInUser, scoreItems } from '../../src/lib/recommender/shared/model';
import { recommend } from '../../src/lib/recommender/shared/recommend';
import {
  buildShopModelFile,
  decodeShopModel,
  encodeShopModel,
} from '../../src/lib/recommender/worker/shop-model';

const products = generateCatalog();
const CATALOG_VERSION = shop.catalogVersion;

describe('the shipped shop recommender', () => {
  it('is byte-identical from one build to the next', () => {
    const a = buildShopModelFile(generateCatalog(), CATALOG_VERSION);
    const b = buildShopModelFile(generateCatalog(), CATALOG_VERSION);
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(shopModelFile()).equals(Buffer.from(a))).toBe(true);
  });

  it('round-trips through its file format', () => {
    const bytes = shopModelFile();
    const file = decodeShopModel(bytes.slice().buffer);
    const again = encodeShopModel(file);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(() => decodeShopModel(new ArrayBuffer(2))).toThrow();
  });

  it('loads for this catalog and folds a shopper in', () => {
    const { meta, weights } = decodeShopModel(shopModelFile().slice().buffer);
    expect(meta.shipped).toEqual({ catalogVersion: CATALOG_VERSION });
    expect(meta.trainedAt).toBe(0);
    expect(meta.itemIds).toEqual(products.map((p) => p.id));
    const model = deserialiseModel(meta.model, weights);
    expect(model.numItems).toBe(products.length);

    const groupOf = (i: number) => products[i]!.category;
    const neutral = recommend(model, foldInUser(model, [], []), {
      exclude: [],
      liked: [],
      groupOf,
      k: 10,
    });
    expect(neutral).toHaveLength(10);

    // A shopper who likes two hats: they are left out, and the list follows them.
    const hats = products.flatMap((p, i) => (p.category === 'hats' ? [i] : [])).slice(0, 2);
    const user = foldInUser(model, hats, [5, 5]);
    const list = recommend(model, user, { exclude: hats, liked: hats, groupOf, k: 10 });
    expect(list).toHaveLength(10);
    expect(list.map((r) => r.item).filter((i) => hats.includes(i))).toEqual([]);
    expect(list.map((r) => r.item)).not.toEqual(neutral.map((r) => r.item));
    expect(list.some((r) => r.reason.kind === 'liked')).toBe(true);
  });
});

describe('scoring a whole catalog', () => {
  it('gives every item the score it gets alone (p·a_f once per feature, the same sum)', () => {
    const { meta, weights } = decodeShopModel(shopModelFile().slice().buffer);
    const model = deserialiseModel(meta.model, weights);
    const hats = meta.itemIds.flatMap((id, i) => (id.startsWith('hats') ? [i] : []));
    const user = foldInUser(model, hats.slice(0, 3), [5, 5, 4]);
    expect(user.factors.some((x) => x !== 0)).toBe(true); // a taste, so item vectors count
    // Over 256 items at once: the whole-catalog path; one at a time: item vectors as before.
    const items = [...meta.itemIds.keys(), ...meta.itemIds.keys()];
    const together = scoreItems(model, user, items);
    items.forEach((i, k) => expect(together[k]).toBeCloseTo(scoreItems(model, user, [i])[0]!, 5));
  });
});
