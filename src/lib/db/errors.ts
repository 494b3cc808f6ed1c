/** Storage failures reduced to a few stable codes; the UI shows a localized message per code. */

export type StorageErrorCode =
  | 'quota'
  | 'unavailable'
  | 'invalid'
  | 'unknown'
  // encryption at rest (./sealing): a locked profile, a record that fails its check
  | 'locked'
  | 'tampered';

export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

const UNAVAILABLE = new Set([
  'OpenFailedError',
  'MissingAPIError',
  'InvalidStateError',
  'DatabaseClosedError',
  'VersionError', // the stored database is newer than this app (e.g. after a rollback)
  'UpgradeError',
  'SecurityError', // some browsers block IndexedDB in private mode
  'UnknownError', // Chrome and Safari report a broken backing store this way
  'NoSuchDatabaseError',
]);

const INVALID = new Set([
  'ConstraintError',
  'DataError',
  'DataCloneError',
  'InvalidArgumentError',
  'InvalidTableError',
  'TypeError',
]);

function nameOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const name = (e as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function isQuota(e: unknown): boolean {
  // Old Safari and Firefox use other names; code 22 is the legacy QUOTA_EXCEEDED_ERR.
  const name = nameOf(e);
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (e instanceof DOMException && e.code === 22)
  );
}

/** The error and everything it wraps: Dexie's `inner`, `cause`, and bulk `failures`. */
function chain(e: unknown, seen = new Set<unknown>()): unknown[] {
  if (typeof e !== 'object' || e === null) return e == null ? [] : [e];
  if (seen.has(e)) return [];
  seen.add(e);
  const { inner, cause, failures } = e as { inner?: unknown; cause?: unknown; failures?: unknown };
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return [e, ...nested.flatMap((n) => (n == null ? [] : chain(n, seen)))];
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'Unknown storage error';
}

export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const all = chain(e);
  const wrapped = all.find((x) => x instanceof StorageError);
  if (wrapped) return wrapped as StorageError;
  if (all.some((x) => nameOf(x) === 'ProfileLockedError')) {
    return new StorageError('locked', messageOf(e), { cause: e });
  }
  if (all.some((x) => nameOf(x) === 'TamperedError')) {
    return new StorageError('tampered', messageOf(e), { cause: e });
  }
  // Quota anywhere wins: an AbortError caused by a full disk is still a full disk.
  if (all.some(isQuota)) return new StorageError('quota', messageOf(e), { cause: e });
  for (const x of all) {
    const name = nameOf(x);
    if (name && UNAVAILABLE.has(name))
      return new StorageError('unavailable', messageOf(e), { cause: e });
    if (name && INVALID.has(name)) return new StorageError('invalid', messageOf(e), { cause: e });
  }
  return new StorageError('unknown', messageOf(e), { cause: e });
}

/** Runs a storage operation and reports any failure as a StorageError. */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e);
  }
}
