/**
 * What the assistant does besides talking: read the order history from the local database, and
 * pick the For you category a question names. No network; the database is the device's own.
 */
import type { Category } from '../../catalog/types';
import { ordersOfProfile, type AisleDB, type Order } from '../../db';
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

/** Orders still on their way first, then the most recent; at most three. */
export function ordersToShow(orders: Order[]): Order[] {
  const recent = [...orders].sort((a, b) => b.placedAt - a.placedAt);
  const open = recent.filter((o) => o.status === 'processing' || o.status === 'shipped');
  return (open.length ? open : recent).slice(0, 3);
}

export function describeOrders(orders: Order[], lang: Lang): string {
  const m = messagesFor(lang).orders;
  if (!orders.length) return m.none;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const lines = orders.map((o) =>
    m.line({
      id: o.id,
      placed: date.format(o.placedAt),
      items: m.items(o.items.reduce((n, item) => n + item.quantity, 0)),
      status: m.status[o.status],
      shipping:
        o.status === 'shipped' || o.status === 'delivered'
          ? m.shipping(
              o.carrier,
              o.trackingCode,
              date.format(o.estimatedDelivery),
              o.status === 'delivered',
            )
          : undefined,
    }),
  );
  return [m.intro(orders.length), ...lines].join('\n');
}

export async function lookUpOrders(db: AisleDB, profileId: string): Promise<Order[]> {
  return ordersToShow(await ordersOfProfile(db, profileId));
}
