/** Local activity log (the recommender's implicit signals). Best-effort: browsing never fails on it. */
import { logEvent, type ShopEvent } from '../db';
import { session } from './session.svelte';

export function recordEvent(productId: string, type: ShopEvent['type']): void {
  const db = session.db;
  if (!db) return;
  logEvent(db, { profileId: session.profileId, productId, type, at: Date.now() }).catch(() => {
    // a full disk must not break browsing; ratings and imports report storage errors instead
  });
}
