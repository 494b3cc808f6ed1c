/**
 * The FAQ's answers are written with placeholders ({freeShippingFrom}, {phone} …) so that they
 * state the shop's own policies; this fills them, in every language an entry has, from the
 * shop's settings. Pure: the build (and the tests) call it with the pack's settings.
 */
import type { Locale } from '../../catalog/types';
import type { KnowledgeEntry } from '../../assistant/shared/knowledge';
import type { ShopSettings } from './settings';
import { fillTemplate } from './templates';

type PerLocale = Partial<Record<Locale, string>>;

function fillAll<T extends PerLocale>(texts: T, settings: ShopSettings): T {
  const out: PerLocale = { ...texts };
  for (const locale of Object.keys(texts) as Locale[]) {
    const text = texts[locale];
    if (text !== undefined) out[locale] = fillTemplate(text, settings, locale);
  }
  return out as T;
}

/** Entries with answers (and titles) filled from the settings; throws on an unknown placeholder. */
export function applyShopToFaq(
  entries: readonly KnowledgeEntry[],
  settings: ShopSettings,
): KnowledgeEntry[] {
  return entries.map((e) => ({
    ...e,
    answer: fillAll(e.answer, settings),
    ...(e.title && { title: fillAll(e.title, settings) }),
  }));
}
