import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  GUEST_PROFILE_ID,
  logEvent,
  openDatabase,
  saveSnapshot,
  setRating,
  type AisleDB,
} from '../../src/lib/db';
import {
  COUNTDOWN_SECONDS,
  DEFAULT_IDLE_SECONDS,
  asKioskConfig,
  clampIdleSeconds,
  idlePhase,
} from '../../src/lib/kiosk/shared/config';
import { hashPin, isValidPin, verifyPin } from '../../src/lib/kiosk/shared/pin';
import { wipeShopper } from '../../src/lib/db/kiosk';
import { MIN_ITERATIONS } from '../../src/lib/db/sealing/crypto';
import { BANDIT_KEY } from '../../src/lib/promotions/shared/keys';

describe('staff PIN', { timeout: 30_000 }, () => {
  it('accepts 4 to 8 digits only', () => {
    expect(['1234', '12345678'].every(isValidPin)).toBe(true);
    expect(['123', '123456789', '12a4', '', ' 1234'].some(isValidPin)).toBe(false);
  });

  it('stores a salted hash, verifies the right PIN and refuses a wrong one', async () => {
    const record = await hashPin('2468');
    expect(record.iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    expect(new TextDecoder().decode(record.hash)).not.toContain('2468');
    expect(await verifyPin(record, '2468')).toBe(true);
    expect(await verifyPin(record, '2469')).toBe(false);
    expect(await verifyPin(record, 'abcd')).toBe(false);
    // Same PIN, new salt: a different hash.
    const again = await hashPin('2468');
    expect([...again.hash]).not.toEqual([...record.hash]);
    await expect(hashPin('12')).rejects.toThrow();
  });
});

describe('kiosk config and idle clock', () => {
  it('defaults to 90 s and keeps the idle time within bounds', () => {
    expect(DEFAULT_IDLE_SECONDS).toBe(90);
    expect(clampIdleSeconds(5)).toBe(15);
    expect(clampIdleSeconds(100_000)).toBe(3600);
    expect(clampIdleSeconds(Number.NaN)).toBe(90);
    expect(asKioskConfig({ idleSeconds: 30 })).toBeNull();
    expect(asKioskConfig(null)).toBeNull();
  });

  it('warns after the idle time, counts down, then expires', () => {
    expect(idlePhase(89_999, 90)).toEqual({ phase: 'active' });
    expect(idlePhase(90_000, 90)).toEqual({ phase: 'warning', secondsLeft: COUNTDOWN_SECONDS });
    expect(idlePhase(90_000 + (COUNTDOWN_SECONDS - 1) * 1000, 90)).toEqual({
      phase: 'warning',
      secondsLeft: 1,
    });
    expect(idlePhase(90_000 + COUNTDOWN_SECONDS * 1000, 90)).toEqual({ phase: 'expired' });
  });
});

describe('wiping a shopper', () => {
  const products = generateCatalog().map((p) => p.id);
  let db: AisleDB;
  beforeEach(async () => {
    db = await openDatabase(`kiosk-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('erases every row of the guest and models saved during the session, nothing else', async () => {
    const g = GUEST_PROFILE_ID;
    await setRating(db, 'me', products[0]!, 4);
    await saveSnapshot(db, {
      name: 'old',
      version: 1,
      meta: {},
      weights: new ArrayBuffer(4),
      createdAt: 1,
    });
    const since = Date.now();
    await setRating(db, g, products[1]!, 5);
    await logEvent(db, { profileId: g, productId: products[1]!, type: 'view' });
    await db.conversations.add({ profileId: g, role: 'shopper', text: 'hi', at: since });
    await db.gallery.add({
      profileId: g,
      productIds: [products[2]!],
      createdAt: since,
      image: new ArrayBuffer(8),
      mimeType: 'image/jpeg',
    });
    await db.promotionEvents.add({
      profileId: g,
      promotionId: 'p1',
      type: 'impression',
      at: since,
    });
    await saveSnapshot(db, { name: 'new', version: 1, meta: {}, weights: new ArrayBuffer(4) });
    await db.settings.put({ key: BANDIT_KEY, value: { learned: 'from the guest' } });
    await db.settings.put({ key: 'locale', value: 'en' });

    await wipeShopper(db, g, since);

    for (const table of ['ratings', 'events', 'conversations', 'gallery', 'promotionEvents']) {
      expect(await db.table(table).where('profileId').equals(g).count(), table).toBe(0);
    }
    expect(await db.ratings.where('profileId').equals('me').count()).toBe(1);
    expect((await db.modelSnapshots.toArray()).map((s) => s.name)).toEqual(['old']);
    expect(await db.profiles.get(g)).toBeDefined();
    expect(await db.settings.get(BANDIT_KEY)).toBeUndefined();
    expect(await db.settings.get('locale')).toBeDefined();
  });
});
