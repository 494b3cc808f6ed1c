/**
 * The rows the recommender learns from, as IndexedDB stores them: ratings, shopping events and
 * imported data sets. Declared here, in pure code, so the engines and importers need no storage
 * code; the database schema (src/lib/db/schema.ts) stores these shapes.
 */
export type Stars = 1 | 2 | 3 | 4 | 5;

export type EventType = 'view' | 'click' | 'add-to-cart' | 'purchase';

export interface Rating {
  profileId: string;
  productId: string;
  rating: Stars;
  updatedAt: number;
}

export interface ShopEvent {
  id?: number; // auto-increment
  profileId: string;
  productId: string;
  type: EventType;
  at: number;
}

/**
 * A ratings data set the user brought (a shop's CSV, or a MovieLens folder), stored compactly as
 * one row of typed arrays: one put is atomic (an import never half-lands) and loads fast.
 */
export interface Dataset {
  id: 'shop' | 'movielens';
  name: string;
  importedAt: number;
  userIds: string[];
  itemIds: string[];
  users: Uint32Array;
  items: Uint32Array;
  ratings: Float32Array;
  timestamps?: Float64Array;
  /** Titles, years and genres, aligned with itemIds (MovieLens only). */
  movies?: { title: string; year?: number; genres: string[] }[];
  /** Rows that could not be read, and the first of them, for the import report. */
  badRows: number;
  firstBad?: { file: string; line: number; text: string };
}
