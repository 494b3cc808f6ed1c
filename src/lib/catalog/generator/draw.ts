/**
 * What every category's builder draws with: a seeded random source, a few text and number helpers,
 * and makeCategory, which turns a builder into numbered, uniquely named products. Each category
 * draws from its own seed, so changing one category does not reshuffle the others.
 */
import { seededRandom as mulberry32 } from '../../random/seeded';
import { colour } from '../colours';
import { CATEGORIES } from '../types';
import type { Category, Localized, Product } from '../types';

export interface Rng {
  float(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const r: Rng = {
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from empty list');
      return items[Math.floor(items.length * next())] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
  return r;
}

const SEED = 0x5eed2024;

export const L = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });
export const enColour = (key: string) => colour(key).name.en.toLowerCase();
export const zhColour = (key: string) => colour(key).name['zh-CN'];
export const hex = (key: string) => colour(key).hex;
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const round2 = (x: number) => Math.round(x * 100) / 100;
const unique = <T>(items: T[]) => [...new Set(items)];

/** A shop-like price in fen: whole yuan ending in 9, inside [min, max] yuan. */
export function price(r: Rng, [min, max]: readonly [number, number]): number {
  let yuan = Math.floor(r.int(min, max) / 10) * 10 + 9;
  if (yuan > max) yuan -= 10;
  if (yuan < min) yuan = min;
  return yuan * 100;
}

export type Draft = Omit<Product, 'id' | 'category'>;

/** Draws `count` products, re-rolling duplicates so that every English name is unique. */
export function makeCategory(
  category: Category,
  count: number,
  make: (r: Rng, index: number) => Draft,
): Product[] {
  const r = rng(SEED + CATEGORIES.indexOf(category) * 7919);
  const seen = new Set<string>();
  const out: Product[] = [];
  let tries = 0;
  while (out.length < count) {
    const draft = make(r, out.length);
    if (seen.has(draft.name.en)) {
      if (++tries > 10_000) throw new Error(`Cannot draw ${count} distinct ${category}`);
      continue;
    }
    seen.add(draft.name.en);
    const id = `${category}-${String(out.length + 1).padStart(3, '0')}`;
    out.push({ id, category, ...draft, tags: unique(draft.tags) });
  }
  return out;
}
