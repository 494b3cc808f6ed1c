/**
 * The promotions' storage: the "Personalised offers" switch, the bandit's state (one per device,
 * in settings) and the log of impressions, clicks and redemptions. A pick or a response reads
 * and writes several of them at once, so it runs in one transaction (`inPromotionsTransaction`)
 * through the named operations of `PromotionsTx`; the choosing itself stays in promotions/.
 */
import { BANDIT_KEY } from '../promotions/shared/keys';
import { guard } from './errors';
import type { AisleDB, PromotionEvent, Rating, ShopEvent } from './schema';

export const PERSONALISED_KEY = 'promotions.personalised';
export const ROTATION_KEY = 'promotions.rotation';

/** On unless the shopper turned it off. */
export function isPersonalised(db: AisleDB): Promise<boolean> {
  return guard(async () => (await db.settings.get(PERSONALISED_KEY))?.value !== false);
}

/** Off also forgets what the bandit learned. */
export function setPersonalised(db: AisleDB, on: boolean): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: PERSONALISED_KEY, value: on });
      if (!on) await db.settings.delete(BANDIT_KEY);
    }),
  );
}

/** The bandit's stored state as stored (unchecked), or undefined. */
export function storedBanditValue(db: AisleDB): Promise<unknown> {
  return guard(async () => (await db.settings.get(BANDIT_KEY))?.value);
}

/** What a pick or a response may do inside its transaction. */
export interface PromotionsTx {
  isPersonalised(): Promise<boolean>;
  /** The rotation's counter before this call; the stored one moves on by one. */
  nextRotation(): Promise<number>;
  bandit(): Promise<unknown>;
  saveBandit(value: unknown): Promise<void>;
  /** Logs an impression, click or redemption; returns its id. */
  logPromotionEvent(row: PromotionEvent): Promise<number>;
  /** Whether a profile is passphrase-protected: its taste must not reach the bandit's clear,
   * shared state. */
  isSealed(profileId: string): boolean;
  /** A profile's ratings and shop events. */
  tasteOf(profileId: string): Promise<{ ratings: Rating[]; events: ShopEvent[] }>;
  /** The context of the last time this promotion was shown to this profile, if known. */
  lastShownContext(profileId: string, promotionId: string): Promise<number[] | undefined>;
}

export function inPromotionsTransaction<T>(
  db: AisleDB,
  work: (tx: PromotionsTx) => Promise<T>,
): Promise<T> {
  // Plain table calls in here: awaiting a promise that did no Dexie work (such as the guarded
  // functions above) loses the transaction's zone, and the transaction commits early.
  const tx: PromotionsTx = {
    isPersonalised: async () => (await db.settings.get(PERSONALISED_KEY))?.value !== false,
    async nextRotation() {
      const counter = Number((await db.settings.get(ROTATION_KEY))?.value ?? 0) || 0;
      await db.settings.put({ key: ROTATION_KEY, value: counter + 1 });
      return counter;
    },
    bandit: async () => (await db.settings.get(BANDIT_KEY))?.value,
    async saveBandit(value) {
      await db.settings.put({ key: BANDIT_KEY, value });
    },
    async logPromotionEvent(row) {
      return (await db.promotionEvents.add(row)) as number;
    },
    isSealed: (profileId) => db.keyring.isProtected(profileId),
    async tasteOf(profileId) {
      const [ratings, events] = await Promise.all([
        db.ratings.where('profileId').equals(profileId).toArray(),
        db.events.where('profileId').equals(profileId).toArray(),
      ]);
      return { ratings, events };
    },
    async lastShownContext(profileId, promotionId) {
      const shown = await db.promotionEvents
        .where('profileId')
        .equals(profileId)
        .filter((e) => e.promotionId === promotionId && e.type === 'impression' && !!e.context)
        .toArray();
      return shown.sort((a, b) => b.at - a.at)[0]?.context;
    },
  };
  return guard(() =>
    db.transaction('rw', [db.settings, db.ratings, db.events, db.promotionEvents], () => work(tx)),
  );
}

/** The promotions this profile saved from the banner and has not used in an order since. */
export function savedPromotionIds(db: AisleDB, profileId: string): Promise<string[]> {
  return guard(async () => {
    const rows = await db.promotionEvents.where('profileId').equals(profileId).toArray();
    const last = new Map<string, { save: number; redeem: number }>();
    for (const e of rows) {
      if (e.type !== 'save' && e.type !== 'redeem') continue;
      const seen = last.get(e.promotionId) ?? { save: -1, redeem: -1 };
      seen[e.type] = Math.max(seen[e.type], e.at);
      last.set(e.promotionId, seen);
    }
    return [...last].filter(([, t]) => t.save > t.redeem).map(([id]) => id);
  });
}
