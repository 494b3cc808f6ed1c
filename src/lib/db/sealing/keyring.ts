/**
 * Which profiles are protected, and the keys of those unlocked in this session. One keyring per
 * open database; keys live only in memory (non-extractable CryptoKeys), never in storage.
 */
import {
  PSEUDONYM_PREFIX,
  isKeyRecord,
  isSealed,
  openValue,
  pseudonym,
  sealValue,
  type KeyRecord,
  type ProfileKeys,
  type Sealed,
} from './crypto';
import { VAULT_PREFIX, sealingOf, type SealedTable } from '../tables';

/** A stored row of a protected profile: its clear fields and everything else sealed. */
export interface SealedRow {
  profileId: string;
  $sealed: Sealed;
  [clear: string]: unknown;
}

export class ProfileLockedError extends Error {
  readonly profileId: string;
  constructor(profileId: string) {
    super(`Profile ${profileId} is locked`);
    this.name = 'ProfileLockedError';
    this.profileId = profileId;
  }
}

export function isSealedRow(row: unknown): row is SealedRow {
  const r = row as SealedRow | null;
  return (
    typeof r === 'object' && r !== null && typeof r.profileId === 'string' && isSealed(r.$sealed)
  );
}

/** Binds a ciphertext to its table and row, so moving it elsewhere fails authentication. */
function aadOf(table: SealedTable, clear: Record<string, unknown>): string {
  const { clear: fields, autoKey } = sealingOf(table);
  const bound = fields.filter((f) => f !== autoKey).map((f) => [f, clear[f] ?? null]);
  return `private-aisle/${table}/${JSON.stringify(bound)}`;
}

type Listener = () => void;

export class Keyring {
  private readonly records = new Map<string, KeyRecord>();
  private readonly keys = new Map<string, ProfileKeys>();
  /** Transactions that read and write stored rows as they are (backup, re-keying). */
  private readonly raw = new WeakSet<object>();
  private readonly listeners = new Set<Listener>();

  /** Replaces what is known about protected profiles with the settings rows given. */
  load(settings: { key: string; value: unknown }[]): void {
    this.records.clear();
    for (const s of settings) {
      if (s.key.startsWith(VAULT_PREFIX) && isKeyRecord(s.value)) {
        this.records.set(s.key.slice(VAULT_PREFIX.length), s.value);
      }
    }
    for (const id of [...this.keys.keys()]) if (!this.records.has(id)) this.keys.delete(id);
    this.changed();
  }

  isProtected(profileId: string): boolean {
    return this.records.has(profileId);
  }
  isUnlocked(profileId: string): boolean {
    return this.keys.has(profileId);
  }
  protectedProfiles(): string[] {
    return [...this.records.keys()];
  }
  record(profileId: string): KeyRecord | undefined {
    return this.records.get(profileId);
  }

  setProtection(profileId: string, record: KeyRecord, keys: ProfileKeys): void {
    this.records.set(profileId, record);
    this.keys.set(profileId, keys);
    this.changed();
  }
  removeProtection(profileId: string): void {
    this.records.delete(profileId);
    this.keys.delete(profileId);
    this.changed();
  }
  unlock(profileId: string, keys: ProfileKeys): void {
    this.keys.set(profileId, keys);
    this.changed();
  }
  lock(profileId?: string): void {
    if (profileId === undefined) this.keys.clear();
    else this.keys.delete(profileId);
    this.changed();
  }

  markRaw(trans: object): void {
    this.raw.add(trans);
  }
  isRaw(trans: object): boolean {
    return this.raw.has(trans);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private changed(): void {
    for (const l of this.listeners) l();
  }

  private keysFor(profileId: string): ProfileKeys {
    const keys = this.keys.get(profileId);
    if (!keys) throw new ProfileLockedError(profileId);
    return keys;
  }

  /** Seals a plain row with its profile's keys (given, or this session's). */
  async seal(
    table: SealedTable,
    row: Record<string, unknown>,
    keys = this.keysFor(row.profileId as string),
  ): Promise<SealedRow> {
    const clear: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (sealingOf(table).clear.includes(k)) clear[k] = v;
      else rest[k] = v;
    }
    if (table === 'ratings' && typeof row.productId === 'string') {
      rest.productId = row.productId;
      clear.productId = await pseudonym(keys.mac, row.productId);
    }
    const $sealed = await sealValue(keys.aes, rest, aadOf(table, clear));
    return { ...clear, profileId: row.profileId as string, $sealed };
  }

  /** The plain row back; ProfileLockedError without a key, TamperedError if it doesn't verify. */
  async open(
    table: SealedTable,
    row: SealedRow,
    keys = this.keysFor(row.profileId),
  ): Promise<Record<string, unknown>> {
    const { $sealed, ...clear } = row;
    const rest = (await openValue(keys.aes, $sealed, aadOf(table, clear))) as Record<
      string,
      unknown
    >;
    // Sealed fields win: a rating's real product id replaces its pseudonym.
    return { ...clear, ...rest };
  }

  /**
   * The stored form of a primary key: a protected profile's rating is kept under
   * [profileId, pseudonym(productId)]. Other keys are returned as they are.
   */
  async storedKey(table: string, key: unknown): Promise<unknown> {
    if (table !== 'ratings' || !Array.isArray(key) || key.length !== 2) return key;
    const [profileId, productId] = key as unknown[];
    if (typeof profileId !== 'string' || typeof productId !== 'string') return key;
    if (!this.isProtected(profileId) || productId.startsWith(PSEUDONYM_PREFIX)) return key;
    return [profileId, await pseudonym(this.keysFor(profileId).mac, productId)];
  }
}
