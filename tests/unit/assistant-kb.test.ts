import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTION_VIEWS,
  LANGS,
  builtInEntries,
  mergeKnowledge,
  normalizeQuestion,
  parseCsv,
  parseFaqImport,
  storedEntries,
  trainingExamples,
  answerOf,
  titleOf,
  type KnowledgeEntry,
} from '../../src/lib/assistant/shared/knowledge';
import { OUT_OF_SCOPE } from '../../src/lib/assistant/shared/rank';

const heldOut = JSON.parse(
  readFileSync(new URL('../eval/data/faq-heldout.json', import.meta.url), 'utf8'),
) as { text: string; intent: string; lang: string }[];
const heldOffTopic = JSON.parse(
  readFileSync(new URL('../eval/data/out-of-scope-heldout.json', import.meta.url), 'utf8'),
) as Record<(typeof LANGS)[number], string[]>;

describe('built-in knowledge base', () => {
  it('has at least 60 intents with unique ids', () => {
    expect(builtInEntries.length).toBeGreaterThanOrEqual(60);
    const ids = builtInEntries.map((e) => e.intent);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers every intent in both languages, with a title, and at least 8 questions each', () => {
    for (const e of builtInEntries) {
      for (const lang of LANGS) {
        expect(e.answer[lang]?.length, `${e.intent} answer ${lang}`).toBeGreaterThan(10);
        expect(e.title?.[lang], `${e.intent} title ${lang}`).toBeTruthy();
        expect(e.examples[lang]?.length ?? 0, `${e.intent} ${lang}`).toBeGreaterThanOrEqual(8);
      }
      // The Chinese half is written in Chinese, the English half is not.
      expect(e.answer['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(e.answer.en).not.toMatch(/\p{Script=Han}/u);
      for (const q of e.examples['zh-CN']!) expect(q, e.intent).toMatch(/\p{Script=Han}|\d/u);
    }
  });

  it('has no duplicate example question anywhere, after normalisation', () => {
    const seen = new Map<string, string>();
    for (const ex of trainingExamples()) {
      const key = normalizeQuestion(ex.text);
      expect(key.length, ex.text).toBeGreaterThan(0);
      expect(seen.get(key), `"${ex.text}" (${ex.intent})`).toBeUndefined();
      seen.set(key, ex.intent);
    }
  });

  it('has only valid actions, and the three the issue asks for', () => {
    for (const e of builtInEntries) {
      if (!e.action) continue;
      expect(['orders', 'cart', 'cancel-order', 'recommend', 'open']).toContain(e.action.type);
      if (e.action.type === 'open') expect(ACTION_VIEWS).toContain(e.action.view);
    }
    const action = (id: string) => builtInEntries.find((e) => e.intent === id)?.action;
    expect(action('order-status')).toEqual({ type: 'orders' });
    expect(action('recommend')).toEqual({ type: 'recommend' });
    expect(action('try-on')).toMatchObject({ type: 'open', view: 'try-on' });
  });

  it('flattens to training examples in both languages', () => {
    const examples = trainingExamples();
    expect(examples.filter((x) => x.lang === 'en').length).toBeGreaterThanOrEqual(60 * 8);
    expect(examples.filter((x) => x.lang === 'zh-CN').length).toBeGreaterThanOrEqual(60 * 8);
    expect(examples[0]).toEqual({
      text: builtInEntries[0]!.examples.en![0],
      intent: builtInEntries[0]!.intent,
      lang: 'en',
    });
  });

  it('trains an off-topic class whose questions are not the shop’s, under a reserved id', () => {
    const examples = trainingExamples();
    const offTopic = examples.filter((x) => x.intent === OUT_OF_SCOPE);
    for (const lang of LANGS)
      expect(offTopic.filter((x) => x.lang === lang).length).toBeGreaterThanOrEqual(30);
    const shop = new Set(
      examples.filter((x) => x.intent !== OUT_OF_SCOPE).map((x) => normalizeQuestion(x.text)),
    );
    expect(offTopic.filter((x) => shop.has(normalizeQuestion(x.text)))).toEqual([]);
    const r = parseFaqImport(
      `intent,language,question,answer\n${OUT_OF_SCOPE},en,hi,hello`,
      'x.csv',
    );
    expect(r.ok).toBe(false);
  });
});

describe('held-out paraphrases', () => {
  it('has at least 200 questions per language, on known intents, none twice', () => {
    const intents = new Set(builtInEntries.map((e) => e.intent));
    for (const lang of LANGS)
      expect(heldOut.filter((h) => h.lang === lang).length).toBeGreaterThanOrEqual(200);
    for (const h of heldOut) {
      expect(intents.has(h.intent), h.intent).toBe(true);
      expect(LANGS).toContain(h.lang);
    }
    const keys = heldOut.map((h) => normalizeQuestion(h.text));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never repeats a training example (after normalisation), off-topic ones included', () => {
    const train = new Set(trainingExamples().map((x) => normalizeQuestion(x.text)));
    const leaked = [...heldOut.map((h) => h.text), ...LANGS.flatMap((l) => heldOffTopic[l])].filter(
      (text) => train.has(normalizeQuestion(text)),
    );
    expect(leaked).toEqual([]);
  });

  it('covers every intent in both languages', () => {
    for (const e of builtInEntries)
      for (const lang of LANGS)
        expect(
          heldOut.some((h) => h.intent === e.intent && h.lang === lang),
          `${e.intent} ${lang}`,
        ).toBe(true);
  });
});

describe('normalisation', () => {
  it('folds case, full-width forms, spaces and punctuation', () => {
    expect(normalizeQuestion('Ｗhere is  my ORDER？')).toBe('whereismyorder');
    expect(normalizeQuestion('退货，怎么退！')).toBe('退货怎么退');
  });
});

describe('FAQ import', () => {
  const csv = [
    'intent,language,question,answer',
    'opening-hours,en,When do you open?,"We open at 9:00, every day."',
    'opening-hours,en,"Are you open on Sunday?"',
    'opening-hours,zh-CN,几点开门,每天 9:00 开门。',
    'wifi,English,Do you have wifi?|Is there free wifi,"Yes, ask for the ""guest"" network."',
  ].join('\r\n');

  it('reads CSV rows into entries (quotes, shared answers, several questions per cell)', () => {
    const result = parseFaqImport(csv, 'faq.csv');
    expect(result).toMatchObject({ ok: true, questions: 5 });
    if (!result.ok) return;
    const hours = result.entries.find((e) => e.intent === 'opening-hours')!;
    expect(hours.examples.en).toEqual(['When do you open?', 'Are you open on Sunday?']);
    expect(hours.answer).toEqual({
      en: 'We open at 9:00, every day.',
      'zh-CN': '每天 9:00 开门。',
    });
    const wifi = result.entries.find((e) => e.intent === 'wifi')!;
    expect(wifi.examples.en).toEqual(['Do you have wifi?', 'Is there free wifi']);
    expect(wifi.answer.en).toBe('Yes, ask for the "guest" network.');
  });

  it('reads JSON rows and the built-in layout', () => {
    const rows = parseFaqImport(
      JSON.stringify([
        { intent: 'wifi', language: 'en', questions: ['wifi?', 'free wifi'], answer: 'Yes.' },
        { intent: 'wifi', language: 'zh', question: '有无线网吗', answer: '有。' },
      ]),
      'faq.json',
    );
    expect(rows).toMatchObject({ ok: true, questions: 3 });
    const entries = parseFaqImport(JSON.stringify({ entries: builtInEntries.slice(0, 2) }));
    expect(entries).toMatchObject({ ok: true });
    if (entries.ok) expect(entries.entries).toEqual(builtInEntries.slice(0, 2));
  });

  it('refuses bad files with a reason and where', () => {
    const code = (text: string, name = 'x.csv') => {
      const r = parseFaqImport(text, name);
      return r.ok ? 'ok' : `${r.error.code}${r.error.where ? ` @ ${r.error.where}` : ''}`;
    };
    expect(code('')).toBe('empty');
    expect(code('user,item,rating\n1,2,3')).toBe('not-faq');
    expect(code('intent,language,question,answer\n')).toBe('empty');
    expect(code('intent,language,question,answer\na,fr,bonjour,salut')).toBe(
      'bad-language @ line 2',
    );
    expect(code('intent,language,question,answer\na,en,hello,\na,en,hi,')).toBe('missing-answer');
    expect(code('intent,language,question,answer\na,en,hello,A\na,en,hi,B')).toBe(
      'conflicting-answer @ line 3',
    );
    expect(code('intent,language,question,answer\n"bad id!",en,hello,A')).toBe('invalid @ line 2');
    expect(code('{"hello": 1}', 'x.json')).toBe('not-faq');
    expect(code('[{"intent": 1}]', 'x.json')).toBe('not-faq @ row 1');
    expect(code('{ not json', 'x.json')).toBe('not-faq');
    expect(code('x'.repeat(3 * 1024 * 1024))).toBe('too-large');
    const badEntry = [{ intent: 'a', answer: { en: 'A' }, examples: { en: [] } }];
    expect(code(JSON.stringify(badEntry), 'x.json')).toMatch(/^invalid @ entries\[0\]/);
    const badAction = [
      {
        intent: 'a',
        answer: { en: 'A' },
        examples: { en: ['q'] },
        action: { type: 'open', view: 'https://evil' },
      },
    ];
    expect(code(JSON.stringify(badAction), 'x.json')).toMatch(/^invalid/);
  });

  it('parses CSV line breaks inside quotes and reports the starting line', () => {
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      { cells: ['a', 'b\nc'], line: 1 },
      { cells: ['d', 'e'], line: 3 },
    ]);
  });
});

describe('merging imported entries', () => {
  const imported: KnowledgeEntry[] = [
    {
      intent: 'store-hours',
      answer: { en: 'Our one shop opens 8:00-18:00.' },
      examples: { en: ['when is the shop open', 'When do you open?'] },
    },
    { intent: 'wifi', answer: { 'zh-CN': '有免费无线网。' }, examples: { 'zh-CN': ['有wifi吗'] } },
  ];

  it('adds new intents, extends built-in ones and lets the shop override the answer', () => {
    const merged = mergeKnowledge(builtInEntries, imported);
    expect(merged.length).toBe(builtInEntries.length + 1);
    const hours = merged.find((e) => e.intent === 'store-hours')!;
    const builtIn = builtInEntries.find((e) => e.intent === 'store-hours')!;
    expect(hours.answer.en).toBe('Our one shop opens 8:00-18:00.');
    expect(hours.answer['zh-CN']).toBe(builtIn.answer['zh-CN']);
    // 'When do you open?' was there already (normalised), so only one question is new.
    expect(hours.examples.en!.length).toBe(builtIn.examples.en!.length + 1);
    expect(builtInEntries.find((e) => e.intent === 'store-hours')).toBe(builtIn);
    expect(builtIn.answer.en).not.toBe(hours.answer.en); // the built-in list is untouched
    const examples = trainingExamples(merged);
    expect(examples).toContainEqual({ text: '有wifi吗', intent: 'wifi', lang: 'zh-CN' });
  });

  it('answers in the other language and titles from a question when one is missing', () => {
    const wifi = imported[1]!;
    expect(answerOf(wifi, 'en')).toBe('有免费无线网。');
    expect(titleOf(wifi, 'en')).toBe('有wifi吗');
    expect(titleOf(builtInEntries[0]!, 'zh-CN')).toBe(builtInEntries[0]!.title!['zh-CN']);
  });

  it('reads stored rows back, skipping anything that no longer validates', () => {
    expect(storedEntries([{ entries: imported }, { entries: [{ intent: 42 }] }])).toEqual(imported);
  });
});
