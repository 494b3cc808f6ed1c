/** The name of the shop recommender's stored snapshot (learned from every profile's ratings). */
export const SHOP_MODEL_SNAPSHOT = 'recommender';
