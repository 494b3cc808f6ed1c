/**
 * The app shell's UI text: names, navigation, language and profile pickers, storage error
 * notices, the update prompt. The Chinese half must have exactly the same shape.
 */
import { shopSettings } from './catalog';

export const shellEn = {
  /** The shop's name, from its shop pack. */
  appName: shopSettings.name.en,
  tagline: 'On-device AI shopping. Nothing leaves your device.',
  skipToContent: 'Skip to content',
  nav: {
    label: 'Main',
    shop: 'Shop',
    forYou: 'For you',
    tryOn: 'Try on',
    help: 'Help',
    cart: 'Cart',
    cartCount: (n: number) => (n === 1 ? 'Cart, 1 item' : `Cart, ${n} items`),
    myData: 'My data',
  },
  language: { label: 'Language', en: 'English', zh: '中文' },
  profile: { label: 'Profile', guest: 'Guest', me: 'Me' },
  dismiss: 'Dismiss',
  loading: 'Loading…',
  errors: {
    quota:
      'Storage is full. Nothing was changed. Free some space (for example erase old data) and try again.',
    unavailable:
      'This browser does not allow storage here (private mode?). You can browse, but nothing will be saved.',
    invalid: 'That value is not allowed. Nothing was changed.',
    unknown: 'Something went wrong while saving. Nothing was changed.',
    locked: 'This profile is locked. Unlock it in My data with its passphrase.',
    tampered:
      'Some encrypted data failed its integrity check (changed or damaged). It was not read, and nothing was changed.',
    import: {
      'not-json':
        'This file is not valid JSON (it may be truncated or corrupt). Nothing was changed.',
      'wrong-format': 'This is not a Private Aisle export file. Nothing was changed.',
      'wrong-version':
        'This file comes from a newer version of Private Aisle. Nothing was changed.',
      invalid: 'This file has invalid data. Nothing was changed.',
      'too-large': 'This file is larger than 50 MB. Nothing was changed.',
    } as Record<string, string>,
    at: (path: string) => `Problem at ${path}.`,
  },
  update: {
    available: 'A new version is available.',
    reload: 'Reload',
    later: 'Later',
    offlineReady: 'Ready to work offline.',
  },
  offline: 'You are offline. Everything still works.',
  assets: {
    tryon: 'try-on models',
    help: "Help's model",
    words: "Help's word list",
    training: 'the on-device training engine',
    all: 'everything for offline use',
    downloading: (what: string, done: string, total: string) =>
      `Downloading ${what} ${done} / ${total} MB`,
    needsDownload: {
      tryon: 'Try on needs a download first: connect once.',
      help: 'Help needs a download first: connect once.',
      words: 'Help needs a download first: connect once.',
      training: 'Training on this device needs a download first: connect once.',
    },
    failed: 'The download did not finish. Try again when you are online.',
  },
};

export const shellZhCN: typeof shellEn = {
  appName: shopSettings.name['zh-CN'],
  tagline: '设备端 AI 购物。任何数据都不会离开你的设备。',
  skipToContent: '跳到主要内容',
  nav: {
    label: '主导航',
    shop: '商店',
    forYou: '为你推荐',
    tryOn: '虚拟试戴',
    help: '客服',
    cart: '购物车',
    cartCount: (n: number) => `购物车，${n} 件商品`,
    myData: '我的数据',
  },
  language: { label: '语言', en: 'English', zh: '中文' },
  profile: { label: '用户', guest: '访客', me: '我' },
  dismiss: '关闭',
  loading: '加载中…',
  errors: {
    quota: '存储空间已满，没有做任何更改。请释放一些空间（例如清除旧数据）后重试。',
    unavailable: '此浏览器不允许在这里存储数据（无痕模式？）。你可以浏览，但不会保存任何内容。',
    invalid: '该值不被允许，没有做任何更改。',
    unknown: '保存时出错，没有做任何更改。',
    locked: '此用户已锁定。请在“我的数据”中输入密码短语解锁。',
    tampered: '部分加密数据未通过完整性校验（被修改或已损坏），未被读取，也没有做任何更改。',
    import: {
      'not-json': '此文件不是有效的 JSON（可能被截断或已损坏），没有做任何更改。',
      'wrong-format': '这不是 Private Aisle 导出的文件，没有做任何更改。',
      'wrong-version': '此文件来自更新版本的 Private Aisle，没有做任何更改。',
      invalid: '此文件中有无效数据，没有做任何更改。',
      'too-large': '此文件超过 50 MB，没有做任何更改。',
    },
    at: (path: string) => `问题位置：${path}。`,
  },
  update: {
    available: '有新版本可用。',
    reload: '重新加载',
    later: '稍后',
    offlineReady: '已可离线使用。',
  },
  offline: '你已离线，所有功能仍可使用。',
  assets: {
    tryon: '虚拟试戴模型',
    help: '客服模型',
    words: '客服词表',
    training: '设备端训练引擎',
    all: '离线所需的全部文件',
    downloading: (what: string, done: string, total: string) =>
      `正在下载${what} ${done} / ${total} MB`,
    needsDownload: {
      tryon: '虚拟试戴需要先下载：请联网一次。',
      help: '客服需要先下载：请联网一次。',
      words: '客服需要先下载：请联网一次。',
      training: '在本设备上训练需要先下载：请联网一次。',
    },
    failed: '下载未完成。请联网后重试。',
  },
};
