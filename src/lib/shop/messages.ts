/** Shop settings' UI text (My data, for staff). The Chinese half must have exactly the same shape. */
export const shopSettingsEn = {
  title: 'Shop settings',
  intro:
    'For staff: make this device your shop. Load your shop pack, a .zip of its folder (a Shopify product export or a Google Merchant Center feed, with shop.json and pictures if you have them). It is stored on this device and works offline; a shopper erasing their data does not change it.',
  newPin: 'Choose a staff PIN first. It is needed to change the shop.',
  pin: 'Staff PIN (4 to 8 digits)',
  setPin: 'Set the PIN',
  unlock: 'Unlock',
  lock: 'Lock',
  badPin: 'The PIN must be 4 to 8 digits.',
  wrongPin: 'Wrong PIN.',
  pinWait: 'Too many wrong PINs. Wait a minute, then try again.',
  builtIn: 'This device runs the shop the app was built with.',
  running: (name: string, products: string) => `This device runs ${name} (${products} products).`,
  loadedFrom: (file: string, date: string) => `Loaded from ${file} on ${date}.`,
  choose: 'Load a shop pack (.zip)',
  steps: {
    reading: 'Reading the pack',
    pictures: 'Making the pictures',
    training: 'Training the recommendations',
    saving: 'Storing the shop',
  },
  of: (done: string, total: string) => `${done} of ${total}`,
  bad: (n: number) =>
    `The pack has ${n === 1 ? 'a problem' : `${n} problems`}. Nothing was changed: fix ${n === 1 ? 'it' : 'them'} and load it again.`,
  failed: (why: string) =>
    `The shop could not be stored on this device (${why}). Nothing was changed.`,
  quota: 'This device is out of storage space. Nothing was changed: free some space and try again.',
  loaded: (name: string, products: string, pictures: string) =>
    `${name} is ready: ${products} products, ${pictures} with their own pictures.`,
  warnings: 'Worth a look (the shop works without fixing these):',
  open: 'Open the shop',
  builtInAgain: 'Use the built-in shop again',
  unavailable: 'Storage is not available in this browser, so no shop can be loaded here.',
};

export const shopSettingsZhCN: typeof shopSettingsEn = {
  title: '店铺设置',
  intro:
    '供店员使用：把这台设备设为你的店铺。载入你的店铺包，即店铺文件夹的 .zip（Shopify 商品导出或 Google Merchant Center 商品数据，可附 shop.json 和图片）。它保存在这台设备上，离线也能使用；顾客清除自己的数据不会改变它。',
  newPin: '请先设置员工 PIN，更改店铺时需要输入。',
  pin: '员工 PIN（4 到 8 位数字）',
  setPin: '设置 PIN',
  unlock: '解锁',
  lock: '锁定',
  badPin: 'PIN 必须是 4 到 8 位数字。',
  wrongPin: 'PIN 错误。',
  pinWait: '错误的 PIN 次数过多。请等一分钟后再试。',
  builtIn: '这台设备运行的是应用自带的店铺。',
  running: (name: string, products: string) => `这台设备运行的是 ${name}（${products} 件商品）。`,
  loadedFrom: (file: string, date: string) => `于 ${date} 从 ${file} 载入。`,
  choose: '载入店铺包（.zip）',
  steps: {
    reading: '正在读取店铺包',
    pictures: '正在生成图片',
    training: '正在训练推荐模型',
    saving: '正在保存店铺',
  },
  of: (done: string, total: string) => `${done} / ${total}`,
  bad: (n: number) => `店铺包有 ${n} 个问题，未做任何更改：请修正后重新载入。`,
  failed: (why: string) => `无法在这台设备上保存店铺（${why}），未做任何更改。`,
  quota: '这台设备的存储空间已满，未做任何更改：请释放空间后再试。',
  loaded: (name: string, products: string, pictures: string) =>
    `${name} 已就绪：${products} 件商品，其中 ${pictures} 件有自己的图片。`,
  warnings: '值得一看（不修正店铺也能使用）：',
  open: '打开店铺',
  builtInAgain: '改回应用自带的店铺',
  unavailable: '此浏览器无法使用存储，因此不能在这里载入店铺。',
};
