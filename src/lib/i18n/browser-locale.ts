import type { Locale } from '../catalog/types';

/** The first of the browser's languages that we speak decides; English otherwise. */
export function browserLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const l = language.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
