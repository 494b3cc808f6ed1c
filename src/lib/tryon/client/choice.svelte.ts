/**
 * What the shopper wears in Try on: a category, a product in it and, when comparing, a second
 * one. It follows the route's `?product=…` (the product page's "Try on" link, back and forward),
 * so that link works while the view is already open.
 */
import type { Category, Product } from '../../catalog/types';
import { products as catalog, productById } from '../../shell/catalog';

export const TRY_ON_CATEGORIES: readonly Category[] = [
  'glasses',
  'sunglasses',
  'hats',
  'earrings',
  'lipsticks',
];

export class TryOnChoice {
  category = $state<Category>('glasses');
  productId = $state<string | null>(null);
  /** The second product, side by side; null when not comparing. */
  compareId = $state<string | null>(null);

  /** The products of the category that can be tried on. */
  readonly inCategory: Product[] = $derived(
    catalog.filter((p) => p.category === this.category && p.tryOn),
  );
  /** The chosen product, else the category's first. */
  readonly product: Product | null = $derived(
    productById.get(this.productId ?? '') ?? this.inCategory[0] ?? null,
  );
  readonly second: Product | null = $derived(
    this.compareId ? (productById.get(this.compareId) ?? null) : null,
  );
  /** The ids of the products on screen, in order. */
  readonly wornIds: string[] = $derived(
    [this.product?.id, this.second?.id].filter((id): id is string => !!id),
  );

  /**
   * `requested` reads the product id asked for by the route (reactive). Call while a component or
   * an effect root is being created: it follows the route from then on.
   */
  constructor(requested: () => string | null) {
    this.wear(requested());
    $effect(() => this.wear(requested()));
  }

  /** Wears a product that can be tried on (others are ignored), ending any comparison. */
  wear(id: string | null): void {
    const asked = productById.get(id ?? '');
    if (!asked?.tryOn) return;
    this.category = asked.category;
    this.productId = asked.id;
    this.compareId = null;
  }

  pickCategory(category: Category): void {
    this.category = category;
    this.productId = null;
    this.compareId = null;
  }

  pick(id: string): void {
    this.productId = id;
  }

  /** Compares with another product of the category (the first one not worn). */
  startCompare(): void {
    this.compareId = this.inCategory.find((p) => p.id !== this.product?.id)?.id ?? null;
  }

  stopCompare(): void {
    this.compareId = null;
  }
}
