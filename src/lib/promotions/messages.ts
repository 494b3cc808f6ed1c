/** Promotions' UI text (banner, "why am I seeing this?", the personalisation switch). */
export const promotionsEn = {
  label: 'Offer',
};

export const promotionsZhCN: typeof promotionsEn = {
  label: '优惠',
};
