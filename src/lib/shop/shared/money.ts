/**
 * Money as shoppers read it, in the shop's currency and the reader's language: "¥199", "£50",
 * "¥12.50". One function for prices, offers and policy texts, so that they all look the same.
 */
import type { Locale } from '../../catalog/types';

// Making an Intl.NumberFormat costs far more than using one (a first screen formats hundreds of
// prices and policy values), so each is made once.
const digitsOf = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

/** Digits of the currency's minor unit: 2 for CNY and GBP, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!;
    digitsOf.set(currency, digits);
  }
  return digits;
}

/** `cents` (minor units) of `currency`; whole amounts without ".00", the narrow symbol (¥, £, $). */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  const amount = cents / 10 ** digits;
  const fraction = Number.isInteger(amount) ? 0 : digits;
  const key = `${locale} ${currency} ${fraction}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fraction,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format.format(amount);
}
