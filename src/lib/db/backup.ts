/** The privacy center's export, import and erase. Nothing here talks to a network. */
import Dexie from 'dexie';
import * as v from 'valibot';
import { openDatabase } from './database';
import { guard } from './errors';
import { newKeyRecord, type KeyRecord, type ProfileKeys } from './sealing/crypto';
import { isSealedRow } from './sealing/keyring';
import {
  type AisleDB,
  type ChatMessage,
  type CartLine,
  type GalleryItem,
  type ModelSnapshot,
  type PromotionEvent,
  type Order,
  type Profile,
  type Rating,
  type Setting,
  type ShopEvent,
  type Stars,
} from './schema';
import {
  CATALOG_VERSION_KEY,
  PERSONAL_TABLES,
  PROFILE_TABLES,
  TABLES,
  isAppCache,
  isDeviceSetting,
  isSealedTable,
  type PersonalTable,
  vaultKey,
} from './tables';

export const EXPORT_FORMAT = 'private-aisle-export';
/** 2: orders as the shopper places them, and the cart (version 1's orders were made up: dropped). */
export const EXPORT_VERSION = 2;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface Base64 {
  $base64: string;
}
/** In the file every ArrayBuffer is a `{ $base64 }` object. */
export type ExportedSnapshot = Omit<ModelSnapshot, 'weights'> & { weights: Base64 };
export type ExportedGalleryItem = Omit<GalleryItem, 'image'> & { image: Base64 };

/** A row of each personal table as the file holds it (the compiler asks for a new one). */
interface ExportRows {
  profiles: Profile;
  ratings: Rating;
  events: ShopEvent;
  orders: Order;
  cart: CartLine;
  settings: Setting;
  modelSnapshots: ExportedSnapshot;
  gallery: ExportedGalleryItem;
  conversations: ChatMessage;
  promotionEvents: PromotionEvent;
}

/** Every personal table of the policy (tables.ts), in its order. */
export type ExportTables = { [T in PersonalTable]: ExportRows[T][] };

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  tables: ExportTables;
}

export type ImportErrorCode =
  'not-json' | 'wrong-format' | 'wrong-version' | 'invalid' | 'too-large';
export interface ImportError {
  code: ImportErrorCode;
  path?: string;
  detail?: string;
}
export type ParseResult = { ok: true; file: ExportFile } | { ok: false; error: ImportError };

/** Thrown by readImportFile; it is an ImportError with a stack. */
export class ImportFileError extends Error implements ImportError {
  readonly code: ImportErrorCode;
  readonly detail?: string;

  constructor(code: ImportErrorCode, detail: string) {
    super(detail);
    this.name = 'ImportFileError';
    this.code = code;
    this.detail = detail;
  }
}

// ---------- binary <-> base64 ----------

function isArrayBuffer(x: unknown): x is ArrayBuffer {
  // toString rather than instanceof: buffers from IndexedDB may come from another realm.
  return Object.prototype.toString.call(x) === '[object ArrayBuffer]';
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return Object.prototype.toString.call(x) === '[object Object]';
}

function isBase64Object(x: unknown): x is Base64 {
  return isPlainObject(x) && Object.keys(x).length === 1 && typeof x.$base64 === 'string';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function mapDeep(value: unknown, leaf: (x: unknown) => unknown): unknown {
  const mapped = leaf(value);
  if (mapped !== value) return mapped;
  if (Array.isArray(value)) return value.map((x) => mapDeep(x, leaf));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, mapDeep(x, leaf)]));
  }
  return value;
}

const encodeBinary = (value: unknown) =>
  mapDeep(value, (x) => (isArrayBuffer(x) ? { $base64: toBase64(x) } : x));
const decodeBinary = (value: unknown) =>
  mapDeep(value, (x) => (isBase64Object(x) ? fromBase64(x.$base64) : x));

// ---------- export ----------

const personalTables = (db: AisleDB) => PERSONAL_TABLES.map((name) => db.table(name));

/** Settings that describe the device, not the user: the stored catalog, encryption key records. */
const deviceSetting = (s: Setting) => isDeviceSetting(s.key);

/**
 * The user's own data in clear, read in one transaction so the copy is consistent. Rows of a
 * protected profile are read as stored and opened afterwards: a locked profile fails the export
 * (StorageError 'locked'); wrap the result with src/lib/privacy/export.ts to keep it encrypted.
 */
export function exportData(db: AisleDB): Promise<ExportFile> {
  return guard(async () => {
    const stored = await db.transaction('r', personalTables(db), async (tx) => {
      db.keyring.markRaw(tx.idbtrans);
      const tables: Record<string, unknown[]> = {};
      for (const name of PERSONAL_TABLES) tables[name] = await db.table(name).toArray();
      return tables;
    });
    const tables: Record<string, unknown[]> = {};
    for (const name of PERSONAL_TABLES) {
      let rows = stored[name]!;
      if (name === 'settings') rows = rows.filter((s) => !deviceSetting(s as Setting));
      if (isSealedTable(name)) rows = db.keyring.withoutForged(name, rows);
      const opened = [];
      for (const row of rows) {
        opened.push(
          isSealedRow(row) && isSealedTable(name) ? await db.keyring.open(name, row) : row,
        );
      }
      tables[name] = opened.map(encodeBinary);
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      schemaVersion: db.verno,
      exportedAt: new Date().toISOString(),
      tables: tables as unknown as ExportTables,
    };
  });
}

export function exportToJson(file: ExportFile): string {
  return JSON.stringify(file, null, 2);
}

// ---------- parse and validate ----------

const Id = v.pipe(v.string(), v.nonEmpty('must not be empty'));
const Time = v.pipe(v.number(), v.finite());
const Whole = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Base64Schema = v.strictObject({ $base64: v.string() });

const ProfileSchema = v.strictObject({
  id: Id,
  name: v.string(),
  kind: v.picklist(['member', 'guest']),
  createdAt: Time,
});
const RatingSchema = v.strictObject({
  profileId: Id,
  productId: Id,
  rating: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1),
    v.maxValue(5),
    v.transform((n) => n as Stars),
  ),
  updatedAt: Time,
});
const EventSchema = v.strictObject({
  id: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  profileId: Id,
  productId: Id,
  type: v.picklist(['view', 'click', 'add-to-cart', 'purchase']),
  at: Time,
});
const Quantity = v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(999));
const OrderSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^PA-\d+$/)),
  profileId: Id,
  placedAt: Time,
  status: v.picklist(['placed', 'cancelled']),
  cancelledAt: v.optional(Time),
  items: v.pipe(
    v.array(
      v.strictObject({
        productId: Id,
        sku: v.optional(Id),
        quantity: Quantity,
        priceCents: Whole,
      }),
    ),
    v.minLength(1),
  ),
  subtotalCents: Whole,
  discountCents: Whole,
  shippingCents: Whole,
  totalCents: Whole,
  offerIds: v.array(Id),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
  checkout: v.picklist(['till', 'confirmation']),
});
const CartLineSchema = v.strictObject({
  id: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  profileId: Id,
  productId: Id,
  sku: v.optional(Id),
  quantity: Quantity,
  later: v.boolean(),
  addedAt: Time,
});
const SettingSchema = v.strictObject({ key: Id, value: v.unknown() });
const SnapshotSchema = v.strictObject({
  id: Id,
  name: Id,
  version: Time,
  createdAt: Time,
  meta: v.record(v.string(), v.unknown()),
  weights: Base64Schema,
  profileId: v.optional(Id),
});

const AutoId = v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1)));
const GallerySchema = v.strictObject({
  id: AutoId,
  profileId: Id,
  productIds: v.array(Id),
  createdAt: Time,
  image: Base64Schema,
  mimeType: v.pipe(v.string(), v.startsWith('image/')),
});
const ChatMessageSchema = v.strictObject({
  id: AutoId,
  profileId: Id,
  role: v.picklist(['shopper', 'assistant']),
  text: v.string(),
  at: Time,
  intent: v.optional(v.string()),
});
const PromotionEventSchema = v.strictObject({
  id: AutoId,
  profileId: Id,
  promotionId: Id,
  type: v.picklist(['impression', 'click', 'save', 'redeem']),
  at: Time,
  context: v.optional(v.array(v.pipe(v.number(), v.finite()))),
});
/** Tables added after the first export format: absent from older files, so empty by default. */
const laterTable = <T extends v.GenericSchema>(row: T) => v.optional(v.array(row), []);

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(EXPORT_VERSION)),
  schemaVersion: Whole,
  exportedAt: v.string(),
  tables: v.object({
    profiles: v.array(ProfileSchema),
    ratings: v.array(RatingSchema),
    events: v.array(EventSchema),
    orders: v.array(OrderSchema),
    cart: laterTable(CartLineSchema),
    settings: v.array(SettingSchema),
    modelSnapshots: v.array(SnapshotSchema),
    gallery: laterTable(GallerySchema),
    conversations: laterTable(ChatMessageSchema),
    promotionEvents: laterTable(PromotionEventSchema),
  }),
});

/** 'tables.ratings[3].rating' from valibot's path items. */
function formatPath(path: v.IssuePathItem[] | undefined): string | undefined {
  if (!path) return undefined;
  return path
    .map((item, i) => {
      const key = item.key as string | number;
      if (typeof key === 'number') return `[${key}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

const fail = (code: ImportErrorCode, path?: string, detail?: string): ParseResult => ({
  ok: false,
  error: { code, path, detail },
});

/** Path of the first `{ $base64 }` whose text is not valid base64. */
function findBadBase64(value: unknown, path: string): string | undefined {
  if (isBase64Object(value)) return BASE64.test(value.$base64) ? undefined : `${path}.$base64`;
  const children: [string, unknown][] = Array.isArray(value)
    ? value.map((x, i) => [`${path}[${i}]`, x])
    : isPlainObject(value)
      ? Object.entries(value).map(([k, x]) => [`${path}.${k}`, x])
      : [];
  for (const [p, x] of children) {
    const bad = findBadBase64(x, p);
    if (bad) return bad;
  }
  return undefined;
}

/** Path of the first row whose key repeats an earlier row's key. */
function findDuplicate<T>(rows: T[], table: string, key: (row: T) => unknown): string | undefined {
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const k = JSON.stringify(key(row));
    if (k === undefined) continue; // events without an id get a fresh one
    if (seen.has(k)) return `tables.${table}[${i}]`;
    seen.add(k);
  }
  return undefined;
}

/** Each personal table's primary key, to find a repeated one. */
const ROW_KEY: { [T in PersonalTable]: (row: ExportRows[T]) => unknown } = {
  profiles: (p) => p.id,
  ratings: (r) => [r.profileId, r.productId],
  events: (e) => e.id,
  orders: (o) => o.id,
  cart: (l) => l.id,
  settings: (s) => s.key,
  modelSnapshots: (s) => s.id,
  gallery: (g) => g.id,
  conversations: (m) => m.id,
  promotionEvents: (e) => e.id,
};

/** Checks what one row can't: keys are unique and personal rows belong to a profile in the file. */
function checkRelations(t: ExportTables): ImportError | undefined {
  let duplicate: string | undefined;
  for (const table of PERSONAL_TABLES) {
    const key = ROW_KEY[table] as (row: unknown) => unknown;
    duplicate ??= findDuplicate(t[table] as unknown[], table, key);
  }
  if (duplicate) return { code: 'invalid', path: duplicate, detail: 'duplicate key' };

  if (!t.profiles.some((p) => p.kind === 'member')) {
    return {
      code: 'invalid',
      path: 'tables.profiles',
      detail: 'needs at least one member profile',
    };
  }
  const profileIds = new Set(t.profiles.map((p) => p.id));
  // A row that names its profile in an index must name one of the file's.
  for (const table of PROFILE_TABLES.filter((name) => TABLES[name].byProfile === 'indexed')) {
    const i = (t[table] as { profileId: string }[]).findIndex(
      (row) => !profileIds.has(row.profileId),
    );
    if (i >= 0) {
      return {
        code: 'invalid',
        path: `tables.${table}[${i}].profileId`,
        detail: 'unknown profile',
      };
    }
  }
  const badBase64 = findBadBase64(t, 'tables');
  if (badBase64) return { code: 'invalid', path: badBase64, detail: 'not valid base64' };
  return undefined;
}

export function parseImport(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // editors on Windows may add a BOM
  } catch (e) {
    return fail('not-json', undefined, e instanceof Error ? e.message : undefined);
  }
  if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) {
    return fail('wrong-format', 'format', `expected "${EXPORT_FORMAT}"`);
  }
  if (typeof data.version === 'number' && data.version > EXPORT_VERSION) {
    return fail('wrong-version', 'version', `this app reads version ${EXPORT_VERSION} or older`);
  }

  // Version 1's orders were made up by the app, not placed by the shopper: not restored.
  if (data.version === 1 && isPlainObject(data.tables))
    data.tables = { ...data.tables, orders: [] };
  const result = v.safeParse(FileSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    return fail('invalid', formatPath(issue.path), issue.message);
  }
  const file: ExportFile = result.output;
  const problem = checkRelations(file.tables);
  return problem ? { ok: false, error: problem } : { ok: true, file };
}

/** Reads a user-picked file as text, refusing oversized files before reading a byte. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportFileError('too-large', `${file.size} bytes is over ${MAX_IMPORT_BYTES}`);
  }
  try {
    return await file.text();
  } catch (e) {
    // An unreadable file is as useless to us as one that isn't JSON.
    throw new ImportFileError('not-json', e instanceof Error ? e.message : 'unreadable file');
  }
}

// ---------- import ----------

/** Profiles of the file to store protected, under a passphrase (an encrypted export's). */
export interface ImportProtection {
  readonly passphrase: string;
  readonly profiles: readonly string[];
}

/**
 * Replaces all personal data with the file's, all or nothing: any failure aborts the one
 * transaction, so what was stored before stays untouched. Products are left alone. The profiles
 * in `protect` are sealed before the transaction and written sealed, with their key records, in
 * it: no clear row of theirs is ever stored, even by an import cut short.
 */
export function importData(
  db: AisleDB,
  file: ExportFile,
  protect: ImportProtection = { passphrase: '', profiles: [] },
): Promise<void> {
  const tables = personalTables(db);
  return guard(async () => {
    const present = new Set(file.tables.profiles.map((p) => p.id));
    const sealing = new Map<string, { record: KeyRecord; keys: ProfileKeys }>();
    for (const id of protect.profiles) {
      if (present.has(id)) sealing.set(id, await newKeyRecord(protect.passphrase));
    }
    const rows = await sealedRows(db, file, sealing);
    const records = [...sealing].map(([id, { record }]) => ({ key: vaultKey(id), value: record }));
    await db.transaction('rw', tables, async (tx) => {
      // Stored as given: the imported data replaces any protected profile's (its key record too).
      db.keyring.markRaw(tx.idbtrans);
      // Keep the marker for the stored catalog, which the import doesn't touch.
      const catalogVersion = await db.settings.get(CATALOG_VERSION_KEY);
      for (const table of tables) await table.clear();
      for (const name of PERSONAL_TABLES) {
        let stored = rows[name];
        if (name === 'settings') {
          stored = stored.filter((s) => !deviceSetting(s as Setting));
          stored.push(...records, ...(catalogVersion ? [catalogVersion] : []));
        }
        await db.table(name).bulkAdd(stored);
      }
    });
    db.keyring.load(records);
    db.keyring.announceReload();
    for (const [id, { keys }] of sealing) db.keyring.unlock(id, keys);
  });
}

/** The file's rows as they will be stored: decoded, and sealed for the profiles given. */
async function sealedRows(
  db: AisleDB,
  file: ExportFile,
  sealing: ReadonlyMap<string, { keys: ProfileKeys }>,
): Promise<Record<PersonalTable, unknown[]>> {
  const out = {} as Record<PersonalTable, unknown[]>;
  for (const name of PERSONAL_TABLES) {
    const rows = file.tables[name].map(decodeBinary);
    if (isSealedTable(name)) {
      for (const [i, row] of rows.entries()) {
        const keys = sealing.get((row as { profileId?: string }).profileId ?? '')?.keys;
        if (keys && !isSealedRow(row)) {
          rows[i] = await db.keyring.seal(name, row as Record<string, unknown>, keys);
        }
      }
    }
    out[name] = rows;
  }
  return out;
}

// ---------- erase ----------

/**
 * Deletes everything this app stored on the device, then opens a freshly seeded database.
 * The precache is kept: it holds only the app's own code, and the app must still start offline.
 */
export async function eraseAllData(db: AisleDB): Promise<AisleDB> {
  const name = db.name;
  await db.holds.release();
  await guard(async () => {
    db.close();
    await Dexie.delete(name);
    if (typeof caches !== 'undefined') {
      for (const key of await caches.keys()) {
        if (!isAppCache(key)) await caches.delete(key);
      }
    }
    clearWebStorage(() => globalThis.localStorage);
    clearWebStorage(() => globalThis.sessionStorage);
  });
  return openDatabase(name);
}

function clearWebStorage(get: () => Storage | undefined): void {
  try {
    get()?.clear();
  } catch {
    // Storage can be blocked (e.g. by privacy settings); then there's nothing of ours in it.
  }
}

// ---------- stats ----------

export interface TableStat {
  table: string;
  count: number;
  bytes: number;
}

/** Rough size of a row: its JSON length, plus the real size of any binary data. */
function approxBytes(row: unknown): number {
  let binary = 0;
  const json = JSON.stringify(row, (_key, value: unknown) => {
    if (!isArrayBuffer(value) && !ArrayBuffer.isView(value)) return value;
    binary += value.byteLength;
    return null;
  });
  return (json?.length ?? 0) + binary;
}

/** Rows of a table sized one by one; beyond, the rest are estimated from their average. */
const SIZED_ROWS = 500;

/**
 * Rows and approximate bytes of every table. A large table (a stored catalog of 100,000
 * products) is counted and sized from its first rows, so that My data's live view of it stays
 * cheap while the catalog is being written.
 */
export function tableStats(db: AisleDB): Promise<TableStat[]> {
  return guard(async () => {
    const stats: TableStat[] = [];
    for (const table of db.tables) {
      const count = await table.count();
      let sized = 0;
      let bytes = 0;
      await table.limit(SIZED_ROWS).each((row: unknown) => {
        sized++;
        bytes += approxBytes(row);
      });
      stats.push({
        table: table.name,
        count,
        bytes: sized ? Math.round((bytes / sized) * count) : 0,
      });
    }
    return stats;
  });
}
