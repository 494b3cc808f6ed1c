/**
 * Export files beyond the plain one: an encrypted export (the whole file sealed with a
 * passphrase) and a de-identified export (taste without identity). Pure: runs in Node too.
 */
import type { ExportFile } from '../db/backup';
import type { DeidentifiedTable } from '../db/tables';
import {
  MIN_ITERATIONS,
  WrongPassphraseError,
  deriveKey,
  openBytes,
  randomBytes,
  sealBytes,
} from '../db/sealing/crypto';

export const ENCRYPTED_FORMAT = 'private-aisle-encrypted-export';
export const DEIDENTIFIED_FORMAT = 'private-aisle-deidentified-export';

export interface EncryptedExport {
  format: typeof ENCRYPTED_FORMAT;
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** Base64 of the sealed JSON of { file, protect }. */
  data: string;
}

/** What an encrypted export holds: the plain export, and which profiles to protect again. */
export interface SealedContent {
  file: ExportFile;
  protect: string[];
}

const AAD = ENCRYPTED_FORMAT;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The export file sealed with a passphrase; `protect` lists profiles to protect on import. */
export async function sealExport(
  file: ExportFile,
  passphrase: string,
  protect: string[] = [],
): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, MIN_ITERATIONS);
  const content: SealedContent = { file, protect };
  const sealed = await sealBytes(key, encoder.encode(JSON.stringify(content)), AAD);
  const out: EncryptedExport = {
    format: ENCRYPTED_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(sealed.iv) },
    data: toBase64(new Uint8Array(sealed.data)),
  };
  return JSON.stringify(out);
}

/** The file's envelope if the text is an encrypted export, else undefined. */
export function asEncryptedExport(text: string): EncryptedExport | undefined {
  // Cheap test first: plain exports can be large.
  if (!text.slice(0, 200).includes(ENCRYPTED_FORMAT)) return undefined;
  try {
    const x = JSON.parse(text) as EncryptedExport;
    const ok =
      x.format === ENCRYPTED_FORMAT &&
      x.version === 1 &&
      x.kdf?.name === 'PBKDF2' &&
      x.kdf.hash === 'SHA-256' &&
      Number.isInteger(x.kdf.iterations) &&
      x.kdf.iterations >= MIN_ITERATIONS &&
      typeof x.kdf.salt === 'string' &&
      x.cipher?.name === 'AES-GCM' &&
      typeof x.cipher.iv === 'string' &&
      typeof x.data === 'string';
    return ok ? x : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens an encrypted export. A wrong passphrase or a changed file throws WrongPassphraseError
 * (AES-GCM cannot tell them apart); the returned JSON still goes through parseImport.
 */
export async function openEncryptedExport(
  envelope: EncryptedExport,
  passphrase: string,
): Promise<{ json: string; protect: string[] }> {
  let plain: Uint8Array;
  try {
    const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
    plain = await openBytes(
      key,
      { iv: fromBase64(envelope.cipher.iv), data: fromBase64(envelope.data).buffer as ArrayBuffer },
      AAD,
    );
  } catch {
    throw new WrongPassphraseError();
  }
  const content = JSON.parse(decoder.decode(plain)) as SealedContent;
  const protect = Array.isArray(content.protect)
    ? content.protect.filter((x): x is string => typeof x === 'string')
    : [];
  return { json: JSON.stringify(content.file), protect };
}

// ---------- de-identified export ----------

/** A row of each table the policy keeps in the de-identified export (db/tables.ts). */
interface DeidentifiedRows {
  profiles: { id: string; kind: 'member' | 'guest' };
  ratings: { profileId: string; productId: string; rating: number; day: string };
  events: { profileId: string; productId: string; type: string; day: string };
  orders: {
    profileId: string;
    day: string;
    status: string;
    items: { productId: string; quantity: number; priceCents: number }[];
  };
  promotionEvents: { profileId: string; promotionId: string; type: string; day: string };
}

export interface DeidentifiedFile {
  format: typeof DEIDENTIFIED_FORMAT;
  version: 1;
  /** The day of export only. */
  exportedOn: string;
  tables: { [T in DeidentifiedTable]: DeidentifiedRows[T][] };
}

/** A timestamp coarsened to its UTC day. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Taste without identity: profile ids replaced by random ones, no names, no free text
 * (conversations, tracking codes), no pictures or model weights, no settings; times as days;
 * rows sorted by content so that their order says nothing about when they were stored.
 */
export function deidentify(file: ExportFile, now = Date.now()): DeidentifiedFile {
  const ids = new Map(file.tables.profiles.map((p) => [p.id, crypto.randomUUID()]));
  const idOf = (profileId: string) => ids.get(profileId) ?? crypto.randomUUID();
  const sorted = <T>(rows: T[]) => {
    const keyed = rows.map((r) => [JSON.stringify(r), r] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return keyed.map(([, r]) => r);
  };
  const t = file.tables;
  return {
    format: DEIDENTIFIED_FORMAT,
    version: 1,
    exportedOn: dayOf(now),
    tables: {
      profiles: sorted(t.profiles.map((p) => ({ id: idOf(p.id), kind: p.kind }))),
      ratings: sorted(
        t.ratings.map((r) => ({
          profileId: idOf(r.profileId),
          productId: r.productId,
          rating: r.rating,
          day: dayOf(r.updatedAt),
        })),
      ),
      events: sorted(
        t.events.map((e) => ({
          profileId: idOf(e.profileId),
          productId: e.productId,
          type: e.type,
          day: dayOf(e.at),
        })),
      ),
      orders: sorted(
        t.orders.map((o) => ({
          profileId: idOf(o.profileId),
          day: dayOf(o.placedAt),
          status: o.status,
          items: o.items.map((i) => ({
            productId: i.productId,
            quantity: i.quantity,
            priceCents: i.priceCents,
          })),
        })),
      ),
      promotionEvents: sorted(
        t.promotionEvents.map((e) => ({
          profileId: idOf(e.profileId),
          promotionId: e.promotionId,
          type: e.type,
          day: dayOf(e.at),
        })),
      ),
    },
  };
}
