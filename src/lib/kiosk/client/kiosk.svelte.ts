/**
 * Kiosk mode on a shop's device: an attract screen, a guest session per shopper, an idle
 * countdown, and a reset that leaves nothing of the shopper behind (storage, caches, camera,
 * form fields, history). Staff turn it on and off with a PIN.
 */
import { GUEST_PROFILE_ID, getSetting, setSetting, type AisleDB } from '../../db';
import { onDatabaseOpen, selectProfile } from '../../shell/session.svelte';
import {
  DEFAULT_IDLE_SECONDS,
  KIOSK_SETTING,
  asKioskConfig,
  clampIdleSeconds,
  idlePhase,
  type KioskConfig,
} from '../shared/config';
import { hashPin, verifyPin } from '../shared/pin';
import { wipeShopper } from '../shared/wipe';

/** Fired on window before a reset: anything holding a device (the try-on camera) lets go. */
export const KIOSK_RESET_EVENT = 'kiosk-reset';
/** Where the shopper's session start is kept, so a reload mid-session still wipes it. */
const SESSION_SETTING = 'kioskSessionSince';

let config = $state.raw<KioskConfig | null>(null);
let phase = $state<'attract' | 'shopping' | 'warning'>('attract');
let secondsLeft = $state(0);
let resetting = $state(false);
let loaded = $state(false);

let db: AisleDB | null = null;
/** The wipe of what a session cut short left behind (see loadKiosk). */
let leftover: Promise<void> = Promise.resolve();
let lastActivity = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export const kiosk = {
  get enabled() {
    return config !== null;
  },
  get idleSeconds() {
    return config?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  },
  get phase() {
    return phase;
  },
  get secondsLeft() {
    return secondsLeft;
  },
  get resetting() {
    return resetting;
  },
  /** Whether the kiosk setting has been read (storage open). */
  get loaded() {
    return loaded;
  },
  /** The attract screen is up: no view is shown behind it, so none can record anything. */
  get attract() {
    return config !== null && (phase === 'attract' || resetting);
  },
};

onDatabaseOpen(loadKiosk);

/** Reads the kiosk setting; in kiosk mode, first erases whatever a previous shopper left. */
export async function loadKiosk(database: AisleDB): Promise<void> {
  db = database;
  config = asKioskConfig(await getSetting<unknown>(database, KIOSK_SETTING, null));
  document.documentElement.classList.toggle('kiosk', config !== null);
  loaded = true;
  if (!config) return stopTimer();
  phase = 'attract';
  // A reload or power cut mid-session: the previous shopper's data must still go, before the
  // next shopper's session starts (a touch meanwhile waits for it).
  leftover = (async () => {
    const since = await getSetting<number | null>(database, SESSION_SETTING, null);
    if (since === null) return;
    await wipeShopper(database, GUEST_PROFILE_ID, since);
    await setSetting(database, SESSION_SETTING, null);
  })();
  await leftover;
}

/** Staff: turn kiosk mode on with a new PIN (4 to 8 digits). */
export async function enableKiosk(pin: string, idleSeconds = DEFAULT_IDLE_SECONDS): Promise<void> {
  if (!db) throw new Error('Storage is not open');
  const next: KioskConfig = { pin: await hashPin(pin), idleSeconds: clampIdleSeconds(idleSeconds) };
  await setSetting(db, KIOSK_SETTING, next);
  await loadKiosk(db);
}

/** After this many wrong PINs in a row, staff exit waits a minute (a 4-digit PIN is short). */
export const MAX_PIN_TRIES = 5;
const PIN_WAIT_MS = 60_000;
let wrongPins = 0;
let waitUntil = 0;

/**
 * Staff: leaves kiosk mode (after the shopper's data is erased). A wrong PIN changes nothing;
 * too many in a row make the next tries wait.
 */
export async function exitKiosk(pin: string): Promise<'ok' | 'wrong' | 'wait'> {
  if (!db || !config) return 'wrong';
  if (Date.now() < waitUntil) return 'wait';
  if (!(await verifyPin(config.pin, pin))) {
    if (++wrongPins >= MAX_PIN_TRIES) {
      wrongPins = 0;
      waitUntil = Date.now() + PIN_WAIT_MS;
    }
    return 'wrong';
  }
  wrongPins = 0;
  await setSetting(db, KIOSK_SETTING, null);
  await endSession();
  return 'ok';
}

/** A touch on the attract screen: a new shopper, as the guest profile. */
export async function startShopper(): Promise<void> {
  if (!db || !config || resetting) return;
  await leftover.catch(() => undefined);
  // Keep an older start if a wipe failed: this session's end then erases both shoppers.
  if ((await getSetting<number | null>(db, SESSION_SETTING, null)) === null)
    await setSetting(db, SESSION_SETTING, Date.now());
  await selectProfile(GUEST_PROFILE_ID);
  location.replace('#/shop');
  phase = 'shopping';
  noteActivity();
  stopTimer();
  timer = setInterval(tick, 1000);
}

/** Any touch, key or scroll from the shopper. */
export function noteActivity(): void {
  lastActivity = Date.now();
  if (phase === 'warning') phase = 'shopping';
}

function tick(): void {
  if (!config || phase === 'attract' || resetting) return;
  const state = idlePhase(Date.now() - lastActivity, config.idleSeconds);
  if (state.phase === 'active') {
    phase = 'shopping';
  } else if (state.phase === 'warning') {
    phase = 'warning';
    secondsLeft = state.secondsLeft;
  } else {
    void endSession();
  }
}

function stopTimer(): void {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
}

/**
 * Ends the shopper's session at once: releases the camera, erases the guest's rows, personal
 * caches and web storage, then reloads so that no form field, view state or history remains.
 */
export async function endSession(): Promise<void> {
  if (resetting) return;
  resetting = true;
  stopTimer();
  dispatchEvent(new Event(KIOSK_RESET_EVENT));
  try {
    if (db) {
      const since = await getSetting<number | null>(db, SESSION_SETTING, null);
      await wipeShopper(db, GUEST_PROFILE_ID, since ?? 0);
      await setSetting(db, SESSION_SETTING, null);
    }
    if (typeof caches !== 'undefined') {
      for (const key of await caches.keys()) {
        // The precache is the app itself: it must stay so the kiosk keeps working offline.
        if (!key.startsWith('workbox-precache')) await caches.delete(key);
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
export function replaceNavigation(event: MouseEvent): void {
  if (!config || event.defaultPrevented || event.button !== 0) return;
  const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
  if (!link) return;
  event.preventDefault();
  location.replace(link.getAttribute('href')!);
}
