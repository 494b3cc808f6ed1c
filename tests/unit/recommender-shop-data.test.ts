import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import type { Rating, ShopEvent } from '../../src/lib/db/schema';
import { emptyMaps } from '../../src/lib/recommender/shared/dataset';
import {
  IMPLICIT_SIGNALS,
  IMPORTED_USER_PREFIX,
  catalogFeatures,
  profileSignals,
  shopTrainingData,
} from '../../src/lib/recommender/shared/shop-data';

const products = generateCatalog();
const rating = (profileId: string, productId: string, stars: Rating['rating']): Rating => ({
  profileId,
  productId,
  rating: stars,
  updatedAt: 1_700_000_000_000,
});
const event = (profileId: string, productId: string, type: ShopEvent['type']): ShopEvent => ({
  profileId,
  productId,
  type,
  at: 1_700_000_000_000,
});

describe('shop data for the recommender', () => {
  it('gives every product its category, brand, colours, tags and a price band', () => {
    const maps = emptyMaps();
    const features = catalogFeatures(products, maps);
    expect(maps.itemIds).toHaveLength(products.length);
    expect(features.itemOffsets).toHaveLength(products.length + 1);
    const p = products[0]!;
    const i = maps.itemIndex.get(p.id)!;
    const names = [
      ...features.featureIds.slice(features.itemOffsets[i], features.itemOffsets[i + 1]!),
    ].map((f) => features.featureNames[f]);
    expect(names).toEqual(
      expect.arrayContaining([
        `category:${p.category}`,
        `brand:${p.brand}`,
        `colour:${p.colours[0]}`,
      ]),
    );
    expect(names.filter((n) => n!.startsWith('price:'))).toHaveLength(1);
    const bands = new Set(features.featureNames.filter((n) => n.startsWith('price:')));
    expect(bands.size).toBe(5);
  });

  it('uses ratings at full weight and the strongest event otherwise, never both', () => {
    const [a, b, c] = products.map((p) => p.id);
    const { data, maps } = shopTrainingData(
      [rating('me', a!, 2)],
      [
        event('me', a!, 'purchase'),
        event('me', b!, 'view'),
        event('me', b!, 'add-to-cart'),
        event('kid', c!, 'click'),
      ],
      products,
    );
    expect(data.n).toBe(3);
    expect(data.numItems).toBe(products.length);
    const row = (user: string, item: string) => {
      const u = maps.userIndex.get(user);
      const i = maps.itemIndex.get(item);
      for (let k = 0; k < data.n; k++) {
        if (data.users[k] === u && data.items[k] === i) {
          return { rating: data.ratings[k], weight: data.weights?.[k] ?? 1 };
        }
      }
      return undefined;
    };
    expect(row('me', a!)).toEqual({ rating: 2, weight: 1 });
    const cart = IMPLICIT_SIGNALS['add-to-cart'];
    expect(row('me', b!)!.rating).toBeCloseTo(cart.rating);
    expect(row('me', b!)!.weight).toBeCloseTo(cart.weight);
    expect(row('kid', c!)!.weight).toBeCloseTo(IMPLICIT_SIGNALS.click.weight);
  });

  it('ignores rows for products that are no longer in the catalog', () => {
    const { data } = shopTrainingData(
      [rating('me', 'gone-001', 5)],
      [event('me', 'gone-002', 'view')],
      products,
    );
    expect(data.n).toBe(0);
  });

  it('folds a profile in from ratings and its strongest event per product, as training does', () => {
    const itemIndex = new Map(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, i]));
    const signals = profileSignals(
      [rating('p', 'a', 5), rating('p', 'b', 2)],
      [
        event('p', 'a', 'purchase'), // rated: the rating wins
        event('p', 'c', 'view'),
        event('p', 'c', 'add-to-cart'), // the stronger of c's two events
        event('p', 'd', 'purchase'),
        event('p', 'e', 'click'),
        event('p', 'unknown', 'purchase'), // not in the model
      ],
      itemIndex,
    );
    expect(signals.items).toEqual([0, 1, 2, 3, 4]);
    expect(signals.values).toEqual([5, 2, 4.5, 5, 4]);
    expect(signals.weights).toEqual([1, 1, 0.3, 0.5, 0.1]);
    expect(signals.exclude).toEqual([0, 1, 3]); // rated or bought
    expect(signals.liked).toEqual([0, 3]); // rated 4+ or bought
  });

  it("trains the shop's imported ratings as extra users, apart from the device's profiles", () => {
    const [a, b] = [products[0]!.id, products[1]!.id];
    const imported = {
      // User "me" in the file is not the local profile "me"; a product no longer sold is skipped.
      userIds: ['me', 'u2'],
      itemIds: [a, 'gone-001', b],
      users: Uint32Array.from([0, 0, 1, 1]),
      items: Uint32Array.from([0, 1, 2, 0]),
      ratings: Float32Array.from([4, 5, 2, 3]),
    };
    const { data, maps } = shopTrainingData([rating('me', b, 5)], [], products, imported);
    expect(maps.userIds).toEqual(['me', `${IMPORTED_USER_PREFIX}me`, `${IMPORTED_USER_PREFIX}u2`]);
    expect(data.n).toBe(4);
    const rows = Array.from({ length: data.n }, (_, r) => [
      maps.userIds[data.users[r]!],
      maps.itemIds[data.items[r]!],
      data.ratings[r],
    ]);
    expect(rows).toEqual([
      ['me', b, 5],
      [`${IMPORTED_USER_PREFIX}me`, a, 4],
      [`${IMPORTED_USER_PREFIX}u2`, b, 2],
      [`${IMPORTED_USER_PREFIX}u2`, a, 3],
    ]);
    // Without an import nothing changes.
    expect(shopTrainingData([rating('me', b, 5)], [], products, null).data.n).toBe(1);
  });
});
