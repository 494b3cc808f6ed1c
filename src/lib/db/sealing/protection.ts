/**
 * Protecting a profile with a passphrase: protect, unlock, lock, change passphrase, remove.
 * Every change to stored rows happens in one transaction: a failure (or a closed tab) midway
 * leaves the previous, readable state.
 */
import Dexie from 'dexie';
import type { AisleDB } from '../schema';
import {
  LEARNED_FROM_PROFILES,
  SEALED_TABLES,
  VAULT_PREFIX,
  profileRows,
  vaultKey,
  type SealedTable,
} from '../tables';
import { newKeyRecord, unlockRecord, type KeyRecord } from './crypto';
import { isSealedRow } from './keyring';
import { keepAlive } from './middleware';

export class NotProtectedError extends Error {
  constructor(profileId: string) {
    super(`Profile ${profileId} is not protected`);
    this.name = 'NotProtectedError';
  }
}
export class AlreadyProtectedError extends Error {
  constructor(profileId: string) {
    super(`Profile ${profileId} is already protected`);
    this.name = 'AlreadyProtectedError';
  }
}
export class WeakPassphraseError extends Error {
  constructor() {
    super(`A passphrase needs at least ${MIN_PASSPHRASE} characters`);
    this.name = 'WeakPassphraseError';
  }
}

export const MIN_PASSPHRASE = 8;

export interface RekeyOptions {
  /** Called after each table is rewritten, inside the transaction (tests interrupt it here). */
  onTable?: (table: SealedTable) => void;
}

interface RewriteOptions extends RekeyOptions {
  /** Also delete the shared rows learned from the profile's data (LEARNED_FROM_PROFILES). */
  scrub?: boolean;
}

/** Re-reads the key records from settings (after open, import or erase). */
export async function loadKeyring(db: AisleDB): Promise<void> {
  db.keyring.load(await db.settings.where('key').startsWith(VAULT_PREFIX).toArray());
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE) throw new WeakPassphraseError();
}

const sealedTables = (db: AisleDB) => SEALED_TABLES.map((t) => db.table(t));

/**
 * Rewrites every stored row of a profile through `convert`, and its key record, in one raw
 * transaction. Crypto runs inside it, with the transaction kept alive.
 */
async function rewrite(
  db: AisleDB,
  profileId: string,
  record: KeyRecord | null,
  convert: (table: SealedTable, row: Record<string, unknown>) => Promise<Record<string, unknown>>,
  options: RewriteOptions,
): Promise<void> {
  await db.transaction('rw', [db.settings, ...sealedTables(db)], async (tx) => {
    db.keyring.markRaw(tx.idbtrans);
    if (options.scrub) {
      await db.settings.bulkDelete([...LEARNED_FROM_PROFILES.settings]);
      const learned: readonly string[] = LEARNED_FROM_PROFILES.snapshots;
      await db.modelSnapshots.filter((s) => !s.profileId && learned.includes(s.name)).delete();
    }
    for (const table of SEALED_TABLES) {
      const rows = (await profileRows(db, table, profileId).toArray()) as Record<string, unknown>[];
      if (rows.length) {
        const converted = await Dexie.waitFor(
          keepAlive(tx.idbtrans, table, async () => {
            const out: Record<string, unknown>[] = [];
            for (const row of rows) out.push(await convert(table, row));
            return out;
          }),
        );
        // Replaced, not updated: a rating's key changes with its product id's pseudonym.
        await profileRows(db, table, profileId).delete();
        await db.table(table).bulkAdd(converted);
      }
      options.onTable?.(table);
    }
    if (record) await db.settings.put({ key: vaultKey(profileId), value: record });
    else await db.settings.delete(vaultKey(profileId));
  });
}

/** Seals all of a profile's rows under a new passphrase; the profile stays unlocked. */
export async function protectProfile(
  db: AisleDB,
  profileId: string,
  passphrase: string,
  options: RekeyOptions = {},
): Promise<void> {
  if (db.keyring.isProtected(profileId)) throw new AlreadyProtectedError(profileId);
  checkPassphrase(passphrase);
  const { record, keys } = await newKeyRecord(passphrase);
  await rewrite(
    db,
    profileId,
    record,
    async (table, row) => (isSealedRow(row) ? row : db.keyring.seal(table, row, keys)),
    { ...options, scrub: true },
  );
  db.keyring.setProtection(profileId, record, keys);
}

/** Opens a profile for this session. A wrong passphrase throws and changes nothing. */
export async function unlockProfile(
  db: AisleDB,
  profileId: string,
  passphrase: string,
): Promise<void> {
  const record = db.keyring.record(profileId);
  if (!record) throw new NotProtectedError(profileId);
  db.keyring.unlock(profileId, await unlockRecord(record, passphrase));
  await rejectForged(db, profileId);
}

/**
 * Deletes, and reports, the unsealed rows that carry a protected profile's id: this app never
 * wrote them (its rows of a protected profile are sealed before they are stored), so they are
 * never shown as the shopper's. Run at unlock, before the profile's data is read.
 */
async function rejectForged(db: AisleDB, profileId: string): Promise<void> {
  const found = new Map<SealedTable, number>();
  await db.transaction('rw', sealedTables(db), async (tx) => {
    db.keyring.markRaw(tx.idbtrans);
    for (const table of SEALED_TABLES) {
      const count = await profileRows(db, table, profileId)
        .filter((row) => !isSealedRow(row))
        .delete();
      if (count) found.set(table, count);
    }
  });
  for (const [table, count] of found) db.keyring.reportForged(table, count);
}

/**
 * Forgets the key(s) of this session, in every open tab; the data stays sealed on disk.
 * `onlyHere`: this tab alone (its idle lock must not lock a tab someone is using).
 */
export function lockProfile(db: AisleDB, profileId?: string, onlyHere = false): void {
  db.keyring.lock(profileId, onlyHere);
}

/** Re-seals every row under a new passphrase, atomically. Needs the current passphrase. */
export async function changePassphrase(
  db: AisleDB,
  profileId: string,
  current: string,
  next: string,
  options: RekeyOptions = {},
): Promise<void> {
  const old = db.keyring.record(profileId);
  if (!old) throw new NotProtectedError(profileId);
  const oldKeys = await unlockRecord(old, current);
  checkPassphrase(next);
  const { record, keys } = await newKeyRecord(next);
  await rewrite(
    db,
    profileId,
    record,
    async (table, row) => {
      const plain = isSealedRow(row) ? await db.keyring.open(table, row, oldKeys) : row;
      return db.keyring.seal(table, plain, keys);
    },
    options,
  );
  db.keyring.setProtection(profileId, record, keys);
}

/** Stores the profile's rows in clear again. Needs the passphrase. */
export async function removeProtection(
  db: AisleDB,
  profileId: string,
  passphrase: string,
  options: RekeyOptions = {},
): Promise<void> {
  const record = db.keyring.record(profileId);
  if (!record) throw new NotProtectedError(profileId);
  const keys = await unlockRecord(record, passphrase);
  await rewrite(
    db,
    profileId,
    null,
    async (table, row) => (isSealedRow(row) ? db.keyring.open(table, row, keys) : row),
    options,
  );
  db.keyring.removeProtection(profileId);
}
