/**
 * Texts that state a shop's policies (FAQ answers, offers) are written with placeholders, e.g.
 * "Free delivery from {freeShippingFrom}", and filled from the shop's settings at build time: a
 * number lives in one place only, so no two texts can disagree. An unknown placeholder throws,
 * so a typo fails the build and the tests rather than reaching a shopper.
 */
import type { Locale } from '../../catalog/types';
import { formatMoney, minorUnitDigits } from './money';
import type { ClockTime, NumberRange, OpeningHours, PaymentMethod, ShopSettings } from './settings';

type Fill = (settings: ShopSettings, locale: Locale) => string;

const PAYMENT_METHOD_NAMES: Record<PaymentMethod, Record<Locale, string>> = {
  card: { en: 'credit and debit cards', 'zh-CN': '银行卡' },
  alipay: { en: 'Alipay', 'zh-CN': '支付宝' },
  'wechat-pay': { en: 'WeChat Pay', 'zh-CN': '微信支付' },
  'union-pay': { en: 'UnionPay', 'zh-CN': '银联' },
  'apple-pay': { en: 'Apple Pay', 'zh-CN': 'Apple Pay' },
  'gift-card': { en: 'our gift cards', 'zh-CN': '本店礼品卡' },
  cash: { en: 'cash in our stores', 'zh-CN': '门店现金' },
};

// ---------- formatting, one small function per kind of value

const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale).format(n);

/** "3-5" (or "3" when both ends agree). */
const range = (r: NumberRange, locale: Locale) =>
  r.min === r.max ? number(r.min, locale) : `${number(r.min, locale)}-${number(r.max, locale)}`;

/** "09:00" → "9:00": how shop hours are usually written. */
const clock = (t: ClockTime) => t.replace(/^0(\d)/, '$1');
const hours = (h: OpeningHours) => `${clock(h.open)}-${clock(h.close)}`;

/** Letters, digits and currency signs: what Chinese text sets apart with a space. */
const SPACED = /[\p{Script=Latin}\p{N}\p{Sc}]/u;

/**
 * "A, B and C" / "A、B和C". Chinese puts a space between 和 / 或 and a neighbouring number or
 * Latin word ("¥200 和 ¥500", "6 或 12"), as the texts around them do.
 */
function list(items: string[], locale: Locale, type: Intl.ListFormatType = 'conjunction'): string {
  const parts = new Intl.ListFormat(locale, { style: 'long', type }).formatToParts(items);
  return parts
    .map((part, i) => {
      if (locale !== 'zh-CN' || part.type !== 'literal' || !/^[和或]$/.test(part.value))
        return part.value;
      const before = SPACED.test(parts[i - 1]?.value.at(-1) ?? '');
      const after = SPACED.test(parts[i + 1]?.value.at(0) ?? '');
      return `${before ? ' ' : ''}${part.value}${after ? ' ' : ''}`;
    })
    .join('');
}

/** "1 working day", "3 working days" / "1 个工作日". */
function workingDays(n: number, locale: Locale): string {
  if (locale === 'zh-CN') return `${number(n, locale)} 个工作日`;
  const one = new Intl.PluralRules('en').select(n) === 'one';
  return `${number(n, locale)} working ${one ? 'day' : 'days'}`;
}

/**
 * A percentage off, as each language says it: "15% off" / "85 折" (Chinese names the share
 * that is paid, in tenths: 10% off is 9 折, 15% off is 85 折).
 */
export function discount(percentOff: number, locale: Locale): string {
  if (locale === 'en') return `${percentOff}% off`;
  const paid = 100 - percentOff;
  return `${paid % 10 === 0 ? paid / 10 : paid} 折`;
}

const money = (cents: number, s: ShopSettings, l: Locale) => formatMoney(cents, s.currency, l);

// ---------- the placeholders

interface Placeholder {
  /** What it stands for, for authors of texts (and the docs). */
  means: string;
  fill: Fill;
}

const p = (means: string, fill: Fill): Placeholder => ({ means, fill });

/** Every placeholder a shop text may use. */
export const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
  shopName: p('the shop’s name', (s, l) => s.name[l]),
  currency: p('the ISO code of the shop’s currency, "CNY"', (s) => s.currency),
  currencyName: p(
    'the currency’s name, "Chinese Yuan" / "人民币"',
    (s, l) => new Intl.DisplayNames(l, { type: 'currency' }).of(s.currency) ?? s.currency,
  ),
  currencyUnit: p('one unit of the currency, "¥1"', (s, l) =>
    formatMoney(10 ** minorUnitDigits(s.currency), s.currency, l),
  ),
  // contact
  phone: p('customer service phone', (s) => s.contact.phone),
  email: p('customer service email', (s) => s.contact.email),
  businessEmail: p('email for bulk and company orders', (s) => s.contact.businessEmail),
  serviceHours: p('customer service hours, "9:00-21:00"', (s) => hours(s.contact.serviceHours)),
  complaintReplyTime: p('time to reply to a complaint, "1 working day"', (s, l) =>
    workingDays(s.contact.complaintReplyWorkingDays, l),
  ),
  // delivery
  freeShippingFrom: p('order total from which standard delivery is free, "¥199"', (s, l) =>
    money(s.policies.freeShippingFromCents, s, l),
  ),
  shippingFee: p('standard delivery fee below that', (s, l) =>
    money(s.policies.shippingFeeCents, s, l),
  ),
  expressFee: p('express delivery fee', (s, l) => money(s.policies.expressFeeCents, s, l)),
  expressTime: p('how long express takes, "1 working day"', (s, l) =>
    workingDays(s.policies.expressWorkingDays, l),
  ),
  orderCutoff: p('orders before this time leave the same day, "16:00"', (s) =>
    clock(s.policies.orderCutoff),
  ),
  deliveryRegions: p('where the shop delivers, in words', (s, l) => s.policies.deliveryRegions[l]),
  deliveryDays: p('working days of standard delivery, "3-5"', (s, l) =>
    range(s.policies.deliveryDays, l),
  ),
  remoteDeliveryMaxDays: p('working days to remote areas, at most', (s, l) =>
    number(s.policies.remoteDeliveryMaxDays, l),
  ),
  internationalDeliveryDays: p('working days of delivery abroad, "7-14"', (s, l) =>
    range(s.policies.internationalDeliveryDays, l),
  ),
  pickupReadyHours: p('hours until a store pick-up is ready', (s, l) =>
    number(s.policies.pickup.readyHours, l),
  ),
  pickupKeptDays: p('days a pick-up is kept', (s, l) => number(s.policies.pickup.keptDays, l)),
  // returns and refunds
  returnDays: p('days to return or exchange', (s, l) => number(s.policies.returnDays, l)),
  damageReportDays: p('days to report damage', (s, l) => number(s.policies.damageReportDays, l)),
  returnCarrier: p('the carrier that takes returns', (s) => s.policies.returnCarrier),
  returnCheckDays: p('working days to check a return', (s, l) =>
    number(s.policies.returnCheckWorkingDays, l),
  ),
  refundDays: p('working days until the money is back, "3-7"', (s, l) =>
    range(s.policies.refundWorkingDays, l),
  ),
  failedPaymentRefundHours: p('hours until a failed payment comes back', (s, l) =>
    number(s.policies.failedPaymentRefundHours, l),
  ),
  // payment
  paymentMethods: p('the ways to pay, as a list', (s, l) =>
    list(
      s.policies.paymentMethods.map((m) => PAYMENT_METHOD_NAMES[m][l]),
      l,
    ),
  ),
  instalmentFrom: p('order total from which instalments are offered', (s, l) =>
    money(s.policies.instalments.fromCents, s, l),
  ),
  instalmentCounts: p('numbers of instalments, "3, 6 or 12"', (s, l) =>
    list(
      s.policies.instalments.counts.map((n) => number(n, l)),
      l,
      'disjunction',
    ),
  ),
  interestFreeInstalments: p('up to this many instalments are interest-free', (s, l) =>
    number(s.policies.instalments.interestFreeCount, l),
  ),
  invoiceRequestDays: p('days to ask for an invoice', (s, l) =>
    number(s.policies.invoice.requestDays, l),
  ),
  invoiceDays: p('working days until the invoice is emailed', (s, l) =>
    number(s.policies.invoice.sentWithinWorkingDays, l),
  ),
  priceMatchDays: p('days in which a price drop is refunded', (s, l) =>
    number(s.policies.priceMatchDays, l),
  ),
  // products and services
  warrantyElectronicsMonths: p('warranty months, electronics', (s, l) =>
    number(s.policies.warrantyMonths.electronics, l),
  ),
  warrantyEyewearAndBagsMonths: p('warranty months, glasses frames and bags', (s, l) =>
    number(s.policies.warrantyMonths.eyewearAndBags, l),
  ),
  warrantyOtherMonths: p('warranty months, everything else', (s, l) =>
    number(s.policies.warrantyMonths.other, l),
  ),
  repairDays: p('working days a repair takes', (s, l) => number(s.policies.repairWorkingDays, l)),
  restockWeeks: p('weeks until sold-out items are back, "2-3"', (s, l) =>
    range(s.policies.restockWeeks, l),
  ),
  giftWrapFee: p('gift wrapping, per order', (s, l) => money(s.policies.giftWrapCents, s, l)),
  giftCardValues: p('gift card values, "¥100, ¥200 and ¥500"', (s, l) =>
    list(
      s.policies.giftCard.valuesCents.map((c) => money(c, s, l)),
      l,
    ),
  ),
  giftCardYears: p('years a gift card is valid', (s, l) =>
    number(s.policies.giftCard.validYears, l),
  ),
  singleVisionLensPrice: p('single-vision prescription lenses', (s, l) =>
    money(s.policies.prescriptionLenses.singleVisionCents, s, l),
  ),
  progressiveLensPrice: p('progressive prescription lenses', (s, l) =>
    money(s.policies.prescriptionLenses.progressiveCents, s, l),
  ),
  lensDays: p('days until prescription lenses are ready, "5-7"', (s, l) =>
    range(s.policies.prescriptionLenses.days, l),
  ),
  bulkOrderFromItems: p('items from which an order is a bulk order', (s, l) =>
    number(s.policies.bulkOrderFromItems, l),
  ),
  // membership and discounts
  memberFirstOrderOff: p('off a new member’s first order', (s, l) =>
    money(s.policies.membership.firstOrderOffCents, s, l),
  ),
  pointsPerUnit: p('points per currency unit spent', (s, l) =>
    number(s.policies.membership.pointsPerUnit, l),
  ),
  silverFromPoints: p('points a year for Silver, "2,000"', (s, l) =>
    number(s.policies.membership.silverFromPoints, l),
  ),
  goldFromPoints: p('points a year for Gold', (s, l) =>
    number(s.policies.membership.goldFromPoints, l),
  ),
  pointsPerUnitOff: p('points worth one currency unit off', (s, l) =>
    number(s.policies.membership.pointsPerUnitOff, l),
  ),
  concessionDiscount: p('students’ and seniors’ discount, "10% off" / "9 折"', (s, l) =>
    discount(s.policies.concession.percentOff, l),
  ),
  seniorAge: p('age from which seniors get the discount', (s, l) =>
    number(s.policies.concession.seniorFromAge, l),
  ),
  saleSeasons: p('when the big sales run, in words', (s, l) => s.policies.saleSeasons[l]),
  // stores
  storeList: p('the stores, "Shanghai (West Nanjing Road 1266), …"', (s, l) =>
    list(
      s.stores.list.map((st) =>
        l === 'zh-CN' ? `${st.city[l]}（${st.address[l]}）` : `${st.city[l]} (${st.address[l]})`,
      ),
      l,
    ),
  ),
  storeHoursWeekdays: p('store hours Monday to Friday, "10:00-21:00"', (s) =>
    hours(s.stores.hours.weekdays),
  ),
  storeHoursWeekends: p('store hours at weekends', (s) => hours(s.stores.hours.weekends)),
  storeHoursHolidays: p('store hours on public holidays', (s) => hours(s.stores.hours.holidays)),
  freeParkingHours: p('hours of free parking with a purchase', (s, l) =>
    number(s.stores.freeParkingHours, l),
  ),
  metroWalkMinutes: p('minutes’ walk to the metro, at most', (s, l) =>
    number(s.stores.metroWalkMinutes, l),
  ),
};

/** The fields of an offer its own text may state (see offerValues). */
export interface OfferFields {
  code?: string;
  amountOffCents?: number;
  minSpendCents?: number;
  percentOff?: number;
}

/**
 * An offer's own values, for its text: `{code}`, `{amountOff}`, `{minSpend}`, `{percentOff}`
 * ("15%"), `{discount}` ("15% off" / "85 折"). Only the fields the offer has: a text naming one
 * it lacks fails like any unknown placeholder.
 */
export function offerValues(
  offer: OfferFields,
  settings: ShopSettings,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (offer.code !== undefined) out.code = offer.code;
  if (offer.amountOffCents !== undefined)
    out.amountOff = formatMoney(offer.amountOffCents, settings.currency, locale);
  if (offer.minSpendCents !== undefined)
    out.minSpend = formatMoney(offer.minSpendCents, settings.currency, locale);
  if (offer.percentOff !== undefined) {
    out.percentOff = `${offer.percentOff}%`;
    out.discount = discount(offer.percentOff, locale);
  }
  return out;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a text uses, each once, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/**
 * The text with every placeholder filled from the settings (or from `extra`, e.g. an offer's
 * own values, which win). Throws on a placeholder that is neither.
 */
export function fillTemplate(
  text: string,
  settings: ShopSettings,
  locale: Locale,
  extra: Readonly<Record<string, string>> = {},
): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (Object.hasOwn(extra, name)) return extra[name]!;
    if (Object.hasOwn(PLACEHOLDERS, name)) return PLACEHOLDERS[name]!.fill(settings, locale);
    throw new Error(`unknown placeholder {${name}} in "${text}"`);
  });
}
