import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/lib/catalog/types';
import type { Rating } from '../../src/lib/db/schema';
import { emptyMaps } from '../../src/lib/recommender/shared/dataset';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import { foldInUser, rankItems, scoreItems } from '../../src/lib/recommender/shared/model';
import { catalogFeatures, shopTrainingData } from '../../src/lib/recommender/shared/shop-data';
import {
  TITLE_VOCABULARY_CAP,
  titleVocabulary,
  titleWords,
} from '../../src/lib/recommender/shared/title-words';
import type { ItemFeatures } from '../../src/lib/recommender/shared/types';
import { SHOP_CONFIG } from '../../src/lib/recommender/worker/shop-model';

/** A product that differs from the others only by what the test gives it. */
function product(id: string, title: string, type: string, priceCents = 1000): Product {
  return {
    id,
    category: 'bags',
    type: { en: type, 'zh-CN': type },
    name: { en: title, 'zh-CN': title },
    description: { en: '', 'zh-CN': '' },
    brand: 'Acme',
    priceCents,
    colours: ['black'],
    tags: [],
  };
}

function featureNamesOf(features: ItemFeatures, item: number): string[] {
  const { featureIds, itemOffsets, featureNames } = features;
  return [...featureIds.slice(itemOffsets[item], itemOffsets[item + 1])].map(
    (f) => featureNames[f]!,
  );
}

function featuresOf(products: readonly Product[]) {
  const maps = emptyMaps();
  const features = catalogFeatures(products, maps);
  return { features, names: (id: string) => featureNamesOf(features, maps.itemIndex.get(id)!) };
}

describe('title words', () => {
  it('are the lower-cased words of both titles, less stop words', () => {
    const words = titleWords({
      en: 'Aviator frame glasses in rose gold, by Fernhill',
      'zh-CN': 'Fernhill 玫瑰金飞行员款眼镜',
    });
    expect(words).toEqual(
      expect.arrayContaining(['aviator', 'frame', 'glasses', 'rose', 'gold', 'fernhill', '眼镜']),
    );
    for (const stop of ['in', 'by', '款']) expect(words).not.toContain(stop);
    expect(new Set(words).size).toBe(words.length); // "fernhill" once
  });

  it('leave out one-letter words and bare numbers', () => {
    expect(titleWords({ en: 'T-shirt 2 pack, 500', 'zh-CN': 'T-shirt 2 pack, 500' })).toEqual([
      'shirt',
      'pack',
    ]);
  });

  it('keep the most widespread words up to the cap, ties in a fixed order', () => {
    const lists = [['b', 'a', 'c'], ['a', 'c'], ['a', 'b', 'c'], ['d', 'b'], ['e']];
    expect([...titleVocabulary(lists, 2)]).toEqual(['a', 'b']);
    expect([...titleVocabulary(lists)]).toEqual(['a', 'b', 'c']); // 'd' and 'e': one list each
  });
});

describe("a shop's content features", () => {
  it('include its product type and title words', () => {
    const { names } = featuresOf([
      product('a', 'Canvas tote bag', 'Tote'),
      product('b', 'Striped canvas tote', 'Tote'),
    ]);
    expect(names('a')).toEqual(
      expect.arrayContaining(['type:tote', 'word:canvas', 'word:tote', 'category:bags']),
    );
  });

  it("leave out a type that only repeats the department's name", () => {
    const { features } = featuresOf([
      product('a', 'Canvas tote bag', 'Bags'),
      product('b', 'Striped canvas tote', 'Tote'),
    ]);
    expect(features.featureNames.filter((f) => f.startsWith('type:'))).toEqual(['type:tote']);
  });

  it('leave out a word only one product has', () => {
    const { features, names } = featuresOf([
      product('a', 'Canvas tote bag', 'Tote'),
      product('b', 'Zebra canvas tote', 'Tote'),
    ]);
    expect(names('b')).toContain('word:canvas');
    expect(features.featureNames).not.toContain('word:zebra');
    expect(features.featureNames).not.toContain('word:bag');
  });

  it('keep at most TITLE_VOCABULARY_CAP title words however large the catalog', () => {
    // Product k is named after words k and k+1: every word is in two products.
    const n = TITLE_VOCABULARY_CAP + 500;
    const products = Array.from({ length: n }, (_, k) =>
      product(`p${k}`, `w${k}x w${k + 1}x`, 'Tote', 100 + k),
    );
    const { features } = featuresOf(products);
    const words = features.featureNames.filter((f) => f.startsWith('word:'));
    expect(words).toHaveLength(TITLE_VOCABULARY_CAP);
  });

  it('rank a product nobody rated for shoppers who liked its type and title words', () => {
    // Same department, brand and colour, price bands mixed: only the type and title differ.
    const totes = Array.from({ length: 6 }, (_, k) =>
      product(`tote${k}`, 'Canvas tote bag', 'Tote', 1000 + 20 * k),
    );
    const lamps = Array.from({ length: 6 }, (_, k) =>
      product(`lamp${k}`, 'Brass desk lamp', 'Lamp', 1010 + 20 * k),
    );
    // Nobody rated these two; they share their price band.
    const newTote = product('tote-new', 'Canvas tote bag', 'Tote', 500);
    const newLamp = product('lamp-new', 'Brass desk lamp', 'Lamp', 500);
    const ratings: Rating[] = [];
    const rate = (u: number, p: Product, rating: Rating['rating']) =>
      ratings.push({ profileId: `u${u}`, productId: p.id, rating, updatedAt: 0 });
    for (let u = 0; u < 24; u++) {
      const [liked, other] = u % 2 === 0 ? [totes, lamps] : [lamps, totes];
      liked.forEach((p, k) => (k + u) % 3 !== 0 && rate(u, p, 5));
      other.forEach((p, k) => (k + u) % 4 === 0 && rate(u, p, 2));
    }
    const products = [...totes, ...lamps, newTote, newLamp];
    const { data, maps, features } = shopTrainingData(ratings, [], products);
    const { model } = trainHybrid(data, features, SHOP_CONFIG);
    const index = (p: Product) => maps.itemIndex.get(p.id)!;
    const shopper = (liked: Product[]) =>
      foldInUser(
        model,
        liked.map(index),
        liked.map(() => 5),
      );
    const fans = { tote: shopper(totes.slice(0, 2)), lamp: shopper(lamps.slice(0, 2)) };
    const cold = [index(newTote), index(newLamp)];
    for (const score of [rankItems, scoreItems]) {
      const [toteForToteFan, lampForToteFan] = score(model, fans.tote, cold);
      const [toteForLampFan, lampForLampFan] = score(model, fans.lamp, cold);
      expect(toteForToteFan).toBeGreaterThan(toteForLampFan!);
      expect(toteForToteFan).toBeGreaterThan(lampForToteFan!);
      expect(lampForLampFan).toBeGreaterThan(lampForToteFan!);
      expect(lampForLampFan).toBeGreaterThan(toteForLampFan!);
    }
  });
});
