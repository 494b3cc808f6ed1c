/**
 * Reads a pack's shop.json. Every field is optional: what the file gives is merged over the demo
 * shop's settings (DEFAULT_SETTINGS, with the pack's own name and currency), and a field that
 * breaks its rule is reported by its path and keeps the default, so one typo in shop.json costs
 * that one value, never the whole shop.
 */
import * as v from 'valibot';
import { CATEGORIES } from '../../catalog/types';
import { DEFAULT_SETTINGS } from './defaults';
import { PAYMENT_METHODS, type ShopSettings } from './settings';

export interface SettingsProblem {
  /** Dotted path in shop.json, e.g. "policies.returnDays" ("" for the whole file). */
  path: string;
  why: string;
}

const WHOLE = 'must be a whole number ≥ 0';
const COUNT = 'must be a whole number ≥ 1';
const TEXT = 'must be text';

const whole = v.pipe(v.number(WHOLE), v.safeInteger(WHOLE), v.minValue(0, WHOLE));
const count = v.pipe(v.number(COUNT), v.safeInteger(COUNT), v.minValue(1, COUNT));
const text = v.pipe(v.string(TEXT), v.trim(), v.nonEmpty('must not be empty'));

/** An object whose unknown keys are reported as such (a typo), the rest as a wrong type. */
export const strict = <T extends v.ObjectEntries>(entries: T, what = 'a setting') =>
  v.strictObject(entries, (issue: v.BaseIssue<unknown>) =>
    issue.expected === 'never' ? `is not ${what} (a typo?)` : 'must be an object',
  );

/** Both languages, or one text used for both. */
export const localized = v.union(
  [
    v.pipe(
      text,
      v.transform((s) => ({ en: s, 'zh-CN': s })),
    ),
    strict({ en: text, 'zh-CN': text }),
  ],
  'must be text, or { "en": …, "zh-CN": … }',
);

const TIME = 'must be a time "HH:MM" (24-hour clock)';
const clock = v.pipe(v.string(TIME), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME));

const openingHours = v.pipe(
  strict({ open: clock, close: clock }),
  v.check((h) => h.open < h.close, 'must open before it closes'),
);

const range = v.pipe(
  strict({ min: whole, max: whole }),
  v.check((r) => r.min <= r.max, 'min must not be above max'),
);

const HEX = 'must be a hex colour like "#0f5c4d"';
const hex = v.pipe(v.string(HEX), v.regex(/^#[0-9a-f]{6}$/i, HEX));

const CURRENCY = 'must be an ISO 4217 currency code like "CNY"';
const currency = v.pipe(
  v.string(CURRENCY),
  v.regex(/^[A-Z]{3}$/, CURRENCY),
  v.check((c) => Intl.supportedValuesOf('currency').includes(c), CURRENCY),
);

const LOGO = 'must be a path inside the pack to an .svg or .png file';
const logo = v.pipe(v.string(LOGO), v.regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png)$/i, LOGO));

const oneOf = <const T extends readonly string[]>(options: T) =>
  v.picklist(options, `must be one of ${options.join(', ')}`);

const paymentMethods = v.pipe(
  v.array(oneOf(PAYMENT_METHODS), 'must be a list'),
  v.minLength(1, 'must name at least one way to pay'),
  v.check((list) => new Set(list).size === list.length, 'must not repeat a method'),
);

const policies = strict({
  freeShippingFromCents: whole,
  shippingFeeCents: whole,
  expressFeeCents: whole,
  expressWorkingDays: count,
  orderCutoff: clock,
  deliveryRegions: localized,
  deliveryDays: range,
  remoteDeliveryMaxDays: whole,
  internationalDeliveryDays: range,
  pickup: strict({ readyHours: whole, keptDays: whole }),
  returnDays: whole,
  damageReportDays: whole,
  returnCarrier: text,
  returnCheckWorkingDays: whole,
  refundWorkingDays: range,
  failedPaymentRefundHours: whole,
  paymentMethods,
  instalments: strict({
    fromCents: whole,
    counts: v.pipe(v.array(count, 'must be a list'), v.minLength(1, 'must not be empty')),
    interestFreeCount: whole,
  }),
  invoice: strict({ requestDays: whole, sentWithinWorkingDays: whole }),
  priceMatchDays: whole,
  warrantyMonths: strict({ electronics: whole, eyewearAndBags: whole, other: whole }),
  repairWorkingDays: whole,
  restockWeeks: range,
  giftWrapCents: whole,
  giftCard: strict({
    valuesCents: v.pipe(v.array(count, 'must be a list'), v.minLength(1, 'must not be empty')),
    validYears: count,
  }),
  prescriptionLenses: strict({ singleVisionCents: whole, progressiveCents: whole, days: range }),
  bulkOrderFromItems: count,
  membership: strict({
    firstOrderOffCents: whole,
    pointsPerUnit: whole,
    silverFromPoints: whole,
    goldFromPoints: whole,
    pointsPerUnitOff: count,
  }),
  concession: strict({
    percentOff: v.pipe(whole, v.maxValue(90, 'must be at most 90')),
    seniorFromAge: whole,
  }),
  saleSeasons: localized,
});

const store = strict({ city: localized, address: localized });

/** shop.json as the app uses it, after the merge: every field present and checked. */
export const ShopSettingsSchema = strict({
  name: localized,
  logo: v.optional(logo),
  colours: strict({ brand: hex, accent: hex }),
  currency,
  locale: oneOf(['en', 'zh-CN'] as const),
  contact: strict({
    email: v.pipe(v.string(TEXT), v.email('must be an email address')),
    phone: v.pipe(text, v.regex(/^\+?[\d\s()-]{3,20}$/, 'must be a phone number')),
    businessEmail: v.pipe(v.string(TEXT), v.email('must be an email address')),
    address: v.optional(localized),
    serviceHours: openingHours,
    complaintReplyWorkingDays: count,
  }),
  stores: strict({
    list: v.array(store, 'must be a list'),
    hours: strict({ weekdays: openingHours, weekends: openingHours, holidays: openingHours }),
    freeParkingHours: whole,
    metroWalkMinutes: whole,
  }),
  policies,
  checkout: oneOf(['till', 'confirmation'] as const),
  departments: v.optional(v.record(v.pipe(v.string(), v.nonEmpty()), oneOf(CATEGORIES))),
});

// The schema's output is exactly ShopSettings: a field added to one and not the other fails here.
type Output = v.InferOutput<typeof ShopSettingsSchema>;
const sameShape: [Output, ShopSettings] extends [ShopSettings, Output] ? true : never = true;
void sameShape;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** `raw` over `base`: objects merge key by key; anything else in `raw` replaces. */
function mergeOver(base: unknown, raw: unknown): unknown {
  if (raw === undefined) return structuredClone(base);
  if (!isObject(base) || !isObject(raw)) return structuredClone(raw);
  const out: Json = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(raw)]))
    out[key] = mergeOver(base[key], raw[key]);
  return out;
}

function valueAt(root: unknown, keys: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of keys)
    at = isObject(at) || Array.isArray(at) ? (at as Json)[key as string] : undefined;
  return at;
}

/** Marks a list item to leave out; `prune` removes the marks once a round is over. */
const LEAVE_OUT = Symbol('leave out');

/**
 * Puts the default back where an issue was found. A bad item of a list is left out (the rest of
 * the list stands; an emptied list then fails its own rule and gets the default). A field with
 * no default is removed.
 */
function resetAt(merged: Json, base: Json, keys: readonly PropertyKey[]): void {
  const parent = valueAt(merged, keys.slice(0, -1));
  const key = keys.at(-1);
  if (Array.isArray(parent) && typeof key === 'number') {
    parent[key] = LEAVE_OUT;
    return;
  }
  if (!isObject(parent) || key === undefined) return;
  const fallback = valueAt(base, keys);
  if (fallback === undefined) delete parent[key as string];
  else parent[key as string] = structuredClone(fallback);
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((x) => x !== LEAVE_OUT).map(prune);
  if (isObject(value)) for (const key of Object.keys(value)) value[key] = prune(value[key]);
  return value;
}

/** The defaults for a pack: the demo shop's settings, with the pack's own name and currency. */
export function defaultsFor(fallback: { name: string; currency?: string }): ShopSettings {
  const currencyOk = fallback.currency !== undefined && v.is(currency, fallback.currency);
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    name: { en: fallback.name, 'zh-CN': fallback.name },
    currency: currencyOk ? fallback.currency! : DEFAULT_SETTINGS.currency,
  };
}

const pathOf = (keys: readonly PropertyKey[]) => keys.map(String).join('.');

/**
 * shop.json (already parsed from JSON; undefined when the pack has none) → the shop's settings,
 * and what was wrong with it. Never throws: a bad field keeps its default.
 */
export function parseShopSettings(
  raw: unknown,
  fallback: { name: string; currency?: string },
): { settings: ShopSettings; problems: SettingsProblem[] } {
  const base = defaultsFor(fallback);
  if (raw !== undefined && !isObject(raw))
    return { settings: base, problems: [{ path: '', why: 'must be an object' }] };
  let merged = mergeOver(base, raw) as Json;
  const problems: SettingsProblem[] = [];
  // Each round puts back the defaults of the fields it found wrong; a nested issue may only show
  // once its parent is fixed, hence the loop (bounded: every round removes what it reports).
  for (let round = 0; round < 8; round++) {
    const parsed = v.safeParse(ShopSettingsSchema, merged);
    if (parsed.success) return { settings: parsed.output, problems };
    for (const issue of parsed.issues) {
      const keys = (issue.path ?? []).map((item) => item.key as PropertyKey);
      const path = pathOf(keys);
      if (!problems.some((p) => p.path === path && p.why === issue.message))
        problems.push({ path, why: issue.message });
      resetAt(merged, base as unknown as Json, keys);
    }
    merged = prune(merged) as Json;
  }
  return { settings: base, problems };
}
