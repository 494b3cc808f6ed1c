import type { Locale } from '../catalog/types';
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';
import { browserLocale } from './browser-locale';
import { formatMoney } from '../shop/shared/money';
import { shopSettings } from '../shell/catalog';

const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
/** Kept in localStorage (not IndexedDB) because it must be known before the first paint. */
const STORAGE_KEY = 'private-aisle.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage blocked: fall through to the browser's language
  }
  return browserLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

let current = $state<Locale>(initialLocale());

export const i18n = {
  get locale(): Locale {
    return current;
  },
  get t(): Messages {
    return MESSAGES[current];
  },
  setLocale(locale: Locale) {
    current = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered, still switched
    }
  },
  /** After "Erase all my data" the remembered choice is gone: follow the browser again. */
  reset() {
    current = initialLocale();
  },
};

/** One language's messages, whatever the current one (a kiosk's attract screen shows both). */
export const messagesIn = (locale: Locale): Messages => MESSAGES[locale];

/** A price in the shop's currency: "¥199", "£3.95". */
export function formatPrice(
  cents: number,
  locale: Locale,
  currency: string = shopSettings.currency,
): string {
  return formatMoney(cents, currency, locale);
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
