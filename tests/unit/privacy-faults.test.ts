/**
 * Issue 20's faults at the data layer: another open "tab" (a second instance of the same
 * database), an import cut short, derived data made before protection, forged rows.
 */
import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  conversationOf,
  openDatabase,
  ratingsFor,
  saveSnapshot,
  setRating,
  type AisleDB,
} from '../../src/lib/db';
import { exportData, importData } from '../../src/lib/db/backup';
import { ProfileLockedError } from '../../src/lib/db/sealing/keyring';
import { lockProfile, protectProfile, unlockProfile } from '../../src/lib/db/sealing/protection';
import { BANDIT_KEY } from '../../src/lib/promotions/shared/keys';
import { SHOP_MODEL_SNAPSHOT } from '../../src/lib/recommender/shared/keys';
import { flatten, rawDump } from './helpers/raw';

const PASS = 'correct horse battery';
const opened: AisleDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function fresh(name = `faults-${crypto.randomUUID()}`): Promise<AisleDB> {
  const db = await openDatabase(name);
  opened.push(db);
  return db;
}

/** Until `check` holds (messages between tabs arrive on a later tick). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('protection is a state every tab obeys', () => {
  it('protect, lock and unlock in one tab reach the other at once; a tab without the key writes nothing', async () => {
    const a = await fresh();
    const b = await fresh(a.name); // the same database in another tab
    await protectProfile(b, 'me', PASS);
    await until(() => a.keyring.isProtected('me'));
    // Tab A goes on writing: sealed, never in clear.
    await a.conversations.add({ profileId: 'me', role: 'shopper', text: 'TABA-PLAINTEXT', at: 1 });
    expect(flatten(await rawDump(a.name))).not.toContain('TABA-PLAINTEXT');
    expect((await conversationOf(b, 'me')).map((m) => m.text)).toEqual(['TABA-PLAINTEXT']);

    lockProfile(b, 'me');
    await until(() => !a.keyring.isUnlocked('me'));
    await expect(
      a.conversations.add({ profileId: 'me', role: 'shopper', text: 'after lock', at: 2 }),
    ).rejects.toBeInstanceOf(ProfileLockedError);
    expect(flatten(await rawDump(a.name))).not.toContain('after lock');
  });
});

describe('the idle lock', () => {
  it('is the tab’s own: the tab someone is using stays unlocked', async () => {
    const a = await fresh();
    const b = await fresh(a.name);
    await protectProfile(b, 'me', PASS);
    await until(() => a.keyring.isUnlocked('me'));
    lockProfile(a, undefined, true);
    await new Promise((r) => setTimeout(r, 50));
    expect(a.keyring.isUnlocked('me')).toBe(false);
    expect(b.keyring.isUnlocked('me')).toBe(true);
  });
});

describe('an encrypted import', () => {
  it('writes no clear row of a profile it protects, not even for a moment', async () => {
    const source = await fresh();
    await setRating(source, 'me', 'glasses-002', 5);
    await source.conversations.add({ profileId: 'me', role: 'shopper', text: 'SECRET-Q', at: 1 });
    const file = await exportData(source);

    // Everything that reaches IndexedDB, recorded below the sealing middleware.
    const written: unknown[] = [];
    const recorder: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'recorder',
      level: -3,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              if (req.type === 'add' || req.type === 'put') written.push(...req.values);
              return table.mutate(req);
            },
          };
        },
      }),
    };
    const target = await fresh();
    target.close();
    target.use(recorder);
    await target.open();
    await importData(target, file, { passphrase: PASS, profiles: ['me'] });

    const text = flatten(written);
    expect(text).not.toContain('SECRET-Q');
    expect(text).not.toContain('glasses-002');
    expect(target.keyring.isProtected('me')).toBe(true);
    expect((await ratingsFor(target, 'me')).map((r) => r.productId)).toEqual(['glasses-002']);
  });
});

describe('protecting a profile', () => {
  it('deletes the shared rows learned from it, and keeps the shop’s own', async () => {
    const db = await fresh();
    await setRating(db, 'me', 'glasses-002', 5);
    await db.settings.put({ key: BANDIT_KEY, value: { learnedFrom: 'glasses-002' } });
    const snapshot = { version: 1, meta: { items: ['glasses-002'] }, weights: new ArrayBuffer(8) };
    await saveSnapshot(db, { name: SHOP_MODEL_SNAPSHOT, ...snapshot });
    await saveSnapshot(db, { name: 'assistant', ...snapshot });
    await protectProfile(db, 'me', PASS);

    expect(await db.settings.get(BANDIT_KEY)).toBeUndefined();
    const names = (await db.modelSnapshots.toArray()).map((s) => s.name);
    expect(names).toEqual(['assistant']);
    // The rest of the stored rows hold nothing of the profile's in clear.
    const personal = (await rawDump(db.name)).filter(
      (r) => !['products', 'modelSnapshots'].includes(r.store),
    );
    expect(flatten(personal)).not.toContain('glasses-002');
  });
});

describe('reads of a protected profile', () => {
  it('never believe an unsealed row that names it, and say so', async () => {
    const db = await fresh();
    await protectProfile(db, 'me', PASS);
    await db.conversations.add({ profileId: 'me', role: 'shopper', text: 'mine', at: 1 });
    // A forged row, written past the app (devtools, another program with the disk).
    await db.transaction('rw', db.conversations, async (tx) => {
      db.keyring.markRaw(tx.idbtrans);
      await db.conversations.add({ profileId: 'me', role: 'shopper', text: 'FORGED', at: 2 });
    });
    const reports: number[] = [];
    db.keyring.onForged((_table, count) => reports.push(count));
    expect((await conversationOf(db, 'me')).map((m) => m.text)).toEqual(['mine']);
    expect(reports).toEqual([1]);
    expect(JSON.stringify((await exportData(db)).tables.conversations)).not.toContain('FORGED');
    // Unlocking rejects it for good: deleted, and said.
    lockProfile(db);
    await unlockProfile(db, 'me', PASS);
    expect(reports).toEqual([1, 1, 1]); // the read, the export, the unlock
    expect(flatten(await rawDump(db.name))).not.toContain('FORGED');
    expect((await conversationOf(db, 'me')).map((m) => m.text)).toEqual(['mine']);
  });
});
