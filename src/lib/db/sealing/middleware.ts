/**
 * A Dexie DBCore middleware that seals the rows of protected profiles on their way into
 * IndexedDB and opens them on the way out, so every part of the app (recommender, assistant,
 * try-on gallery, promotions) gets encryption at rest without knowing about it.
 *
 * Reads of a protected profile's rows:
 * - a point read (get, or a query for one primary key) or a query for that profile alone
 *   (its `profileId` index, or a key range inside it) opens them, or throws ProfileLockedError;
 * - any other query (e.g. "all ratings", to train the shared model) leaves them out, locked or
 *   not: nothing derived from a protected profile is ever computed into shared, clear data;
 * - cursors (`each`, `filter`) see the sealed rows as stored.
 * Writes of a protected profile's rows are sealed, or refused with ProfileLockedError.
 * A row that names a protected profile but is not sealed is forged: never read, and reported.
 * A raw transaction (Keyring.markRaw) reads and writes stored rows as they are.
 *
 * WebCrypto is asynchronous and IndexedDB commits a transaction that has no pending request, so
 * while a seal or open is in flight a cheap request keeps the transaction alive. Results are
 * handed back as Dexie promises so that callers' continuations keep Dexie's transaction zone.
 */
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreQuery,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { isSealedTable, type SealedTable } from '../tables';
import { isSealedRow, type Keyring } from './keyring';

/** Runs `work` while keeping a native IndexedDB transaction from auto-committing. */
export async function keepAlive<T>(
  trans: DBCoreTransaction,
  storeName: string,
  work: () => Promise<T>,
): Promise<T> {
  const idb = trans as unknown as Partial<IDBTransaction>;
  let done = false;
  const spin = () => {
    if (done || typeof idb.objectStore !== 'function') return;
    try {
      const request = idb.objectStore(storeName).count(IDBKeyRange.only(-Infinity));
      request.onsuccess = spin;
      request.onerror = (e) => e.preventDefault();
    } catch {
      // finished or aborted: the real request that follows reports it
    }
  };
  spin();
  try {
    return await work();
  } finally {
    done = true;
  }
}

function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The one profile a query is limited to, or undefined when it spans several. */
function targetedProfile(query: DBCoreQuery, primaryKeyPath: unknown): string | undefined {
  const { index, range } = query;
  const keyPath = index.isPrimaryKey ? primaryKeyPath : index.keyPath;
  const { lower, upper } = range as DBCoreKeyRange;
  if (keyPath === 'profileId' && typeof lower === 'string' && lower === upper) return lower;
  if (
    Array.isArray(keyPath) &&
    keyPath[0] === 'profileId' &&
    Array.isArray(lower) &&
    Array.isArray(upper) &&
    typeof lower[0] === 'string' &&
    lower[0] === upper[0]
  ) {
    return lower[0];
  }
  return undefined;
}

function isPointQuery(query: DBCoreQuery): boolean {
  const { lower, upper, lowerOpen, upperOpen } = query.range;
  return (
    query.index.isPrimaryKey === true &&
    !lowerOpen &&
    !upperOpen &&
    lower != null &&
    sameKey(lower, upper)
  );
}

function sealingTable(table: DBCoreTable, name: SealedTable, keyring: Keyring): DBCoreTable {
  const pk = table.schema.primaryKey.keyPath;
  const open = (trans: DBCoreTransaction, rows: unknown[]) =>
    keepAlive(trans, name, async () => {
      const out: unknown[] = [];
      for (const row of rows) out.push(isSealedRow(row) ? await keyring.open(name, row) : row);
      return out;
    });

  const zoned =
    <A, R>(f: (a: A) => Promise<R>) =>
    (a: A) =>
      Dexie.Promise.resolve(f(a));
  // Only ratings keep a personal id in their primary key (see Keyring.storedKey).
  const translates = name === 'ratings';
  const storedKeys = (trans: DBCoreTransaction, keys: readonly unknown[]) =>
    keepAlive(trans, name, async () => {
      const out: unknown[] = [];
      for (const key of keys) out.push(await keyring.storedKey(name, key));
      return out;
    });
  return {
    ...table,
    mutate: zoned(async (req) => {
      if (keyring.isRaw(req.trans)) return table.mutate(req);
      if (req.type === 'delete') {
        return translates
          ? table.mutate({ ...req, keys: await storedKeys(req.trans, req.keys) })
          : table.mutate(req);
      }
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const needs = (v: unknown) => {
        const id = (v as { profileId?: unknown } | null)?.profileId;
        return typeof id === 'string' && keyring.isProtected(id) && !isSealedRow(v);
      };
      if (!req.values.some(needs)) return table.mutate(req);
      const values = await keepAlive(req.trans, name, async () => {
        const out: unknown[] = [];
        for (const v of req.values) {
          out.push(needs(v) ? await keyring.seal(name, v as Record<string, unknown>) : v);
        }
        return out;
      });
      return table.mutate({ ...req, values });
    }),
    get: zoned(async (req) => {
      if (keyring.isRaw(req.trans)) return table.get(req);
      const key = translates ? (await storedKeys(req.trans, [req.key]))[0] : req.key;
      const row: unknown = await table.get({ ...req, key });
      if (keyring.withoutForged(name, [row]).length === 0) return undefined;
      if (!isSealedRow(row)) return row;
      return (await open(req.trans, [row]))[0];
    }),
    getMany: zoned(async (req) => {
      if (keyring.isRaw(req.trans)) return table.getMany(req);
      const keys = translates ? await storedKeys(req.trans, req.keys) : req.keys;
      const rows: unknown[] = await table.getMany({ ...req, keys });
      const believed = rows.map((r) => (keyring.withoutForged(name, [r]).length ? r : undefined));
      if (!believed.some(isSealedRow)) return believed;
      return open(req.trans, believed);
    }),
    query: zoned(async (req) => {
      if (translates && !keyring.isRaw(req.trans) && isPointQuery(req.query)) {
        // One rating by its key: look it up under its stored form.
        const [key] = await storedKeys(req.trans, [req.query.range.lower]);
        const range = { ...req.query.range, lower: key, upper: key };
        req = { ...req, query: { ...req.query, range } };
      }
      const res = await table.query(req);
      if (!req.values || keyring.isRaw(req.trans)) return res;
      const believed = keyring.withoutForged(name, res.result);
      if (!believed.some(isSealedRow)) return { ...res, result: believed };
      const target = targetedProfile(req.query, pk);
      const point = isPointQuery(req.query);
      const wanted = believed.filter((r) => !isSealedRow(r) || point || r.profileId === target);
      return { ...res, result: await open(req.trans, wanted) };
    }),
  };
}

export function encryptionMiddleware(keyring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'EncryptionAtRest',
    // Closest to IndexedDB: the middlewares above (hooks, cache) need Dexie's zone, which our
    // awaits on WebCrypto would lose; below them only the native transaction matters.
    level: -2,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return isSealedTable(name) ? sealingTable(table, name, keyring) : table;
      },
    }),
  };
}
