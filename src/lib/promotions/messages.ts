/** Promotions' UI text (banner, "why am I seeing this?", the personalisation switch). */
export const promotionsEn = {
  label: 'Offer',
  region: 'Offer',
  shopOffer: 'Shop the offer',
  save: 'Save this offer',
  saveCode: (code: string) => `Save code ${code}`,
  saved: 'Saved on this device. It will be applied at checkout.',
  why: 'Why am I seeing this?',
  reasons: {
    interest: (categories: string) =>
      `You have shown interest in ${categories} here: your ratings and what you looked at on this device.`,
    time: (when: string) => `Offers like this one get more interest in the ${when}.`,
    kiosk: 'You are at the shop’s kiosk, where offers like this one suit shoppers better.',
    responded: 'You have opened this offer before.',
    exploring:
      'We are still learning which offers you like, so now and then we show one we know less about.',
    rotation: 'Personalised offers are off, so every offer takes its turn in a fixed order.',
  },
  basis: 'What your device used to choose:',
  basisTaste: (categories: string) => `your interests: ${categories}`,
  basisNoTaste: 'no interests known yet',
  basisTime: (when: string) => `the time of day: ${when}`,
  basisKiosk: 'this is the shop’s kiosk',
  basisPersonal: 'this is your own device',
  timesOfDay: { morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'night' },
  privacy: 'Chosen on this device. Nothing about you is sent anywhere.',
  setting: {
    title: 'Offers',
    label: 'Personalised offers',
    hint: 'When on, the offers on Shop and For you are chosen on this device from your ratings and activity here. When off, offers take turns in a fixed order, and what the device learned about your response to offers is forgotten.',
    on: 'Personalised offers are on.',
    off: 'Personalised offers are off. Offers now rotate in a fixed order.',
  },
};

export const promotionsZhCN: typeof promotionsEn = {
  label: '优惠',
  region: '优惠',
  shopOffer: '去看看',
  save: '保存此优惠',
  saveCode: (code: string) => `保存优惠码 ${code}`,
  saved: '已保存在本设备上，结账时自动使用。',
  why: '为什么看到这个？',
  reasons: {
    interest: (categories: string) =>
      `你在这里对${categories}表现出兴趣：来自你在本设备上的评分和浏览。`,
    time: (when: string) => `这类优惠在${when}更受欢迎。`,
    kiosk: '你正在使用店内自助终端，这类优惠更适合到店顾客。',
    responded: '你之前打开过这个优惠。',
    exploring: '我们还在了解你喜欢哪些优惠，所以偶尔会展示一个了解较少的优惠。',
    rotation: '个性化优惠已关闭，所有优惠按固定顺序轮流展示。',
  },
  basis: '你的设备用来选择的信息：',
  basisTaste: (categories: string) => `你的兴趣：${categories}`,
  basisNoTaste: '还不了解你的兴趣',
  basisTime: (when: string) => `时段：${when}`,
  basisKiosk: '这是店内自助终端',
  basisPersonal: '这是你自己的设备',
  timesOfDay: { morning: '早上', afternoon: '下午', evening: '晚上', night: '夜间' },
  privacy: '在本设备上选择，不会发送任何关于你的信息。',
  setting: {
    title: '优惠',
    label: '个性化优惠',
    hint: '开启时，“商店”和“为你推荐”中的优惠由本设备根据你在这里的评分和浏览来选择。关闭后，优惠按固定顺序轮流展示，设备对你的优惠偏好的学习结果也会被清除。',
    on: '个性化优惠已开启。',
    off: '个性化优惠已关闭。优惠现在按固定顺序轮流展示。',
  },
};
