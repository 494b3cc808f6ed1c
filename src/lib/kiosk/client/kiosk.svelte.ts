/**
 * Kiosk mode on a shop's device: an attract screen, a guest session per shopper, an idle
 * countdown, and a reset that leaves nothing of the shopper behind (storage, caches, camera,
 * form fields, history). Staff turn it on and off with a PIN.
 *
 * One store, `kiosk`: the shell renders its fields and calls its methods.
 */
import { GUEST_PROFILE_ID, getSetting, isAppCache, setSetting, type AisleDB } from '../../db';
import { wipeShopper } from '../../db/kiosk';
import { offlineAssets } from '../../shell/offline-assets.svelte';
import { onDatabaseOpen, selectProfile } from '../../shell/session.svelte';
import {
  DEFAULT_IDLE_SECONDS,
  KIOSK_SETTING,
  asKioskConfig,
  clampIdleSeconds,
  idlePhase,
  type KioskConfig,
} from '../shared/config';
import { PinTries, hashPin } from '../shared/pin';

/** Fired on window before a reset: anything holding a device (the try-on camera) lets go. */
export const KIOSK_RESET_EVENT = 'kiosk-reset';
/** Where the shopper's session start is kept, so a reload mid-session still wipes it. */
const SESSION_SETTING = 'kioskSessionSince';

class Kiosk {
  /** The stored kiosk setting; null when kiosk mode is off. */
  config = $state.raw<KioskConfig | null>(null);
  phase = $state<'attract' | 'shopping' | 'warning'>('attract');
  /** Seconds until the session ends, while the "still there?" warning shows. */
  secondsLeft = $state(0);
  /** A session is being erased (the page reloads when done). */
  resetting = $state(false);
  /** Whether the kiosk setting has been read (storage open). */
  loaded = $state(false);
  /** `?kiosk` in the address: staff are asked for a PIN to start kiosk mode. */
  readonly asked = new URLSearchParams(location.search).has('kiosk');

  #db: AisleDB | null = null;
  /** The wipe of what a session cut short left behind (see load). */
  #leftover: Promise<void> = Promise.resolve();
  #lastActivity = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #pinTries = new PinTries();

  get enabled(): boolean {
    return this.config !== null;
  }
  get idleSeconds(): number {
    return this.config?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  }
  /** The attract screen is up: no view is shown behind it, so none can record anything. */
  get attract(): boolean {
    return this.config !== null && (this.phase === 'attract' || this.resetting);
  }

  /** Reads the kiosk setting; in kiosk mode, first erases whatever a previous shopper left. */
  async load(database: AisleDB): Promise<void> {
    this.#db = database;
    this.config = asKioskConfig(await getSetting<unknown>(database, KIOSK_SETTING, null));
    document.documentElement.classList.toggle('kiosk', this.config !== null);
    // A session that ended (End session, the idle reset, staff leaving: each reloads) or was cut
    // (a reload, a power cut): the previous shopper's data must go, again, before anything else,
    // including whatever was still being written when the session ended.
    this.#leftover = (async () => {
      const since = await getSetting<number | null>(database, SESSION_SETTING, null);
      if (since === null) return;
      await wipeShopper(database, GUEST_PROFILE_ID, since);
      await setSetting(database, SESSION_SETTING, null);
    })();
    this.loaded = true;
    if (!this.config) {
      this.#stopTimer();
      return this.#leftover;
    }
    this.phase = 'attract';
    await this.#leftover;
  }

  /** Staff: turn kiosk mode on with a new PIN (4 to 8 digits). */
  async enable(pin: string, idleSeconds = DEFAULT_IDLE_SECONDS): Promise<void> {
    const db = this.#db;
    if (!db) throw new Error('Storage is not open');
    const next: KioskConfig = {
      pin: await hashPin(pin),
      idleSeconds: clampIdleSeconds(idleSeconds),
    };
    await setSetting(db, KIOSK_SETTING, next);
    await this.load(db);
    // A kiosk must work without a connection: every feature's files are fetched now, with progress.
    void offlineAssets.makeAllAvailable().catch(() => undefined);
  }

  /**
   * Staff: leaves kiosk mode (after the shopper's data is erased). A wrong PIN changes nothing;
   * too many in a row make the next tries wait.
   */
  async exit(pin: string): Promise<'ok' | 'wrong' | 'wait'> {
    const db = this.#db;
    if (!db || !this.config) return 'wrong';
    const checked = await this.#pinTries.check(this.config.pin, pin);
    if (checked !== 'ok') return checked;
    await setSetting(db, KIOSK_SETTING, null);
    await this.endSession();
    return 'ok';
  }

  /** A touch on the attract screen: a new shopper, as the guest profile. */
  async startShopper(): Promise<void> {
    const db = this.#db;
    if (!db || !this.config || this.resetting) return;
    await this.#leftover.catch(() => undefined);
    // Keep an older start if a wipe failed: this session's end then erases both shoppers.
    if ((await getSetting<number | null>(db, SESSION_SETTING, null)) === null)
      await setSetting(db, SESSION_SETTING, Date.now());
    await selectProfile(GUEST_PROFILE_ID);
    location.replace('#/shop');
    this.phase = 'shopping';
    this.noteActivity();
    this.#stopTimer();
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  /** Any touch, key or scroll from the shopper. */
  noteActivity = (): void => {
    this.#lastActivity = Date.now();
    if (this.phase === 'warning') this.phase = 'shopping';
  };

  #tick(): void {
    if (!this.config || this.phase === 'attract' || this.resetting) return;
    const state = idlePhase(Date.now() - this.#lastActivity, this.config.idleSeconds);
    if (state.phase === 'active') {
      this.phase = 'shopping';
    } else if (state.phase === 'warning') {
      this.phase = 'warning';
      this.secondsLeft = state.secondsLeft;
    } else {
      void this.endSession();
    }
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Ends the shopper's session at once: releases the camera, erases the guest's rows, personal
   * caches and web storage, then reloads so that no form field, view state or history remains.
   */
  async endSession(): Promise<void> {
    if (this.resetting) return;
    this.resetting = true;
    this.#stopTimer();
    dispatchEvent(new Event(KIOSK_RESET_EVENT));
    const db = this.#db;
    try {
      if (db) {
        const since = await getSetting<number | null>(db, SESSION_SETTING, null);
        await wipeShopper(db, GUEST_PROFILE_ID, since ?? 0);
        // The session's marker stays until the reload has wiped again (load): a write still in
        // flight here (Help's answer, say) lands after this wipe but never after that one.
      }
      if (typeof caches !== 'undefined') {
        for (const key of await caches.keys()) {
          // The app's own files stay, so the kiosk keeps working offline.
          if (!isAppCache(key)) await caches.delete(key);
        }
      }
    } finally {
      for (const storage of [localStorage, sessionStorage]) {
        try {
          storage.clear();
        } catch {
          // blocked storage holds nothing of ours
        }
      }
      history.replaceState(null, '', '#/shop');
      location.reload();
    }
  }

  /**
   * In kiosk mode in-app links replace the history entry instead of adding one, so the back
   * button can't walk through a previous shopper's pages.
   */
  replaceNavigation = (event: MouseEvent): void => {
    if (!this.config || event.defaultPrevented || event.button !== 0) return;
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    location.replace(link.getAttribute('href')!);
  };
}

export const kiosk = new Kiosk();

onDatabaseOpen((db) => kiosk.load(db));
