import 'fake-indexeddb/auto';
import './env/navigator';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cleanups, until } from './helpers/runes';

import { openDatabase, setRating, type AisleDB } from '../../src/lib/db';
import { exportData, exportToJson } from '../../src/lib/db/backup';
import { i18n } from '../../src/lib/i18n/locale.svelte';
import { MyDataStore } from '../../src/lib/privacy/client/my-data.svelte';
import { session, useDatabase } from '../../src/lib/shell/session.svelte';

async function storeOnFreshDatabase(): Promise<{ db: AisleDB; store: MyDataStore }> {
  i18n.setLocale('en');
  const db = await openDatabase(`my-data-${crypto.randomUUID()}`);
  cleanups.push(() => db.close());
  await useDatabase(db);
  let store!: MyDataStore;
  cleanups.push($effect.root(() => void (store = new MyDataStore())));
  flushSync();
  return { db, store };
}

const countOf = (store: MyDataStore, table: string) =>
  store.stats.find((s) => s.table === table)?.count;

describe('MyDataStore', () => {
  it('shows the rows per table, following every change by itself', async () => {
    const { db, store } = await storeOnFreshDatabase();
    await until(() => countOf(store, 'profiles') === 2);
    expect(countOf(store, 'ratings')).toBe(0);

    await setRating(db, 'me', 'glasses-002', 5); // written elsewhere (a product page)
    await until(() => countOf(store, 'ratings') === 1);

    expect(store.profiles.filter((p) => store.canRemove(p))).toEqual([]); // the last member stays
    expect(await store.addProfile('  ')).toBe(false);
    expect(await store.addProfile('Grandma 奶奶')).toBe(true);
    await until(() => countOf(store, 'profiles') === 3);
    const grandma = store.profiles.find((p) => p.name === 'Grandma 奶奶')!;
    expect(store.canRemove(grandma)).toBe(true);

    await store.renameProfile(grandma.id, 'Nana');
    expect(session.profiles.find((p) => p.id === grandma.id)?.name).toBe('Nana');

    await store.removeProfile(grandma.id);
    await until(() => countOf(store, 'profiles') === 2);
    expect(store.busy).toBe(false);
  });

  it('refuses a bad import file with a clear message and changes nothing', async () => {
    const { db, store } = await storeOnFreshDatabase();
    await setRating(db, 'me', 'glasses-002', 5);
    await until(() => countOf(store, 'ratings') === 1);

    const bad = new File(['{"hello": "world"}'], 'other.json', { type: 'application/json' });
    expect(await store.importFile(bad)).toBeNull();
    expect(store.importProblem).toMatch(/not a Private Aisle export/);
    expect(countOf(store, 'ratings')).toBe(1);
  });

  it('imports a plain export, replacing what was stored', async () => {
    const { db, store } = await storeOnFreshDatabase();
    await setRating(db, 'me', 'glasses-002', 5);
    const json = exportToJson(await exportData(db));
    await setRating(db, 'me', 'hats-001', 2);
    await until(() => countOf(store, 'ratings') === 2);

    const file = new File([json], 'backup.json', { type: 'application/json' });
    expect(await store.importFile(file)).toBeNull();
    expect(store.importProblem).toBe('');
    await until(() => countOf(store, 'ratings') === 1);
  });
});
