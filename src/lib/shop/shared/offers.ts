/**
 * A pack's offers.json: the shop's own offers, replacing the demo's. Held to the demo's rules
 * (PromotionSchema), each bad entry reported by its index and field ("[3].code"); their texts
 * may use the offer's own values and the shop's placeholders, and one that names anything else
 * is a problem here rather than a build that fails later. Free-shipping offers are shown as the
 * demo's are (promotionsFor): one that the policy makes pointless is a warning, not a surprise.
 */
import type { Locale } from '../../catalog/types';
import { POLICY_OFFER, addsToPolicy, promotionsFor } from '../../promotions/shared/data';
import {
  checkPromotions,
  type CheckedPromotion,
  type Promotion,
} from '../../promotions/shared/schema';
import { formatMoney } from './money';
import type { PackProblem } from './pack-types';
import { problemAt, type Findings } from './rows';
import type { ShopSettings } from './settings';
import { PLACEHOLDERS, offerValues, placeholdersIn } from './templates';

export const OFFERS_FILE = 'offers.json';

const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const POLICY_PATH = 'policies.freeShippingFromCents';

/** "[3]" or "[3].code": where in the file, as a JSON path. */
const at = (index: number, path = '') => `[${index}]${path ? `.${path}` : ''}`;

/** The placeholders of one text that neither the offer nor the shop can fill. */
function unknownPlaceholders(
  text: string,
  offer: Promotion,
  settings: ShopSettings,
  locale: Locale,
): string[] {
  const own = offerValues(offer, settings, locale);
  return placeholdersIn(text).filter(
    (name) => !Object.hasOwn(own, name) && !Object.hasOwn(PLACEHOLDERS, name),
  );
}

/** Every title and text of an offer that names a placeholder nothing fills. */
function placeholderProblems(
  { index, promotion: offer }: CheckedPromotion,
  settings: ShopSettings,
): PackProblem[] {
  const own = Object.keys(offerValues(offer, settings, 'en')).map((n) => `{${n}}`);
  return (['title', 'text'] as const).flatMap((field) =>
    LOCALES.flatMap((locale) => {
      const unknown = unknownPlaceholders(offer[field][locale], offer, settings, locale);
      if (!unknown.length) return [];
      const names = unknown.map((n) => `{${n}}`).join(', ');
      return [
        problemAt(
          OFFERS_FILE,
          undefined,
          at(index, `${field}.${locale}`),
          `Unknown placeholder ${names}: an offer's text may use its own values (${own.join(', ') || 'this one has none'}) and the shop's ({freeShippingFrom}, {returnDays} …, listed in src/lib/shop/shared/templates.ts).`,
        ),
      ];
    }),
  );
}

/** Why the shop will not show, or will show differently, a free-shipping offer as written. */
function policyNote(offer: Promotion, settings: ShopSettings): string | undefined {
  const threshold = settings.policies.freeShippingFromCents;
  const money = (cents: number) => formatMoney(cents, settings.currency, 'en');
  if (!addsToPolicy(offer, threshold)) {
    return offer.id === POLICY_OFFER
      ? `It is not shown: every order ships free (shop.json ${POLICY_PATH} is 0).`
      : `It is not shown: free shipping from ${money(offer.minSpendCents ?? 0)} is no offer when every order from ${money(threshold)} ships free already (shop.json ${POLICY_PATH}).`;
  }
  if (offer.id === POLICY_OFFER && offer.minSpendCents !== threshold) {
    return `The offer "${POLICY_OFFER}" states the shop's free-shipping policy, so its threshold is ${money(threshold)} (shop.json ${POLICY_PATH}), not its own minSpendCents.`;
  }
  return undefined;
}

/**
 * offers.json (already parsed from JSON) → the shop's offers, as written (promotionsFor fills
 * them on the device). Problems and warnings go to `findings`; undefined when the file is bad.
 */
export function readOffers(
  raw: unknown,
  settings: ShopSettings,
  findings: Findings,
): Promotion[] | undefined {
  if (!Array.isArray(raw)) {
    findings.problems.push(
      problemAt(
        OFFERS_FILE,
        undefined,
        undefined,
        `${OFFERS_FILE} must be a list of offers: [ { "id": …, "kind": …, "title": …, "text": … }, … ].`,
      ),
    );
    return undefined;
  }
  const { promotions: checked, issues } = checkPromotions(raw);
  const problems = [
    ...issues.map(({ index, path, why }) =>
      problemAt(OFFERS_FILE, undefined, at(index, path), why),
    ),
    ...checked.flatMap((entry) => placeholderProblems(entry, settings)),
  ];
  if (problems.length) {
    findings.problems.push(...problems);
    return undefined;
  }

  for (const { index, promotion } of checked) {
    const note = policyNote(promotion, settings);
    if (note) findings.warnings.push(problemAt(OFFERS_FILE, undefined, at(index), note));
  }
  const promotions = checked.map((entry) => entry.promotion);
  if (!promotionsFor(settings, promotions).length) {
    findings.problems.push(
      problemAt(
        OFFERS_FILE,
        undefined,
        undefined,
        `${OFFERS_FILE} has no offer the shop would show: add one, or leave the file out to show the demo's offers.`,
      ),
    );
    return undefined;
  }
  return promotions;
}
