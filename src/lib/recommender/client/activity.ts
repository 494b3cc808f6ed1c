/**
 * Local activity log (the recommender's implicit signals). Browsing is best-effort: a view or a
 * click that cannot be stored never breaks the page. A purchase goes through the recommender,
 * which stores it and schedules a retrain, as it does for a rating.
 */
import { logEvent, type ShopEvent } from '../../db';
import { recommender } from './recommender.svelte';
import { session } from '../../shell/session.svelte';

export function recordEvent(productId: string, type: ShopEvent['type']): void {
  if (type === 'purchase') {
    void recommender.recordPurchase(productId);
    return;
  }
  const db = session.db;
  if (!db) return;
  const event = { profileId: session.profileId, productId, type, at: Date.now() };
  db.holds
    .run(() => logEvent(db, event))
    .catch(() => {
      // a full disk must not break browsing; ratings and imports report storage errors instead
    });
}
