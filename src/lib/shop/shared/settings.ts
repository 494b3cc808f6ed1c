/**
 * A shop's settings and policies (the pack's shop.json), as values: the FAQ answers, the offers
 * and the checkout all read these, so they cannot contradict each other. Every field has a
 * default (DEFAULT_SETTINGS, the demo shop's), so a pack may hold only its products.
 *
 * Units are in the names: `…Cents` is money in minor units of `currency` (fen, pence; yen for
 * JPY), `…Days` calendar days, `…WorkingDays` working days, times are "HH:MM" (24-hour clock).
 */
import type { Category, Locale, Localized } from '../../catalog/types';

/** Payment methods the app can name in both languages; a shop picks from these. */
export const PAYMENT_METHODS = [
  'card',
  'alipay',
  'wechat-pay',
  'union-pay',
  'apple-pay',
  'gift-card',
  'cash',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A time of day, "HH:MM", 24-hour clock, e.g. "09:00", "21:30". */
export type ClockTime = string;

export interface OpeningHours {
  open: ClockTime;
  close: ClockTime;
}

/** An inclusive range, e.g. 3-5 working days. */
export interface NumberRange {
  min: number;
  max: number;
}

export interface ShopPolicies {
  // ---- delivery
  /** Orders whose goods total reaches this ship free (minor units of `currency`). */
  freeShippingFromCents: number;
  /** Standard shipping on smaller orders (minor units). */
  shippingFeeCents: number;
  /** Express delivery, on top of the standard fee (minor units). */
  expressFeeCents: number;
  /** Working days express takes to most large cities. */
  expressWorkingDays: number;
  /** Orders placed before this time leave the warehouse the same day. */
  orderCutoff: ClockTime;
  /** Where the shop delivers, in words ("all of mainland China, and …"). */
  deliveryRegions: Localized;
  /** Working days from order to door, standard delivery. */
  deliveryDays: NumberRange;
  /** Working days standard delivery may take to remote areas. */
  remoteDeliveryMaxDays: number;
  /** Working days from order to door abroad. */
  internationalDeliveryDays: NumberRange;
  /** Store pick-up: hours until ready, days it is kept. */
  pickup: { readyHours: number; keptDays: number };
  // ---- returns and refunds
  /** Days after delivery within which unused goods come back for a refund or an exchange. */
  returnDays: number;
  /** Days after delivery to report a damaged parcel. */
  damageReportDays: number;
  /** The carrier that takes returns, by name ("SwiftPost"). */
  returnCarrier: string;
  /** Working days to check a return once it arrives. */
  returnCheckWorkingDays: number;
  /** Working days until a refund reaches the card or account, after the check. */
  refundWorkingDays: NumberRange;
  /** Hours until money taken for an order that failed comes back by itself. */
  failedPaymentRefundHours: number;
  // ---- payment
  paymentMethods: PaymentMethod[];
  /** Instalments: orders from `fromCents` may be split into any of `counts` payments. */
  instalments: { fromCents: number; counts: number[]; interestFreeCount: number };
  /** Days after purchase to ask for an invoice; working days until it is emailed. */
  invoice: { requestDays: number; sentWithinWorkingDays: number };
  /** Days after purchase within which a price drop is refunded. */
  priceMatchDays: number;
  // ---- products and services
  /** Warranty against manufacturing defects, in months. */
  warrantyMonths: { electronics: number; eyewearAndBags: number; other: number };
  /** Working days a repair takes. */
  repairWorkingDays: number;
  /** Weeks until a sold-out item is usually back. */
  restockWeeks: NumberRange;
  giftWrapCents: number;
  giftCard: { valuesCents: number[]; validYears: number };
  prescriptionLenses: { singleVisionCents: number; progressiveCents: number; days: NumberRange };
  /** Items from which an order counts as a bulk (business) order. */
  bulkOrderFromItems: number;
  // ---- membership and discounts
  membership: {
    /** Off a new member's first order (minor units). */
    firstOrderOffCents: number;
    /** Points earned per one unit of currency (¥1, £1) spent. */
    pointsPerUnit: number;
    silverFromPoints: number;
    goldFromPoints: number;
    /** Points worth one unit of currency off. */
    pointsPerUnitOff: number;
  };
  /** Students and seniors (from `seniorFromAge`) get `percentOff` in stores. */
  concession: { percentOff: number; seniorFromAge: number };
  /** When the big sales run, in words ("in June (618), November (11.11) and …"). */
  saleSeasons: Localized;
}

/** A physical store: its city and street address. */
export interface Store {
  city: Localized;
  address: Localized;
}

export interface ShopStores {
  list: Store[];
  hours: { weekdays: OpeningHours; weekends: OpeningHours; holidays: OpeningHours };
  /** Hours of free parking with any purchase (0: none). */
  freeParkingHours: number;
  /** Minutes' walk to the nearest metro station, at most. */
  metroWalkMinutes: number;
}

export interface ShopContact {
  /** Customer service. */
  email: string;
  phone: string;
  /** Bulk and company orders. */
  businessEmail: string;
  address?: Localized;
  /** When customer service answers the phone, every day. */
  serviceHours: OpeningHours;
  /** Working days within which a complaint gets a reply. */
  complaintReplyWorkingDays: number;
}

export interface ShopSettings {
  name: Localized;
  /** Path of the logo inside the pack (SVG or PNG); absent: the app's own. */
  logo?: string;
  colours: { brand: string; accent: string }; // hex
  /** ISO 4217 code of every price in the pack, e.g. "CNY", "GBP". */
  currency: string;
  /** The language the pack's main columns are written in. */
  locale: Locale;
  contact: ShopContact;
  stores: ShopStores;
  policies: ShopPolicies;
  /** How checkout ends: pay at the till (a kiosk) or an order confirmation (a personal device). */
  checkout: 'till' | 'confirmation';
  /** The shop's own product types (as in the pack) mapped to the app's departments. */
  departments?: Record<string, Category>;
}
