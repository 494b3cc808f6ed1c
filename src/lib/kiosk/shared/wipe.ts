/** Erasing every stored trace of a kiosk shopper. Pure data layer: runs in Node on fake-indexeddb. */
import type { AisleDB } from '../../db/schema';
import { BANDIT_KEY } from '../../promotions/client/promotions';

/** Tables whose rows belong to a profile (everything a shopper can leave behind). */
const SHOPPER_TABLES = [
  'ratings',
  'events',
  'orders',
  'conversations',
  'gallery',
  'promotionEvents',
] as const;

/**
 * Deletes the guest's rows, any model saved since the session began, and the promotions
 * bandit's state (all may have learned from the guest), in one transaction: the next shopper never sees half a previous session.
 */
export async function wipeShopper(db: AisleDB, profileId: string, since: number): Promise<void> {
  const tables = SHOPPER_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.modelSnapshots, db.settings], async (tx) => {
    // Raw: the rows go whatever their state (a protected guest would be odd, but not a blocker).
    db.keyring.markRaw(tx.idbtrans);
    for (const table of tables) await table.where('profileId').equals(profileId).delete();
    await db.modelSnapshots.where('createdAt').aboveOrEqual(since).delete();
    await db.modelSnapshots.filter((s) => s.profileId === profileId).delete();
    await db.settings.delete(BANDIT_KEY);
  });
}
