/** The staff PIN: only a salted PBKDF2 hash of it is stored. Pure: runs in Node too. */

/** The work factor of a profile's passphrase too (OWASP's 2023 figure for PBKDF2-SHA-256). */
export const PIN_ITERATIONS = 600_000;

export interface PinRecord {
  salt: Uint8Array;
  iterations: number;
  hash: Uint8Array;
}

/** Four to eight digits: typed on a touch screen's number pad. */
export const isValidPin = (pin: string) => /^\d{4,8}$/.test(pin);

async function pbkdf2(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    base,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new RangeError('A PIN is 4 to 8 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt, iterations: PIN_ITERATIONS, hash: await pbkdf2(pin, salt, PIN_ITERATIONS) };
}

export async function verifyPin(record: PinRecord, pin: string): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const hash = await pbkdf2(pin, record.salt, record.iterations);
  // Compare every byte, so the time taken says nothing about where a guess went wrong.
  let diff = hash.length ^ record.hash.length;
  for (let i = 0; i < hash.length; i++) diff |= hash[i]! ^ (record.hash[i] ?? 0);
  return diff === 0;
}

export function isPinRecord(x: unknown): x is PinRecord {
  const r = x as PinRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.salt instanceof Uint8Array &&
    r.hash instanceof Uint8Array &&
    Number.isInteger(r.iterations)
  );
}

/** After this many wrong PINs in a row, the next tries wait a minute (a 4-digit PIN is short). */
export const MAX_PIN_TRIES = 5;
export const PIN_WAIT_MS = 60_000;

/** Checks PINs against a record, counting wrong ones in a row (kiosk exit, Shop settings). */
export class PinTries {
  #wrong = 0;
  #waitUntil = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async check(record: PinRecord, pin: string): Promise<'ok' | 'wrong' | 'wait'> {
    if (this.#now() < this.#waitUntil) return 'wait';
    if (!(await verifyPin(record, pin))) {
      if (++this.#wrong >= MAX_PIN_TRIES) {
        this.#wrong = 0;
        this.#waitUntil = this.#now() + PIN_WAIT_MS;
      }
      return 'wrong';
    }
    this.#wrong = 0;
    return 'ok';
  }
}
