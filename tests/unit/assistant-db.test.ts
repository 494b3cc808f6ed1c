import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addChatMessage,
  conversationOf,
  eraseConversation,
  knowledgeBases,
  listKnowledgeBases,
  openDatabase,
  ordersOfProfile,
  putKnowledgeBase,
  removeKnowledgeBase,
  type AisleDB,
} from '../../src/lib/db';
import { sampleOrder } from './helpers/orders';

let db: AisleDB;
beforeAll(async () => {
  db = await openDatabase(`assistant-db-${crypto.randomUUID()}`);
});
afterAll(() => db.close());

describe('the assistant’s storage', () => {
  it('keeps each profile’s conversation in order and erases only that one', async () => {
    await addChatMessage(db, { profileId: 'me', role: 'assistant', text: 'b', at: 2 });
    await addChatMessage(db, { profileId: 'me', role: 'shopper', text: 'a', at: 1 });
    await addChatMessage(db, { profileId: 'guest', role: 'shopper', text: 'c', at: 3 });
    expect((await conversationOf(db, 'me')).map((m) => m.text)).toEqual(['a', 'b']);
    await eraseConversation(db, 'me');
    expect(await conversationOf(db, 'me')).toEqual([]);
    expect(await conversationOf(db, 'guest')).toHaveLength(1);
  });

  it('reads a profile’s orders, newest first, and no one else’s', async () => {
    await db.orders.bulkAdd([sampleOrder('me', 1), sampleOrder('guest', 2), sampleOrder('me', 3)]);
    const orders = await ordersOfProfile(db, 'me');
    expect(orders.map((o) => o.placedAt)).toEqual([3, 1]);
  });

  it('stores, lists and removes imported FAQs', async () => {
    const kb = { id: 'shop-faq', name: 'faq.csv', importedAt: 1, entries: [{ intent: 'x' }] };
    await putKnowledgeBase(db, kb);
    expect(await listKnowledgeBases(db)).toEqual([{ id: 'shop-faq', name: 'faq.csv' }]);
    expect(await knowledgeBases(db)).toEqual([kb]);
    await putKnowledgeBase(db, { ...kb, name: 'newer.csv' });
    expect(await listKnowledgeBases(db)).toEqual([{ id: 'shop-faq', name: 'newer.csv' }]);
    await removeKnowledgeBase(db, 'shop-faq');
    expect(await listKnowledgeBases(db)).toEqual([]);
  });
});
