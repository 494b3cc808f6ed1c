/**
 * The assistant's knowledge base: the shop's built-in FAQ (data/faq.json, validated here) and a
 * shop's own FAQ imported from My data (CSV or JSON), merged into one list the engine trains on.
 * Pure: no DOM, no database; Node tests and the eval harness use it as the app does.
 */
import * as v from 'valibot';
import faq from '../data/faq.json';
import outOfScope from '../data/out-of-scope.json';
import { OUT_OF_SCOPE } from './rank';
import { applyShopToFaq } from '../../shop/shared/faq';
import { DEFAULT_SETTINGS } from '../../shop/shared/defaults';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** One example question of an intent, as the engine trains on it. */
export interface TrainingExample {
  text: string;
  intent: string;
  lang: Lang;
}

/** Views an answer may open. Kept to the app's own routes. */
export const ACTION_VIEWS = ['shop', 'for-you', 'try-on', 'my-data'] as const;

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const IntentId = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u, 'an intent is a short id: letters, digits, -'),
  v.check((id) => id !== OUT_OF_SCOPE, `"${OUT_OF_SCOPE}" is reserved for questions off the topic`),
);
const Question = Text(300);
const Answer = Text(2000);

const ActionSchema = v.variant('type', [
  /** Look up the active profile's orders in the local database. */
  v.strictObject({ type: v.literal('orders') }),
  /** Open For you, filtered to the category the question names (if any). */
  v.strictObject({ type: v.literal('recommend') }),
  /** Open a view; `auto` opens it at once (a direct request), otherwise a button offers it. */
  v.strictObject({
    type: v.literal('open'),
    view: v.picklist(ACTION_VIEWS),
    auto: v.optional(v.boolean()),
  }),
]);
export type KnowledgeAction = v.InferOutput<typeof ActionSchema>;

const PerLang = <T extends v.GenericSchema>(item: T) =>
  v.strictObject({ en: v.optional(item), 'zh-CN': v.optional(item) });

const Examples = v.pipe(v.array(Question), v.minLength(1), v.maxLength(500));

/** One intent. Imported entries may cover one language only; the built-in ones cover both. */
const EntrySchema = v.pipe(
  v.strictObject({
    intent: IntentId,
    category: v.optional(Text(40)),
    title: v.optional(PerLang(Text(80))),
    answer: PerLang(Answer),
    examples: PerLang(Examples),
    action: v.optional(ActionSchema),
  }),
  v.check(
    (e) => LANGS.some((l) => e.answer[l] && e.examples[l]),
    'an entry needs an answer and example questions in at least one language',
  ),
  v.check(
    (e) => LANGS.every((l) => !e.examples[l] === !e.answer[l]),
    'each language with example questions needs an answer, and the other way round',
  ),
);
export type KnowledgeEntry = v.InferOutput<typeof EntrySchema>;

const BuiltInSchema = v.strictObject({
  version: v.literal(1),
  entries: v.pipe(v.array(EntrySchema), v.minLength(1)),
});

/** Thrown at load if the shipped FAQ breaks its own schema (the unit test catches it first). */
function loadBuiltIn(): KnowledgeEntry[] {
  const parsed = v.safeParse(BuiltInSchema, faq);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`faq.json: ${issue.message} at ${pathOf(issue.path)}`);
  }
  return parsed.output.entries;
}

/** faq.json as written: answers with placeholders ({freeShippingFrom}, {phone} …). */
export const builtInTemplates: readonly KnowledgeEntry[] = loadBuiltIn();

/**
 * The answers filled with the demo shop's values (src/lib/shop/shared/faq.ts): what training
 * (questions only) and the tests read. The app fills them with its own shop's settings
 * (assistant/client/chat.svelte.ts).
 */
export const builtInEntries: readonly KnowledgeEntry[] = applyShopToFaq(
  builtInTemplates,
  DEFAULT_SETTINGS,
);

/** Lower case, NFKC (full-width to half-width), no spaces or punctuation: for duplicate checks. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Every example question of the given entries (the built-in FAQ by default). */
export function questionsOf(
  entries: readonly KnowledgeEntry[] = builtInEntries,
): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const e of entries)
    for (const lang of LANGS)
      for (const text of e.examples[lang] ?? []) out.push({ text, intent: e.intent, lang });
  return out;
}

/** What the intent model learns from: the entries' questions plus the off-topic class. */
export function trainingExamples(
  entries: readonly KnowledgeEntry[] = builtInEntries,
): TrainingExample[] {
  const offTopic = LANGS.flatMap((lang) =>
    outOfScope[lang].map((text) => ({ text, intent: OUT_OF_SCOPE, lang })),
  );
  return [...questionsOf(entries), ...offTopic];
}

/**
 * Built-in plus imported. An imported intent with a built-in id extends it: its questions are
 * added, and its answer replaces the built-in one in that language (the shop knows best).
 */
export function mergeKnowledge(
  builtIn: readonly KnowledgeEntry[],
  imported: readonly KnowledgeEntry[],
): KnowledgeEntry[] {
  const byIntent = new Map(builtIn.map((e) => [e.intent, structuredClone(e)]));
  for (const e of imported) {
    const base = byIntent.get(e.intent);
    if (!base) {
      byIntent.set(e.intent, structuredClone(e));
      continue;
    }
    for (const lang of LANGS) {
      const extra = e.examples[lang];
      if (!extra) continue;
      const seen = new Set((base.examples[lang] ?? []).map(normalizeQuestion));
      base.examples[lang] = [
        ...(base.examples[lang] ?? []),
        ...extra.filter((q) => !seen.has(normalizeQuestion(q))),
      ];
      base.answer[lang] = e.answer[lang];
      if (e.title?.[lang]) base.title = { ...base.title, [lang]: e.title[lang] };
    }
    if (e.action) base.action = e.action;
  }
  return [...byIntent.values()];
}

/** The answer in the wanted language, else in the other one (an import may cover one only). */
export function answerOf(entry: KnowledgeEntry, lang: Lang): string {
  return entry.answer[lang] ?? entry.answer[lang === 'en' ? 'zh-CN' : 'en'] ?? '';
}

/** A short label for quick replies: the title, else the first example question. */
export function titleOf(entry: KnowledgeEntry, lang: Lang): string {
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    entry.title?.[lang] ??
    entry.examples[lang]?.[0] ??
    entry.title?.[other] ??
    entry.examples[other]?.[0] ??
    entry.intent
  );
}

// ---------- import (CSV or JSON) ----------

export const MAX_FAQ_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORTED_INTENTS = 500;

export type FaqImportCode =
  | 'too-large'
  | 'empty'
  | 'not-faq'
  | 'bad-language'
  | 'missing-answer'
  | 'conflicting-answer'
  | 'too-many'
  | 'invalid';

export interface FaqImportError {
  code: FaqImportCode;
  /** Where: 'line 4' for CSV, 'entries[2].answer' or 'row 3' for JSON. */
  where?: string;
  detail?: string;
}

export type FaqImportResult =
  { ok: true; entries: KnowledgeEntry[]; questions: number } | { ok: false; error: FaqImportError };

function pathOf(path: v.IssuePathItem[] | undefined): string {
  if (!path?.length) return '';
  return path
    .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
    .join('')
    .replace(/^\./, '');
}

/** Accepts 'en', 'English', 'zh', 'zh-CN', 'zh_cn', '中文', 'Chinese'. */
export function parseLanguage(value: string): Lang | undefined {
  const s = value.trim().toLowerCase().replace('_', '-');
  if (s === 'en' || s.startsWith('en-') || s === 'english' || s === '英文' || s === '英语')
    return 'en';
  if (s === 'zh' || s.startsWith('zh-') || s === 'chinese' || s === '中文' || s === '汉语')
    return 'zh-CN';
  return undefined;
}

/** One question row of a flat file: the layout the issue names (intent, language, question, answer). */
interface Row {
  intent: string;
  language: string;
  questions: string[];
  answer?: string;
  where: string;
}

/** Groups rows into entries; every (intent, language) needs one answer, given once or repeated. */
function entriesFromRows(rows: Row[]): FaqImportResult {
  if (!rows.length) return { ok: false, error: { code: 'empty' } };
  const grouped = new Map<
    string,
    {
      examples: Record<string, string[]>;
      answer: Record<string, string>;
      firstWhere: Record<string, string>;
    }
  >();
  for (const row of rows) {
    const lang = parseLanguage(row.language);
    if (!lang)
      return { ok: false, error: { code: 'bad-language', where: row.where, detail: row.language } };
    const intent = v.safeParse(IntentId, row.intent);
    if (!intent.success)
      return {
        ok: false,
        error: { code: 'invalid', where: row.where, detail: `intent "${row.intent}"` },
      };
    const g = grouped.get(intent.output) ?? { examples: {}, answer: {}, firstWhere: {} };
    grouped.set(intent.output, g);
    g.firstWhere[lang] ??= row.where;
    (g.examples[lang] ??= []).push(...row.questions.map((q) => q.trim()).filter(Boolean));
    const answer = row.answer?.trim();
    if (answer) {
      if (g.answer[lang] && g.answer[lang] !== answer)
        return {
          ok: false,
          error: { code: 'conflicting-answer', where: row.where, detail: intent.output },
        };
      g.answer[lang] = answer;
    }
  }
  const raw = [...grouped].map(([intent, g]) => {
    for (const lang of Object.keys(g.examples) as Lang[]) {
      if (!g.answer[lang]) return { missing: `${intent} (${lang}), ${g.firstWhere[lang]}` };
    }
    return { intent, answer: g.answer, examples: g.examples };
  });
  const missing = raw.find((r) => 'missing' in r);
  if (missing && 'missing' in missing)
    return { ok: false, error: { code: 'missing-answer', detail: missing.missing } };
  return validateEntries(raw);
}

function validateEntries(raw: unknown[]): FaqImportResult {
  if (!raw.length) return { ok: false, error: { code: 'empty' } };
  if (raw.length > MAX_IMPORTED_INTENTS) return { ok: false, error: { code: 'too-many' } };
  const parsed = v.safeParse(v.array(EntrySchema), raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return {
      ok: false,
      error: { code: 'invalid', where: `entries${pathOf(issue.path)}`, detail: issue.message },
    };
  }
  const ids = new Set<string>();
  for (const e of parsed.output) {
    if (ids.has(e.intent))
      return { ok: false, error: { code: 'invalid', detail: `intent "${e.intent}" twice` } };
    ids.add(e.intent);
  }
  const questions = questionsOf(parsed.output).length;
  return { ok: true, entries: parsed.output, questions };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim())) rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim())) rows.push({ cells, line: rowLine });
  return rows;
}

const COLUMN_NAMES: Record<'intent' | 'language' | 'question' | 'answer', string[]> = {
  intent: ['intent', '意图'],
  language: ['language', 'lang', 'locale', '语言'],
  question: ['question', 'questions', 'example', 'examples', 'text', '问题'],
  answer: ['answer', '答案', '回答'],
};

/** Several questions may share one cell, separated by '|'. */
const splitQuestions = (cell: string) => cell.split('|');

function parseCsvFaq(text: string): FaqImportResult {
  const table = parseCsv(text);
  if (!table.length) return { ok: false, error: { code: 'empty' } };
  const header = table[0]!.cells.map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(
    Object.entries(COLUMN_NAMES).map(([k, names]) => [
      k,
      header.findIndex((h) => names.includes(h)),
    ]),
  ) as Record<keyof typeof COLUMN_NAMES, number>;
  if (col.intent < 0 || col.language < 0 || col.question < 0 || col.answer < 0)
    return {
      ok: false,
      error: {
        code: 'not-faq',
        detail: 'the first line must name intent,language,question,answer',
      },
    };
  const rows: Row[] = table.slice(1).map(({ cells, line }) => ({
    intent: cells[col.intent] ?? '',
    language: cells[col.language] ?? '',
    questions: splitQuestions(cells[col.question] ?? ''),
    answer: cells[col.answer],
    where: `line ${line}`,
  }));
  return entriesFromRows(rows);
}

const JsonRowSchema = v.object({
  intent: v.string(),
  language: v.string(),
  question: v.optional(v.string()),
  questions: v.optional(v.array(v.string())),
  answer: v.optional(v.string()),
});

function parseJsonFaq(data: unknown): FaqImportResult {
  // The built-in layout ({ entries: [...] } or a bare array of entries) ...
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { entries?: unknown }).entries)
      ? (data as { entries: unknown[] }).entries
      : undefined;
  if (!list) return { ok: false, error: { code: 'not-faq' } };
  if (!list.length) return { ok: false, error: { code: 'empty' } };
  const first = list[0] as Record<string, unknown> | null;
  if (first && typeof first === 'object' && 'examples' in first) return validateEntries(list);
  // ... or flat rows, as in the CSV.
  const rows: Row[] = [];
  for (const [i, item] of list.entries()) {
    const row = v.safeParse(JsonRowSchema, item);
    if (!row.success)
      return {
        ok: false,
        error: { code: 'not-faq', where: `row ${i + 1}`, detail: row.issues[0].message },
      };
    const r = row.output;
    rows.push({
      intent: r.intent,
      language: r.language,
      questions: [...(r.questions ?? []), ...(r.question ? splitQuestions(r.question) : [])],
      answer: r.answer,
      where: `row ${i + 1}`,
    });
  }
  return entriesFromRows(rows);
}

/** Validates a whole file before anything is stored, so a bad file changes nothing. */
export function parseFaqImport(text: string, fileName = ''): FaqImportResult {
  if (text.length > MAX_FAQ_IMPORT_BYTES) return { ok: false, error: { code: 'too-large' } };
  if (!text.trim()) return { ok: false, error: { code: 'empty' } };
  const looksJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  if (looksJson) {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, error: { code: 'not-faq', detail: 'not valid JSON' } };
    }
    return parseJsonFaq(data);
  }
  return parseCsvFaq(text);
}

/** Reads imported entries back from the database (rows were validated when stored). */
export function storedEntries(rows: readonly { entries: unknown[] }[]): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  for (const row of rows) {
    const parsed = v.safeParse(v.array(EntrySchema), row.entries);
    if (parsed.success) out.push(...parsed.output);
  }
  return out;
}
