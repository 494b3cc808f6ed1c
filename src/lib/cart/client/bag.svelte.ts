/**
 * What every page needs of the cart, kept small because it loads with the app: how many items
 * it holds (the navigation's badge) and "Add to cart". The Cart view's store (cart.svelte.ts:
 * prices, offers, checkout, orders) loads with that view.
 */
import { addToCart, cartOf, type CartLine } from '../../db';
import { live, type Live } from '../../db/live.svelte';
import { session } from '../../shell/session.svelte';

const key = () => session.db && ([session.db, session.profileId] as const);

let lines!: Live<CartLine[]>;
// Module-level: the read runs for the app's lifetime.
$effect.root(() => {
  lines = live(key, ([db, profileId]) => cartOf(db, profileId), []);
});

export const bag = {
  /** The active profile's cart lines (saved for later included), as last read. */
  get lines(): CartLine[] {
    return lines.current;
  },
  /** Items in the cart, not saved for later. */
  get count(): number {
    return lines.current.filter((l) => !l.later).reduce((n, l) => n + l.quantity, 0);
  },
  /** Adds one (of this variant) to the active profile's cart. */
  async add(productId: string, sku?: string): Promise<void> {
    const db = session.db;
    if (!db) throw new Error('Storage is not open');
    const line = { profileId: session.profileId, productId, ...(sku ? { sku } : {}) };
    await db.holds.run(() => addToCart(db, line));
  },
};
