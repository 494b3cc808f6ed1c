import 'fake-indexeddb/auto';
import './env/navigator';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, freshDb, until } from './helpers/runes';
import { shopModelFile } from '../../src/build/shop-model';
import shop from 'virtual:shop';
import { generateCatalog } from '../../src/lib/catalog/generate';
import type { AisleDB } from '../../src/lib/db';
import {
  Recommender,
  type ShippedModelLoader,
  type ShopTrainer,
} from '../../src/lib/recommender/client/recommender.svelte';
import { trainShopModel, type TrainRequest } from '../../src/lib/recommender/worker/trainer';

const products = generateCatalog();

const shipped: ShippedModelLoader = () => Promise.resolve(shopModelFile().slice().buffer);

function makeStore(db: AisleDB, loader: ShippedModelLoader, catalog = products) {
  const counter = { calls: 0, requests: [] as TrainRequest[] };
  const trainer: ShopTrainer = (request, onEpoch, signal) => {
    counter.calls++;
    counter.requests.push(request);
    const config = { epochs: 3, rankIterations: 1 };
    return trainShopModel({ ...request, engine: 'js', config }, onEpoch, signal);
  };
  let store!: Recommender;
  const stop = $effect.root(() => {
    store = new Recommender({
      source: () => ({ db, profileId: 'me' }),
      products: catalog,
      catalogVersion: shop.catalogVersion,
      trainer,
      shipped: loader,
      retrainDelayMs: 30,
    });
  });
  cleanups.push(() => {
    store.destroy();
    stop();
  });
  flushSync();
  return { store, counter };
}

describe('Recommender store with the shipped model', () => {
  it('shows a list at once without training, and trains only once the shopper rates', async () => {
    const db = await freshDb('prebuilt');
    const { store, counter } = makeStore(db, shipped);
    await store.open();
    expect(counter.calls).toBe(0);
    expect(store.training.phase).toBe('idle');
    expect(store.model?.shipped).toBe(true);
    const before = store.listFor().map((r) => r.productId);
    expect(before).toHaveLength(10);

    expect(await store.rate(before[0]!, 5)).toBe(true);
    await until(() => store.ratings.length === 1);
    const folded = store.listFor().map((r) => r.productId);
    expect(folded).not.toContain(before[0]);
    expect(counter.calls).toBe(0); // folded in before any training

    await until(() => store.training.phase === 'done');
    expect(counter.calls).toBe(1);
    expect(store.model?.shipped).toBe(false);
    // The first real training is the one that calibrates the device ('auto', no calibration yet).
    expect(counter.requests[0]).toMatchObject({ engine: 'auto', calibration: null });
    expect(counter.requests[0]!.ratings).toHaveLength(1);
  });

  it('trains a first model where the shipped one cannot be had or fits another catalog', async () => {
    const missing = makeStore(await freshDb('prebuilt'), () => Promise.resolve(null));
    await missing.store.open();
    expect(missing.counter.calls).toBe(1);
    expect(missing.store.model?.shipped).toBe(false);

    const other = makeStore(await freshDb('prebuilt'), shipped, products.slice(1));
    await other.store.open();
    expect(other.counter.calls).toBe(1);
  });

  it('retrains in the background when the device already has ratings', async () => {
    const db = await freshDb('prebuilt');
    const first = makeStore(db, shipped);
    await first.store.open();
    await first.store.rate(products[3]!.id, 4);
    first.store.destroy(); // left before its retrain

    const { store, counter } = makeStore(db, shipped);
    await store.open();
    expect(store.model?.shipped).toBe(true);
    await until(() => store.training.phase === 'done');
    expect(counter.calls).toBe(1);
  });
});
