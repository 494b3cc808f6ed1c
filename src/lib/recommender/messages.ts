/** For you's UI text and the ratings import's. The Chinese half must have exactly the same shape. */
export const recommenderEn = {
  intro: 'Learned on this device from your ratings and activity. Nothing is sent anywhere.',
  onboardingTitle: 'Pick a few favourites',
  onboardingHint: 'Tap what you like: your recommendations change at once.',
  like: (name: string) => `Like ${name}`,
  recommendedIn: (category: string) => `Recommended for you: ${category}`,
  allCategories: 'Show every category',
  recommended: 'Recommended for you',
  because: (name: string) => `Because you liked ${name}`,
  popularIn: (group: string) => `Popular in ${group}`,
  model: 'Your model',
  engine: 'Engine',
  epoch: (epoch: number, epochs: number) => `Epoch ${epoch} of ${epochs}`,
  trainedIn: (seconds: string) => `Trained in ${seconds} s`,
  loss: 'Training loss per epoch',
  retrain: 'Retrain now',
  cancel: 'Cancel',
  cancelled: 'Training cancelled. The previous model is still in use.',
  failed: 'Training failed. Your data is safe; try again.',
  firstTraining: 'Learning your taste for the first time…',
  engineSetting: 'Training engine',
  engineAuto: 'Automatic (fastest on this device)',
  engineHint:
    'JS is a plain JavaScript trainer; WebGPU, WebGL, WASM and CPU are TensorFlow.js backends. Each must pass a numeric self-check before it is used.',
  calibrated: (list: string) => `Measured on this device (estimated training time): ${list}`,
  notUsable: 'not usable',
  fellBack: (asked: string, used: string) =>
    `${asked} did not pass its self-check here, so ${used} trained the model.`,
  catalog: 'Catalog',
  shopCatalog: 'This shop',
  movieCatalog: 'MovieLens demo',
  demo: {
    intro:
      'Real ratings you imported from MovieLens. Watch the same model learn them on this device, then see what it recommends to any of their users.',
    train: 'Train on MovieLens',
    validation: 'Validation RMSE per epoch (lower is better)',
    rmse: (value: string) => `Validation RMSE ${value}`,
    user: 'MovieLens user',
    favourites: 'Their favourites',
    recommended: 'Recommended to them',
    because: (title: string) => `Because they liked ${title}`,
    popularIn: (genre: string) => `Popular in ${genre}`,
    notTrained: 'Not trained on this data set yet.',
  },
  needsStorage: 'Recommendations need on-device storage, which this browser does not allow here.',
  tampered:
    'Some of your saved ratings or activity failed their integrity check (changed or damaged), so they were not read and these recommendations leave them out. To get them back, import an export you made earlier in My data.',
  openMyData: 'Open My data',
};

export const recommenderZhCN: typeof recommenderEn = {
  intro: '根据你在本设备上的评分和浏览在本地学习，不会发送任何数据。',
  onboardingTitle: '选几件你喜欢的',
  onboardingHint: '点一下你喜欢的商品，推荐会立即更新。',
  like: (name: string) => `喜欢 ${name}`,
  recommendedIn: (category: string) => `为你推荐：${category}`,
  allCategories: '显示所有类别',
  recommended: '为你推荐',
  because: (name: string) => `因为你喜欢 ${name}`,
  popularIn: (group: string) => `${group}热门`,
  model: '你的模型',
  engine: '引擎',
  epoch: (epoch: number, epochs: number) => `第 ${epoch} / ${epochs} 轮`,
  trainedIn: (seconds: string) => `训练用时 ${seconds} 秒`,
  loss: '每轮训练损失',
  retrain: '立即重新训练',
  cancel: '取消',
  cancelled: '训练已取消，仍在使用之前的模型。',
  failed: '训练失败。你的数据安然无恙，请重试。',
  firstTraining: '正在首次学习你的喜好…',
  engineSetting: '训练引擎',
  engineAuto: '自动（本设备上最快的）',
  engineHint:
    'JS 是纯 JavaScript 训练器；WebGPU、WebGL、WASM 和 CPU 是 TensorFlow.js 后端。每个后端都必须先通过数值自检才会被使用。',
  calibrated: (list: string) => `本设备上的实测（预计训练时间）：${list}`,
  notUsable: '不可用',
  fellBack: (asked: string, used: string) =>
    `${asked} 未通过本设备上的自检，已改用 ${used} 训练模型。`,
  catalog: '目录',
  shopCatalog: '本店',
  movieCatalog: 'MovieLens 演示',
  demo: {
    intro:
      '你导入的 MovieLens 真实评分。在本设备上观看同一个模型学习它们，再看看它会给其中任何一位用户推荐什么。',
    train: '用 MovieLens 训练',
    validation: '每轮验证集 RMSE（越低越好）',
    rmse: (value: string) => `验证集 RMSE ${value}`,
    user: 'MovieLens 用户',
    favourites: 'TA 最喜欢的',
    recommended: '推荐给 TA 的',
    because: (title: string) => `因为 TA 喜欢 ${title}`,
    popularIn: (genre: string) => `${genre}热门`,
    notTrained: '尚未在此数据集上训练。',
  },
  needsStorage: '推荐功能需要本地存储，但此浏览器在这里不允许存储。',
  tampered:
    '您保存的部分评分或浏览记录未通过完整性校验（被修改或已损坏），因此没有被读取，以下推荐也未使用它们。如需找回，请在“我的数据”中导入您之前导出的文件。',
  openMyData: '打开“我的数据”',
};

/** The ratings import (a section of My data). */
export const ratingsImportEn = {
  title: 'Import ratings',
  hint: 'A CSV of user,item,rating[,timestamp] for this shop’s products, or the files of a MovieLens folder (u.data and u.item, or ratings.csv and movies.csv) as a demo catalog. Read and kept on this device only.',
  button: 'Import ratings',
  reading: (file: number, files: number) => `Reading file ${file} of ${files}…`,
  parsing: 'Checking the ratings…',
  saving: 'Saving on this device…',
  done: (ratings: string, users: string, items: string) =>
    `Imported ${ratings} ratings from ${users} people on ${items} items.`,
  skipped: (rows: string, where: string) =>
    `${rows} rows could not be used and were skipped (the first: ${where}).`,
  stored: 'Imported data sets',
  remove: (name: string) => `Remove ${name}`,
  errors: {
    'no-files': 'No file was chosen.',
    'too-large': 'These files are larger than 200 MB together. Nothing was changed.',
    'not-ratings': 'This is not a ratings file. Nothing was changed.',
    'no-known-products':
      'None of these ratings is for a product in this shop. Nothing was changed.',
  } as Record<string, string>,
};

export const ratingsImportZhCN: typeof ratingsImportEn = {
  title: '导入评分',
  hint: '本店商品的评分 CSV（user,item,rating[,timestamp]），或 MovieLens 文件夹中的文件（u.data 和 u.item，或 ratings.csv 和 movies.csv）作为演示目录。只在本设备上读取和保存。',
  button: '导入评分',
  reading: (file: number, files: number) => `正在读取第 ${file} / ${files} 个文件…`,
  parsing: '正在检查评分…',
  saving: '正在保存到本设备…',
  done: (ratings: string, users: string, items: string) =>
    `已导入 ${ratings} 条评分，来自 ${users} 人，涉及 ${items} 件商品。`,
  skipped: (rows: string, where: string) => `有 ${rows} 行无法使用，已跳过（第一处：${where}）。`,
  stored: '已导入的数据集',
  remove: (name: string) => `删除 ${name}`,
  errors: {
    'no-files': '没有选择文件。',
    'too-large': '这些文件合计超过 200 MB，没有做任何更改。',
    'not-ratings': '这不是评分文件，没有做任何更改。',
    'no-known-products': '这些评分都不是本店商品的评分，没有做任何更改。',
  },
};
