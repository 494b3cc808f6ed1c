/** A cart line and an order as they are stored (db/schema.ts keeps them in its tables). */

/** Stored: an order is placed until the shopper cancels it (its progress is derived: cart/). */
export type OrderStatus = 'placed' | 'cancelled';

export interface OrderItem {
  productId: string;
  /** The variant bought, when the product has variants. */
  sku?: string;
  quantity: number;
  /** The price of one, as it was in the cart (minor units of the order's currency). */
  priceCents: number;
}

/** An order the shopper placed on this device (no payment is taken: see cart/). */
export interface Order {
  /** "PA-" and digits: said at the till and asked about in Help. */
  id: string;
  profileId: string;
  placedAt: number;
  status: OrderStatus;
  cancelledAt?: number;
  items: OrderItem[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  /** The offers applied (promotion ids). */
  offerIds: string[];
  currency: string;
  /** How it ends: paid at the shop's till (a kiosk) or confirmed for delivery. */
  checkout: 'till' | 'confirmation';
}

/** A line of a profile's cart (or saved for later). */
export interface CartLine {
  id?: number; // auto-increment
  profileId: string;
  productId: string;
  /** The variant chosen, when the product has variants. */
  sku?: string;
  quantity: number;
  /** Saved for later: kept, but not in the order. */
  later: boolean;
  addedAt: number;
}
