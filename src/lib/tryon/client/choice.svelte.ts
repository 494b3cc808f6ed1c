/**
 * What the shopper wears in Try on: a category, a product in it and, when comparing, a second
 * one. It follows the route's `?product=…` (the product page's "Try on" link, back and forward),
 * so that link works while the view is already open.
 */
import type { Category, Product } from '../../catalog/types';
import { catalog } from '../../shell/catalog';

/** The most products of a category offered to try on (a stored catalog may have thousands). */
const OFFERED = 120;

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

  /** A stored catalog's products of a category, once read. */
  #read = $state.raw<{ category: Category; products: Product[] } | null>(null);
  /** The products of the category that can be tried on (the first OFFERED). */
  readonly inCategory: Product[] = $derived(
    catalog.heldIn(this.category, { tryOn: true, limit: OFFERED }) ??
      (this.#read?.category === this.category ? this.#read.products : []),
  );
  /** The chosen product, else the category's first. */
  readonly product: Product | null = $derived(
    (this.productId ? catalog.get(this.productId) : undefined) ?? this.inCategory[0] ?? null,
  );
  readonly second: Product | null = $derived(
    this.compareId ? (catalog.get(this.compareId) ?? null) : null,
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
    if (catalog.inline) return;
    $effect(() => {
      const category = this.category;
      let current = true;
      catalog
        .inDepartment(category, { tryOn: true, limit: OFFERED })
        .then((products) => {
          if (current) this.#read = { category, products };
        })
        .catch(() => undefined); // the Shop says when the catalog cannot be stored
      return () => (current = false);
    });
  }

  /** Wears a product that can be tried on (others are ignored), ending any comparison. */
  wear(id: string | null): void {
    if (!id) return;
    const held = catalog.get(id);
    if (held) this.#wear(held);
    else void catalog.load([id]).then(([asked]) => asked && this.#wear(asked));
  }

  #wear(asked: Product): void {
    if (!asked.tryOn) return;
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
