import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ask,
  chat,
  choose,
  loadConversation,
  prepare,
  useEngine,
  type AskContext,
  type Engine,
} from '../../src/lib/assistant/client/chat.svelte';
import type { TrainingExample } from '../../src/lib/assistant/shared/knowledge';
import { openDatabase, type AisleDB } from '../../src/lib/db';

/** A scripted engine: each question maps to a ranking; it records what it was trained on. */
function scriptedEngine(script: Record<string, Awaited<ReturnType<Engine['rank']>>>) {
  const trainedOn: TrainingExample[][] = [];
  const engine: Engine = {
    async train(examples, onProgress) {
      trainedOn.push(examples);
      onProgress?.({ epoch: 1, epochs: 2 });
      onProgress?.({ epoch: 2, epochs: 2 });
      return { backend: 'test', ms: 5 };
    },
    async rank(text) {
      return script[text] ?? { best: [], verdict: 'out-of-scope' };
    },
    dispose() {},
  };
  return { engine, trainedOn };
}

const answer = (intent: string) => ({
  best: [{ intent, confidence: 0.95 }],
  verdict: 'answer' as const,
});

let db: AisleDB;
const navigate = vi.fn();
const ctx = (): AskContext => ({ db, profileId: 'me', locale: 'en', navigate });
const last = () => chat.turns.at(-1)!;

beforeAll(async () => {
  db = await openDatabase(`chat-${crypto.randomUUID()}`);
});
afterAll(() => db.close());

describe('the chat', () => {
  const { engine, trainedOn } = scriptedEngine({
    'how long is delivery': answer('shipping-time'),
    多久到货: answer('shipping-time'),
    refund: {
      best: [
        { intent: 'refund-time', confidence: 0.4 },
        { intent: 'refund-method', confidence: 0.35 },
        { intent: 'price-match', confidence: 0.1 },
      ],
      verdict: 'clarify',
    },
    'where is my order': answer('order-status'),
    'recommend me sunglasses': answer('recommend'),
    'can i try these on': answer('try-on'),
    'is there wifi': answer('guest-wifi'),
  });

  it('trains once on the built-in examples, reporting progress, then reuses the engine', async () => {
    useEngine(async () => engine);
    await prepare(db);
    expect(chat.phase).toBe('ready');
    expect(chat.trained).toEqual({ backend: 'test', ms: 5 });
    expect(chat.progress).toEqual({ epoch: 2, epochs: 2 });
    await prepare(db);
    expect(trainedOn).toHaveLength(1);
    expect(trainedOn[0]!.length).toBeGreaterThan(60 * 16);
  });

  it('answers in the language of the question and stores both turns', async () => {
    await ask('how long is delivery', ctx());
    expect(last()).toMatchObject({ role: 'assistant', intent: 'shipping-time' });
    expect(last().text).toMatch(/^Standard delivery takes 3-5 working days/);
    await ask('多久到货', ctx());
    expect(last().text).toMatch(/^普通快递/);
    const stored = await db.conversations.where('profileId').equals('me').sortBy('at');
    expect(stored.map((m) => m.role)).toEqual(['shopper', 'assistant', 'shopper', 'assistant']);
    expect(Object.keys(stored[1]!).sort()).toEqual([
      'at',
      'id',
      'intent',
      'profileId',
      'role',
      'text',
    ]);
  });

  it('offers the top 3 as quick replies when unsure, and a reply answers without guessing', async () => {
    await ask('refund', ctx());
    expect(last().text).toBe('I’m not sure I understood. Did you mean one of these?');
    expect(last().intent).toBeUndefined();
    expect(last().replies).toEqual([
      { label: 'When is my refund?', intent: 'refund-time' },
      { label: 'How refunds are paid', intent: 'refund-method' },
      { label: 'Price drops and price match', intent: 'price-match' },
    ]);
    await choose(last().replies![1]!, ctx());
    expect(chat.turns.at(-2)).toMatchObject({ role: 'shopper', text: 'How refunds are paid' });
    expect(last()).toMatchObject({ intent: 'refund-method' });
  });

  it('declines what it does not know, offering the shop’s contact', async () => {
    await ask('what is the weather', ctx());
    expect(last().text).toMatch(/^Sorry, I can’t help with that.*400-000-1234/);
    expect(last().replies).toEqual([{ label: 'Contact the shop', intent: 'contact' }]);
  });

  it('looks up the orders of the active profile', async () => {
    await ask('where is my order', ctx());
    const orders = await db.orders.where('profileId').equals('me').toArray();
    const processing = orders.find((o) => o.status === 'processing')!;
    expect(last().text).toContain(`Order ${processing.id}`);
    expect(last().text).toContain('being prepared');
  });

  it('opens For you on sunglasses and Try on, and keeps the links after a reload', async () => {
    navigate.mockClear();
    await ask('recommend me sunglasses', ctx());
    expect(navigate).toHaveBeenLastCalledWith('#/for-you?category=sunglasses');
    expect(last().link).toEqual({
      href: '#/for-you?category=sunglasses',
      label: 'Show sunglasses in For you',
    });
    await ask('can i try these on', ctx());
    expect(navigate).toHaveBeenLastCalledWith('#/try-on');

    await loadConversation(db, 'me');
    expect(chat.turns.at(-3)!.link?.href).toBe('#/for-you?category=sunglasses');
    expect(last().link?.href).toBe('#/try-on');
    await loadConversation(db, 'guest');
    expect(chat.turns).toEqual([]);
  });

  it('retrains on built-in + imported entries when the knowledge base changes', async () => {
    await db.knowledgeBases.put({
      id: 'shop-faq',
      name: 'faq.csv',
      importedAt: Date.now(),
      entries: [
        {
          intent: 'guest-wifi',
          answer: { en: 'Join Aisle-Guest.' },
          examples: { en: ['wifi?', 'free wifi'] },
        },
      ],
    });
    await prepare(db);
    expect(trainedOn).toHaveLength(2);
    expect(trainedOn[1]!.length).toBe(trainedOn[0]!.length + 2);
    await ask('is there wifi', ctx());
    expect(last().text).toBe('Join Aisle-Guest.');
  });

  it('says so when the engine cannot start', async () => {
    useEngine(() => Promise.reject(new Error('no engine')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await ask('how long is delivery', ctx());
    expect(chat.phase).toBe('failed');
    expect(last().text).toMatch(/^The assistant could not start on this device/);
  });

  it('goes on answering, unsaved, when a turn cannot be stored, and says so', async () => {
    useEngine(
      async () => scriptedEngine({ 'how long is delivery': answer('shipping-time') }).engine,
    );
    const full = await openDatabase(`chat-full-${crypto.randomUUID()}`);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(full.conversations, 'add').mockRejectedValue(quota);
    const errors: unknown[] = [];
    await ask('how long is delivery', {
      ...ctx(),
      db: full,
      onStorageError: (e) => errors.push(e),
    });
    expect(last()).toMatchObject({ role: 'assistant', intent: 'shipping-time' });
    expect(errors).toEqual([quota, quota]);
    expect(await full.conversations.count()).toBe(0);
    full.close();
  });

  it('a slow load of one profile never shows over the next profile’s conversation', async () => {
    await db.conversations.add({ profileId: 'slow', role: 'shopper', text: 'old', at: 1 });
    const table = db.conversations;
    const where = table.where.bind(table);
    // The first load's read answers 50 ms late (a big conversation, a busy disk).
    vi.spyOn(table, 'where').mockImplementationOnce(((index: string) => ({
      equals: (value: string) => ({
        sortBy: async (key: string) => {
          await new Promise((r) => setTimeout(r, 50));
          return where(index).equals(value).sortBy(key);
        },
      }),
    })) as unknown as typeof table.where);
    const slow = loadConversation(db, 'slow');
    const fresh = loadConversation(db, 'nobody');
    await Promise.all([slow, fresh]);
    expect(chat.turns).toEqual([]);
  });
});
