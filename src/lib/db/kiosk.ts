/**
 * Erasing every stored trace of a kiosk shopper. Which rows go is each table's `kioskWipe`
 * policy (tables.ts), so a table added later is wiped as soon as its policy says so.
 */
import { guard } from './errors';
import type { AisleDB } from './schema';
import { PERSONAL_TABLES, SETTINGS, TABLES, profileRows, type ProfileTable } from './tables';

const WIPED = PERSONAL_TABLES.flatMap((table) => {
  const wipe = TABLES[table].kioskWipe;
  return wipe ? [{ table, wipe }] : [];
});

/**
 * Deletes the shopper's rows and everything that may have learned from them since the session
 * began (models saved since, the settings derived from a shopper), in one transaction: the next
 * shopper never sees half a previous session.
 */
export function wipeShopper(db: AisleDB, profileId: string, since: number): Promise<void> {
  const tables = WIPED.map(({ table }) => db.table(table));
  return guard(() =>
    db.transaction('rw', tables, async (tx) => {
      // Raw: the rows go whatever their state (a protected guest would be odd, but not a blocker).
      db.keyring.markRaw(tx.idbtrans);
      for (const { table, wipe } of WIPED) {
        if (wipe === 'derived') {
          await db.table(table).bulkDelete([...SETTINGS.shopperDerived]);
          continue;
        }
        await profileRows(db, table as ProfileTable, profileId).delete();
        // 'shopper+new' tables index their rows' creation time (checked by a unit test).
        if (wipe === 'shopper+new') {
          await db.table(table).where('createdAt').aboveOrEqual(since).delete();
        }
      }
    }),
  );
}
