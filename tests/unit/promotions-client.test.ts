import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Category } from '../../src/lib/catalog/types';
import { AisleDB } from '../../src/lib/db/schema';
import { BANDIT_KEY } from '../../src/lib/promotions/shared/keys';
import {
  REDEEM_REWARD,
  isPersonalised,
  redeemOffers,
  respond,
  setPersonalised,
  showPromotion,
  storedBandit,
} from '../../src/lib/promotions/client/promotions';
import { PROMOTIONS } from '../../src/lib/promotions/shared/data';
import { CONTEXT_LENGTH } from '../../src/lib/promotions/shared/context';
import { protectProfile } from '../../src/lib/db/sealing/protection';

const opened: AisleDB[] = [];
async function freshDb(): Promise<AisleDB> {
  const db = new AisleDB(`promo-${crypto.randomUUID()}`);
  await db.open();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const categoryOf = (id: string) => id.replace(/-\d+$/, '') as Category;
const options = { profileId: 'me', kiosk: false, categoryOf, now: Date.UTC(2026, 10, 28, 12) };

describe('promotions on the device', () => {
  it('learns a redemption at checkout with more weight than a click, in the context it was shown in', async () => {
    const db = await freshDb();
    const shown = await showPromotion(db, options);
    await respond(db, shown, 'me', 'save');
    const arm = PROMOTIONS.findIndex((p) => p.id === shown.promotion.id);
    const before = (await storedBandit(db))!.bandit;
    const [b, updates] = [before.b[arm * 0]!, before.updates];
    await redeemOffers(db, 'me', [shown.promotion.id], options.now + 1000);
    const after = (await storedBandit(db))!.bandit;
    expect(after.updates).toBe(updates + 1);
    expect(after.b).not.toEqual(before.b);
    expect(REDEEM_REWARD).toBeGreaterThan(1);
    void b;
    const types = (await db.promotionEvents.toArray()).map((e) => e.type);
    expect(types).toEqual(['impression', 'save', 'redeem']);
    // Off: logged, and the bandit (forgotten when it was turned off) learns nothing.
    await setPersonalised(db, false);
    await redeemOffers(db, 'me', [shown.promotion.id]);
    expect(await storedBandit(db)).toBeUndefined();
  });

  it('logs each impression with its context and learns 0 when a banner is replaced unclicked', async () => {
    const db = await freshDb();
    const a = await showPromotion(db, options);
    expect(a.personalised).toBe(true);
    expect((await storedBandit(db))!.bandit.updates).toBe(0);
    const b = await showPromotion(db, options);
    const stored = (await storedBandit(db))!;
    expect(stored.bandit.updates).toBe(1);
    expect(stored.bandit.decisions).toBe(2);
    expect(stored.pending?.impressionId).toBe(b.impressionId);
    const events = await db.promotionEvents.toArray();
    expect(events.map((e) => [e.type, e.promotionId])).toEqual([
      ['impression', a.promotion.id],
      ['impression', b.promotion.id],
    ]);
    expect(events.every((e) => e.context?.length === CONTEXT_LENGTH)).toBe(true);
  });

  it('learns a click once (reward 1) and a later save does not count twice', async () => {
    const db = await freshDb();
    const shown = await showPromotion(db, options);
    const arm = PROMOTIONS.findIndex((p) => p.id === shown.promotion.id);
    const before = (await storedBandit(db))!.bandit.b[arm]!;
    await respond(db, shown, 'me', 'click');
    await respond(db, shown, 'me', 'save');
    const stored = (await storedBandit(db))!;
    expect(stored.bandit.updates).toBe(1);
    expect(stored.pending?.rewarded).toBe(true);
    expect(stored.bandit.b[arm]).toBeCloseTo(before + 1);
    // The next banner does not learn the clicked one again as a miss.
    await showPromotion(db, options);
    expect((await storedBandit(db))!.bandit.updates).toBe(1);
    expect(
      (await db.promotionEvents.where('type').equals('click').toArray())[0]?.context,
    ).toHaveLength(CONTEXT_LENGTH);
  });

  it('uses the profile’s ratings: a hat lover is offered hats first', async () => {
    const db = await freshDb();
    await db.ratings.bulkAdd(
      ['hats-001', 'hats-002', 'hats-003'].map((productId) => ({
        profileId: 'me',
        productId,
        rating: 5 as const,
        updatedAt: options.now,
      })),
    );
    const shown = await showPromotion(db, options);
    expect(shown.promotion.categories).toContain('hats');
    expect(shown.explanation.reasons[0]).toEqual({ kind: 'interest', categories: ['hats'] });
  });

  it('off: a fixed rotation, no context kept, the learned state forgotten', async () => {
    const db = await freshDb();
    await showPromotion(db, options);
    expect(await db.settings.get(BANDIT_KEY)).toBeDefined();
    await setPersonalised(db, false);
    expect(await isPersonalised(db)).toBe(false);
    expect(await db.settings.get(BANDIT_KEY)).toBeUndefined();
    const ids = [];
    for (let i = 0; i < PROMOTIONS.length + 1; i++)
      ids.push((await showPromotion(db, options)).promotion.id);
    expect(ids).toEqual([...PROMOTIONS.map((p) => p.id), PROMOTIONS[0]!.id]);
    const off = (await db.promotionEvents.toArray()).slice(1);
    expect(off.every((e) => e.context === undefined)).toBe(true);
    const shown = await showPromotion(db, options);
    await respond(db, shown, 'me', 'click');
    expect(await db.settings.get(BANDIT_KEY)).toBeUndefined();
    await setPersonalised(db, true);
    expect((await showPromotion(db, options)).personalised).toBe(true);
  });

  it('starts again when the stored state does not fit the promotions', async () => {
    const db = await freshDb();
    await db.settings.put({ key: BANDIT_KEY, value: { bandit: { version: 1, arms: ['gone'] } } });
    const shown = await showPromotion(db, options);
    expect(PROMOTIONS.map((p) => p.id)).toContain(shown.promotion.id);
    expect((await storedBandit(db))!.bandit.arms).toEqual(PROMOTIONS.map((p) => p.id));
  });

  // PBKDF2 at 600,000 iterations is slow on purpose; a loaded machine needs the headroom.
  it('a passphrase-protected profile teaches the shared bandit nothing of its taste', async () => {
    const db = await freshDb();
    await showPromotion(db, { ...options, profileId: 'other' });
    await db.ratings.bulkAdd(
      ['hats-001', 'hats-002', 'hats-003'].map((productId) => ({
        profileId: 'me',
        productId,
        rating: 5 as const,
        updatedAt: options.now,
      })),
    );
    await protectProfile(db, 'me', 'correct horse battery');
    // Protecting forgot what the bandit had learned (it may hold the profile's taste).
    expect(await storedBandit(db)).toBeUndefined();
    const before = JSON.stringify(await storedBandit(db));
    const shown = await showPromotion(db, options);
    expect(shown.explanation.reasons.some((r) => r.kind === 'interest')).toBe(false);
    await respond(db, shown, 'me', 'click');
    expect(JSON.stringify(await storedBandit(db))).toBe(before);
    const logged = await db.promotionEvents.where('profileId').equals('me').toArray();
    expect(logged.map((e) => e.type)).toEqual(['impression', 'click']);
  }, 30_000);
});
