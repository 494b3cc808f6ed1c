/**
 * Live reads: a Dexie `liveQuery` as a rune. A view shows `x.current` and updates itself when
 * the rows it read change (in this tab or another), so views keep no change counters and need
 * no "ignore a stale answer" guards: a superseded subscription is closed before its answer lands.
 *
 *   const ratings = live(
 *     () => session.db && ([session.db, session.profileId] as const),   // reactive inputs
 *     ([db, profileId]) => ratingsFor(db, profileId),                  // a db/ repository read
 *     [],                                                              // until the first answer
 *   );
 *
 * The inputs are read in `key` (tracked by Svelte); the query runs in Dexie's zone (tracked by
 * Dexie). Dexie may start a query on a later tick, so it never reads runes itself. Call it while
 * a component or a store is being created (it uses `$effect`). A falsy key shows `initial`.
 */
import { liveQuery } from 'dexie';
import { toStorageError, type StorageError } from './errors';

export interface Live<T> {
  readonly current: T;
  /** The last read's failure (locked, unavailable, ...), null once a read succeeds. */
  readonly error: StorageError | null;
  /** False until the first answer for the current key has arrived. */
  readonly loaded: boolean;
}

export function live<K, T>(
  key: () => K | null | undefined | false,
  query: (key: K) => Promise<T>,
  initial: T,
): Live<T> {
  let current = $state.raw<T>(initial);
  let error = $state.raw<StorageError | null>(null);
  let loaded = $state(false);
  $effect(() => {
    const k = key();
    loaded = false;
    if (!k) {
      current = initial;
      error = null;
      return;
    }
    const subscription = liveQuery(() => query(k)).subscribe({
      next: (value) => {
        current = value;
        error = null;
        loaded = true;
      },
      error: (e: unknown) => {
        error = toStorageError(e);
        loaded = true;
      },
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      return current;
    },
    get error() {
      return error;
    },
    get loaded() {
      return loaded;
    },
  };
}
