/**
 * The shop this device runs: the one staff loaded at run time (./shop.ts), else the one the app
 * was built for (`virtual:shop`). Read once, before any module that uses the shop runs (a
 * top-level await: a few milliseconds of IndexedDB), so the whole app sees one shop; a change
 * takes effect on the next start (Shop settings reloads the page).
 */
import built from 'virtual:shop';
import type { BuiltShop } from '../shop/shared/built';
import { loadedShop } from './shop';

const loaded = await loadedShop().catch((e: unknown) => {
  console.warn('The shop loaded on this device could not be read; using the built-in one:', e);
  return undefined;
});

export const shop: BuiltShop = loaded?.shop ?? built;
/** Whether the shop was loaded on this device (its catalog and model are in ./shop.ts). */
export const shopLoadedHere = loaded !== undefined;
