/**
 * The chat store: everything the Help view shows and does. A question goes view -> here ->
 * engine (worker) -> here (action) -> view. The conversation is a live read of the active
 * profile's stored turns (so erasing it in My data, or another tab, shows at once), plus the
 * turns that could not be stored (still shown, never lost mid-answer). Quick replies and links
 * are not stored: replies belong to the moment, links follow from the intent.
 *
 * The store gets its database and profile from a `ChatSource` and hands the engine a snapshot
 * store over that database; the engine's worker keeps its model until `dispose`. A crashed worker
 * says so, and the next question trains (or reloads the stored weights) again.
 */
import {
  addChatMessage,
  conversationOf,
  eraseConversation,
  knowledgeBases,
  loadSnapshot,
  saveSnapshot,
  type AisleDB,
  type ChatMessage,
} from '../../db';
import { live, type Live } from '../../db/live.svelte';
import { href, type ViewName } from '../../shell/routes';
import { WorkerCrashedError } from '../../workers/bridge';
import {
  answerOf,
  mergeKnowledge,
  shopKnowledge,
  storedEntries,
  titleOf,
  trainingExamples,
  type KnowledgeEntry,
  type Lang,
} from '../shared/knowledge';
import { catalog, packFaq, shopSettings } from '../../shell/catalog';
import { formatMoney } from '../../shop/shared/money';
import { factAnswer, factRanking, type Fact } from '../shared/facts';
import {
  cutTexts,
  looseCuts,
  planParts,
  refineParts,
  splitQuestion,
  type RankedPart,
} from '../shared/multi';
import {
  CANCEL_PREFIX,
  KEEP_ORDERS,
  answerCancel,
  answerCart,
  answerOrders,
  categoryIn,
  confirmCancel,
  languageOf,
  messagesFor,
  type ShopperData,
} from './actions';
import type { AnswerRanking, AssistantEngine, SnapshotStore, TrainedEngine } from './engine';

/**
 * The app's own knowledge: the built-in FAQ with the shop pack's merged in, its answers written
 * with this shop's policy values (`shopKnowledge`; the shipped model was trained on it).
 */
const builtInEntries = shopKnowledge({ settings: shopSettings, faq: packFaq });

export interface QuickReply {
  label: string;
  intent: string;
}

export interface Turn extends ChatMessage {
  /** Offered after this turn (not stored: they only make sense right after it). */
  replies?: QuickReply[];
  /** A view this answer offers to open. */
  link?: { href: string; label: string };
}

/** The engine's API; a type-only import, so the worker and tfjs load only when Help needs them. */
export type Engine = AssistantEngine;

export type Phase = 'idle' | 'training' | 'ready' | 'failed' | 'crashed';

/** Where the chat lives: the app passes the session (see session-chat.svelte.ts). */
export interface ChatSource {
  readonly db: AisleDB | null;
  readonly profileId: string;
  /** Storage has been opened, or found unavailable. */
  readonly ready: boolean;
  /** The profile is locked: its conversation can't be read until it is unlocked. */
  readonly locked: boolean;
  /** The UI language, for questions with no letters in them. */
  readonly locale: Lang;
}

export interface ChatOptions {
  /** Opens a view (a direct request such as "recommend me sunglasses"). */
  navigate: (hash: string) => void;
  /** A turn could not be stored (it is still shown), or the FAQs or orders could not be read. */
  onStorageError: (error: unknown) => void;
  /** Makes the engine (the unit tests pass a scripted one); by default the worker engine. */
  createEngine?: (snapshots: SnapshotStore | null) => Promise<Engine>;
}

const workerEngine = async (snapshots: SnapshotStore | null): Promise<Engine> => {
  const engine = import('./engine');
  const { offlineAssets } = await import('../../shell/offline-assets.svelte');
  // Help's files are fetched (with progress) and cached on first use: the model first (it
  // answers at once; its download starts while the engine's code loads), then the whole
  // word-vector table, which Help can do without offline.
  let model: Promise<ReadonlyMap<string, Blob>> | null = offlineAssets.ensure('help');
  model.catch(() => undefined); // said when the engine asks for it
  const { createAssistantEngine } = await engine;
  return createAssistantEngine(snapshots, {
    model: () => {
      const first = model;
      model = null;
      return first ?? offlineAssets.ensure('help');
    },
    words: () => offlineAssets.ensure('words', { quiet: true }),
    unreadableWords: () => void offlineAssets.forget('words'),
  });
};

const sameTurn = (a: ChatMessage, b: ChatMessage) =>
  a.profileId === b.profileId && a.at === b.at && a.role === b.role && a.text === b.text;

export class ChatStore {
  #phase = $state<Phase>('idle');
  #progress = $state.raw({ epoch: 0, epochs: 0 });
  #trained = $state.raw<TrainedEngine | null>(null);
  #busy = $state(false);
  #erasing = $state(false);
  #entries = $state.raw<readonly KnowledgeEntry[]>(builtInEntries);
  #stored: Live<ChatMessage[]>;
  /** Turns whose write failed (or with no storage at all): shown all the same. */
  #unsaved = $state.raw<ChatMessage[]>([]);
  /** Turns being written, shown until their database reads them back. */
  #pending = $state.raw<{ row: ChatMessage; db: AisleDB }[]>([]);
  /** The quick replies offered after one turn: shown while it is the last. */
  #offer = $state.raw<{ turn: ChatMessage; replies: QuickReply[] } | null>(null);

  readonly #source: ChatSource;
  readonly #options: ChatOptions;
  #engine: Engine | null = null;
  /** What the engine was trained on: the imported knowledge bases, by id and time. */
  #trainedOn: string | null = null;
  #training: Promise<void> | null = null;

  /** Call while a component or an effect root is created (the conversation is a live read). */
  constructor(source: ChatSource, options: ChatOptions) {
    this.#source = source;
    this.#options = options;
    this.#stored = live(
      () => !source.locked && source.db && ([source.db, source.profileId] as const),
      ([db, profileId]) => conversationOf(db, profileId),
      [],
    );
  }

  get phase(): Phase {
    return this.#phase;
  }
  get progress(): { epoch: number; epochs: number } {
    return this.#progress;
  }
  get trained(): TrainedEngine | null {
    return this.#trained;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get erasing(): boolean {
    return this.#erasing;
  }
  /** Whether the source is ready (the view prepares the engine then). */
  get ready(): boolean {
    return this.#source.ready;
  }
  /** Whether there is a stored conversation to erase (none without storage). */
  get canErase(): boolean {
    return !!this.#source.db;
  }

  /** The active profile's stored turns; none until the current database and profile answered. */
  readonly #rows = $derived.by(() => (this.#stored.loaded ? this.#mine(this.#stored.current) : []));

  /** How many turns of the active profile are stored (0 while locked). */
  readonly storedCount = $derived(this.#rows.length);

  /** The active profile's conversation, oldest first; the last turn carries its quick replies. */
  readonly turns: Turn[] = $derived.by(() => {
    const rows = this.#rows;
    const unsaved = [...this.#mine(this.#unsaved), ...this.#writing(rows)];
    const all = unsaved.length ? [...rows, ...unsaved].sort((a, b) => a.at - b.at) : rows;
    const turns = all.map((row, i): Turn => {
      const entry = row.role === 'assistant' && row.intent ? this.#entryOf(row.intent) : undefined;
      const question = all[i - 1]?.text ?? '';
      const link = entry && this.#linkFor(entry, question, languageOf(row.text, 'en'));
      return link ? { ...row, link } : row;
    });
    const last = turns.at(-1);
    if (last && this.#offer && sameTurn(last, this.#offer.turn))
      turns[turns.length - 1] = { ...last, replies: this.#offer.replies };
    return turns;
  });

  /** The quick replies after the last turn (none while answering). */
  readonly replies: QuickReply[] = $derived(this.#busy ? [] : (this.turns.at(-1)?.replies ?? []));

  /** The first questions offered, in the UI language. */
  starters(intents: readonly string[]): QuickReply[] {
    const lang = this.#source.locale;
    return intents
      .map((id) => builtInEntries.find((e) => e.intent === id))
      .filter((e) => e !== undefined)
      .map((e) => ({ label: titleOf(e, lang), intent: e.intent }));
  }

  /** Trains at first start and after the knowledge base changed; otherwise does nothing. */
  prepare(): Promise<void> {
    this.#training ??= this.#train().finally(() => (this.#training = null));
    return this.#training;
  }

  async #train(): Promise<void> {
    const db = this.#source.db;
    const rows = db
      ? await knowledgeBases(db).catch((e: unknown) => {
          this.#options.onStorageError(e);
          return [];
        })
      : [];
    const key = rows.map((r) => `${r.id}@${r.importedAt}`).join(',');
    if (this.#engine && this.#trainedOn === key && this.#phase === 'ready') return;
    this.#entries = mergeKnowledge(builtInEntries, storedEntries(rows));
    this.#phase = 'training';
    this.#progress = { epoch: 0, epochs: 0 };
    try {
      this.#engine ??= await (this.#options.createEngine ?? workerEngine)(this.#snapshots());
      this.#trained = await this.#engine.train(trainingExamples(this.#entries), (p) => {
        this.#progress = { epoch: p.epoch, epochs: p.epochs };
      });
      this.#trainedOn = key;
      this.#phase = 'ready';
    } catch (e) {
      console.error('assistant training failed', e);
      this.#phase = 'failed';
    }
  }

  /** The weights are kept in whichever database the source has when they are read or saved. */
  #snapshots(): SnapshotStore {
    const source = this.#source;
    return {
      load: async (name) => (source.db ? loadSnapshot(source.db, name) : undefined),
      save: async (snapshot) => source.db && saveSnapshot(source.db, snapshot),
    };
  }

  /** A shopper's question, typed. */
  async ask(text: string): Promise<void> {
    const question = text.trim();
    if (!question || this.#busy) return;
    this.#busy = true;
    try {
      const lang = languageOf(question, this.#source.locale);
      const m = messagesFor(lang);
      await this.#say({ role: 'shopper', text: question });
      const parts = splitQuestion(question);
      // "Do you ship to Canada?": a yes or no from the shop's values, no model needed.
      const fact = parts.length === 1 && factAnswer(question, lang, shopSettings);
      if (fact) return void (await this.#say({ text: m.fact(fact), intent: fact.intent }));
      await this.prepare();
      const engine = this.#phase === 'ready' ? this.#engine : null;
      const ranking = engine ? await this.#rank(engine, question) : null;
      if (
        ranking &&
        engine &&
        (parts.length > 1 || looseCuts(question).length > 0) &&
        (await this.#answerParts(engine, ranking, parts, lang))
      )
        return;
      if (!ranking) {
        await this.#say({ text: this.#phase === 'crashed' ? m.crashed : m.failed });
      } else if (ranking.verdict === 'answer' && ranking.best[0]) {
        await this.#answer(ranking.best[0].intent, question, lang);
      } else if (ranking.verdict === 'clarify') {
        const replies = ranking.best
          .slice(0, 3)
          .map((r) => this.#entryOf(r.intent))
          .filter((e): e is KnowledgeEntry => !!e)
          .map((e) => ({ label: titleOf(e, lang), intent: e.intent }));
        await this.#say({ text: m.didYouMean }, replies);
      } else {
        await this.#say({ text: m.outOfScope }, [{ label: m.contact, intent: 'contact' }]);
      }
    } catch (e) {
      this.#options.onStorageError(e); // the orders could not be read
    } finally {
      this.#busy = false;
    }
  }

  /**
   * A message with several questions: each confident one answered in turn (a yes or no from the
   * shop's values where it is one), the others asked back in one turn. Parts joined by a bare
   * "and" are cut there where both halves are understood (refineParts). False: answer it whole.
   */
  async #answerParts(
    engine: Engine,
    whole: AnswerRanking,
    texts: string[],
    lang: Lang,
  ): Promise<boolean> {
    const ranked: (RankedPart & { fact?: Fact })[] = [];
    const find = (text: string) => ranked.find((p) => p.text === text);
    for (const text of [...texts, ...texts.flatMap(cutTexts)]) {
      if (find(text)) continue;
      const fact = factAnswer(text, lang, shopSettings);
      const ranking = fact ? factRanking(fact) : await this.#rank(engine, text);
      if (!ranking) return false;
      ranked.push(fact ? { text, ranking, fact } : { text, ranking });
    }
    const parts = refineParts(
      texts.map((t) => find(t)!),
      (t) => find(t)!,
    );
    const plan = planParts(whole, parts);
    const m = messagesFor(lang);
    if (!plan) {
      // One topic ("Hi! Do you ship to Canada?"): where it is a fact, its yes or no.
      const fact = parts.find((p) => p.fact)?.fact;
      if (fact) await this.#say({ text: m.fact(fact), intent: fact.intent });
      return !!fact;
    }
    for (const { text, ranking, fact } of plan.answers) {
      if (fact) await this.#say({ text: m.fact(fact), intent: fact.intent });
      else await this.#answer(ranking.best[0]!.intent, text, lang, false);
    }
    const unclear = plan.askBack.filter((p) => p.ranking.verdict === 'clarify');
    if (unclear.length) {
      const replies = unclear[0]!.ranking.best
        .slice(0, 3)
        .map((r) => this.#entryOf(r.intent))
        .filter((e): e is KnowledgeEntry => !!e)
        .map((e) => ({ label: titleOf(e, lang), intent: e.intent }));
      await this.#say({ text: m.askBack(unclear.map((p) => p.text)) }, replies);
    }
    const offTopic = plan.askBack.filter((p) => p.ranking.verdict !== 'clarify');
    if (offTopic.length)
      await this.#say({ text: m.notShop(offTopic.map((p) => p.text)) }, [
        { label: m.contact, intent: 'contact' },
      ]);
    return true;
  }

  /** A quick reply, clicked: the shopper "says" its label and gets that answer, no guessing. */
  async choose(reply: QuickReply): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await this.#say({ role: 'shopper', text: reply.label });
      const lang = languageOf(reply.label, this.#source.locale);
      if (reply.intent.startsWith(CANCEL_PREFIX) || reply.intent === KEEP_ORDERS) {
        const data = this.#shopperData(lang);
        const m = messagesFor(lang);
        const answer =
          !data || reply.intent === KEEP_ORDERS
            ? { text: m.cancel.kept }
            : await confirmCancel(reply.intent.slice(CANCEL_PREFIX.length), data);
        return void (await this.#say({ text: answer.text, intent: 'order-cancel' }));
      }
      await this.#answer(reply.intent, reply.label, lang);
    } catch (e) {
      this.#options.onStorageError(e);
    } finally {
      this.#busy = false;
    }
  }

  /** Erases the active profile's conversation (each family member erases their own). */
  async erase(): Promise<void> {
    const db = this.#source.db;
    const profileId = this.#source.profileId;
    if (!db) return;
    this.#erasing = true;
    try {
      await eraseConversation(db, profileId);
      this.#unsaved = this.#unsaved.filter((t) => t.profileId !== profileId);
      this.#pending = this.#pending.filter((p) => p.row.profileId !== profileId);
      this.#offer = null;
    } finally {
      this.#erasing = false;
    }
  }

  /** Ends the engine's worker; the next question starts a new one. */
  dispose(): void {
    this.#engine?.dispose();
    this.#engine = null;
    this.#trainedOn = null;
    this.#phase = 'idle';
  }

  async #rank(engine: Engine, question: string) {
    try {
      return await engine.rank(question);
    } catch (e) {
      console.error('assistant ranking failed', e);
      if (e instanceof WorkerCrashedError) {
        this.#trainedOn = null; // the new worker must learn (or reload) the model first
        this.#phase = 'crashed';
      }
      return null;
    }
  }

  /** `go`: follow a direct request ("recommend me sunglasses") to its view; not mid-list. */
  async #answer(intent: string, question: string, lang: Lang, go = true): Promise<void> {
    const entry = this.#entryOf(intent);
    const m = messagesFor(lang);
    if (!entry) return this.#say({ text: m.outOfScope });
    const text = answerOf(entry, lang);
    const action = entry.action;
    if (action?.type === 'orders' || action?.type === 'cart' || action?.type === 'cancel-order') {
      const data = this.#shopperData(lang);
      if (!data) return this.#say({ text: `${text}\n${m.orders.noStorage}`, intent });
      const reply =
        action.type === 'orders'
          ? await answerOrders(question, data)
          : action.type === 'cart'
            ? await answerCart(data)
            : await answerCancel(question, data);
      return this.#say({ text: `${text}\n${reply.text}`, intent }, reply.replies);
    }
    await this.#say({ text, intent });
    // "Recommend me sunglasses", "can I try these on": a direct request, so go there now.
    const link = this.#linkFor(entry, question, lang);
    if (go && link && (action?.type === 'recommend' || (action?.type === 'open' && action.auto)))
      this.#options.navigate(link.href);
  }

  /** What the order and cart answers read: this profile's rows, the shop's rules. */
  #shopperData(lang: Lang): ShopperData | null {
    const db = this.#source.db;
    if (!db) return null;
    return {
      db,
      profileId: this.#source.profileId,
      lang,
      now: Date.now(),
      deliveryDays: shopSettings.policies.deliveryDays,
      shipping: shopSettings.policies,
      price: (cents) => formatMoney(cents, shopSettings.currency, lang),
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, not state
      products: async (ids) => new Map((await catalog.load(ids)).map((p) => [p.id, p])),
    };
  }

  /** Shows a turn and stores it; a failed write is reported, and the turn shown unsaved. */
  async #say(
    turn: { role?: ChatMessage['role']; text: string; intent?: string },
    replies?: QuickReply[],
  ): Promise<void> {
    const row: ChatMessage = {
      profileId: this.#source.profileId,
      role: turn.role ?? 'assistant',
      text: turn.text,
      at: Date.now(),
      ...(turn.intent ? { intent: turn.intent } : {}),
    };
    this.#offer = replies?.length ? { turn: row, replies } : null;
    const db = this.#source.db;
    try {
      if (db) {
        // Shown at once, not when the database reads it back.
        const writing = this.#writing(this.#rows);
        this.#pending = [...this.#pending.filter((p) => writing.includes(p.row)), { row, db }];
        return void (await db.holds.run(() => addChatMessage(db, row)));
      }
    } catch (e) {
      this.#options.onStorageError(e);
    }
    this.#pending = this.#pending.filter((p) => p.row !== row);
    this.#unsaved = [...this.#unsaved, row];
  }

  /** The active profile's turns being written to the current database, not read back yet. */
  #writing(stored: readonly ChatMessage[]): ChatMessage[] {
    const db = this.#source.db;
    return this.#mine(this.#pending.filter((p) => p.db === db).map((p) => p.row)).filter(
      (row) => !stored.some((r) => sameTurn(r, row)),
    );
  }

  #mine<T extends ChatMessage>(rows: readonly T[]): T[] {
    const profileId = this.#source.profileId;
    return rows.filter((r) => r.profileId === profileId);
  }

  #entryOf(intent: string): KnowledgeEntry | undefined {
    return this.#entries.find((e) => e.intent === intent);
  }

  /** The view an answer offers (and, for a direct request, opens). */
  #linkFor(entry: KnowledgeEntry, question: string, lang: Lang): Turn['link'] {
    const m = messagesFor(lang);
    const action = entry.action;
    if (action?.type === 'recommend') {
      const category = categoryIn(question);
      return {
        href: href('for-you', undefined, category ? { category } : undefined),
        label: category ? m.openCategory(m.categories[category]) : m.open['for-you'],
      };
    }
    if (action?.type === 'open')
      return { href: href(action.view as ViewName), label: m.open[action.view] };
    if (action?.type === 'orders' || action?.type === 'cart' || action?.type === 'cancel-order')
      return { href: href('cart'), label: m.open.cart };
    return undefined;
  }
}
