/**
 * What the rune tests (`*.svelte.test.ts`) share: cleanups run after each test, a wait that also
 * flushes Svelte's effects (live reads answer on later ticks), and a fresh database that closes
 * itself. Import it after 'fake-indexeddb/auto'.
 */
import { flushSync } from 'svelte';
import { afterEach } from 'vitest';
import { openDatabase, type AisleDB } from '../../../src/lib/db';

export const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Waits until `check` holds, flushing effects in between; fails after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
    flushSync();
  }
}

/** A new database under a unique name, closed after the test. */
export async function freshDb(prefix = 'test'): Promise<AisleDB> {
  const db = await openDatabase(`${prefix}-${crypto.randomUUID()}`);
  cleanups.push(() => db.close());
  return db;
}
