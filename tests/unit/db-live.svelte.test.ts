import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, until } from './helpers/runes';
import { openDatabase, ratingsFor, setRating, type AisleDB, type Rating } from '../../src/lib/db';
import { live, type Live } from '../../src/lib/db/live.svelte';

describe('live()', () => {
  it('follows the rows it read, and its key', async () => {
    const db: AisleDB = await openDatabase(`live-${crypto.randomUUID()}`);
    cleanups.push(() => db.close());
    const input = $state({ profileId: 'me' });
    let ratings!: Live<Rating[]>;
    cleanups.push(
      $effect.root(() => {
        ratings = live(
          () => [db, input.profileId] as const,
          ([d, id]) => ratingsFor(d, id),
          [],
        );
      }),
    );
    flushSync();
    await until(() => ratings.loaded);
    expect(ratings.current).toEqual([]);

    await setRating(db, 'me', 'glasses-001', 5);
    await until(() => ratings.current.length === 1);
    expect(ratings.current[0]).toMatchObject({ productId: 'glasses-001', rating: 5 });

    input.profileId = 'guest';
    flushSync();
    await until(() => ratings.loaded && ratings.current.length === 0);
    await setRating(db, 'guest', 'hats-001', 4);
    await until(() => ratings.current.length === 1);
    expect(ratings.current[0]!.productId).toBe('hats-001');
  });

  it('shows the initial value while the key is empty', async () => {
    const input = $state<{ db: AisleDB | null }>({ db: null });
    let value!: Live<string[]>;
    cleanups.push(
      $effect.root(() => {
        value = live(
          () => input.db,
          async () => ['never'],
          ['initial'],
        );
      }),
    );
    flushSync();
    await new Promise((r) => setTimeout(r, 20));
    expect(value.current).toEqual(['initial']);
    expect(value.loaded).toBe(false);
  });
});
