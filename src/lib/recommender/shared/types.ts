/**
 * Data shapes shared by the recommender's engines, the app and the evaluation harness.
 * Dense integer indices (0..numUsers-1, 0..numItems-1) in typed arrays: the engines' hot loops
 * and the tfjs tensors both want them, and they move to a worker without copying.
 */

/** Explicit ratings (1-5) plus weighted implicit signals, as parallel arrays of length n. */
export interface RatingData {
  numUsers: number;
  numItems: number;
  n: number;
  users: Uint32Array;
  items: Uint32Array;
  ratings: Float32Array;
  /** Per-row weight: 1 for explicit ratings, lower for implicit events. Absent = all 1. */
  weights?: Float32Array;
  /** Seconds since the epoch, where known (leave-last-out needs it). */
  timestamps?: Float64Array;
}

/**
 * Item attributes for the content part: each item lists indices of the features it has
 * (a genre, a category, a brand, a colour, a tag, a price band, a release decade...).
 */
export interface ItemFeatures {
  numFeatures: number;
  /** itemOffsets[i]..itemOffsets[i+1] index into featureIds: CSR layout, length numItems + 1. */
  itemOffsets: Uint32Array;
  featureIds: Uint32Array;
  /** Human-readable feature names, for explanations ("popular in Sunglasses"). */
  featureNames: string[];
}

/** A trained model that predicts a rating for (user, item). */
export interface RatingPredictor {
  predict(user: number, item: number): number;
}

/** Maps between external ids (strings) and the dense indices above. */
export interface IdMaps {
  userIds: string[];
  itemIds: string[];
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
}
