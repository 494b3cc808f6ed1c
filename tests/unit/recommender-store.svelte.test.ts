import 'fake-indexeddb/auto';
import './env/navigator';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, freshDb, until } from './helpers/runes';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  allEvents,
  getDataset,
  getRating,
  listDatasets,
  putDataset,
  removeDataset,
  type AisleDB,
  type Dataset,
} from '../../src/lib/db';
import { MovieLensDemo } from '../../src/lib/recommender/client/demo.svelte';
import { Recommender, type ShopTrainer } from '../../src/lib/recommender/client/recommender.svelte';
import { isLiked } from '../../src/lib/recommender/shared/liked';
import { buildDataset } from '../../src/lib/recommender/shared/ratings-import';
import { trainDataset } from '../../src/lib/recommender/worker/dataset-trainer';
import { importSummary, parseRatingFiles } from '../../src/lib/recommender/worker/ratings-importer';
import { trainShopModel } from '../../src/lib/recommender/worker/trainer';

const products = generateCatalog();

/** The real training code, in this thread, with the JS engine and few epochs. */
function countingTrainer(): { trainer: ShopTrainer; calls: number } {
  const counter = {
    calls: 0,
    trainer: ((request, onEpoch, signal) => {
      counter.calls++;
      return trainShopModel(
        { ...request, engine: 'js', config: { epochs: 3, rankIterations: 1 } },
        onEpoch,
        signal,
      );
    }) as ShopTrainer,
  };
  return counter;
}

function makeStore(db: AisleDB, trainer: ShopTrainer, retrainDelayMs = 30): Recommender {
  let store!: Recommender;
  const stop = $effect.root(() => {
    store = new Recommender({
      source: () => ({ db, profileId: 'me' }),
      products,
      catalogVersion: 'a-catalog',
      trainer,
      retrainDelayMs,
    });
  });
  cleanups.push(() => {
    store.destroy();
    stop();
  });
  flushSync();
  return store;
}

describe('the liked rule', () => {
  it('is a rating of 4 or more, or a purchase; a rating says more than a purchase', () => {
    expect(isLiked({ rating: 4 })).toBe(true);
    expect(isLiked({ rating: 3 })).toBe(false);
    expect(isLiked({ bought: true })).toBe(true);
    expect(isLiked({ rating: 2, bought: true })).toBe(false);
    expect(isLiked({})).toBe(false);
  });
});

describe('Recommender store', () => {
  it('trains a first model, and a rating folds in at once and schedules one retrain', async () => {
    const db = await freshDb('recommender');
    const counter = countingTrainer();
    const store = makeStore(db, counter.trainer);
    await store.open();
    expect(counter.calls).toBe(1);
    expect(store.training.phase).toBe('done');
    const firstTrainedAt = store.model!.trainedAt;
    const before = store.listFor();
    expect(before).toHaveLength(10);

    // A burst of ratings (as a product page's stars would give): each folds in, one retrain.
    expect(await store.rate('hats-001', 3)).toBe(true);
    expect(await store.rate('hats-001', 5)).toBe(true);
    expect(await store.rate('earrings-001', 5)).toBe(true);
    await until(() => store.liked.size === 2);
    expect(store.ratingOf('hats-001')).toBe(5);
    expect((await getRating(db, 'me', 'hats-001'))?.rating).toBe(5);
    const folded = store.listFor();
    expect(folded.some((r) => r.reason.kind === 'liked')).toBe(true);
    expect(folded.map((r) => r.productId)).not.toContain('hats-001');

    await until(() => counter.calls === 2 && store.training.phase === 'done');
    expect(store.model!.trainedAt).toBeGreaterThan(firstTrainedAt);
    await new Promise((r) => setTimeout(r, 80));
    expect(counter.calls).toBe(2);

    // Unrating folds in and retrains too.
    expect(await store.toggleLike('earrings-001')).toBe(true);
    await until(() => !store.liked.has('earrings-001'));
    await until(() => counter.calls === 3 && store.training.phase === 'done');
  });

  it('a purchase is stored as an event and retrains', async () => {
    const db = await freshDb('recommender');
    const counter = countingTrainer();
    const store = makeStore(db, counter.trainer);
    await store.open();
    expect(await store.recordPurchase('bags-001')).toBe(true);
    expect((await allEvents(db)).map((e) => [e.productId, e.type])).toContainEqual([
      'bags-001',
      'purchase',
    ]);
    await until(() => counter.calls === 2 && store.training.phase === 'done');
    expect(store.listFor().map((r) => r.productId)).not.toContain('bags-001');
  });

  it('cancel aborts the training and keeps the previous model', async () => {
    const db = await freshDb('recommender');
    const counter = countingTrainer();
    const store = makeStore(db, counter.trainer);
    await store.open();
    const model = store.model;
    let seen: AbortSignal | undefined;
    const hanging: ShopTrainer = (_request, _onEpoch, signal) =>
      new Promise((_, reject) => {
        seen = signal;
        signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError')));
      });
    const slow = makeStore(db, hanging);
    const training = slow.train();
    await until(() => seen !== undefined);
    slow.cancel();
    await training;
    expect(seen!.aborted).toBe(true);
    expect(slow.training.phase).toBe('cancelled');
    expect(store.model).toBe(model);
  });
});

describe('MovieLens demo store', () => {
  it('reads the data set through db/ and hands it to the trainer', async () => {
    const db = await freshDb('recommender');
    const dataset = buildDataset(
      [
        {
          name: 'u.data',
          text: '1\t10\t5\t1\n1\t20\t4\t2\n2\t10\t3\t3\n2\t30\t5\t4\n3\t20\t2\t5\n',
        },
      ],
      new Set<string>(),
      1000,
    );
    await putDataset(db, dataset);
    expect(await listDatasets(db)).toEqual([{ id: 'movielens', name: dataset.name }]);
    const store = makeStore(db, countingTrainer().trainer);
    let given: Dataset | undefined;
    const demo = new MovieLensDemo({
      source: () => db,
      recommender: store,
      trainer: async (d, onEpoch, engine) => {
        given = d;
        return { ...(await trainDataset(d, onEpoch, engine)), importedAt: d.importedAt };
      },
    });
    await demo.open();
    expect(demo.dataset?.importedAt).toBe(1000);
    await demo.train();
    expect(given?.ratings).toEqual(dataset.ratings);
    expect(demo.training.phase).toBe('done');
    expect(demo.demoFor('1').favourites[0]).toMatchObject({ rating: 5 });

    await removeDataset(db, 'movielens');
    expect(await getDataset(db, 'movielens')).toBeUndefined();
  });
});

describe('ratings import parsing', () => {
  it('parses files into a data set without storage, and summarises it', async () => {
    const file = new File(['user,item,rating\nc1,hats-001,5\nc2,bags-001,2\n'], 'my-shop.csv');
    const steps: string[] = [];
    const outcome = await parseRatingFiles([file], new Set(['hats-001', 'bags-001']), (p) =>
      steps.push(p.step),
    );
    expect(steps).toEqual(['reading', 'parsing']);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(importSummary(outcome.dataset)).toMatchObject({ ok: true, id: 'shop', ratings: 2 });
  });
});
