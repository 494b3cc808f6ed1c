import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { logEvent, openDatabase, ratingsFor, setRating, type AisleDB } from '../../src/lib/db';
import { exportData } from '../../src/lib/db/backup';
import { WrongPassphraseError } from '../../src/lib/db/sealing/crypto';
import { lockProfile, protectProfile, unlockProfile } from '../../src/lib/db/sealing/protection';
import {
  exportText,
  importOpened,
  openEncryptedImport,
  type OpenedImport,
} from '../../src/lib/privacy/client/backup';
import { asEncryptedExport, deidentify } from '../../src/lib/privacy/export';

const PASS = 'correct horse battery';
const SECRET = 'please ship to 221B Baker Street';
const products = generateCatalog().map((p) => p.id);
let db: AisleDB;

beforeEach(async () => {
  db = await openDatabase(`exp-${crypto.randomUUID()}`);
  await setRating(db, 'me', products[0]!, 5);
  await logEvent(db, {
    profileId: 'me',
    productId: products[1]!,
    type: 'view',
    at: Date.UTC(2026, 2, 3, 17, 45, 12),
  });
  await db.conversations.add({ profileId: 'me', role: 'shopper', text: SECRET, at: 5 });
  await db.gallery.add({
    profileId: 'me',
    productIds: [products[2]!],
    createdAt: 6,
    image: new Uint8Array([1, 2, 3]).buffer,
    mimeType: 'image/png',
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function allRows(d: AisleDB) {
  const f = await exportData(d);
  return JSON.stringify(f.tables);
}

describe('exports of a protected profile', { timeout: 30_000 }, () => {
  it('an encrypted export hides everything and imports back (protected again) with its passphrase', async () => {
    await protectProfile(db, 'me', PASS);
    const text = await exportText(db, 'encrypted', PASS);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(products[0]!);
    expect(text).not.toContain('"profiles"');
    const envelope = asEncryptedExport(text)!;
    expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);

    const before = await allRows(db);
    const other = await openDatabase(`exp-${crypto.randomUUID()}`);
    try {
      const otherBefore = await allRows(other);
      // Wrong passphrase: a clear error, nothing touched.
      await expect(openEncryptedImport(envelope, 'wrong passphrase')).rejects.toBeInstanceOf(
        WrongPassphraseError,
      );
      expect(await allRows(other)).toBe(otherBefore);
      // A changed file: refused the same way.
      const tampered = {
        ...envelope,
        data: envelope.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      };
      await expect(openEncryptedImport(tampered, PASS)).rejects.toBeInstanceOf(
        WrongPassphraseError,
      );
      expect(await allRows(other)).toBe(otherBefore);

      const opened = (await openEncryptedImport(envelope, PASS)) as OpenedImport;
      expect(opened.protect).toEqual(['me']);
      await importOpened(other, opened);
      expect(other.keyring.isProtected('me')).toBe(true);
      expect(JSON.parse(await allRows(other))).toEqual(JSON.parse(before));
      lockProfile(other);
      await expect(ratingsFor(other, 'me')).rejects.toMatchObject({ code: 'locked' });
      await unlockProfile(other, 'me', PASS);
      expect(await ratingsFor(other, 'me')).toHaveLength(1);
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });

  it('a plain export needs the profile unlocked, and then holds it in clear without key records', async () => {
    await protectProfile(db, 'me', PASS);
    lockProfile(db);
    await expect(exportText(db, 'plain')).rejects.toMatchObject({ code: 'locked' });
    await unlockProfile(db, 'me', PASS);
    const text = await exportText(db, 'plain');
    expect(text).toContain(SECRET);
    expect(text).not.toContain('vault:');
    expect(text).not.toContain('$sealed');
  });
});

describe('de-identified export', () => {
  it('has random profile ids, no names, no free text or pictures, and days for times', async () => {
    const file = deidentify(await exportData(db), Date.UTC(2026, 5, 1, 12));
    const text = JSON.stringify(file);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('"Me"');
    expect(text).not.toContain('"me"');
    expect(text).not.toContain('"guest"'.replace('guest', 'Guest'));
    expect(text).not.toContain('image');
    expect(text).not.toContain('trackingCode');
    expect(file.exportedOn).toBe('2026-06-01');
    expect(file.tables.profiles).toHaveLength(2);
    for (const p of file.tables.profiles) expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    const view = file.tables.events.find((e) => e.productId === products[1]);
    expect(view).toEqual({
      profileId: file.tables.ratings[0]!.profileId,
      productId: products[1],
      type: 'view',
      day: '2026-03-03',
    });
    // No field carries a time finer than a day (nor a millisecond timestamp; the random ids'
    // last group, twelve hex digits, can be all digits by chance, so ids are left out of this).
    expect(text).not.toMatch(/T\d\d:/);
    expect(
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ''),
    ).not.toMatch(/\d{12,}/);
    // Ids are new each time: two exports can't be joined on them.
    const again = deidentify(await exportData(db));
    expect(again.tables.profiles.map((p) => p.id)).not.toEqual(
      file.tables.profiles.map((p) => p.id),
    );
  });
});
