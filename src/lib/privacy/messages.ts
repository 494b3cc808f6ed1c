/** UI text for encryption at rest and kiosk mode. */
export const privacyEn = {
  kiosk: 'Kiosk mode',
};

export const privacyZhCN: typeof privacyEn = {
  kiosk: '自助终端模式',
};
