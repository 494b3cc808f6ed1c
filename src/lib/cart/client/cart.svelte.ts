/**
 * The active profile's cart as the Cart view shows it: prices, offers, checkout and orders (the
 * count and "Add to cart", needed everywhere, are ./bag.svelte.ts). Lines and orders are read
 * live from the database (db/cart.ts), so every view follows a change wherever it was made; the
 * offers applied are this visit's choice, checked again against the cart on every change
 * (shared/pricing.ts). No payment is taken: checkout places an order on this device only.
 */
import { CATEGORY_NAMES } from '../../catalog/names';
import type { Category, Product } from '../../catalog/types';
import {
  cancelOrder,
  ordersOfProfile,
  placeOrder,
  removeCartLine,
  savedPromotionIds,
  updateCartLine,
  type CartLine,
  type Order,
} from '../../db';
import { live, type Live } from '../../db/live.svelte';
import { i18n } from '../../i18n/locale.svelte';
import { kiosk } from '../../kiosk/client/kiosk.svelte';
import type { Promotion } from '../../promotions/shared/schema';
import { recommender } from '../../recommender/client/recommender.svelte';
import { catalog, shopSettings } from '../../shell/catalog';
import { session } from '../../shell/session.svelte';
import { bag } from './bag.svelte';
import { orderNumber, orderProgress, type OrderProgress } from '../shared/orders';
import {
  priceCart,
  unitPrice,
  type CartTotals,
  type OfferResult,
  type PricedLine,
} from '../shared/pricing';

/** A cart line with its product (undefined while it is read; null when the shop dropped it). */
export interface ShownLine {
  line: CartLine & { id: number };
  product: Product | undefined | null;
  unitCents: number;
}

export interface AppliedOffer {
  promotion: Promotion;
  result: OfferResult;
}

/** The shop's offers, loaded with the promotions code only when the Cart needs them. */
const promotions = () => import('../../promotions/client/promotions');

const random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

class Cart {
  readonly #orders: Live<Order[]>;
  readonly #saved: Live<string[]>;
  #offers = $state.raw<readonly Promotion[]>([]);
  /** Applied offers (promotion ids), for the profile they were applied for. */
  #applied = $state.raw<{ profileId: string; ids: string[] }>({ profileId: '', ids: [] });

  constructor() {
    const key = () => session.db && ([session.db, session.profileId] as const);
    let orders!: Live<Order[]>;
    let saved!: Live<string[]>;
    // Module-level: its live reads run for the app's lifetime.
    $effect.root(() => {
      orders = live(key, ([db, profileId]) => ordersOfProfile(db, profileId), []);
      saved = live(key, ([db, profileId]) => savedPromotionIds(db, profileId), []);
    });
    this.#orders = orders;
    this.#saved = saved;
  }

  /** What will be ordered. */
  readonly lines: ShownLine[] = $derived(this.#shown(false));
  /** Saved for later. */
  readonly later: ShownLine[] = $derived(this.#shown(true));

  #shown(later: boolean): ShownLine[] {
    return bag.lines
      .filter((l): l is CartLine & { id: number } => l.later === later && l.id !== undefined)
      .map((line) => {
        const product = catalog.absent(line.productId) ? null : catalog.get(line.productId);
        return { line, product, unitCents: product ? unitPrice(product, line.sku) : 0 };
      });
  }

  get #appliedIds(): string[] {
    return this.#applied.profileId === session.profileId ? this.#applied.ids : [];
  }

  /** The cart priced once per change: the offers chosen, each one's result, and the totals. */
  readonly #pricing = $derived.by(() => {
    const chosen = this.#appliedIds.flatMap((id) => this.#offers.filter((p) => p.id === id));
    const priced: PricedLine[] = this.lines.flatMap(({ line, product, unitCents }) =>
      product ? [{ quantity: line.quantity, unitCents, category: product.category }] : [],
    );
    return { chosen, ...priceCart(priced, shopSettings.policies, chosen) };
  });

  /** The offers applied, each with whether it applies to the cart as it is now. */
  get applied(): AppliedOffer[] {
    const { chosen, results } = this.#pricing;
    return chosen.map((promotion, i) => ({ promotion, result: results[i]! }));
  }

  get totals(): CartTotals {
    return this.#pricing.totals;
  }

  /** Offers saved from the banner, not applied yet. */
  get saved(): Promotion[] {
    const applied = new Set(this.#appliedIds);
    return this.#saved.current.flatMap((id) =>
      applied.has(id) ? [] : this.#offers.filter((p) => p.id === id),
    );
  }

  get orders(): Order[] {
    return this.#orders.current;
  }

  progress(order: Order, now = Date.now()): OrderProgress {
    return orderProgress(order, shopSettings.policies.deliveryDays, now);
  }

  /** Loads the shop's offers (the Cart view calls it). */
  async loadOffers(): Promise<void> {
    if (!this.#offers.length) this.#offers = (await promotions()).shopPromotions;
  }

  async setQuantity(line: ShownLine, quantity: number): Promise<void> {
    if (session.db && Number.isFinite(quantity) && quantity >= 1)
      await updateCartLine(session.db, line.line.id, { quantity: Math.floor(quantity) });
  }

  async remove(line: ShownLine): Promise<void> {
    if (session.db) await removeCartLine(session.db, line.line.id);
  }

  async setLater(line: ShownLine, later: boolean): Promise<void> {
    if (session.db) await updateCartLine(session.db, line.line.id, { later });
  }

  /** Applies an offer by id; its result says whether (and why not) it applies. */
  apply(id: string): void {
    const ids = this.#appliedIds;
    if (!ids.includes(id)) this.#applied = { profileId: session.profileId, ids: [...ids, id] };
  }

  /** Applies the offer with this code; false when there is none. */
  async applyCode(code: string): Promise<boolean> {
    await this.loadOffers();
    const wanted = code.trim().toUpperCase();
    const offer = this.#offers.find((p) => p.code === wanted);
    if (offer) this.apply(offer.id);
    return offer !== undefined;
  }

  unapply(id: string): void {
    this.#applied = {
      profileId: session.profileId,
      ids: this.#appliedIds.filter((other) => other !== id),
    };
  }

  /**
   * Places the order: the cart's lines at their prices, the offers that apply, the shop's
   * shipping. Returns it; the offers used are redeemed (the promotions learn from it).
   */
  async checkout(now = Date.now()): Promise<Order> {
    const db = session.db;
    const lines = this.lines.filter((l) => l.product);
    if (!db || !lines.length) throw new Error('Nothing to order');
    const used = this.applied.filter((a) => a.result.ok).map((a) => a.promotion.id);
    const { subtotalCents, discountCents, shippingCents, totalCents } = this.totals;
    const order: Order = {
      id: orderNumber(random),
      profileId: session.profileId,
      placedAt: now,
      status: 'placed',
      items: lines.map(({ line, unitCents }) => ({
        productId: line.productId,
        ...(line.sku ? { sku: line.sku } : {}),
        quantity: line.quantity,
        priceCents: unitCents,
      })),
      subtotalCents,
      discountCents,
      shippingCents,
      totalCents,
      offerIds: used,
      currency: shopSettings.currency,
      checkout: kiosk.enabled ? 'till' : shopSettings.checkout,
    };
    const placed = await db.holds.run(async () => {
      await placeOrder(
        db,
        order,
        lines.map((l) => l.line.id),
      );
      if (!used.length) return order;
      await (await promotions()).redeemOffers(db, order.profileId, used, now).catch(() => {
        // the order is placed; the promotions only miss one lesson
      });
      return order;
    });
    if (!placed) throw new Error('Storage is being replaced'); // erase or import: nothing ordered
    this.#applied = { profileId: session.profileId, ids: [] };
    recommender.scheduleRetrain(); // its purchases are the strongest taste signal there is
    return placed;
  }

  /** Cancels an order that may still be cancelled; false when it may not. */
  async cancel(order: Order): Promise<boolean> {
    const db = session.db;
    if (!db || !this.progress(order).cancellable) return false;
    await cancelOrder(db, session.profileId, order.id);
    return true;
  }
}

export const cart = new Cart();

/** Departments in words within a sentence, in the current language ("sunglasses and hats"). */
export function departmentsText(categories: readonly Category[]): string {
  const locale = i18n.locale;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    categories.map((c) => {
      const name = CATEGORY_NAMES[c][locale];
      return locale === 'en' ? name.toLowerCase() : name;
    }),
  );
}
