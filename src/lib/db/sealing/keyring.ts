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

/**
 * A change of protection made in one tab, for the others of the origin (see AisleDB): each tab
 * obeys at once, so none goes on writing a newly protected profile's rows in clear.
 */
export type VaultMessage =
  | { kind: 'protect'; profileId: string; record: KeyRecord; keys: ProfileKeys }
  | { kind: 'unprotect'; profileId: string }
  | { kind: 'unlock'; profileId: string; keys: ProfileKeys }
  | { kind: 'lock'; profileId?: string }
  /** Key records were replaced on disk (an import): read them again. */
  | { kind: 'reload' };
/** Rows of a protected profile found unsealed (forged, or written by a tab that did not know). */
type ForgedListener = (table: string, count: number) => void;

export class Keyring {
  private readonly records = new Map<string, KeyRecord>();
  private readonly keys = new Map<string, ProfileKeys>();
  /** Transactions that read and write stored rows as they are (backup, re-keying). */
  private readonly raw = new WeakSet<object>();
  private readonly listeners = new Set<Listener>();
  private readonly forgedListeners = new Set<ForgedListener>();
  private post: (message: VaultMessage) => void = () => undefined;

  /** Where this keyring tells the other tabs of its changes (AisleDB's channel). */
  connect(post: (message: VaultMessage) => void): void {
    this.post = post;
  }

  /** Another tab's change, applied here without telling anyone again. */
  receive(message: Exclude<VaultMessage, { kind: 'reload' }>): void {
    const post = this.post;
    this.post = () => undefined;
    try {
      if (message.kind === 'protect')
        this.setProtection(message.profileId, message.record, message.keys);
      else if (message.kind === 'unprotect') this.removeProtection(message.profileId);
      else if (message.kind === 'unlock') this.unlock(message.profileId, message.keys);
      else this.lock(message.profileId);
    } finally {
      this.post = post;
    }
  }

  /** Tells the other tabs that the key records on disk were replaced. */
  announceReload(): void {
    this.post({ kind: 'reload' });
  }

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
    this.post({ kind: 'protect', profileId, record, keys });
  }
  removeProtection(profileId: string): void {
    this.records.delete(profileId);
    this.keys.delete(profileId);
    this.changed();
    this.post({ kind: 'unprotect', profileId });
  }
  unlock(profileId: string, keys: ProfileKeys): void {
    this.keys.set(profileId, keys);
    this.changed();
    this.post({ kind: 'unlock', profileId, keys });
  }
  /** Forgets keys; `onlyHere`: in this tab only (its own idle lock), not in every tab. */
  lock(profileId?: string, onlyHere = false): void {
    if (profileId === undefined) this.keys.clear();
    else this.keys.delete(profileId);
    this.changed();
    if (!onlyHere)
      this.post(profileId === undefined ? { kind: 'lock' } : { kind: 'lock', profileId });
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

  /**
   * A row that names a protected profile but is not sealed: nothing this app writes (a protected
   * profile's rows are sealed before they are stored), so it is never believed.
   */
  isForged(row: unknown): boolean {
    const id = (row as { profileId?: unknown } | null)?.profileId;
    return typeof id === 'string' && this.isProtected(id) && !isSealedRow(row);
  }
  /** Leaves out forged rows, and reports them (the app says so). */
  withoutForged<T>(table: string, rows: T[]): T[] {
    const kept = rows.filter((r) => !this.isForged(r));
    this.reportForged(table, rows.length - kept.length);
    return kept;
  }
  reportForged(table: string, count: number): void {
    if (count > 0) for (const l of this.forgedListeners) l(table, count);
  }
  onForged(listener: ForgedListener): () => void {
    this.forgedListeners.add(listener);
    return () => this.forgedListeners.delete(listener);
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
