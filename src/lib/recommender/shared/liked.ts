/**
 * What "liked" means, everywhere: rated 4 stars or more, or bought. An explicit rating, when
 * there is one, says more than a purchase: a product bought and then rated 2 stars is not liked.
 * The "because you liked" reasons, the MovieLens favourites and the For you starters all ask here.
 */
export const LIKED_MIN_STARS = 4;

export function isLiked(signal: { rating?: number | null; bought?: boolean }): boolean {
  if (signal.rating != null) return signal.rating >= LIKED_MIN_STARS;
  return signal.bought === true;
}

/** The products a profile liked by its ratings (the For you starters it has pressed). */
export function likedByRating(
  ratings: readonly { productId: string; rating: number }[],
): ReadonlySet<string> {
  return new Set(ratings.filter((r) => isLiked({ rating: r.rating })).map((r) => r.productId));
}
