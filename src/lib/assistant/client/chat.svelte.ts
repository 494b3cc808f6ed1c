/**
 * The chat: state for the Help view, the engine's lifecycle, and what happens with each answer.
 * A question goes view -> here -> engine (worker) -> here (action) -> view; every turn is stored
 * in db.conversations for the active profile, and nowhere else.
 */
import type { AisleDB, ChatMessage } from '../../db/schema';
import { href, type ViewName } from '../../shell/routes';
import {
  answerOf,
  builtInEntries,
  mergeKnowledge,
  storedEntries,
  titleOf,
  trainingExamples,
  type KnowledgeEntry,
  type Lang,
} from '../shared/knowledge';
import type { AssistantEngine } from './engine';
import { categoryIn, describeOrders, languageOf, lookUpOrders, messagesFor } from './actions';

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

let createEngine = async (): Promise<Engine> => (await import('./engine')).createAssistantEngine();

/** Swaps the engine (the unit tests use a scripted one); the next question retrains. */
export function useEngine(factory: () => Promise<Engine>): void {
  engine?.dispose();
  engine = null;
  trainedOn = null;
  phase = 'idle';
  createEngine = factory;
}

type Phase = 'idle' | 'training' | 'ready' | 'failed';

let phase = $state<Phase>('idle');
let progress = $state({ epoch: 0, epochs: 0 });
let trained = $state<{ backend: string; ms: number } | null>(null);
let turns = $state<Turn[]>([]);
let busy = $state(false);

export const chat = {
  get phase() {
    return phase;
  },
  get progress() {
    return progress;
  },
  get trained() {
    return trained;
  },
  get turns() {
    return turns;
  },
  get busy() {
    return busy;
  },
};

let engine: Engine | null = null;
let entries: KnowledgeEntry[] = [...builtInEntries];
/** What the engine was trained on: the imported knowledge bases, by id and time. */
let trainedOn: string | null = null;
let training: Promise<void> | null = null;

async function knowledgeKey(
  db: AisleDB | null,
): Promise<{ key: string; imported: KnowledgeEntry[] }> {
  if (!db) return { key: '', imported: [] };
  const rows = await db.knowledgeBases.toArray();
  return {
    key: rows.map((r) => `${r.id}@${r.importedAt}`).join(','),
    imported: storedEntries(rows),
  };
}

/** Trains at first start and after the knowledge base changed; otherwise does nothing. */
export function prepare(db: AisleDB | null): Promise<void> {
  training ??= (async () => {
    const { key, imported } = await knowledgeKey(db);
    if (engine && trainedOn === key && phase === 'ready') return;
    entries = mergeKnowledge(builtInEntries, imported);
    phase = 'training';
    progress = { epoch: 0, epochs: 0 };
    try {
      engine ??= await createEngine();
      trained = await engine.train(trainingExamples(entries), (p) => {
        progress = { epoch: p.epoch, epochs: p.epochs };
      });
      trainedOn = key;
      phase = 'ready';
    } catch (e) {
      console.error('assistant training failed', e);
      phase = 'failed';
    }
  })().finally(() => (training = null));
  return training;
}

/** Counts loads, so that a slow load for a previous profile never shows over a newer one. */
let loads = 0;

/** Shows this profile's stored conversation (none while it loads; a failed load throws). */
export async function loadConversation(db: AisleDB | null, profileId: string): Promise<void> {
  const load = ++loads;
  turns = [];
  const rows = db ? await db.conversations.where('profileId').equals(profileId).sortBy('at') : [];
  if (load !== loads) return;
  // Links are not stored; they follow from the intent and the question before it.
  turns = rows.map((row, i): Turn => {
    const entry = row.role === 'assistant' && row.intent ? entryOf(row.intent) : undefined;
    const question = rows[i - 1]?.text ?? '';
    const link = entry && linkFor(entry, question, languageOf(row.text, 'en'));
    return link ? { ...row, link } : row;
  });
}

/** Shows a turn and stores it; a failed write (full quota, locked profile) is reported, and
 * the conversation goes on unsaved rather than stopping mid-answer. */
async function record(ctx: AskContext, turn: Turn): Promise<void> {
  turns = [...turns, turn];
  if (!ctx.db) return;
  // Only the ChatMessage fields are stored: replies and links belong to the moment.
  const row: ChatMessage = {
    profileId: turn.profileId,
    role: turn.role,
    text: turn.text,
    at: turn.at,
    ...(turn.intent ? { intent: turn.intent } : {}),
  };
  try {
    await ctx.db.conversations.add(row);
  } catch (e) {
    ctx.onStorageError?.(e);
  }
}

export interface AskContext {
  db: AisleDB | null;
  profileId: string;
  /** The UI language, for questions with no letters in them. */
  locale: Lang;
  /** Opens a view (a direct request such as "recommend me sunglasses"). */
  navigate: (hash: string) => void;
  /** A turn could not be stored (it is still shown). */
  onStorageError?: (error: unknown) => void;
}

/** A shopper's question, typed. */
export async function ask(text: string, ctx: AskContext): Promise<void> {
  const question = text.trim();
  if (!question || busy) return;
  busy = true;
  try {
    const lang = languageOf(question, ctx.locale);
    await record(ctx, {
      profileId: ctx.profileId,
      role: 'shopper',
      text: question,
      at: Date.now(),
    });
    await prepare(ctx.db);
    if (phase !== 'ready' || !engine) {
      await say(ctx, { text: messagesFor(lang).failed, replies: [] });
      return;
    }
    const m = messagesFor(lang);
    const ranking = await engine.rank(question).catch((e: unknown) => {
      console.error('assistant ranking failed', e);
      return null;
    });
    if (!ranking) {
      await say(ctx, { text: m.failed, replies: [] });
      return;
    }
    if (ranking.verdict === 'answer' && ranking.best[0]) {
      await answer(ranking.best[0].intent, question, lang, ctx);
    } else if (ranking.verdict === 'clarify') {
      const replies = ranking.best
        .slice(0, 3)
        .map((r) => entryOf(r.intent))
        .filter((e): e is KnowledgeEntry => !!e)
        .map((e) => ({ label: titleOf(e, lang), intent: e.intent }));
      await say(ctx, { text: m.didYouMean, replies });
    } else {
      await say(ctx, { text: m.outOfScope, replies: [{ label: m.contact, intent: 'contact' }] });
    }
  } finally {
    busy = false;
  }
}

/** A quick reply, clicked: the shopper "says" its label and gets that answer, no guessing. */
export async function choose(reply: QuickReply, ctx: AskContext): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    const lang = languageOf(reply.label, ctx.locale);
    await record(ctx, {
      profileId: ctx.profileId,
      role: 'shopper',
      text: reply.label,
      at: Date.now(),
    });
    await answer(reply.intent, reply.label, lang, ctx);
  } finally {
    busy = false;
  }
}

const entryOf = (intent: string) => entries.find((e) => e.intent === intent);

async function say(
  ctx: AskContext,
  reply: { text: string; intent?: string; replies?: QuickReply[]; link?: Turn['link'] },
): Promise<void> {
  await record(ctx, { profileId: ctx.profileId, role: 'assistant', at: Date.now(), ...reply });
}

/** The view an answer offers (and, for a direct request, opens). */
function linkFor(entry: KnowledgeEntry, question: string, lang: Lang): Turn['link'] {
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
  return undefined;
}

async function answer(intent: string, question: string, lang: Lang, ctx: AskContext) {
  const entry = entryOf(intent);
  const m = messagesFor(lang);
  if (!entry) return say(ctx, { text: m.outOfScope });
  const text = answerOf(entry, lang);
  const action = entry.action;
  if (action?.type === 'orders') {
    const orders = ctx.db
      ? describeOrders(await lookUpOrders(ctx.db, ctx.profileId), lang)
      : m.orders.noStorage;
    return say(ctx, { text: `${text}\n${orders}`, intent });
  }
  const link = linkFor(entry, question, lang);
  await say(ctx, { text, intent, link });
  // "Recommend me sunglasses", "can I try these on": a direct request, so go there now.
  if (link && (action?.type === 'recommend' || (action?.type === 'open' && action.auto)))
    ctx.navigate(link.href);
}
