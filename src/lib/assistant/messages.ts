/** The Help view's UI text. The Chinese half must have exactly the same shape. */
import type { Category } from '../catalog/types';
import type { OrderStage } from '../cart/shared/orders';
import type { FaqImportCode } from './shared/knowledge';
import type { Fact } from './shared/facts';

import { shopSettings } from '../shell/catalog';
import { fillTemplate } from '../shop/shared/templates';

// The shop's contact details come from its settings, like the FAQ's (src/lib/shop/shared).
const CONTACT_EN = fillTemplate(
  'You can reach our team: call {phone} ({serviceHours} every day) or write to {email}.',
  shopSettings,
  'en',
);
const CONTACT_ZH = fillTemplate(
  '您可以联系我们的客服团队：拨打 {phone}（每天 {serviceHours}），或发邮件至 {email}。',
  shopSettings,
  'zh-CN',
);

/** “a” and “b” / “a”和“b”: the parts of a question, quoted as the shopper wrote them. */
const quoted = (parts: string[], locale: 'en' | 'zh-CN') =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts.map((p) => `“${p}”`));

/** A yes or no from the shop's values, then what there is (src/lib/assistant/shared/facts.ts). */
const factText =
  (texts: Record<Fact['intent'], { yes: string; no: string }>, locale: 'en' | 'zh-CN') =>
  (f: Fact) =>
    fillTemplate(texts[f.intent][f.yes ? 'yes' : 'no'], shopSettings, locale, {
      subject: f.subject,
      address: f.address ?? '',
    });

export const assistantEn = {
  title: 'Help',
  intro:
    'Ask the shop’s assistant about delivery, returns, sizes, your orders and more. It runs on this device: nothing you type leaves it.',
  conversation: 'Conversation',
  ask: 'Ask a question',
  placeholder: 'For example: how long does delivery take?',
  send: 'Send',
  you: 'You',
  assistant: 'Assistant',
  welcome:
    'Hello! I’m the shop’s assistant. Ask me anything about the shop, in English or Chinese.',
  suggestions: 'Suggested replies',
  starters: ['order-status', 'shipping-time', 'return-policy', 'try-on'],
  preparing: 'Getting the assistant ready…',
  training: (epoch: number, epochs: number) =>
    `Learning the shop’s answers on this device, first time only: step ${epoch} of ${epochs}…`,
  ready: (backend: string, seconds: string) =>
    `Ready: learned on this device (${backend}) in ${seconds} s.`,
  reused: (backend: string) => `Ready: using what it learned earlier on this device (${backend}).`,
  shipped: (backend: string) => `Ready: using the model that came with the app (${backend}).`,
  failed: `The assistant could not start on this device. ${CONTACT_EN}`,
  crashed: 'The assistant stopped unexpectedly. Ask your question again to restart it.',
  thinking: 'Thinking…',
  didYouMean: 'I’m not sure I understood. Did you mean one of these?',
  /** Parts of a message with several questions that were not understood well enough. */
  askBack: (parts: string[]) =>
    `I’m not sure what you meant by ${quoted(parts, 'en')}. Did you mean one of these?`,
  notShop: (parts: string[]) =>
    `I can’t help with ${quoted(parts, 'en')}: I only know about this shop.`,
  outOfScope: `Sorry, I can’t help with that: I only know about this shop. ${CONTACT_EN}`,
  fact: factText(
    {
      'shipping-regions': {
        yes: 'Yes, we deliver to {subject}. We deliver to {deliveryRegions}; international orders take {internationalDeliveryDays} working days.',
        no: 'No, we don’t deliver to {subject}, sorry. We deliver to {deliveryRegions}.',
      },
      'payment-methods': {
        yes: 'Yes, you can pay with {subject}. We accept {paymentMethods}.',
        no: 'No, we don’t accept {subject}, sorry. We accept {paymentMethods}.',
      },
      'store-locations': {
        yes: 'Yes, we have a store in {subject}: {address}. It opens {storeHoursWeekdays} on weekdays and {storeHoursWeekends} at weekends.',
        no: 'No, we don’t have a store in {subject}, sorry. We have stores in {storeList}.',
      },
    },
    'en',
  ),
  contact: 'Contact the shop',
  orders: {
    none: 'You have not placed an order on this device yet.',
    notFound: (id: string) => `I found no order ${id} for this profile on this device.`,
    noStorage: 'Your orders and cart are not available: local storage is turned off.',
    intro: (n: number) =>
      n === 1 ? 'Here is your most recent order:' : `Here are your ${n} most recent orders:`,
    line: (o: OrderLine) =>
      `Order ${o.id}, placed ${o.placed} (${o.items}, ${o.total}): ${o.stage}, ${o.when}.`,
    items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    stage: {
      placed: 'placed, not shipped yet',
      shipped: 'on its way',
      delivered: 'delivered',
      cancelled: 'cancelled',
    } satisfies Record<OrderStage, string>,
    when: {
      placed: (d: string) => `ships ${d}`,
      shipped: (d: string) => `expected by ${d}`,
      delivered: (d: string) => `delivered ${d}`,
      cancelled: (d: string) => `cancelled ${d}`,
    } satisfies Record<OrderStage, (d: string) => string>,
    till: 'to pay at the till',
    simulated: 'Delivery is simulated in this demo shop.',
  },
  cart: {
    empty: 'Your cart is empty.',
    intro: (items: string, total: string) => `Your cart has ${items}, ${total} in all:`,
    line: (quantity: number, name: string, price: string) => `${quantity} × ${name}, ${price}`,
  },
  cancel: {
    none: 'None of your orders can be cancelled now: only a placed order that has not shipped can.',
    ask: (id: string) => `Cancel order ${id}? This cannot be undone.`,
    which: 'Which order should I cancel?',
    yes: (id: string) => `Yes, cancel ${id}`,
    one: (id: string) => `Cancel ${id}`,
    no: 'No, keep it',
    done: (id: string) => `Order ${id} is cancelled.`,
    kept: 'Nothing was cancelled.',
  },
  open: {
    'for-you': 'Open For you',
    'try-on': 'Open Try on',
    shop: 'Open the Shop',
    cart: 'Open your cart and orders',
    'my-data': 'Open My data',
  },
  openCategory: (category: string) => `Show ${category.toLowerCase()} in For you`,
  myData: {
    title: 'Conversation with the assistant',
    count: (n: number) =>
      n === 0
        ? 'No conversation is stored.'
        : n === 1
          ? '1 message is stored on this device.'
          : `${n} messages are stored on this device.`,
    erase: 'Erase the conversation',
    erased: 'The conversation was erased.',
  },
  faqImport: {
    title: 'Import a FAQ',
    hint: 'Your shop’s own questions and answers, as CSV or JSON with the columns intent, language (en or zh-CN), question, answer. The assistant learns them on this device; a new file replaces the previous one.',
    button: 'Import FAQ',
    reading: 'Checking the file…',
    done: (intents: number, questions: number) =>
      `Imported ${intents} ${intents === 1 ? 'topic' : 'topics'} with ${questions} ${questions === 1 ? 'question' : 'questions'}. The assistant will learn them next time Help opens.`,
    stored: 'Imported FAQ',
    remove: (name: string) => `Remove ${name}`,
    at: (where: string) => `(${where})`,
    errors: {
      'too-large': 'This file is too large for a FAQ (at most 2 MB). Nothing was changed.',
      empty: 'This file has no questions. Nothing was changed.',
      'not-faq':
        'This is not a FAQ file: it needs the columns intent, language, question and answer. Nothing was changed.',
      'bad-language': 'Unknown language: use en or zh-CN. Nothing was changed.',
      'missing-answer': 'A topic has questions but no answer. Nothing was changed.',
      'conflicting-answer': 'A topic has two different answers. Nothing was changed.',
      'too-many': 'This file has too many topics (at most 500). Nothing was changed.',
      invalid: 'Part of this file is not valid. Nothing was changed.',
      unreadable: 'The file could not be read. Nothing was changed.',
    } satisfies Record<FaqImportCode | 'unreadable', string>,
  },
  categories: {
    glasses: 'glasses',
    sunglasses: 'sunglasses',
    hats: 'hats',
    earrings: 'earrings',
    lipsticks: 'lipsticks',
    apparel: 'clothes',
    shoes: 'shoes',
    bags: 'bags',
    electronics: 'electronics',
    home: 'home goods',
    other: 'other products',
  } satisfies Record<Category, string>,
};

export interface OrderLine {
  id: string;
  placed: string;
  items: string;
  total: string;
  stage: string;
  when: string;
}

export const assistantZhCN: typeof assistantEn = {
  title: '客服',
  intro:
    '向本店的智能客服咨询配送、退换货、尺码、订单等问题。它在本设备上运行：您输入的内容不会离开设备。',
  conversation: '对话',
  ask: '输入问题',
  placeholder: '例如：多久能到货？',
  send: '发送',
  you: '您',
  assistant: '客服',
  welcome: '您好！我是本店的智能客服。关于本店的任何问题都可以问我，中文英文都可以。',
  suggestions: '建议回复',
  starters: ['order-status', 'shipping-time', 'return-policy', 'try-on'],
  preparing: '正在准备智能客服…',
  training: (epoch: number, epochs: number) =>
    `正在本设备上学习本店的答案（仅首次）：第 ${epoch} / ${epochs} 步…`,
  ready: (backend: string, seconds: string) =>
    `已就绪：在本设备上学习完成（${backend}），用时 ${seconds} 秒。`,
  reused: (backend: string) => `已就绪：使用此前在本设备上学到的内容（${backend}）。`,
  shipped: (backend: string) => `已就绪：使用随应用提供的模型（${backend}）。`,
  failed: `智能客服无法在本设备上启动。${CONTACT_ZH}`,
  crashed: '助手意外停止了。请再问一次，它会重新启动。',
  thinking: '正在思考…',
  didYouMean: '我不太确定您的意思。您是想问以下哪一个？',
  askBack: (parts: string[]) =>
    `关于${quoted(parts, 'zh-CN')}，我不太确定您的意思。您是想问这些吗？`,
  notShop: (parts: string[]) => `关于${quoted(parts, 'zh-CN')}，我帮不上忙：我只了解本店的事情。`,
  outOfScope: `抱歉，这个问题我帮不上忙：我只了解本店的事情。${CONTACT_ZH}`,
  fact: factText(
    {
      'shipping-regions': {
        yes: '可以，我们配送至{subject}。我们的配送范围是{deliveryRegions}；境外订单 {internationalDeliveryDays} 个工作日送达。',
        no: '抱歉，我们暂不配送至{subject}。我们的配送范围是{deliveryRegions}。',
      },
      'payment-methods': {
        yes: '可以，支持{subject}。我们支持{paymentMethods}。',
        no: '抱歉，暂不支持{subject}。我们支持{paymentMethods}。',
      },
      'store-locations': {
        yes: '有的，我们在{subject}有门店：{address}。营业时间：工作日 {storeHoursWeekdays}，周末 {storeHoursWeekends}。',
        no: '抱歉，我们在{subject}暂时没有门店。我们在{storeList}设有门店。',
      },
    },
    'zh-CN',
  ),
  contact: '联系我们',
  orders: {
    none: '你还没有在这台设备上下过单。',
    notFound: (id: string) => `在本设备上没有找到这个资料的订单 ${id}。`,
    noStorage: '无法查看订单和购物车：本地存储已关闭。',
    intro: (n: number) => (n === 1 ? '这是你最近的订单：' : `这是你最近的 ${n} 个订单：`),
    line: (o: OrderLine) =>
      `订单 ${o.id}，${o.placed} 下单（${o.items}，${o.total}）：${o.stage}，${o.when}。`,
    items: (n: number) => `${n} 件商品`,
    stage: {
      placed: '已下单，尚未发货',
      shipped: '配送中',
      delivered: '已送达',
      cancelled: '已取消',
    },
    when: {
      placed: (d: string) => `预计 ${d} 发货`,
      shipped: (d: string) => `预计 ${d} 前送达`,
      delivered: (d: string) => `${d} 已送达`,
      cancelled: (d: string) => `${d} 已取消`,
    },
    till: '待到收银台付款',
    simulated: '本演示商店的配送进度是模拟的。',
  },
  cart: {
    empty: '你的购物车是空的。',
    intro: (items: string, total: string) => `你的购物车里有 ${items}，合计 ${total}：`,
    line: (quantity: number, name: string, price: string) => `${quantity} × ${name}，${price}`,
  },
  cancel: {
    none: '你现在没有可以取消的订单：只有已下单、尚未发货的订单可以取消。',
    ask: (id: string) => `要取消订单 ${id} 吗？取消后无法恢复。`,
    which: '要取消哪一个订单？',
    yes: (id: string) => `是的，取消 ${id}`,
    one: (id: string) => `取消 ${id}`,
    no: '不，保留订单',
    done: (id: string) => `订单 ${id} 已取消。`,
    kept: '没有取消任何订单。',
  },
  open: {
    'for-you': '打开为你推荐',
    'try-on': '打开虚拟试戴',
    shop: '打开商店',
    cart: '打开购物车和订单',
    'my-data': '打开我的数据',
  },
  openCategory: (category: string) => `在“为你推荐”中查看${category}`,
  myData: {
    title: '与智能客服的对话',
    count: (n: number) => (n === 0 ? '没有保存任何对话。' : `本设备上保存了 ${n} 条消息。`),
    erase: '删除对话',
    erased: '对话已删除。',
  },
  faqImport: {
    title: '导入常见问题',
    hint: '您店铺自己的问答，CSV 或 JSON 格式，列为 intent、language（en 或 zh-CN）、question、answer。智能客服会在本设备上学习；新文件会替换之前导入的文件。',
    button: '导入常见问题',
    reading: '正在检查文件…',
    done: (intents: number, questions: number) =>
      `已导入 ${intents} 个主题，共 ${questions} 个问题。下次打开客服时，智能客服会学习这些内容。`,
    stored: '已导入的常见问题',
    remove: (name: string) => `删除 ${name}`,
    at: (where: string) =>
      `（${where.replace(/^line /, '第 ').replace(/^row /, '第 ')}${/^(line|row) /.test(where) ? ' 行' : ''}）`,
    errors: {
      'too-large': '文件太大，常见问题文件最大 2 MB。未做任何更改。',
      empty: '文件中没有问题。未做任何更改。',
      'not-faq':
        '这不是常见问题文件：需要 intent、language、question 和 answer 四列。未做任何更改。',
      'bad-language': '无法识别的语言：请使用 en 或 zh-CN。未做任何更改。',
      'missing-answer': '有主题只有问题没有答案。未做任何更改。',
      'conflicting-answer': '有主题给出了两个不同的答案。未做任何更改。',
      'too-many': '主题太多（最多 500 个）。未做任何更改。',
      invalid: '文件中有部分内容无效。未做任何更改。',
      unreadable: '无法读取文件。未做任何更改。',
    },
  },
  categories: {
    glasses: '眼镜',
    sunglasses: '太阳镜',
    hats: '帽子',
    earrings: '耳环',
    lipsticks: '口红',
    apparel: '服装',
    shoes: '鞋子',
    bags: '包袋',
    electronics: '电子产品',
    home: '家居用品',
    other: '其他商品',
  },
};
