import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  addProfile,
  logEvent,
  removeProfile,
  removeRating,
  openDatabase,
  ratingsFor,
  saveSnapshot,
  setRating,
  type AisleDB,
} from '../../src/lib/db';
import { MIN_ITERATIONS, WrongPassphraseError } from '../../src/lib/db/sealing/crypto';
import { sampleOrder } from './helpers/orders';
import { flatten, rawDump } from './helpers/raw';
import { ProfileLockedError } from '../../src/lib/db/sealing/keyring';
import {
  changePassphrase,
  lockProfile,
  protectProfile,
  removeProtection,
  unlockProfile,
} from '../../src/lib/db/sealing/protection';

const PASS = 'correct horse battery';
const SECRET_TEXT = 'my size is 42 and I live at Elm Street';
const products = generateCatalog().map((p) => p.id);
let db: AisleDB;

beforeEach(async () => {
  db = await openDatabase(`enc-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function fillProfile(profileId: string) {
  await setRating(db, profileId, products[0]!, 5);
  await setRating(db, profileId, products[1]!, 2);
  await logEvent(db, { profileId, productId: products[2]!, type: 'add-to-cart', at: 1234567 });
  await db.conversations.add({ profileId, role: 'shopper', text: SECRET_TEXT, at: 1 });
  await db.gallery.add({
    profileId,
    productIds: [products[3]!],
    createdAt: 2,
    image: new TextEncoder().encode('JPEG-PIXELS-OF-MY-FACE').buffer,
    mimeType: 'image/jpeg',
  });
  await db.promotionEvents.add({ profileId, promotionId: 'promo-summer', type: 'click', at: 3 });
  await db.orders.add(
    sampleOrder(profileId, 4, {
      items: [{ productId: products[4]!, sku: 'SKU-SECRET-ORDER', quantity: 1, priceCents: 5 }],
    }),
  );
  await db.cart.add({
    profileId,
    productId: products[5]!,
    sku: 'SKU-SECRET-CART',
    quantity: 3,
    later: false,
    addedAt: 5,
  });
  await saveSnapshot(db, {
    name: 'assistant-me',
    version: 1,
    meta: { note: 'personal-model-meta' },
    weights: new Float32Array([3.25, -1.5]).buffer,
    profileId,
  });
}

// PBKDF2 at 600,000 iterations is slow on purpose; a loaded CI machine needs the headroom.
describe('encryption at rest', { timeout: 30_000 }, () => {
  it('derives keys with at least 600,000 PBKDF2 iterations', async () => {
    await protectProfile(db, 'me', PASS);
    expect(db.keyring.record('me')!.iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('stores none of a protected profile’s plaintext, and reads it back when unlocked', async () => {
    await fillProfile('me');
    const orderIds = (await db.orders.where('profileId').equals('me').toArray()).map((o) => o.id);
    expect(orderIds).toHaveLength(1);
    await protectProfile(db, 'me', PASS);
    lockProfile(db);

    const dump = flatten((await rawDump(db.name)).filter((r) => r.store !== 'products'));
    for (const plain of [
      SECRET_TEXT,
      'JPEG-PIXELS',
      'promo-summer',
      'add-to-cart',
      'personal-model-meta',
      'SKU-SECRET-ORDER',
      'SKU-SECRET-CART',
      // Even the products rated, viewed and worn (a rating's product id is part of its key).
      products[0]!,
      products[1]!,
      products[2]!,
      products[3]!,
    ]) {
      expect(dump, plain).not.toContain(plain);
    }
    // The weights' bytes are not there either.
    expect(dump).not.toContain(
      new TextDecoder('latin1').decode(new Float32Array([3.25, -1.5]).buffer),
    );

    await unlockProfile(db, 'me', PASS);
    expect((await ratingsFor(db, 'me')).map((r) => [r.productId, r.rating]).sort()).toEqual(
      [
        [products[0], 5],
        [products[1], 2],
      ].sort(),
    );
    // By key, the app's usual ways: get, update, delete.
    expect((await db.ratings.get(['me', products[0]!]))?.rating).toBe(5);
    await db.ratings.update(['me', products[0]!], { rating: 3 });
    expect((await db.ratings.get(['me', products[0]!]))?.rating).toBe(3);
    await setRating(db, 'me', products[0]!, 4);
    expect(await ratingsFor(db, 'me')).toHaveLength(2);
    expect((await db.ratings.bulkGet([['me', products[0]!]]))[0]?.rating).toBe(4);
    await removeRating(db, 'me', products[1]!);
    expect((await ratingsFor(db, 'me')).map((r) => r.productId)).toEqual([products[0]]);
    const chat = await db.conversations.where('profileId').equals('me').toArray();
    expect(chat[0]!.text).toBe(SECRET_TEXT);
    const pic = await db.gallery.where('profileId').equals('me').first();
    expect(new TextDecoder().decode(pic!.image)).toBe('JPEG-PIXELS-OF-MY-FACE');
    const snap = await db.modelSnapshots.get('assistant-me@1');
    expect([...new Float32Array(snap!.weights)]).toEqual([3.25, -1.5]);
    expect((await db.orders.bulkGet(orderIds)).every((o) => o?.items[0]?.sku)).toBe(true);
    expect((await db.cart.where('profileId').equals('me').toArray())[0]?.sku).toBe(
      'SKU-SECRET-CART',
    );
  });

  it('refuses reads and writes of a locked profile, and leaves it out of shared reads', async () => {
    await fillProfile('me');
    await setRating(db, 'guest', products[5]!, 4);
    await protectProfile(db, 'me', PASS);
    lockProfile(db, 'me');

    await expect(ratingsFor(db, 'me')).rejects.toMatchObject({ code: 'locked' });
    await expect(db.ratings.get(['me', products[0]!])).rejects.toBeInstanceOf(ProfileLockedError);
    await expect(setRating(db, 'me', products[4]!, 3)).rejects.toMatchObject({ code: 'locked' });
    // Training from everyone's ratings sees only unprotected profiles.
    expect((await db.ratings.toArray()).map((r) => r.profileId)).toEqual(['guest']);
    // Writes of other profiles are unaffected.
    await setRating(db, 'guest', products[6]!, 1);
    expect(await ratingsFor(db, 'guest')).toHaveLength(2);
  });

  it('new rows of an unlocked protected profile are sealed too', async () => {
    await protectProfile(db, 'me', PASS);
    await db.conversations.add({ profileId: 'me', role: 'shopper', text: SECRET_TEXT, at: 9 });
    await setRating(db, 'me', products[7]!, 4);
    expect(flatten(await rawDump(db.name))).not.toContain(SECRET_TEXT);
    const [row] = await db.conversations.where('profileId').equals('me').toArray();
    expect(row).toMatchObject({ profileId: 'me', text: SECRET_TEXT, at: 9 });
    expect(typeof row!.id).toBe('number');
    // Table.update goes through a primary-key query, which opens and re-seals the row.
    await db.conversations.update(row!.id!, { text: 'changed' });
    expect((await db.conversations.get(row!.id!))!.text).toBe('changed');
  });

  it('a wrong passphrase is refused and changes nothing', async () => {
    await fillProfile('me');
    await protectProfile(db, 'me', PASS);
    lockProfile(db);
    const before = await rawDump(db.name);
    await expect(unlockProfile(db, 'me', 'not the passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(changePassphrase(db, 'me', 'wrong one!', 'new passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(removeProtection(db, 'me', 'wrong one!')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(db.keyring.isUnlocked('me')).toBe(false);
    expect(await rawDump(db.name)).toEqual(before);
  });

  it('detects a tampered record instead of reading it', async () => {
    await fillProfile('me');
    await protectProfile(db, 'me', PASS);
    // Flip one ciphertext bit behind the middleware's back.
    await db.transaction('rw', db.conversations, async (tx) => {
      db.keyring.markRaw(tx.idbtrans);
      const [row] = (await db.conversations.toArray()) as unknown as {
        $sealed: { data: ArrayBuffer };
      }[];
      const bytes = new Uint8Array(row!.$sealed.data);
      bytes[0] = bytes[0]! ^ 1;
      await db.conversations.put(row as never);
    });
    await expect(db.conversations.where('profileId').equals('me').toArray()).rejects.toMatchObject({
      name: 'TamperedError',
    });
  });

  it('detects a sealed value moved to another row', async () => {
    await fillProfile('me');
    await protectProfile(db, 'me', PASS);
    await db.transaction('rw', db.ratings, async (tx) => {
      db.keyring.markRaw(tx.idbtrans);
      const [a, b] = (await db.ratings.toArray()) as unknown as { $sealed: unknown }[];
      await db.ratings.put({ ...b, $sealed: a!.$sealed } as never);
    });
    await expect(ratingsFor(db, 'me')).rejects.toMatchObject({ code: 'tampered' });
  });

  it('changes the passphrase atomically: an interruption leaves the old, readable state', async () => {
    await fillProfile('me');
    await protectProfile(db, 'me', PASS);
    const before = await rawDump(db.name);
    await expect(
      changePassphrase(db, 'me', PASS, 'a brand new passphrase', {
        onTable: (t) => {
          if (t === 'conversations') throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await rawDump(db.name)).toEqual(before);
    lockProfile(db);
    await expect(unlockProfile(db, 'me', 'a brand new passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await unlockProfile(db, 'me', PASS);
    expect(await ratingsFor(db, 'me')).toHaveLength(2);

    await changePassphrase(db, 'me', PASS, 'a brand new passphrase');
    lockProfile(db);
    await expect(unlockProfile(db, 'me', PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockProfile(db, 'me', 'a brand new passphrase');
    expect((await db.conversations.where('profileId').equals('me').first())!.text).toBe(
      SECRET_TEXT,
    );
  });

  it('removing a locked profile deletes its sealed rows and its key record, no key needed', async () => {
    const other = await addProfile(db, 'Sam');
    await fillProfile(other.id);
    await protectProfile(db, other.id, PASS);
    lockProfile(db);
    await removeProfile(db, other.id);
    expect(db.keyring.isProtected(other.id)).toBe(false);
    const left = (await rawDump(db.name)).filter((r) => flatten(r.value).includes(other.id));
    expect(left).toEqual([]);
  });

  it('keeps the protection across reopening, and can remove it', async () => {
    await fillProfile('me');
    await protectProfile(db, 'me', PASS);
    db.close();
    db = await openDatabase(db.name);
    expect(db.keyring.isProtected('me')).toBe(true);
    expect(db.keyring.isUnlocked('me')).toBe(false);
    await expect(ratingsFor(db, 'me')).rejects.toMatchObject({ code: 'locked' });
    await removeProtection(db, 'me', PASS);
    expect(db.keyring.isProtected('me')).toBe(false);
    expect(await ratingsFor(db, 'me')).toHaveLength(2);
    expect(flatten(await rawDump(db.name))).toContain(SECRET_TEXT);
  });
});
