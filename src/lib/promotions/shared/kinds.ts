/** Kept apart from the schema so that the app's bandit does not pull in the validator. */
export const PROMOTION_KINDS = ['coupon', 'bundle', 'category-discount', 'free-shipping'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
