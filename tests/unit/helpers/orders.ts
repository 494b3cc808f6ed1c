// An order as the shopper places it (cart/), for tests that need one in a table.
import type { Order } from '../../../src/lib/db/schema';

export function sampleOrder(profileId: string, at: number, change: Partial<Order> = {}): Order {
  return {
    id: `PA-${String(at % 1e8).padStart(8, '0')}`,
    profileId,
    placedAt: at,
    status: 'placed',
    items: [{ productId: 'hats-001', quantity: 2, priceCents: 4950 }],
    subtotalCents: 9900,
    discountCents: 0,
    shippingCents: 1000,
    totalCents: 10900,
    offerIds: [],
    currency: 'CNY',
    checkout: 'confirmation',
    ...change,
  };
}
