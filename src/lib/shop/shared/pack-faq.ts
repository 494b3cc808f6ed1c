/**
 * A pack's faq.csv or faq.json: the shop's own questions and answers, merged into the assistant's
 * built-in FAQ and trained into the shipped model at build time. Read by the very parser My
 * data's "Import FAQ" uses (assistant/shared/knowledge.ts `readFaqFile`), but held to the pack's
 * rule: every bad row is a problem with its file, line (CSV) and column (the CSV's header, or a
 * JSON path such as "[2].answer"), and the pack fails rather than half-read. Answers may use the
 * shop's placeholders ({freeShippingFrom}, {phone} …); one that names anything else is a problem
 * here rather than a page that fails to fill it.
 */
import {
  LANGS,
  readFaqFile,
  type FaqIssue,
  type KnowledgeEntry,
} from '../../assistant/shared/knowledge';
import type { PackProblem } from './pack-types';
import { problemAt, type Findings } from './rows';
import { PLACEHOLDERS, placeholdersIn } from './templates';

export const FAQ_FILES = ['faq.csv', 'faq.json'] as const;
export type FaqFileName = (typeof FAQ_FILES)[number];

const LAYOUT =
  'the columns intent, language (en or zh-CN), question (several separated by "|") and answer';

/** Why an issue stops the pack, said for a shop owner. */
function why(issue: FaqIssue, file: FaqFileName): string {
  const detail = issue.detail ? `: ${issue.detail}` : '';
  switch (issue.code) {
    case 'too-large':
      return `${file} is larger than 2 MB, more than a FAQ may be.`;
    case 'empty':
      return `${file} has no questions: add some, or leave the file out.`;
    case 'not-faq':
      return `${file} is not a FAQ${detail}. It needs ${LAYOUT}.`;
    case 'bad-language':
      return `Unknown language "${issue.detail ?? ''}": use en or zh-CN.`;
    case 'missing-answer':
      return `The intent ${issue.detail ?? ''} has questions but no answer: give the answer on one of its rows.`;
    case 'conflicting-answer':
      return `The intent ${issue.detail ?? ''} has two different answers in one language: keep one.`;
    case 'too-many':
      return `${file} has more than 500 intents, more than a FAQ may hold.`;
    case 'invalid':
      return `Not valid${detail}.`;
  }
}

/** The first line of the file that holds `needle` (1-based), if any. */
function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** Every answer and title that names a placeholder the shop cannot fill. */
function placeholderProblems(
  entries: readonly KnowledgeEntry[],
  file: FaqFileName,
  text: string,
): PackProblem[] {
  return entries.flatMap((entry) =>
    (['answer', 'title'] as const).flatMap((field) =>
      LANGS.flatMap((lang) => {
        const unknown = placeholdersIn(entry[field]?.[lang] ?? '').filter(
          (name) => !Object.hasOwn(PLACEHOLDERS, name),
        );
        if (!unknown.length) return [];
        const names = unknown.map((n) => `{${n}}`).join(', ');
        return [
          problemAt(
            file,
            lineOf(text, `{${unknown[0]!}}`),
            field,
            `Unknown placeholder ${names} in the ${lang} ${field} of ${entry.intent}: an answer may use the shop's ({freeShippingFrom}, {returnDays}, {phone} …, listed in src/lib/shop/shared/templates.ts).`,
          ),
        ];
      }),
    ),
  );
}

/** The pack's FAQ entries as written (placeholders unfilled), or undefined after a problem. */
export function readPackFaq(
  file: FaqFileName,
  text: string,
  findings: Findings,
): KnowledgeEntry[] | undefined {
  const { entries, issues } = readFaqFile(text, file);
  const problems = [
    ...issues.map((issue) => problemAt(file, issue.line, issue.column, why(issue, file))),
    ...placeholderProblems(entries, file, text),
  ];
  findings.problems.push(...problems);
  return problems.length ? undefined : entries;
}
