/**
 * Promotions on the device: picks the banner's promotion, logs impressions, clicks and
 * redemptions, and lets the bandit learn from them. Storage goes through db/promotions (one
 * transaction per pick or response); the bandit's state is one per device (the context already
 * carries the profile's taste). Nothing here talks to a network.
 */
import type { Category } from '../../catalog/types';
import {
  inPromotionsTransaction,
  storedBanditValue,
  type AisleDB,
  type PromotionEvent,
  type PromotionsTx,
} from '../../db';
import { createBandit, choose, isUsable, update, type BanditState } from '../shared/bandit';
import {
  buildContext,
  contextFromVector,
  contextToVector,
  type PromoContext,
} from '../shared/context';
import { promotionsFor } from '../shared/data';
import { offers, shopSettings } from '../../shell/catalog';

/** The shop's offers (its own, else the demo's), written with its policy values. */
const PROMOTIONS = promotionsFor(shopSettings, offers);
import { ROTATION_EXPLANATION, explain, rotationIndex, type Explanation } from '../shared/explain';
import type { Promotion } from '../shared/schema';

export { PERSONALISED_KEY, ROTATION_KEY, isPersonalised, setPersonalised } from '../../db';

/** The shop's offers as the shopper sees them (and the cart applies them). */
export const shopPromotions: readonly Promotion[] = PROMOTIONS;

/** A redemption (an offer used in an order placed) teaches the bandit more than a click. */
export const REDEEM_REWARD = 2;

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

function usable(value: unknown): StoredBandit | undefined {
  const stored = value as Partial<StoredBandit> | undefined;
  return stored && isUsable(stored.bandit, PROMOTIONS) ? (stored as StoredBandit) : undefined;
}

/** The stored bandit, for My data and the tests (undefined when none fits the promotions). */
export async function storedBandit(db: AisleDB): Promise<StoredBandit | undefined> {
  return usable(await storedBanditValue(db));
}

export interface ShowOptions {
  profileId: string;
  kiosk: boolean;
  categoryOf: (productId: string) => Category | undefined;
  now?: number;
}

/** Picks the promotion to show now and logs the impression, in one transaction. */
export function showPromotion(db: AisleDB, options: ShowOptions): Promise<Shown> {
  const now = options.now ?? Date.now();
  return inPromotionsTransaction(db, async (tx): Promise<Shown> => {
    const log = (promotionId: string, context?: number[]) => {
      const row: PromotionEvent = {
        profileId: options.profileId,
        promotionId,
        type: 'impression',
        at: now,
      };
      if (context) row.context = context;
      return tx.logPromotionEvent(row);
    };

    if (!(await tx.isPersonalised())) {
      const promotion = PROMOTIONS[rotationIndex(await tx.nextRotation(), PROMOTIONS.length)]!;
      const impressionId = await log(promotion.id);
      return { promotion, explanation: ROTATION_EXPLANATION, impressionId, personalised: false };
    }

    // A passphrase-protected profile gets a context without taste (time of day, kiosk) and
    // teaches the shared bandit nothing.
    const sealed = tx.isSealed(options.profileId);
    const taste = sealed ? null : await tx.tasteOf(options.profileId);
    const context: PromoContext = buildContext({
      ratings: taste?.ratings ?? [],
      events: taste?.events ?? [],
      categoryOf: options.categoryOf,
      now,
      hour: new Date(now).getHours(),
      kiosk: options.kiosk,
    });
    // None stored yet, or made for another list of promotions: start again.
    const stored = usable(await tx.bandit()) ?? { bandit: createBandit(PROMOTIONS, randomSeed()) };
    settle(stored);
    const choice = choose(stored.bandit, PROMOTIONS, context);
    const vector = contextToVector(context);
    const impressionId = await log(choice.promotionId, vector);
    if (!sealed) {
      stored.pending = { impressionId, arm: choice.arm, context: vector, rewarded: false };
      await tx.saveBandit(stored);
    }
    return {
      promotion: PROMOTIONS[choice.arm]!,
      explanation: explain(stored.bandit, PROMOTIONS, choice, context),
      impressionId,
      personalised: true,
    };
  });
}

/** The previous banner was replaced without a click: learn that (reward 0). */
function settle(stored: StoredBandit): void {
  const p = stored.pending;
  if (!p) return;
  const context = contextFromVector(p.context);
  if (!p.rewarded && context) update(stored.bandit, PROMOTIONS, p.arm, context, 0);
  delete stored.pending;
}

/** A click on the banner, or its offer saved for checkout: logged, and learned as reward 1. */
export function respond(
  db: AisleDB,
  shown: Shown,
  profileId: string,
  type: 'click' | 'save',
  now = Date.now(),
): Promise<void> {
  return inPromotionsTransaction(db, (tx) => learn(tx, shown, profileId, type, now));
}

async function learn(
  tx: PromotionsTx,
  shown: Shown,
  profileId: string,
  type: 'click' | 'save',
  now: number,
): Promise<void> {
  const stored = shown.personalised ? usable(await tx.bandit()) : undefined;
  const p = stored?.pending;
  const row: PromotionEvent = { profileId, promotionId: shown.promotion.id, type, at: now };
  if (p?.impressionId === shown.impressionId) row.context = p.context;
  await tx.logPromotionEvent(row);
  if (!stored || !p || p.impressionId !== shown.impressionId || p.rewarded) return;
  const context = contextFromVector(p.context);
  if (!context) return;
  update(stored.bandit, PROMOTIONS, p.arm, context, 1);
  p.rewarded = true;
  await tx.saveBandit(stored);
}

/**
 * Offers used in an order just placed: each logged as redeemed and, where the shopper's taste may
 * teach the shared bandit (personalised, not a protected profile), learned with REDEEM_REWARD in
 * the context it was last shown in.
 */
export function redeemOffers(
  db: AisleDB,
  profileId: string,
  promotionIds: readonly string[],
  now = Date.now(),
): Promise<void> {
  return inPromotionsTransaction(db, async (tx) => {
    const personalised = (await tx.isPersonalised()) && !tx.isSealed(profileId);
    const stored = personalised ? usable(await tx.bandit()) : undefined;
    for (const promotionId of promotionIds) {
      await tx.logPromotionEvent({ profileId, promotionId, type: 'redeem', at: now });
      const arm = PROMOTIONS.findIndex((p) => p.id === promotionId);
      const vector =
        stored && arm >= 0 ? await tx.lastShownContext(profileId, promotionId) : undefined;
      const context = vector && contextFromVector(vector);
      if (stored && context) update(stored.bandit, PROMOTIONS, arm, context, REDEEM_REWARD);
    }
    if (stored) await tx.saveBandit(stored);
  });
}
