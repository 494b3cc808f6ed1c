/**
 * Promotions glue: picks the banner's promotion on the device, logs impressions, clicks and
 * redemptions as db.promotionEvents, and lets the bandit learn from them. The bandit's state
 * lives in db.settings (one per device: the context already carries the profile's taste).
 * Nothing here talks to a network.
 */
import type { Category } from '../../catalog/types';
import type { AisleDB, PromotionEvent } from '../../db/schema';
import { createBandit, choose, isUsable, update, type BanditState } from '../shared/bandit';
import {
  buildContext,
  contextFromVector,
  contextToVector,
  type PromoContext,
} from '../shared/context';
import { PROMOTIONS } from '../shared/data';
import { ROTATION_EXPLANATION, explain, rotationIndex, type Explanation } from '../shared/explain';
import type { Promotion } from '../shared/schema';

export const PERSONALISED_KEY = 'promotions.personalised';
export const BANDIT_KEY = 'promotions.bandit';
export const ROTATION_KEY = 'promotions.rotation';

/** The bandit and the impression still waiting for its outcome (learned as 0 if none comes). */
export interface StoredBandit {
  bandit: BanditState;
  pending?: { impressionId: number; arm: number; context: number[]; rewarded: boolean };
}

export interface Shown {
  promotion: Promotion;
  explanation: Explanation;
  impressionId: number;
  personalised: boolean;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

async function loadBandit(db: AisleDB): Promise<StoredBandit> {
  const row = (await db.settings.get(BANDIT_KEY))?.value as Partial<StoredBandit> | undefined;
  if (row && isUsable(row.bandit, PROMOTIONS)) return row as StoredBandit;
  // None yet, or made for another list of promotions: start again.
  return { bandit: createBandit(PROMOTIONS, randomSeed()) };
}

export async function isPersonalised(db: AisleDB): Promise<boolean> {
  return (await db.settings.get(PERSONALISED_KEY))?.value !== false;
}

/** Off: offers rotate in a fixed order, and what the bandit learned is forgotten. */
export async function setPersonalised(db: AisleDB, on: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: PERSONALISED_KEY, value: on });
    if (!on) await db.settings.delete(BANDIT_KEY);
  });
}

/** The stored bandit, for My data and the tests (undefined when none is stored). */
export async function storedBandit(db: AisleDB): Promise<StoredBandit | undefined> {
  const value = (await db.settings.get(BANDIT_KEY))?.value as StoredBandit | undefined;
  return value && isUsable(value.bandit, PROMOTIONS) ? value : undefined;
}

export interface ShowOptions {
  profileId: string;
  kiosk: boolean;
  categoryOf: (productId: string) => Category | undefined;
  now?: number;
}

/** Picks the promotion to show now and logs the impression, in one transaction. */
export async function showPromotion(db: AisleDB, options: ShowOptions): Promise<Shown> {
  const now = options.now ?? Date.now();
  return db.transaction(
    'rw',
    [db.settings, db.ratings, db.events, db.promotionEvents],
    async (): Promise<Shown> => {
      const log = (promotionId: string, context?: number[]) => {
        const row: PromotionEvent = {
          profileId: options.profileId,
          promotionId,
          type: 'impression',
          at: now,
        };
        if (context) row.context = context;
        return db.promotionEvents.add(row) as Promise<number>;
      };

      if (!(await isPersonalised(db))) {
        const counter = Number((await db.settings.get(ROTATION_KEY))?.value ?? 0) || 0;
        await db.settings.put({ key: ROTATION_KEY, value: counter + 1 });
        const promotion = PROMOTIONS[rotationIndex(counter, PROMOTIONS.length)]!;
        const impressionId = await log(promotion.id);
        return { promotion, explanation: ROTATION_EXPLANATION, impressionId, personalised: false };
      }

      // A passphrase-protected profile's taste must not reach the bandit's clear, shared
      // state: it gets a context without taste (time of day, kiosk) and teaches nothing.
      const sealed = db.keyring.isProtected(options.profileId);
      const [ratings, events] = sealed
        ? [[], []]
        : await Promise.all([
            db.ratings.where('profileId').equals(options.profileId).toArray(),
            db.events.where('profileId').equals(options.profileId).toArray(),
          ]);
      const context: PromoContext = buildContext({
        ratings,
        events,
        categoryOf: options.categoryOf,
        now,
        hour: new Date(now).getHours(),
        kiosk: options.kiosk,
      });
      const stored = await loadBandit(db);
      settle(stored);
      const choice = choose(stored.bandit, PROMOTIONS, context);
      const vector = contextToVector(context);
      const impressionId = await log(choice.promotionId, vector);
      if (!sealed) {
        stored.pending = { impressionId, arm: choice.arm, context: vector, rewarded: false };
        await db.settings.put({ key: BANDIT_KEY, value: stored });
      }
      return {
        promotion: PROMOTIONS[choice.arm]!,
        explanation: explain(stored.bandit, PROMOTIONS, choice, context),
        impressionId,
        personalised: true,
      };
    },
  );
}

/** The previous banner was replaced without a click: learn that (reward 0). */
function settle(stored: StoredBandit): void {
  const p = stored.pending;
  if (!p) return;
  const context = contextFromVector(p.context);
  if (!p.rewarded && context) update(stored.bandit, PROMOTIONS, p.arm, context, 0);
  delete stored.pending;
}

/** A click on the banner, or a redemption of its offer: logged, and learned as reward 1. */
export async function respond(
  db: AisleDB,
  shown: Shown,
  profileId: string,
  type: 'click' | 'redeem',
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.settings, db.promotionEvents], async () => {
    const stored = shown.personalised ? await storedBandit(db) : undefined;
    const p = stored?.pending;
    const row: PromotionEvent = { profileId, promotionId: shown.promotion.id, type, at: now };
    if (p?.impressionId === shown.impressionId) row.context = p.context;
    await db.promotionEvents.add(row);
    if (!stored || !p || p.impressionId !== shown.impressionId || p.rewarded) return;
    const context = contextFromVector(p.context);
    if (!context) return;
    update(stored.bandit, PROMOTIONS, p.arm, context, 1);
    p.rewarded = true;
    await db.settings.put({ key: BANDIT_KEY, value: stored });
  });
}
