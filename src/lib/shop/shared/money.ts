/**
 * Money as shoppers read it, in the shop's currency and the reader's language: "¥199", "£50",
 * "¥12.50". One function for prices, offers and policy texts, so that they all look the same.
 */
import type { Locale } from '../../catalog/types';

/** Digits of the currency's minor unit: 2 for CNY and GBP, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits!;
}

/** `cents` (minor units) of `currency`; whole amounts without ".00", the narrow symbol (¥, £, $). */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  const amount = cents / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(amount);
}
