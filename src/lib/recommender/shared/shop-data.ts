/**
 * The shop's own data in the recommender's shapes: product attributes as item features, and a
 * device's ratings plus shopping events as weighted training rows.
 */
import { CATEGORY_NAMES } from '../../catalog/names';
import type { Product } from '../../catalog/types';
import type { EventType, Rating, ShopEvent } from './rows';
import { emptyMaps, indexRatings } from './dataset';
import { isLiked } from './liked';
import { catalogTitleWords } from './title-words';
import type { IdMaps, ItemFeatures, RatingData } from './types';

/** Price bands by catalog-wide quantile, so "affordable" means the same across categories. */
const PRICE_BANDS = 5;

/**
 * Implicit events as pseudo-ratings with low weight: a purchase says "liked it" nearly as well
 * as a 5-star rating would; a view says only a little. An explicit rating always wins.
 */
export const IMPLICIT_SIGNALS: Record<EventType, { rating: number; weight: number }> = {
  purchase: { rating: 5, weight: 0.5 },
  'add-to-cart': { rating: 4.5, weight: 0.3 },
  click: { rating: 4, weight: 0.1 },
  view: { rating: 4, weight: 0.1 },
};

const pairKey = (profileId: string, productId: string) => `${profileId}\u0000${productId}`;

/**
 * For each (profile, product) with events but no rating, its strongest event as a weighted
 * pseudo-rating: the implicit rows, shared by training and by fold-in.
 */
function strongestEvents(ratings: readonly Rating[], events: readonly ShopEvent[]) {
  const rated = new Set(ratings.map((r) => pairKey(r.profileId, r.productId)));
  const strongest = new Map<
    string,
    { user: string; item: string; rating: number; weight: number; type: EventType }
  >();
  for (const e of events) {
    const key = pairKey(e.profileId, e.productId);
    if (rated.has(key)) continue;
    const signal = IMPLICIT_SIGNALS[e.type];
    const current = strongest.get(key);
    if (!current || signal.weight > current.weight) {
      strongest.set(key, { user: e.profileId, item: e.productId, ...signal, type: e.type });
    }
  }
  return [...strongest.values()];
}

/** One profile's signals in model indices, for fold-in and for what to leave out of the list. */
export interface ProfileSignals {
  items: number[];
  values: number[];
  weights: number[];
  /** Rated or bought: never recommended again. */
  exclude: number[];
  /** Rated 4 or more, or bought: the "because you liked" candidates. */
  liked: number[];
}

export function profileSignals(
  ratings: readonly Rating[],
  events: readonly ShopEvent[],
  itemIndex: ReadonlyMap<string, number>,
): ProfileSignals {
  const signals: ProfileSignals = { items: [], values: [], weights: [], exclude: [], liked: [] };
  const add = (
    productId: string,
    rating: number,
    weight: number,
    owned: boolean,
    liked: boolean,
  ) => {
    const i = itemIndex.get(productId);
    if (i === undefined) return;
    signals.items.push(i);
    signals.values.push(rating);
    signals.weights.push(weight);
    if (owned) signals.exclude.push(i);
    if (liked) signals.liked.push(i);
  };
  for (const r of ratings) add(r.productId, r.rating, 1, true, isLiked({ rating: r.rating }));
  for (const e of strongestEvents(ratings, events)) {
    const bought = e.type === 'purchase';
    add(e.item, e.rating, e.weight, bought, isLiked({ bought }));
  }
  return signals;
}

/** The shop's own product type, unless it only repeats the department's name ('category:'). */
function typeKeys(product: Product): string[] {
  const type = product.type?.en.normalize('NFKC').toLowerCase();
  const department = CATEGORY_NAMES[product.category].en.toLowerCase();
  return type && type !== department ? [`type:${type}`] : [];
}

/**
 * A product's content features, from the pack's attributes. Keys look like 'category:hats',
 * 'type:bucket hat', 'brand:Lumen', 'colour:red', 'tag:round', 'price:2', 'word:aviator':
 * `words` are its title words that made the catalog's vocabulary (title-words.ts).
 */
export function productFeatureKeys(
  product: Product,
  priceBand: number,
  words: readonly string[],
): string[] {
  return [
    `category:${product.category}`,
    ...typeKeys(product),
    `brand:${product.brand}`,
    ...product.colours.map((c) => `colour:${c}`),
    ...product.tags.map((t) => `tag:${t}`),
    `price:${priceBand}`,
    ...words.map((w) => `word:${w}`),
  ];
}

function priceBands(products: readonly Product[]): Map<string, number> {
  const sorted = [...products].sort((a, b) => a.priceCents - b.priceCents);
  return new Map(
    sorted.map((p, rank) => [
      p.id,
      Math.min(PRICE_BANDS - 1, Math.floor((rank * PRICE_BANDS) / sorted.length)),
    ]),
  );
}

/** Item features in CSR layout, aligned with maps.itemIds (which gains every product). */
export function catalogFeatures(products: readonly Product[], maps: IdMaps): ItemFeatures {
  for (const p of products) {
    if (!maps.itemIndex.has(p.id)) {
      maps.itemIndex.set(p.id, maps.itemIds.length);
      maps.itemIds.push(p.id);
    }
  }
  const bands = priceBands(products);
  const titleWords = catalogTitleWords(products.map((p) => p.name));
  const words = new Map(products.map((p, k) => [p.id, titleWords[k]!]));
  const byId = new Map(products.map((p) => [p.id, p]));
  return featuresFromKeys(
    maps.itemIds.map((id) => {
      const product = byId.get(id);
      return product ? productFeatureKeys(product, bands.get(id)!, words.get(id)!) : [];
    }),
  );
}

/** Each item's feature keys (in item order) as ItemFeatures: ids in order of first use. */
export function featuresFromKeys(keyLists: readonly (readonly string[])[]): ItemFeatures {
  const featureIndex = new Map<string, number>();
  const itemOffsets = new Uint32Array(keyLists.length + 1);
  const featureIds: number[] = [];
  keyLists.forEach((keys, item) => {
    for (const key of keys) {
      if (!featureIndex.has(key)) featureIndex.set(key, featureIndex.size);
      featureIds.push(featureIndex.get(key)!);
    }
    itemOffsets[item + 1] = featureIds.length;
  });
  return {
    numFeatures: featureIndex.size,
    itemOffsets,
    featureIds: Uint32Array.from(featureIds),
    featureNames: [...featureIndex.keys()],
  };
}

/**
 * Training rows for every profile on the device: explicit ratings at weight 1, and for each
 * (profile, product) with events but no rating, its strongest event as a weighted pseudo-rating.
 */
/** Ratings the shop imported (db.datasets 'shop'): other shoppers, as extra training users. */
export interface ImportedShopRatings {
  userIds: readonly string[];
  itemIds: readonly string[];
  users: ArrayLike<number>;
  items: ArrayLike<number>;
  ratings: ArrayLike<number>;
}

/**
 * Item factors trained elsewhere (a shop pack's item-factors.jsonl, from Spark's ALS, say): the
 * ranking part's item vectors y_i, by product id. The device folds its shopper in against them.
 */
export interface ImportedItemFactors {
  /** k, the numbers per product (the ALS rank): the ranking part's rankDim. */
  rank: number;
  itemIds: readonly string[];
  /** itemIds.length × rank, row-major. */
  factors: Float32Array;
}

/** Imported users get their own id space, so an imported "1" is never the profile "1". */
export const IMPORTED_USER_PREFIX = 'imported:';

export function shopTrainingData(
  ratings: readonly Rating[],
  events: readonly ShopEvent[],
  products: readonly Product[],
  imported?: ImportedShopRatings | null,
): { data: RatingData; maps: IdMaps; features: ItemFeatures } {
  const maps = emptyMaps();
  const features = catalogFeatures(products, maps);
  const rows = [
    ...ratings
      .filter((r) => maps.itemIndex.has(r.productId))
      .map((r) => ({
        user: r.profileId,
        item: r.productId,
        rating: r.rating,
        timestamp: r.updatedAt / 1000,
        weight: 1,
      })),
    ...strongestEvents(ratings, events)
      .filter((e) => maps.itemIndex.has(e.item))
      .map(({ user, item, rating, weight }) => ({ user, item, rating, weight })),
  ];
  if (imported) {
    for (let r = 0; r < imported.ratings.length; r++) {
      const item = imported.itemIds[imported.items[r]!];
      if (item === undefined || !maps.itemIndex.has(item)) continue; // a product no longer sold
      rows.push({
        user: IMPORTED_USER_PREFIX + imported.userIds[imported.users[r]!],
        item,
        rating: imported.ratings[r]!,
        weight: 1,
      });
    }
  }
  const { data } = indexRatings(rows, maps);
  return { data, maps, features };
}
