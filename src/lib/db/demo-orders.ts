/** A believable order history so the Orders page isn't empty on first run. Pure and deterministic. */
import type { Product } from '../catalog/types';
import type { Order, OrderStatus } from './schema';

const DAY = 24 * 60 * 60 * 1000;

const CARRIERS = [
  { name: 'SwiftPost', prefix: 'SP' },
  { name: 'Parcelwing', prefix: 'PW' },
  { name: 'Harbor Express', prefix: 'HX' },
  { name: 'Lantern Courier', prefix: 'LC' },
] as const;

/** One line per order: how long ago it was placed, and what happened since. */
const PLAN: { daysAgo: number; status: OrderStatus; itemCount: number; shippingDays: number }[] = [
  { daysAgo: 2, status: 'processing', itemCount: 1, shippingDays: 4 },
  { daysAgo: 5, status: 'shipped', itemCount: 2, shippingDays: 4 },
  { daysAgo: 12, status: 'delivered', itemCount: 1, shippingDays: 3 },
  { daysAgo: 23, status: 'delivered', itemCount: 3, shippingDays: 5 },
  { daysAgo: 37, status: 'returned', itemCount: 1, shippingDays: 3 },
  { daysAgo: 54, status: 'delivered', itemCount: 2, shippingDays: 6 },
];

/** FNV-1a, so different profiles get different (but stable) order numbers. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function orderId(placedAt: number, serial: number): string {
  const year = String(new Date(placedAt).getUTCFullYear() % 100).padStart(2, '0');
  return `PA-${year}-${String(serial % 1_000_000).padStart(6, '0')}`;
}

export function demoOrders(profileId: string, products: Product[], now: number): Order[] {
  if (products.length === 0) return [];
  const seed = hash(profileId);
  const firstSerial = 100_000 + (seed % 800_000);
  let pick = seed % products.length;

  return PLAN.map((plan, i) => {
    // Older orders got lower serials, as a real shop's counter would.
    const serial = firstSerial + (PLAN.length - i) * 137;
    const placedAt = now - plan.daysAgo * DAY - ((seed >>> i) % 10) * 60 * 60 * 1000;
    const items = Array.from({ length: plan.itemCount }, (_, k) => {
      pick = (pick + 37) % products.length; // a fixed stride spreads picks over categories
      const product = products[pick]!;
      return { productId: product.id, quantity: k === 1 ? 2 : 1, priceCents: product.priceCents };
    });
    const carrier = CARRIERS[(seed + i) % CARRIERS.length]!;
    return {
      id: orderId(placedAt, serial),
      profileId,
      placedAt,
      status: plan.status,
      items,
      totalCents: items.reduce((sum, item) => sum + item.quantity * item.priceCents, 0),
      carrier: carrier.name,
      trackingCode: `${carrier.prefix}${String(hash(`${profileId}:${i}`)).padStart(10, '0')}`,
      estimatedDelivery: placedAt + plan.shippingDays * DAY,
    };
  });
}
