/**
 * Issue 21's race, made deterministic: a training (slowed down on purpose, ignoring its abort
 * until let go) is in flight when the shopper erases everything. The swap must wait for it, and
 * the training must neither write to the closed database nor put an error in front of the shopper.
 */
import 'fake-indexeddb/auto';
import './env/navigator';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, until } from './helpers/runes';
import { generateCatalog } from '../../src/lib/catalog/generate';
import { loadSnapshot, openDatabase, setRating } from '../../src/lib/db';
import { i18n } from '../../src/lib/i18n/locale.svelte';
import { MyDataStore } from '../../src/lib/privacy/client/my-data.svelte';
import {
  Recommender,
  SNAPSHOT_NAME,
  type ShopTrainer,
} from '../../src/lib/recommender/client/recommender.svelte';
import { trainShopModel } from '../../src/lib/recommender/worker/trainer';
import { noticeList } from '../../src/lib/shell/notices.svelte';
import { session, useDatabase } from '../../src/lib/shell/session.svelte';

const products = generateCatalog();

describe('replacing the database while background work holds it', () => {
  it('erase waits for a training in flight, which then stops quietly', async () => {
    i18n.setLocale('en');
    const first = await openDatabase(`swap-${crypto.randomUUID()}`);
    await useDatabase(first);
    await setRating(first, 'me', 'hats-001', 5);

    let letGo!: () => void;
    const slow = new Promise<void>((r) => (letGo = r));
    let asked = false;
    const slowTrainer: ShopTrainer = async (request, onEpoch) => {
      asked = true;
      await slow; // a step that does not stop at once, whatever its signal says
      return trainShopModel({ ...request, engine: 'js', config: { epochs: 2 } }, onEpoch);
    };
    let recommender!: Recommender;
    let myData!: MyDataStore;
    cleanups.push(
      $effect.root(() => {
        recommender = new Recommender({
          source: () => (session.db ? { db: session.db, profileId: session.profileId } : null),
          products,
          catalogVersion: 'a-catalog',
          trainer: slowTrainer,
        });
        myData = new MyDataStore();
      }),
    );
    flushSync();

    const training = recommender.train();
    await until(() => asked);
    let erased = false;
    const erase = myData.erase().then(() => (erased = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(session.db).toBeNull(); // views let go of the old instance first
    expect(erased).toBe(false); // the swap waits for the training
    letGo();
    await erase;
    await training;

    const next = session.db!;
    cleanups.push(() => next.close());
    expect(next).not.toBe(first);
    expect(recommender.training.phase).toBe('cancelled');
    expect(await loadSnapshot(next, SNAPSHOT_NAME)).toBeUndefined(); // nothing of before landed after
    expect(noticeList.all.filter((n) => n.kind === 'error')).toEqual([]);
    expect(noticeList.all.map((n) => n.text)).toContain(i18n.t.myData.erased);
    recommender.destroy();
  });
});
