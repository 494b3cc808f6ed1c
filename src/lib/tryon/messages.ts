/** The Try on view's UI text. The Chinese half must have exactly the same shape. */
export const tryOnEn = {
  title: 'Try on',
};

export const tryOnZhCN: typeof tryOnEn = {
  title: '虚拟试戴',
};
