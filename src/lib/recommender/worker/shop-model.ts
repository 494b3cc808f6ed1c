/**
 * The shop-level recommender that ships with the app. Nothing of it depends on the shopper (the
 * catalog's content features, the item biases, the shop's own ratings where it has any), so the
 * build trains it once, with the plain-JS engine the worker runs, seeded: the same catalog gives
 * the same bytes. The device loads it at once and only folds the shopper in; its own trainings
 * (once the shopper rates or buys) replace it.
 *
 * A shop too big to train here brings its item factors instead (trained elsewhere, Spark's ALS
 * say): they are the ranking part's item vectors, the ones the fold-in solves against, and the
 * rating part (biases, content, stars) still trains on the catalog and the shop's ratings.
 *
 * The file is the stored snapshot in one piece: a 4-byte little-endian length, the snapshot's
 * meta as JSON (padded with spaces to 4 bytes), then the weights of serialiseModel.
 */
import type { Product } from '../../catalog/types';
import type { EngineId } from '../shared/engines';
import { completeRanking, trainHybrid } from '../shared/js-engine';
import {
  serialiseModel,
  type HybridConfig,
  type HybridModel,
  type ModelMeta,
} from '../shared/model';
import {
  shopTrainingData,
  type ImportedItemFactors,
  type ImportedShopRatings,
} from '../shared/shop-data';

/** Under the app's base URL; a .bin, so the service worker precaches it. */
export const SHOP_MODEL_FILE = 'models/shop-recommender.bin';

/**
 * A shop has far fewer ratings than MovieLens, so fewer factors and epochs do; the rest of the
 * defaults (tuned on ML-100K) carry over.
 */
export const SHOP_CONFIG: Partial<HybridConfig> = { dim: 16, epochs: 40 };

/** The meta a snapshot of the shop model keeps next to its weights. */
export interface ShopSnapshotMeta {
  model: ModelMeta;
  itemIds: string[];
  /** Each item's department, as itemIds: For you spreads its list over them. */
  groups: string[];
  engine: EngineId;
  /** 0 for the shipped model: it was never trained on this device. */
  trainedAt: number;
  ms: number;
  /** Set on the shipped model only: the catalog version it was trained for. */
  shipped?: { catalogVersion: string };
}

export interface ShopModelFile {
  meta: ShopSnapshotMeta;
  weights: ArrayBuffer;
}

/**
 * The ranking part's item vectors set to `factors` (by product id; products without one are
 * left at zero for completeRanking to fill from their features).
 */
function setItemFactors(
  model: HybridModel,
  itemIndex: ReadonlyMap<string, number>,
  factors: ImportedItemFactors,
): Uint8Array {
  const { rank, itemIds, factors: vectors } = factors;
  const known = new Uint8Array(model.numItems);
  itemIds.forEach((id, row) => {
    const i = itemIndex.get(id);
    if (i === undefined) return; // a product the catalog no longer has
    known[i] = 1;
    model.rankItemFactors.set(vectors.subarray(row * rank, (row + 1) * rank), i * rank);
  });
  return known;
}

/** Each item's department, in the model's item order. */
export function itemGroups(itemIds: readonly string[], products: readonly Product[]): string[] {
  const categoryOf = new Map(products.map((p) => [p.id, p.category]));
  return itemIds.map((id) => categoryOf.get(id) ?? '');
}

/**
 * Trains the shop model from the catalog (and the shop's ratings, if any) and packs it. With
 * item factors, the ranking part is theirs (rankDim = their rank) rather than trained here.
 */
export function buildShopModelFile(
  products: readonly Product[],
  catalogVersion: string,
  imported?: ImportedShopRatings | null,
  itemFactors?: ImportedItemFactors | null,
): Uint8Array {
  const { data, maps, features } = shopTrainingData([], [], products, imported);
  const config: Partial<HybridConfig> = itemFactors
    ? { ...SHOP_CONFIG, rankDim: itemFactors.rank, rankIterations: 0 }
    : SHOP_CONFIG;
  const { model } = trainHybrid(data, features, config);
  if (itemFactors) completeRanking(model, setItemFactors(model, maps.itemIndex, itemFactors));
  const { meta, buffer } = serialiseModel(model);
  return encodeShopModel({
    meta: {
      model: meta,
      itemIds: maps.itemIds,
      groups: itemGroups(maps.itemIds, products),
      engine: 'js',
      trainedAt: 0,
      ms: 0,
      shipped: { catalogVersion },
    },
    weights: buffer,
  });
}

export function encodeShopModel(file: ShopModelFile): Uint8Array {
  let json = JSON.stringify(file.meta);
  const encoder = new TextEncoder();
  while ((4 + encoder.encode(json).length) % 4 !== 0) json += ' ';
  const head = encoder.encode(json);
  const out = new Uint8Array(4 + head.length + file.weights.byteLength);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(new Uint8Array(file.weights), 4 + head.length);
  return out;
}

/** Unpacks a shipped model file; throws on a file that is not one. */
export function decodeShopModel(bytes: ArrayBuffer): ShopModelFile {
  if (bytes.byteLength < 4) throw new Error('shop model file too short');
  const length = new DataView(bytes).getUint32(0, true);
  if (4 + length > bytes.byteLength) throw new Error('shop model file is cut short');
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, length))) as unknown;
  if (typeof meta !== 'object' || meta === null || !('model' in meta) || !('itemIds' in meta)) {
    throw new Error('not a shop model file');
  }
  return { meta: meta as ShopSnapshotMeta, weights: bytes.slice(4 + length) };
}
