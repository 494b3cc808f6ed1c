/**
 * WebCrypto primitives for encryption at rest: PBKDF2-SHA-256 key derivation, AES-GCM sealing of
 * structured rows (ArrayBuffers included, without base64 inflation). Pure: runs in Node too.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; lower is refused. */
export const MIN_ITERATIONS = 600_000;
const KEY_CHECK_TEXT = 'private-aisle key check v1';

export interface Sealed {
  /** 96-bit random nonce, fresh for every seal. */
  iv: Uint8Array;
  /** Ciphertext with the 128-bit GCM tag at its end. */
  data: ArrayBuffer;
}

/** What is stored (in clear) to re-derive and verify a profile's key. Nothing here is secret. */
export interface KeyRecord {
  v: 1;
  salt: Uint8Array;
  iterations: number;
  /** A known text sealed with the key: a wrong passphrase fails to open it. */
  check: Sealed;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

/** A sealed value failed authentication: changed on disk, moved to another row, or wrong key. */
export class TamperedError extends Error {
  constructor(detail: string) {
    super(`Encrypted data failed its integrity check (${detail})`);
    this.name = 'TamperedError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Copies into a fresh ArrayBuffer-backed view (WebCrypto's types want exactly that). */
function bytes(x: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(x);
}

/** The passphrase as PBKDF2 input (NFC, so the same words typed on another keyboard match). */
async function passphraseKey(
  passphrase: string,
  iterations: number,
  usage: 'deriveKey' | 'deriveBits',
): Promise<CryptoKey> {
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS) {
    throw new RangeError(`PBKDF2 needs at least ${MIN_ITERATIONS} iterations`);
  }
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    [usage],
  );
}

/** A non-extractable AES-GCM-256 key from a passphrase. */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const base = await passphraseKey(passphrase, iterations, 'deriveKey');
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealBytes(key: CryptoKey, plain: Uint8Array, aad: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: bytes(iv), additionalData: encoder.encode(aad) },
    key,
    bytes(plain),
  );
  return { iv, data };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, aad: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes(sealed.iv), additionalData: encoder.encode(aad) },
        key,
        bytes(new Uint8Array(sealed.data)),
      ),
    );
  } catch {
    throw new TamperedError(aad);
  }
}

/** A protected profile's keys: one seals rows, one turns ids that must stay keys into pseudonyms. */
export interface ProfileKeys {
  aes: CryptoKey;
  mac: CryptoKey;
}

/**
 * Both keys from one PBKDF2 run: its 256 bits are a master key that HKDF splits into an AES-GCM
 * key and an HMAC key (asking PBKDF2 for 512 bits would run it twice). Neither can be exported.
 */
export async function deriveProfileKeys(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<ProfileKeys> {
  const base = await passphraseKey(passphrase, iterations, 'deriveBits');
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations },
      base,
      256,
    ),
  );
  try {
    const master = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
    const hkdf = (info: string) => ({
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: encoder.encode(`private-aisle/${info}`),
    });
    const [aes, mac] = await Promise.all([
      crypto.subtle.deriveKey(hkdf('aes-gcm'), master, { name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]),
      crypto.subtle.deriveKey(
        hkdf('hmac'),
        master,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      ),
    ]);
    return { aes, mac };
  } finally {
    bits.fill(0);
  }
}

/** Marks a pseudonym: no real id starts with a NUL character. */
export const PSEUDONYM_PREFIX = '\u0000';

/** A stable, keyed stand-in for an id that has to stay part of a primary key. */
export async function pseudonym(mac: CryptoKey, id: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', mac, encoder.encode(id)));
  let binary = '';
  for (const b of sig.subarray(0, 16)) binary += String.fromCharCode(b);
  return PSEUDONYM_PREFIX + btoa(binary).replace(/=+$/, '');
}

/** A new key record and its keys for a passphrase (random salt). */
export async function newKeyRecord(
  passphrase: string,
  iterations = MIN_ITERATIONS,
): Promise<{ record: KeyRecord; keys: ProfileKeys }> {
  const salt = randomBytes(16);
  const keys = await deriveProfileKeys(passphrase, salt, iterations);
  const check = await sealBytes(keys.aes, encoder.encode(KEY_CHECK_TEXT), 'key-check');
  return { record: { v: 1, salt, iterations, check }, keys };
}

/** The keys for a record, or WrongPassphraseError. */
export async function unlockRecord(record: KeyRecord, passphrase: string): Promise<ProfileKeys> {
  const keys = await deriveProfileKeys(passphrase, record.salt, record.iterations);
  try {
    const text = decoder.decode(await openBytes(keys.aes, record.check, 'key-check'));
    if (text !== KEY_CHECK_TEXT) throw new WrongPassphraseError();
  } catch {
    throw new WrongPassphraseError();
  }
  return keys;
}

export function isKeyRecord(x: unknown): x is KeyRecord {
  const r = x as KeyRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.v === 1 &&
    r.salt instanceof Uint8Array &&
    Number.isInteger(r.iterations) &&
    isSealed(r.check)
  );
}

export function isSealed(x: unknown): x is Sealed {
  const s = x as Sealed | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    // toString rather than instanceof: values read back from IndexedDB may come from another realm.
    Object.prototype.toString.call(s.iv) === '[object Uint8Array]' &&
    Object.prototype.toString.call(s.data) === '[object ArrayBuffer]'
  );
}

// ---------- structured values <-> bytes ----------

type Binary = ArrayBuffer | ArrayBufferView;
const VIEW_TYPES = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type ViewName = keyof typeof VIEW_TYPES;

function binaryKind(x: unknown): 'ArrayBuffer' | ViewName | undefined {
  const tag = Object.prototype.toString.call(x).slice(8, -1);
  if (tag === 'ArrayBuffer') return 'ArrayBuffer';
  return tag in VIEW_TYPES ? (tag as ViewName) : undefined;
}

/**
 * A row as bytes: [u32 JSON length][JSON][binary parts]. Binary values become `{ $bin: i, t }`
 * placeholders, so model weights and pictures are sealed as they are, with no base64 overhead.
 */
export function encodeValue(value: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  const json = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // JSON.stringify hands typed arrays to toJSON-less replacers as-is; read the holder's raw value.
    const raw = (this as Record<string, unknown>)[key];
    const kind = binaryKind(raw);
    if (!kind) return v;
    const b = raw as Binary;
    const view =
      b instanceof ArrayBuffer || kind === 'ArrayBuffer'
        ? new Uint8Array(b as ArrayBuffer)
        : new Uint8Array(
            (b as ArrayBufferView).buffer,
            (b as ArrayBufferView).byteOffset,
            (b as ArrayBufferView).byteLength,
          );
    parts.push(view);
    return { $bin: parts.length - 1, t: kind };
  });
  const head = encoder.encode(json);
  const total = 4 + head.length + parts.reduce((n, p) => n + 4 + p.length, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, head.length);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const p of parts) {
    dv.setUint32(at, p.length);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}

export function decodeValue(data: Uint8Array): unknown {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headLength = dv.getUint32(0);
  const json = decoder.decode(data.subarray(4, 4 + headLength));
  const parts: Uint8Array[] = [];
  let at = 4 + headLength;
  while (at < data.length) {
    const n = dv.getUint32(at);
    parts.push(data.slice(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return JSON.parse(json, (_k, v: unknown) => {
    const p = v as { $bin?: unknown; t?: unknown } | null;
    if (typeof p !== 'object' || p === null || typeof p.$bin !== 'number') return v;
    const buf = parts[p.$bin]!.buffer as ArrayBuffer;
    if (p.t === 'ArrayBuffer') return buf;
    const View = VIEW_TYPES[p.t as ViewName];
    return new View(buf);
  });
}

export async function sealValue(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  return sealBytes(key, encodeValue(value), aad);
}

export async function openValue(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  return decodeValue(await openBytes(key, sealed, aad));
}
