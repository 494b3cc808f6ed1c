/**
 * The UI side of encryption at rest: reactive protected/unlocked state of the open database's
 * profiles, and the idle lock (keys are forgotten after a while without use).
 */
import { untrack } from 'svelte';
import { lockProfile, type AisleDB } from '../../db';
import { i18n } from '../../i18n/locale.svelte';
import { notify } from '../../shell/notices.svelte';

export const AUTO_LOCK_MINUTES = 15;

let version = $state(0);
let watched: { db: AisleDB; stop: () => void } | null = null;
let lastUse = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

/** Follows a database's keyring, so that views re-render when a profile locks or unlocks. */
export function watchKeyring(db: AisleDB | null): void {
  if ((watched?.db ?? null) === db) return;
  watched?.stop();
  watched = db ? { db, stop: follow(db) } : null;
  // Called from an effect: bumping the version must not make that effect depend on it.
  untrack(() => version++);
}

/** Re-renders on every keyring change; says so when forged rows were left out. */
function follow(db: AisleDB): () => void {
  const stops = [
    db.keyring.onChange(() => version++),
    db.keyring.onForged((_table, count) =>
      notify(i18n.t.privacy.encryption.errors.forged(count), 'error'),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

export const vault = {
  isProtected(db: AisleDB | null, profileId: string): boolean {
    void version;
    return db?.keyring.isProtected(profileId) ?? false;
  },
  isLocked(db: AisleDB | null, profileId: string): boolean {
    void version;
    return !!db && db.keyring.isProtected(profileId) && !db.keyring.isUnlocked(profileId);
  },
  anyProtected(db: AisleDB | null): boolean {
    void version;
    return (db?.keyring.protectedProfiles().length ?? 0) > 0;
  },
};

/** Locks every profile after AUTO_LOCK_MINUTES without a touch, key or scroll. */
export function startAutoLock(getDb: () => AisleDB | null): () => void {
  const used = () => (lastUse = Date.now());
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
  for (const e of events) addEventListener(e, used, { capture: true, passive: true });
  timer = setInterval(() => {
    const db = getDb();
    if (db && Date.now() - lastUse > AUTO_LOCK_MINUTES * 60_000) lockProfile(db, undefined, true);
  }, 30_000);
  return () => {
    for (const e of events) removeEventListener(e, used, { capture: true });
    clearInterval(timer);
  };
}
