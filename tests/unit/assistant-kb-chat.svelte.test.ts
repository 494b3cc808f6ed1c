import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ChatStore,
  type ChatSource,
  type Engine,
} from '../../src/lib/assistant/client/chat.svelte';
import type { TrainingExample } from '../../src/lib/assistant/shared/knowledge';
import { openDatabase, placeOrder, putKnowledgeBase, type AisleDB } from '../../src/lib/db';
import { assistantEn } from '../../src/lib/assistant/messages';
import { WorkerCrashedError } from '../../src/lib/workers/bridge';
import { sampleOrder } from './helpers/orders';

/** A scripted engine: each question maps to a ranking; it records what it was trained on. */
function scriptedEngine(script: Record<string, Awaited<ReturnType<Engine['rank']>>>) {
  const trainedOn: TrainingExample[][] = [];
  const engine: Engine = {
    async train(examples, onProgress) {
      trainedOn.push(examples);
      onProgress?.({ epoch: 1, epochs: 2 });
      onProgress?.({ epoch: 2, epochs: 2 });
      return { backend: 'test', ms: 5, source: 'trained' as const };
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

/** Waits for the live conversation to catch up with the database. */
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  flushSync();
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
    flushSync();
  }
}

let db: AisleDB;
const navigate = vi.fn();
const errors: unknown[] = [];
const source = $state<{ -readonly [K in keyof ChatSource]: ChatSource[K] }>({
  db: null,
  profileId: 'me',
  ready: true,
  locked: false,
  locale: 'en',
});
let createEngine: () => Promise<Engine> = () => Promise.reject(new Error('not set'));
let chat!: ChatStore;
const stop = $effect.root(() => {
  chat = new ChatStore(source, {
    navigate,
    onStorageError: (e) => errors.push(e),
    createEngine: () => createEngine(),
  });
});
const last = () => chat.turns.at(-1)!;
/** Asks, then waits until the answer shows. */
async function ask(text: string) {
  const before = chat.turns.length;
  await chat.ask(text);
  await until(() => chat.turns.length >= before + 2);
}

beforeAll(async () => {
  db = await openDatabase(`chat-${crypto.randomUUID()}`);
  source.db = db;
  flushSync();
});
afterAll(() => {
  stop();
  db.close();
});

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
    'how long is delivery? And can i return it': answer('return-policy'),
    'how long is delivery?': answer('shipping-time'),
    'can i return it': answer('return-policy'),
    'how long is delivery? And refund': answer('shipping-time'),
    'Hi! Do you ship to Canada?': answer('shipping-regions'),
    'Hi!': answer('greeting'),
  });

  it('trains once on the built-in examples, reporting progress, then reuses the engine', async () => {
    createEngine = async () => engine;
    await chat.prepare();
    expect(chat.phase).toBe('ready');
    expect(chat.trained).toEqual({ backend: 'test', ms: 5, source: 'trained' });
    expect(chat.progress).toEqual({ epoch: 2, epochs: 2 });
    await chat.prepare();
    expect(trainedOn).toHaveLength(1);
    expect(trainedOn[0]!.length).toBeGreaterThan(60 * 16);
  });

  it('answers in the language of the question and stores both turns', async () => {
    await ask('how long is delivery');
    expect(last()).toMatchObject({ role: 'assistant', intent: 'shipping-time' });
    expect(last().text).toMatch(/^Standard delivery takes 3-5 working days/);
    await ask('多久到货');
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
    await until(() => chat.storedCount === 4);
  });

  it('offers the top 3 as quick replies when unsure, and a reply answers without guessing', async () => {
    await ask('refund');
    expect(last().text).toBe('I’m not sure I understood. Did you mean one of these?');
    expect(last().intent).toBeUndefined();
    const offered = [
      { label: 'When is my refund?', intent: 'refund-time' },
      { label: 'How refunds are paid', intent: 'refund-method' },
      { label: 'Price drops and price match', intent: 'price-match' },
    ];
    expect(last().replies).toEqual(offered);
    expect(chat.replies).toEqual(offered);
    const before = chat.turns.length;
    await chat.choose(chat.replies[1]!);
    await until(() => chat.turns.length === before + 2);
    expect(chat.turns.at(-2)).toMatchObject({ role: 'shopper', text: 'How refunds are paid' });
    expect(last()).toMatchObject({ intent: 'refund-method' });
    expect(chat.replies).toEqual([]);
  });

  it('declines what it does not know, offering the shop’s contact', async () => {
    await ask('what is the weather');
    expect(last().text).toMatch(/^Sorry, I can’t help with that.*400-000-1234/);
    expect(last().replies).toEqual([{ label: 'Contact the shop', intent: 'contact' }]);
  });

  it('answers each question of a message in turn, asks back the unclear one, and says yes or no to a fact', async () => {
    const texts = async (question: string, replies: number) => {
      const before = chat.turns.length;
      await chat.ask(question);
      await until(() => chat.turns.length >= before + 1 + replies);
      return chat.turns.slice(before + 1).map((t) => t.text);
    };
    const [first, second] = await texts('how long is delivery? And can i return it', 2);
    expect(first).toMatch(/^Standard delivery takes 3-5 working days/);
    expect(second).toMatch(/within 30 days of delivery/);

    const [answered, asked] = await texts('how long is delivery? And refund', 2);
    expect(answered).toMatch(/^Standard delivery takes/);
    expect(asked).toBe('I’m not sure what you meant by “refund”. Did you mean one of these?');
    expect(chat.replies.map((r) => r.intent)).toEqual([
      'refund-time',
      'refund-method',
      'price-match',
    ]);

    // Small talk beside a fact: the fact's yes or no, once.
    expect(await texts('Hi! Do you ship to Canada?', 1)).toEqual([
      expect.stringMatching(
        /^No, we don’t deliver to Canada, sorry\. We deliver to all of mainland China/,
      ),
    ]);
  });

  it('looks up the orders of the active profile, none made up, with a link to them', async () => {
    await ask('where is my order');
    expect(last().text).toContain('You have not placed an order on this device yet.');
    await placeOrder(db, sampleOrder('me', Date.now(), { id: 'PA-00004321' }), []);
    await ask('where is my order');
    expect(last().text).toContain('Order PA-00004321');
    expect(last().text).toContain('placed, not shipped yet');
    expect(last().link).toEqual({ href: '#/cart', label: 'Open your cart and orders' });
  });

  it('opens For you on sunglasses and Try on; links follow from the stored intent', async () => {
    navigate.mockClear();
    await ask('recommend me sunglasses');
    expect(navigate).toHaveBeenLastCalledWith('#/for-you?category=sunglasses');
    expect(last().link).toEqual({
      href: '#/for-you?category=sunglasses',
      label: 'Show sunglasses in For you',
    });
    await ask('can i try these on');
    expect(navigate).toHaveBeenLastCalledWith('#/try-on');
    expect(chat.turns.at(-3)!.link?.href).toBe('#/for-you?category=sunglasses');
    expect(last().link?.href).toBe('#/try-on');
  });

  it('shows each profile its own conversation, and erases only the active one', async () => {
    const mine = chat.turns.length;
    source.profileId = 'guest';
    await until(() => chat.turns.length === 0);
    await ask('how long is delivery');
    await until(() => chat.storedCount === 2);
    await chat.erase();
    await until(() => chat.storedCount === 0);
    expect(chat.turns).toEqual([]);
    source.profileId = 'me';
    await until(() => chat.turns.length === mine);
  });

  it('retrains on built-in + imported entries when the knowledge base changes', async () => {
    await putKnowledgeBase(db, {
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
    await chat.prepare();
    expect(trainedOn).toHaveLength(2);
    expect(trainedOn[1]!.length).toBe(trainedOn[0]!.length + 2);
    await ask('is there wifi');
    expect(last().text).toBe('Join Aisle-Guest.');
  });

  it('a crashed worker says so, and the next question trains it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const rank = vi
      .spyOn(engine, 'rank')
      .mockRejectedValueOnce(new WorkerCrashedError('Worker failed: out of memory'));
    await ask('how long is delivery');
    expect(chat.phase).toBe('crashed');
    expect(last().text).toBe(assistantEn.crashed);
    await ask('how long is delivery');
    expect(trainedOn).toHaveLength(3);
    expect(chat.phase).toBe('ready');
    expect(last()).toMatchObject({ intent: 'shipping-time' });
    rank.mockRestore();
  });

  it('says so when the engine cannot start', async () => {
    chat.dispose();
    createEngine = () => Promise.reject(new Error('no engine'));
    await ask('how long is delivery');
    expect(chat.phase).toBe('failed');
    expect(last().text).toMatch(/^The assistant could not start on this device/);
  });

  it('goes on answering, unsaved, when a turn cannot be stored, and says so', async () => {
    chat.dispose();
    createEngine = async () =>
      scriptedEngine({ 'how long is delivery': answer('shipping-time') }).engine;
    const full = await openDatabase(`chat-full-${crypto.randomUUID()}`);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(full.conversations, 'add').mockRejectedValue(quota);
    source.db = full;
    await until(() => chat.turns.length === 0);
    errors.length = 0;
    await ask('how long is delivery');
    expect(chat.turns.map((t) => t.role)).toEqual(['shopper', 'assistant']);
    expect(last()).toMatchObject({ role: 'assistant', intent: 'shipping-time' });
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['quota', 'quota']);
    expect(await full.conversations.count()).toBe(0);
    source.db = db;
    full.close();
  });
});
