/**
 * A profile's cart and orders. Placing an order is one transaction: the order, the purchase
 * events the recommender learns from, and the cart lines it empties, all or none. Rows of a
 * protected profile are sealed like its other data (tables.ts).
 */
import { guard, StorageError } from './errors';
import type { AisleDB, CartLine, Order, ShopEvent } from './schema';

/** The most of one line (a typo of 1000 is not an order). */
export const MAX_QUANTITY = 999;

/** A profile's cart and saved-for-later lines, oldest first. */
export function cartOf(db: AisleDB, profileId: string): Promise<CartLine[]> {
  return guard(async () =>
    (await db.cart.where('profileId').equals(profileId).toArray()).sort(
      (a, b) => a.addedAt - b.addedAt,
    ),
  );
}

/** Adds to the cart: one more of a line already there (same product and variant), else a line. */
export function addToCart(
  db: AisleDB,
  line: { profileId: string; productId: string; sku?: string; quantity?: number },
): Promise<void> {
  const quantity = line.quantity ?? 1;
  return guard(() =>
    db.transaction('rw', db.cart, async () => {
      const lines = await db.cart.where('profileId').equals(line.profileId).toArray();
      const same = lines.find(
        (l) => !l.later && l.productId === line.productId && l.sku === line.sku,
      );
      if (same) {
        await db.cart.put({ ...same, quantity: Math.min(MAX_QUANTITY, same.quantity + quantity) });
        return;
      }
      const row: CartLine = {
        profileId: line.profileId,
        productId: line.productId,
        quantity: Math.min(MAX_QUANTITY, quantity),
        later: false,
        addedAt: Date.now(),
      };
      if (line.sku) row.sku = line.sku;
      await db.cart.add(row);
    }),
  );
}

/** Changes a line (its quantity, or saved for later); a line that is gone is left gone. */
export function updateCartLine(
  db: AisleDB,
  id: number,
  change: { quantity?: number; later?: boolean },
): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.cart, async () => {
      const line = await db.cart.get(id);
      if (!line) return;
      const quantity = Math.max(1, Math.min(MAX_QUANTITY, change.quantity ?? line.quantity));
      await db.cart.put({ ...line, quantity, later: change.later ?? line.later });
    }),
  );
}

export function removeCartLine(db: AisleDB, id: number): Promise<void> {
  return guard(() => db.cart.delete(id));
}

/** Places an order: stores it, logs its purchases and empties the lines it was made from. */
export function placeOrder(db: AisleDB, order: Order, fromLines: readonly number[]): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.orders, db.events, db.cart], async () => {
      await db.orders.add(order);
      const purchases: ShopEvent[] = order.items.map((item) => ({
        profileId: order.profileId,
        productId: item.productId,
        type: 'purchase',
        at: order.placedAt,
      }));
      await db.events.bulkAdd(purchases);
      await db.cart.bulkDelete([...fromLines]);
    }),
  );
}

/** A profile's orders, newest first. */
export function ordersOfProfile(db: AisleDB, profileId: string): Promise<Order[]> {
  return guard(async () =>
    (await db.orders.where('profileId').equals(profileId).toArray()).sort(
      (a, b) => b.placedAt - a.placedAt,
    ),
  );
}

/** Cancels a placed order of this profile (the caller checks it may still be cancelled). */
export function cancelOrder(db: AisleDB, profileId: string, id: string, at = Date.now()) {
  return guard(() =>
    db.transaction('rw', db.orders, async () => {
      const order = await db.orders.get(id);
      if (!order || order.profileId !== profileId) {
        throw new StorageError('invalid', `No order ${id} for this profile`);
      }
      if (order.status === 'placed')
        await db.orders.put({ ...order, status: 'cancelled', cancelledAt: at });
    }),
  );
}
