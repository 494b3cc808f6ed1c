/**
 * `npx tsx tests/eval/faq-heldout-overlap.ts [--fix]`
 *
 * Keeps the held-out questions held out: finds every training question (the FAQ's examples and
 * the off-topic ones) whose normalised text coincides with a held-out question (FAQ or off-topic),
 * and with --fix drops it from src/lib/assistant/data. Prints counts per intent and language
 * only, never the texts, so that running it teaches nothing about the held-out set. The unit test
 * (assistant-kb.test.ts, "never repeats a training example") is the guard; this is the mend.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeQuestion } from '../../src/lib/assistant/shared/knowledge';

const root = resolve(import.meta.dirname, '../..');
const read = <T>(path: string): T => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T;
const write = (path: string, data: unknown) =>
  writeFileSync(resolve(root, path), `${JSON.stringify(data, null, 2)}\n`);

type Lang = 'en' | 'zh-CN';
interface Faq {
  entries: { intent: string; examples: Partial<Record<Lang, string[]>> }[];
}
type OffTopic = Record<Lang, string[]> & { $comment?: string };

const FAQ = 'src/lib/assistant/data/faq.json';
const OFF_TOPIC = 'src/lib/assistant/data/out-of-scope.json';

const heldFaq = read<{ text: string }[]>('tests/eval/data/faq-heldout.json');
const heldOff = read<Record<Lang, string[]>>('tests/eval/data/out-of-scope-heldout.json');
const held = new Set(
  [...heldFaq.map((h) => h.text), ...heldOff.en, ...heldOff['zh-CN']].map(normalizeQuestion),
);

const fix = process.argv.includes('--fix');
const counts = new Map<string, number>();
const keep = (where: string) => (text: string) => {
  if (!held.has(normalizeQuestion(text))) return true;
  counts.set(where, (counts.get(where) ?? 0) + 1);
  return false;
};

const faq = read<Faq>(FAQ);
for (const e of faq.entries)
  for (const lang of ['en', 'zh-CN'] as const) {
    const xs = e.examples[lang];
    if (xs) e.examples[lang] = xs.filter(keep(`${e.intent} ${lang}`));
  }
const offTopic = read<OffTopic>(OFF_TOPIC);
for (const lang of ['en', 'zh-CN'] as const)
  offTopic[lang] = offTopic[lang].filter(keep(`off-topic ${lang}`));

const total = [...counts.values()].reduce((a, b) => a + b, 0);
for (const [where, n] of [...counts].sort()) console.log(`${where}: ${n}`);
console.log(
  `${total} training question(s) coincide with a held-out one${fix && total ? ': dropped' : ''}`,
);
if (fix && total) {
  write(FAQ, faq);
  write(OFF_TOPIC, offTopic);
}
