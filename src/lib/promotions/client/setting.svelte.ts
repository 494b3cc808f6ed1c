/**
 * The "Personalised offers" switch of My data: read live from the database, written through
 * db/promotions (turning it off forgets what the bandit learned). PromotionsSetting renders it.
 */
import { isPersonalised, setPersonalised, type AisleDB } from '../../db';
import { live } from '../../db/live.svelte';
import { i18n } from '../../i18n/locale.svelte';
import { notify, reportStorageError } from '../../shell/notices.svelte';
import { session } from '../../shell/session.svelte';

export class PersonalisedOffers {
  #busy = $state(false);
  readonly #stored;
  readonly #db: () => AisleDB | null;

  /** Call while a component is created (it reads the setting live). */
  constructor(db: () => AisleDB | null = () => session.db) {
    this.#db = db;
    this.#stored = live(db, isPersonalised, true);
  }

  /** On or off; null until read (or when there is no storage). */
  get on(): boolean | null {
    return this.#stored.loaded && !this.#stored.error ? this.#stored.current : null;
  }

  get busy(): boolean {
    return this.#busy;
  }

  async toggle(on: boolean): Promise<void> {
    const db = this.#db();
    if (!db) return;
    this.#busy = true;
    try {
      await setPersonalised(db, on);
      notify(on ? i18n.t.promotions.setting.on : i18n.t.promotions.setting.off);
    } catch (e) {
      reportStorageError(e);
    } finally {
      this.#busy = false;
    }
  }
}
