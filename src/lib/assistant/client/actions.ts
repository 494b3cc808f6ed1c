/**
 * What the assistant does besides talking: answer from this profile's orders and cart in the
 * local database (cancelling an order once the shopper confirms), and pick the For you category a
 * question names. No network; the database is the device's own.
 */
import { orderNumberIn, orderProgress } from '../../cart/shared/orders';
import { priceCart, unitPrice, type ShippingRule } from '../../cart/shared/pricing';
import type { Category, Product } from '../../catalog/types';
import { cancelOrder, cartOf, ordersOfProfile, type AisleDB, type Order } from '../../db';
import type { NumberRange } from '../../shop/shared/settings';
import { assistantEn, assistantZhCN } from '../messages';
import type { Lang } from '../shared/knowledge';

/** Checked in order: 'sunglasses' before 'glasses', '太阳眼镜' before '眼镜'. */
const CATEGORY_WORDS: [Category, RegExp][] = [
  ['sunglasses', /sun\s?-?glass|shades|墨镜|太阳镜|太阳眼镜|遮阳镜/i],
  ['glasses', /glasses|spectacles|frames?\b|eyewear|眼镜|镜框|镜架/i],
  ['hats', /\bhats?\b|\bcaps?\b|beanie|fedora|帽/i],
  ['earrings', /earrings?|studs?\b|hoops?\b|耳环|耳钉|耳饰/i],
  ['lipsticks', /lipsticks?|lip\s?gloss|口红|唇膏|唇彩/i],
  ['shoes', /shoes?|sneakers?|boots?|trainers|heels|鞋/i],
  ['bags', /\bbags?\b|handbags?|backpacks?|purses?|tote|包包|手提包|背包|挎包|钱包/i],
  ['electronics', /headphones?|earbuds?|speakers?|electronics?|gadgets?|耳机|音箱|电子/i],
  [
    'apparel',
    /clothes|clothing|shirts?|dress(es)?|jackets?|sweaters?|hoodies?|apparel|衣服|服装|裙|衬衫|外套|毛衣|卫衣/i,
  ],
  ['home', /\bhome\b|homeware|mugs?|candles?|cushions?|家居|杯子|蜡烛|抱枕/i],
];

export function categoryIn(text: string): Category | undefined {
  return CATEGORY_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** The language of a question: Chinese if it has Han characters, English if it has letters. */
export function languageOf(text: string, fallback: Lang): Lang {
  if (/\p{Script=Han}/u.test(text)) return 'zh-CN';
  if (/[a-z]/i.test(text)) return 'en';
  return fallback;
}

export const messagesFor = (lang: Lang) => (lang === 'en' ? assistantEn : assistantZhCN);

/** What an action answers, and the quick replies it offers (a confirmation). */
export interface ActionReply {
  text: string;
  replies?: { label: string; intent: string }[];
}

/** A quick reply's intent that cancels that order (`cancelReply(id)`), or keeps them all. */
export const CANCEL_PREFIX = 'cancel-order:';
export const KEEP_ORDERS = 'keep-orders';

export interface ShopperData {
  db: AisleDB;
  profileId: string;
  lang: Lang;
  now: number;
  deliveryDays: NumberRange;
  /** A price in the shop's currency, in the answer's language. */
  price: (cents: number) => string;
  /** The shop's shipping rule (the cart's total includes it). */
  shipping: ShippingRule;
  /** Products, read from the catalog. */
  products: (ids: readonly string[]) => Promise<Map<string, Product>>;
}

const progressOf = (o: Order, d: ShopperData) => orderProgress(o, d.deliveryDays, d.now);

/** Orders not delivered or cancelled first, then the most recent; at most three. */
export function ordersToShow(orders: readonly Order[], d: ShopperData): Order[] {
  const recent = [...orders].sort((a, b) => b.placedAt - a.placedAt);
  const open = recent.filter((o) => ['placed', 'shipped'].includes(progressOf(o, d).stage));
  return (open.length ? open : recent).slice(0, 3);
}

export function describeOrders(orders: readonly Order[], d: ShopperData): string {
  const m = messagesFor(d.lang).orders;
  const date = new Intl.DateTimeFormat(d.lang, { dateStyle: 'medium' });
  const lines = orders.map((o) => {
    const progress = progressOf(o, d);
    return m.line({
      id: o.id,
      placed: date.format(o.placedAt),
      items: m.items(o.items.reduce((n, item) => n + item.quantity, 0)),
      total: d.price(o.totalCents),
      stage: m.stage[progress.stage],
      when:
        o.checkout === 'till' && progress.stage === 'placed'
          ? m.till
          : m.when[progress.stage](date.format(progress.dateAt)),
    });
  });
  return [m.intro(orders.length), ...lines, m.simulated].join('\n');
}

/** "Where is my order" (or order PA-…): this profile's orders on this device. */
export async function answerOrders(question: string, d: ShopperData): Promise<ActionReply> {
  const m = messagesFor(d.lang).orders;
  const orders = await ordersOfProfile(d.db, d.profileId);
  const wanted = orderNumberIn(question);
  if (wanted) {
    const order = orders.find((o) => o.id === wanted);
    return { text: order ? describeOrders([order], d) : m.notFound(wanted) };
  }
  return { text: orders.length ? describeOrders(ordersToShow(orders, d), d) : m.none };
}

/** "What's in my cart": its lines and total. */
export async function answerCart(d: ShopperData): Promise<ActionReply> {
  const m = messagesFor(d.lang);
  const lines = (await cartOf(d.db, d.profileId)).filter((l) => !l.later);
  if (!lines.length) return { text: m.cart.empty };
  const products = await d.products(lines.map((l) => l.productId));
  const priced = lines.flatMap((l) => {
    const product = products.get(l.productId);
    return product ? [{ line: l, product, unitCents: unitPrice(product, l.sku) }] : [];
  });
  const { totals } = priceCart(
    priced.map((p) => ({ ...p, quantity: p.line.quantity, category: p.product.category })),
    d.shipping,
  );
  const count = priced.reduce((n, p) => n + p.line.quantity, 0);
  return {
    text: [
      m.cart.intro(m.orders.items(count), d.price(totals.totalCents)),
      ...priced.map((p) =>
        m.cart.line(
          p.line.quantity,
          p.product.name[d.lang],
          d.price(p.unitCents * p.line.quantity),
        ),
      ),
    ].join('\n'),
  };
}

/** "Cancel my order": asks which placed order to cancel, or confirms the one named. */
export async function answerCancel(question: string, d: ShopperData): Promise<ActionReply> {
  const m = messagesFor(d.lang).cancel;
  const orders = (await ordersOfProfile(d.db, d.profileId)).filter(
    (o) => progressOf(o, d).cancellable,
  );
  const wanted = orderNumberIn(question);
  const choices = wanted ? orders.filter((o) => o.id === wanted) : orders.slice(0, 3);
  if (!choices.length) {
    return { text: wanted ? messagesFor(d.lang).orders.notFound(wanted) + ' ' + m.none : m.none };
  }
  const no = { label: m.no, intent: KEEP_ORDERS };
  if (choices.length === 1) {
    const id = choices[0]!.id;
    return { text: m.ask(id), replies: [{ label: m.yes(id), intent: CANCEL_PREFIX + id }, no] };
  }
  return {
    text: m.which,
    replies: [...choices.map((o) => ({ label: m.one(o.id), intent: CANCEL_PREFIX + o.id })), no],
  };
}

/** A confirmed cancel (the quick reply): cancels it if it still may be. */
export async function confirmCancel(id: string, d: ShopperData): Promise<ActionReply> {
  const m = messagesFor(d.lang).cancel;
  const order = (await ordersOfProfile(d.db, d.profileId)).find((o) => o.id === id);
  if (!order || !progressOf(order, d).cancellable) return { text: m.none };
  await cancelOrder(d.db, d.profileId, id, d.now);
  return { text: m.done(id) };
}
