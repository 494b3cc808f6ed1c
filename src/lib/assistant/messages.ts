/** The Help view's UI text. The Chinese half must have exactly the same shape. */
export const assistantEn = {
  title: 'Help',
};

export const assistantZhCN: typeof assistantEn = {
  title: '客服',
};
