/**
 * A pack's try-on parameters (the Shopify metafield column "Try-on (product.metafields.
 * private_aisle.try_on)", a feed's try_on attribute) are JSON written by hand: they are checked
 * here against TryOnParams before a renderer ever draws them, so a typo is a problem on its row,
 * not a broken try-on in the shop. Ranges are what the renderer draws sensibly.
 */
import * as v from 'valibot';
import type { TryOnParams } from '../../catalog/types';

const notAColour = (issue: v.BaseIssue<unknown>) =>
  `must be a colour like "#1f1f1f", not ${issue.received}`;
const hex = v.pipe(v.string(notAColour), v.regex(/^#[0-9a-f]{6}$/i, notAColour));

const between = (min: number, max: number) =>
  v.pipe(
    v.number((issue) => `must be a number, not ${issue.received}`),
    v.minValue(min, `must be between ${min} and ${max}`),
    v.maxValue(max, `must be between ${min} and ${max}`),
  );

const oneOf = <const T extends string>(values: readonly [T, ...T[]]) =>
  v.picklist(values, (issue) => `must be one of ${values.join(', ')}, not ${issue.received}`);

const EYEWEAR = v.strictObject({
  kind: v.literal('eyewear'),
  frameShape: oneOf(['round', 'rectangle', 'cat-eye', 'aviator', 'square', 'oval']),
  frameColour: hex,
  lensTint: hex,
  lensOpacity: between(0, 0.9),
  bridgeWidthMm: between(5, 40),
  templeWidthMm: between(80, 200),
  lensWidthMm: between(20, 80),
});

const HAT = v.strictObject({
  kind: v.literal('hat'),
  style: oneOf(['cap', 'fedora', 'beanie', 'bucket', 'sun-hat']),
  crownColour: hex,
  brimColour: hex,
  bandColour: v.optional(hex),
  crownHeight: between(0.3, 0.8),
  brimWidth: between(0, 1.2),
});

const EARRING = v.strictObject({
  kind: v.literal('earring'),
  style: oneOf(['stud', 'hoop', 'drop']),
  metalColour: hex,
  stoneColour: v.optional(hex),
  sizeMm: between(1, 100),
});

const LIPSTICK = v.strictObject({
  kind: v.literal('lipstick'),
  colour: hex,
  finish: oneOf(['matte', 'gloss', 'satin']),
  opacity: between(0.3, 0.9),
});

export const TRY_ON_SCHEMA = v.variant(
  'kind',
  [EYEWEAR, HAT, EARRING, LIPSTICK],
  (issue) => `must be one of eyewear, hat, earring, lipstick, not ${issue.received}`,
);

/** Where a value failed, in words: `lensOpacity must be between 0 and 0.9`. */
function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  // strict_object issues: a key it does not know (expected "never"), or one that is missing.
  if (issue.type === 'strict_object') {
    return issue.expected === 'never' ? `${path} is not a try-on setting` : `${path} is missing`;
  }
  return `${path} ${issue.message}`;
}

/** The try-on parameters, or every reason (in words) they cannot be used. */
export function parseTryOn(raw: unknown): { value: TryOnParams } | { why: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { why: 'it must be a JSON object such as {"kind": "hat", …}' };
  }
  const result = v.safeParse(TRY_ON_SCHEMA, raw);
  if (result.success) return { value: result.output };
  return { why: result.issues.map(describe).join('; ') };
}
