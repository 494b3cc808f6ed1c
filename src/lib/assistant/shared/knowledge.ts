/**
 * The assistant's knowledge base: the shop's built-in FAQ (data/faq.json, validated here), the
 * shop pack's FAQ (merged in at build time, `appKnowledge`) and a shop's own FAQ imported from My
 * data (CSV or JSON, one parser for both: `readFaqFile`), merged into one list the engine trains on.
 * Pure: no DOM, no database; Node tests and the eval harness use it as the app does.
 */
import * as v from 'valibot';
import faq from '../data/faq.json';
import outOfScope from '../data/out-of-scope.json';
import { OUT_OF_SCOPE } from './rank';
import { applyShopToFaq } from '../../shop/shared/faq';
import { DEFAULT_SETTINGS } from '../../shop/shared/defaults';
import type { ShopSettings } from '../../shop/shared/settings';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** One example question of an intent, as the engine trains on it. */
export interface TrainingExample {
  text: string;
  intent: string;
  lang: Lang;
}

/** Views an answer may open. Kept to the app's own routes. */
export const ACTION_VIEWS = ['shop', 'for-you', 'try-on', 'cart', 'my-data'] as const;

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
  /** Look up the active profile's orders (one by its number, if the question names one). */
  v.strictObject({ type: v.literal('orders') }),
  /** List the active profile's cart. */
  v.strictObject({ type: v.literal('cart') }),
  /** Cancel a placed order of the active profile, after the shopper confirms. */
  v.strictObject({ type: v.literal('cancel-order') }),
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
 * Built-in plus imported. An imported intent with a built-in id takes it over language by
 * language: in each language the imported entry covers, its answer (and title) replace the
 * built-in ones (the shop knows best) and its questions are added to the built-in ones (`'add'`,
 * My data's import) or replace them (`'replace'`, a shop pack's FAQ: the shop says exactly what
 * the intent means). A language it leaves out keeps the built-in questions and answer; its
 * action, where it gives one, replaces the built-in one.
 */
export function mergeKnowledge(
  builtIn: readonly KnowledgeEntry[],
  imported: readonly KnowledgeEntry[],
  questions: 'add' | 'replace' = 'add',
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
      const kept = questions === 'add' ? (base.examples[lang] ?? []) : [];
      const seen = new Set(kept.map(normalizeQuestion));
      base.examples[lang] = [...kept, ...extra.filter((q) => !seen.has(normalizeQuestion(q)))];
      base.answer[lang] = e.answer[lang];
      if (e.title?.[lang]) base.title = { ...base.title, [lang]: e.title[lang] };
    }
    if (e.action) base.action = e.action;
  }
  return [...byIntent.values()];
}

/**
 * The app's own knowledge, before a shop's settings fill its answers: the built-in FAQ with the
 * shop pack's FAQ merged in (`mergeKnowledge`, 'replace': a pack intent with a built-in id
 * replaces the built-in questions, answer and title in the languages it covers). The build
 * trains the shipped model on it (worker/prebuilt.ts) and the page answers from it
 * (`shopKnowledge`), so the two cannot drift apart.
 */
export function appKnowledge(packFaq: readonly KnowledgeEntry[] = []): KnowledgeEntry[] {
  return mergeKnowledge(builtInTemplates, packFaq, 'replace');
}

/** The app's knowledge as the page answers from it: filled with the shop's own values. */
export function shopKnowledge(shop: {
  settings: ShopSettings;
  faq?: readonly KnowledgeEntry[] | undefined;
}): KnowledgeEntry[] {
  return applyShopToFaq(appKnowledge(shop.faq), shop.settings);
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

/**
 * One thing wrong in a FAQ file, placed as precisely as the file allows: My data shows the first
 * (`where`), a shop pack lists them all by `line` (CSV) and `column` (the CSV's header as
 * written, or a JSON path such as "[2].answer").
 */
export interface FaqIssue extends FaqImportError {
  line?: number;
  column?: string;
}

/** A FAQ file read as far as it goes: its good entries, and every issue found on the way. */
export interface FaqFile {
  entries: KnowledgeEntry[];
  issues: FaqIssue[];
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

type RowField = 'intent' | 'language' | 'question' | 'answer';

/** One question row of a flat file: the layout the issue names (intent, language, question, answer). */
interface Row {
  intent: string;
  language: string;
  questions: string[];
  answer?: string;
  where: string;
  /** The CSV line the row starts on. */
  line?: number;
  /** Each field as the file names it: the CSV's header, or the JSON row's path. */
  names: Record<RowField, string>;
}

const issueAt = (row: Row, field: RowField, code: FaqImportCode, detail?: string): FaqIssue => ({
  code,
  where: row.where,
  ...(row.line !== undefined ? { line: row.line } : {}),
  column: row.names[field],
  ...(detail ? { detail } : {}),
});

/** The first issue of a failed valibot parse of `value`, or undefined when it passes. */
function invalidText(schema: v.GenericSchema, value: string): string | undefined {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? undefined : parsed.issues[0].message;
}

/** A row's language and intent, when they are good; every bad field of the row is an issue. */
function checkRow(row: Row, issues: FaqIssue[]): { lang: Lang; intent: string } | undefined {
  const lang = parseLanguage(row.language);
  if (!lang) issues.push(issueAt(row, 'language', 'bad-language', row.language));
  const intent = v.safeParse(IntentId, row.intent);
  if (!intent.success) {
    const detail = `intent "${row.intent}": ${intent.issues[0].message}`;
    issues.push(issueAt(row, 'intent', 'invalid', detail));
  }
  const before = issues.length;
  for (const question of row.questions.filter((q) => q.trim())) {
    const why = invalidText(Question, question);
    if (why) issues.push(issueAt(row, 'question', 'invalid', `question "${question}": ${why}`));
  }
  const answerWhy = row.answer?.trim() ? invalidText(Answer, row.answer) : undefined;
  if (answerWhy) issues.push(issueAt(row, 'answer', 'invalid', `answer: ${answerWhy}`));
  return lang && intent.success && issues.length === before
    ? { lang, intent: intent.output }
    : undefined;
}

/** One intent's rows gathered: questions and the answer per language, and its first row each. */
interface Group {
  examples: Partial<Record<Lang, string[]>>;
  answer: Partial<Record<Lang, string>>;
  first: Partial<Record<Lang, Row>>;
}

/** Adds a good row to its intent's group; a second, different answer is an issue. */
function addRow(group: Group, row: Row, lang: Lang, intent: string, issues: FaqIssue[]): void {
  group.first[lang] ??= row;
  (group.examples[lang] ??= []).push(...row.questions.map((q) => q.trim()).filter(Boolean));
  const answer = row.answer?.trim();
  if (!answer) return;
  if (group.answer[lang] && group.answer[lang] !== answer)
    issues.push(issueAt(row, 'answer', 'conflicting-answer', intent));
  else group.answer[lang] = answer;
}

/** An intent's entry from its group, or issues: a language without an answer, a bad entry. */
function entryOf(intent: string, group: Group, issues: FaqIssue[]): KnowledgeEntry | undefined {
  let complete = true;
  for (const lang of Object.keys(group.examples) as Lang[]) {
    const row = group.first[lang]!;
    if (group.answer[lang]) continue;
    complete = false;
    // No `where`: My data names the place in `detail`, as it always has.
    issues.push({
      code: 'missing-answer',
      ...(row.line !== undefined ? { line: row.line } : {}),
      column: row.names.answer,
      detail: `${intent} (${lang}), ${row.where}`,
    });
  }
  if (!complete) return undefined;
  const parsed = v.safeParse(EntrySchema, {
    intent,
    answer: group.answer,
    examples: group.examples,
  });
  if (parsed.success) return parsed.output;
  const row = Object.values(group.first)[0]!;
  for (const issue of parsed.issues)
    issues.push(issueAt(row, 'question', 'invalid', `${intent}: ${issue.message}`));
  return undefined;
}

/** Groups rows into entries; every (intent, language) needs one answer, given once or repeated. */
function entriesFromRows(rows: readonly Row[]): FaqFile {
  const issues: FaqIssue[] = [];
  if (!rows.length) return { entries: [], issues: [{ code: 'empty' }] };
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const good = checkRow(row, issues);
    if (!good) continue;
    const group = groups.get(good.intent) ?? { examples: {}, answer: {}, first: {} };
    groups.set(good.intent, group);
    addRow(group, row, good.lang, good.intent, issues);
  }
  const entries = [...groups].flatMap(([intent, g]) => entryOf(intent, g, issues) ?? []);
  return { entries, issues: [...issues, ...countIssues(entries.length, issues.length)] };
}

/** A file with no intents, or with more than an import may hold. */
function countIssues(intents: number, otherIssues: number): FaqIssue[] {
  if (!intents && !otherIssues) return [{ code: 'empty' }];
  return intents > MAX_IMPORTED_INTENTS ? [{ code: 'too-many' }] : [];
}

/** Entries in the built-in layout, each checked; `base` is the list's JSON path ("entries"). */
function validateEntries(raw: readonly unknown[], base: string): FaqFile {
  const issues: FaqIssue[] = [];
  const entries: KnowledgeEntry[] = [];
  const ids = new Set<string>();
  raw.forEach((item, index) => {
    const parsed = v.safeParse(EntrySchema, item);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const path = `[${index}]${pathOf(issue.path).replace(/^(?=[^[])/, '.')}`;
        issues.push({
          code: 'invalid',
          where: `entries${path}`,
          column: `${base}${path}`,
          detail: issue.message,
        });
      }
      return;
    }
    if (ids.has(parsed.output.intent)) {
      const detail = `intent "${parsed.output.intent}" twice`;
      issues.push({ code: 'invalid', column: `${base}[${index}].intent`, detail });
      return;
    }
    ids.add(parsed.output.intent);
    entries.push(parsed.output);
  });
  return { entries, issues: [...issues, ...countIssues(entries.length, issues.length)] };
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

const COLUMN_NAMES: Record<RowField, string[]> = {
  intent: ['intent', '意图'],
  language: ['language', 'lang', 'locale', '语言'],
  question: ['question', 'questions', 'example', 'examples', 'text', '问题'],
  answer: ['answer', '答案', '回答'],
};
const ROW_FIELDS = Object.keys(COLUMN_NAMES) as RowField[];

/** Several questions may share one cell, separated by '|'. */
const splitQuestions = (cell: string) => cell.split('|');

function parseCsvFaq(text: string): FaqFile {
  const table = parseCsv(text);
  if (!table.length) return { entries: [], issues: [{ code: 'empty' }] };
  const written = table[0]!.cells.map((h) => h.trim());
  const col = Object.fromEntries(
    ROW_FIELDS.map((k) => [k, written.findIndex((h) => COLUMN_NAMES[k].includes(h.toLowerCase()))]),
  ) as Record<RowField, number>;
  const missing = ROW_FIELDS.filter((k) => col[k] < 0);
  if (missing.length) {
    const detail = `the first line must name intent,language,question,answer (${missing.join(', ')} missing)`;
    return { entries: [], issues: [{ code: 'not-faq', line: 1, detail }] };
  }
  const names = Object.fromEntries(ROW_FIELDS.map((k) => [k, written[col[k]]!])) as Row['names'];
  const rows: Row[] = table.slice(1).map(({ cells, line }) => ({
    intent: cells[col.intent] ?? '',
    language: cells[col.language] ?? '',
    questions: splitQuestions(cells[col.question] ?? ''),
    answer: cells[col.answer],
    where: `line ${line}`,
    line,
    names,
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

/** A flat JSON row as a Row, or its issue. */
function jsonRow(item: unknown, index: number, issues: FaqIssue[]): Row | undefined {
  const where = `row ${index + 1}`;
  const row = v.safeParse(JsonRowSchema, item);
  if (!row.success) {
    const issue = row.issues[0];
    const column = `[${index}]${pathOf(issue.path).replace(/^(?=[^[])/, '.')}`;
    issues.push({ code: 'not-faq', where, column, detail: issue.message });
    return undefined;
  }
  const r = row.output;
  const at = (field: string) => `[${index}].${field}`;
  return {
    intent: r.intent,
    language: r.language,
    questions: [...(r.questions ?? []), ...(r.question ? splitQuestions(r.question) : [])],
    answer: r.answer,
    where,
    names: {
      intent: at('intent'),
      language: at('language'),
      question: at(r.questions ? 'questions' : 'question'),
      answer: at('answer'),
    },
  };
}

function parseJsonFaq(data: unknown): FaqFile {
  // The built-in layout ({ entries: [...] } or a bare array of entries) ...
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { entries?: unknown }).entries)
      ? (data as { entries: unknown[] }).entries
      : undefined;
  if (!list) return { entries: [], issues: [{ code: 'not-faq' }] };
  if (!list.length) return { entries: [], issues: [{ code: 'empty' }] };
  const first = list[0] as Record<string, unknown> | null;
  if (first && typeof first === 'object' && 'examples' in first)
    return validateEntries(list, Array.isArray(data) ? '' : 'entries');
  // ... or flat rows, as in the CSV.
  const issues: FaqIssue[] = [];
  const rows = list.flatMap((item, i) => jsonRow(item, i, issues) ?? []);
  if (issues.length) return { entries: [], issues };
  return entriesFromRows(rows);
}

/**
 * Reads a whole FAQ file (CSV or JSON), going on past a bad row so that every issue is found:
 * the one parser of My data's import (`parseFaqImport`) and of a shop pack's faq.csv/faq.json.
 */
export function readFaqFile(text: string, fileName = ''): FaqFile {
  if (text.length > MAX_FAQ_IMPORT_BYTES) return { entries: [], issues: [{ code: 'too-large' }] };
  if (!text.trim()) return { entries: [], issues: [{ code: 'empty' }] };
  const looksJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  if (!looksJson) return parseCsvFaq(text);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { entries: [], issues: [{ code: 'not-faq', detail: 'not valid JSON' }] };
  }
  return parseJsonFaq(data);
}

/** Validates a whole file before anything is stored, so a bad file changes nothing. */
export function parseFaqImport(text: string, fileName = ''): FaqImportResult {
  const { entries, issues } = readFaqFile(text, fileName);
  const first = issues[0];
  if (!first) return { ok: true, entries, questions: questionsOf(entries).length };
  const { code, where, detail } = first;
  return {
    ok: false,
    error: { code, ...(where ? { where } : {}), ...(detail ? { detail } : {}) },
  };
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
