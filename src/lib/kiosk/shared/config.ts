/** Kiosk settings, stored in the device's settings (they survive every shopper's reset). */
import { isPinRecord, type PinRecord } from './pin';

export const KIOSK_SETTING = 'kiosk';
export const DEFAULT_IDLE_SECONDS = 90;
/** How long "Are you still there?" waits before the session ends. */
export const COUNTDOWN_SECONDS = 15;
export const MIN_IDLE_SECONDS = 15;
export const MAX_IDLE_SECONDS = 3600;

export interface KioskConfig {
  pin: PinRecord;
  idleSeconds: number;
}

export function clampIdleSeconds(n: number): number {
  if (!Number.isFinite(n)) return DEFAULT_IDLE_SECONDS;
  return Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, Math.round(n)));
}

export function asKioskConfig(x: unknown): KioskConfig | null {
  const c = x as KioskConfig | null;
  if (typeof c !== 'object' || c === null || !isPinRecord(c.pin)) return null;
  return { pin: c.pin, idleSeconds: clampIdleSeconds(c.idleSeconds) };
}

/** The idle clock: what phase the shopper's session is in, given the time since last activity. */
export type IdlePhase =
  { phase: 'active' } | { phase: 'warning'; secondsLeft: number } | { phase: 'expired' };

export function idlePhase(idleMs: number, idleSeconds: number): IdlePhase {
  const warnAt = idleSeconds * 1000;
  if (idleMs < warnAt) return { phase: 'active' };
  const left = Math.ceil((warnAt + COUNTDOWN_SECONDS * 1000 - idleMs) / 1000);
  return left > 0 ? { phase: 'warning', secondsLeft: left } : { phase: 'expired' };
}
