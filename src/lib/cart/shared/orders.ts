/**
 * Orders as the shopper sees them: their number, their progress and what the till's scanner
 * reads. No payment is taken and nothing is sent: an order's progress after it is placed is a
 * simulation from the shop's delivery times (the UI says so), and a kiosk's order is paid at the
 * shop's till from the QR code. Pure.
 */
import type { Order } from './types';
import type { NumberRange } from '../../shop/shared/settings';

const DAY = 24 * 60 * 60 * 1000;

/** "PA-" and eight digits, from a random source (crypto in the app). */
export function orderNumber(random: () => number): string {
  return `PA-${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
}

/** An order number as a shopper writes it ("pa 1234", "PA-00001234"), or undefined. */
export function orderNumberIn(text: string): string | undefined {
  const match = /\bPA[\s-]?(\d{4,8})\b/i.exec(text);
  return match ? `PA-${match[1]!.padStart(8, '0')}` : undefined;
}

export type OrderStage = 'placed' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderProgress {
  stage: OrderStage;
  /** When it ships (placed) or arrives (shipped, delivered): simulated. */
  dateAt: number;
  /** Whether it may still be cancelled. */
  cancellable: boolean;
}

/**
 * Where an order is, simulated: placed for a day (it can be cancelled then), then shipped, and
 * delivered after the shop's longest standard delivery time. A till order stays placed until
 * it is paid at the till, which this device never learns of.
 */
export function orderProgress(order: Order, deliveryDays: NumberRange, now: number): OrderProgress {
  if (order.status === 'cancelled') {
    return { stage: 'cancelled', dateAt: order.cancelledAt ?? order.placedAt, cancellable: false };
  }
  const ships = order.placedAt + DAY;
  const arrives = order.placedAt + deliveryDays.max * DAY;
  if (order.checkout === 'till' || now < ships) {
    return { stage: 'placed', dateAt: ships, cancellable: true };
  }
  if (now < arrives) return { stage: 'shipped', dateAt: arrives, cancellable: false };
  return { stage: 'delivered', dateAt: arrives, cancellable: false };
}

/**
 * What the till's scanner reads from the QR code: the order number, currency, one line per item
 * (quantity, SKU or product id, unit price in minor units, tab-separated) and the total.
 */
export function tillPayload(order: Order): string {
  return [
    'PRIVATE-AISLE-ORDER 1',
    order.id,
    order.currency,
    ...order.items.map((i) => `${i.quantity}\t${i.sku ?? i.productId}\t${i.priceCents}`),
    `DISCOUNT\t${order.discountCents}`,
    `SHIPPING\t${order.shippingCents}`,
    `TOTAL\t${order.totalCents}`,
  ].join('\n');
}
