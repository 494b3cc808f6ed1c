/**
 * The offer banner's store: one pick per visit of a view (and per profile), made and logged on
 * the device; the banner's click and "save the code" go back to the bandit; "Why am I seeing
 * this?" in the shopper's words. PromoBanner only renders it.
 */
import { untrack } from 'svelte';
import { CATEGORY_NAMES } from '../../catalog/names';
import type { Category } from '../../catalog/types';
import { eventsFor, ratingsFor, type AisleDB } from '../../db';
import { i18n } from '../../i18n/locale.svelte';
import type { Catalog } from '../../catalog/client/catalog.svelte';
import { catalog } from '../../shell/catalog';
import { session } from '../../shell/session.svelte';
import type { Explanation, Reason } from '../shared/explain';
import { respond, showPromotion, type Shown } from './promotions';

export interface OfferSource {
  readonly db: AisleDB | null;
  readonly profileId: string;
  /** A kiosk (or a guest, which is how a kiosk serves walk-ins): the bandit's context says so. */
  readonly kiosk: boolean;
}

/** The app's source: the session's database and profile. */
export const sessionOfferSource: OfferSource = {
  get db() {
    return session.db;
  },
  get profileId() {
    return session.profileId;
  },
  get kiosk() {
    return (
      document.documentElement.classList.contains('kiosk') || session.profile?.kind === 'guest'
    );
  },
};

/** The most of a profile's products whose departments are read before a pick. */
const TASTE = 500;

/**
 * A stored catalog (src/lib/catalog/stored.ts) holds only what was shown lately: the products the
 * profile rated or looked at are read first, so the pick (which asks their departments as it
 * goes) knows them all. A locked profile has no taste to read.
 */
export async function readTaste(
  db: AisleDB,
  profileId: string,
  from: Pick<Catalog, 'inline' | 'load'> = catalog,
): Promise<void> {
  if (from.inline) return;
  try {
    const [ratings, events] = await Promise.all([
      ratingsFor(db, profileId),
      eventsFor(db, profileId),
    ]);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local dedupe, not state
    const ids = [...new Set([...ratings, ...events.toReversed()].map((r) => r.productId))];
    await from.load(ids.slice(0, TASTE));
  } catch {
    // locked, or storage failing: the pick goes on with what is known
  }
}

export class PromotionOffer {
  #shown = $state.raw<Shown | null>(null);
  #saved = $state(false);
  /** The profile the offer was picked for: its clicks are that profile's, whoever is active. */
  #shownFor = '';
  readonly #source: OfferSource;

  /** Call while a component is created: it picks when the database or the profile changes. */
  constructor(source: OfferSource = sessionOfferSource) {
    this.#source = source;
    $effect(() => {
      const db = source.db;
      const profileId = source.profileId;
      if (!db) return;
      const kiosk = untrack(() => source.kiosk);
      let current = true;
      this.#saved = false;
      this.#shown = null; // another profile's offer must not linger while this one's is picked
      const categoryOf = (id: string) => untrack(() => catalog.get(id))?.category;
      db.holds
        .run(async () => {
          await readTaste(db, profileId);
          return showPromotion(db, { profileId, kiosk, categoryOf });
        })
        .then((shown) => {
          if (!current || !shown) return;
          this.#shown = shown;
          this.#shownFor = profileId;
        })
        .catch(() => {
          // no banner rather than a broken page (e.g. storage full)
        });
      return () => (current = false);
    });
  }

  get shown(): Shown | null {
    return this.#shown;
  }

  /** The offer was saved for checkout during this visit. */
  get saved(): boolean {
    return this.#saved;
  }

  /** "Why am I seeing this?", in the current language. */
  get why(): { reasons: string[]; basis: string | null } | null {
    return this.#shown && whyText(this.#shown.explanation);
  }

  click(): void {
    this.#record('click');
  }

  /** Saves the offer for checkout (the Cart lists it). */
  save(): void {
    this.#record('save');
    this.#saved = true;
  }

  #record(type: 'click' | 'save'): void {
    const db = this.#source.db;
    if (!db || !this.#shown) return;
    const shown = this.#shown;
    db.holds
      .run(() => respond(db, shown, this.#shownFor, type))
      .catch(() => {
        // best effort: the offer itself still works
      });
  }
}

function names(categories: readonly Category[]): string {
  return new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(
    categories.map((c) => CATEGORY_NAMES[c][i18n.locale]),
  );
}

function reasonText(r: Reason): string {
  const t = i18n.t.promotions;
  switch (r.kind) {
    case 'interest':
      return t.reasons.interest(names(r.categories));
    case 'time':
      return t.reasons.time(t.timesOfDay[r.timeOfDay]);
    default:
      return t.reasons[r.kind];
  }
}

function whyText(e: Explanation): { reasons: string[]; basis: string | null } {
  const t = i18n.t.promotions;
  const b = e.basis;
  const basis =
    b &&
    `${t.basis} ${b.categories.length ? t.basisTaste(names(b.categories)) : t.basisNoTaste}; ` +
      `${t.basisTime(t.timesOfDay[b.timeOfDay])}; ${b.kiosk ? t.basisKiosk : t.basisPersonal}.`;
  return { reasons: e.reasons.map(reasonText), basis };
}
