// A shop pack's own FAQ (faq.csv or faq.json), read by the parser My data's import uses but held
// to the pack's rule (every bad row with its file, line and column); merged into the built-in FAQ
// (a pack intent with a built-in id replaces its questions and answer), filled with the pack's
// values, and trained at build time on exactly the examples the page computes. Also the warning
// for a pack whose shop.json gives no contact details.
import { describe, expect, it } from 'vitest';
import { readShop } from '../../src/build/shop-pack';
import {
  appKnowledge,
  builtInTemplates,
  mergeKnowledge,
  shopKnowledge,
  trainingExamples,
  type KnowledgeEntry,
} from '../../src/lib/assistant/shared/knowledge';
import { examplesHash } from '../../src/lib/assistant/worker/core';
import { builtInExamples, builtInModel } from '../../src/lib/assistant/worker/prebuilt';
import { prebuiltModelFile } from '../../src/lib/assistant/worker/prebuilt-file';
import { readPack, type PackResult } from '../../src/lib/shop/shared/pack';
import { packFiles } from './helpers/pack-files';

const EXAMPLE = 'tests/fixtures/shop-packs/shopify';
type Changes = Parameters<typeof packFiles>[1];

function read(changes?: Changes): PackResult {
  return readPack(packFiles('shopify', changes), { folderName: 'shopify' });
}

function readOk(changes?: Changes) {
  const result = read(changes);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

/** The problems of the pack's FAQ file, as [line, column, why]. */
function faqProblems(file: 'faq.csv' | 'faq.json', text: string) {
  const result = read({ omit: ['faq.csv'], set: { [file]: text } });
  if (result.ok) throw new Error('the pack was read without problems');
  return result.problems.filter((p) => p.file === file).map((p) => [p.line, p.column, p.why]);
}

const entry = (entries: readonly KnowledgeEntry[], intent: string): KnowledgeEntry => {
  const found = entries.find((e) => e.intent === intent);
  if (!found) throw new Error(`no intent ${intent}`);
  return found;
};

/** What the page trains on: its knowledge, no FAQ imported in My data, as the engine hashes it. */
const pageExamples = (shop: Parameters<typeof shopKnowledge>[0]) =>
  trainingExamples(mergeKnowledge(shopKnowledge(shop), [])).map(({ text, intent, lang }) => ({
    text,
    intent,
    lang,
  }));

describe('the example pack’s faq.csv', () => {
  const { pack } = readOk();
  const faq = pack.faq ?? [];

  it('is read into entries, English and Chinese, as written', () => {
    expect(faq.map((e) => e.intent)).toEqual(['gift-card', 'walking-club', 'kit-hire']);
    for (const e of faq) {
      expect(e.examples.en!.length).toBeGreaterThanOrEqual(5);
      expect(e.examples['zh-CN']!.length).toBeGreaterThanOrEqual(5);
    }
    const club = entry(faq, 'walking-club');
    expect(club.examples.en).toContain('Is there a walking club?');
    expect(club.examples['zh-CN']).toContain('有徒步俱乐部吗');
    expect(entry(faq, 'gift-card').answer.en).toContain('{freeShippingFrom}');
  });

  it('answers with the pack’s own values once filled (placeholders work in pack answers)', () => {
    const knowledge = shopKnowledge(pack);
    const card = entry(knowledge, 'gift-card');
    expect(card.answer.en).toMatch(/any order from £50(\.00)?\./);
    expect(card.answer['zh-CN']).toMatch(/订单满 £50/);
    expect(entry(knowledge, 'kit-hire').answer.en).toContain('+44 20 7946 0018');
  });

  it('replaces the built-in entry of the same intent, and adds the new ones', () => {
    const knowledge = appKnowledge(faq);
    expect(knowledge.length).toBe(builtInTemplates.length + 2);
    const builtIn = entry(builtInTemplates, 'gift-card');
    const card = entry(knowledge, 'gift-card');
    expect(card.examples).toEqual(entry(faq, 'gift-card').examples);
    expect(card.answer).toEqual(entry(faq, 'gift-card').answer);
    expect(card.title).toEqual(builtIn.title); // the pack gives none
    expect(entry(builtInTemplates, 'gift-card')).toBe(builtIn); // the built-in list is untouched
    expect(entry(knowledge, 'store-hours')).toEqual(entry(builtInTemplates, 'store-hours'));
  });

  it('is trained at build time on exactly the examples the page computes', () => {
    const built = readShop(EXAMPLE);
    const model = builtInModel(built.pack.faq);
    const page = pageExamples({ settings: built.pack.settings, faq: built.pack.faq });
    expect(model.examples).toEqual(page);
    expect(model.file).toBe(prebuiltModelFile(examplesHash(page)));
    expect(page).toContainEqual({ text: '可以租帐篷吗', intent: 'kit-hire', lang: 'zh-CN' });
    // Another file than the demo's: the pack's FAQ is in it.
    expect(model.file).not.toBe(builtInModel().file);
    expect(builtInExamples()).toEqual(pageExamples({ settings: built.pack.settings }));
  });
});

describe('a pack’s faq.json', () => {
  it('is read in the flat layout and in the built-in one', () => {
    const rows = [
      {
        intent: 'gift-card',
        language: 'en',
        questions: ['gift cards?', 'e-gift card'],
        answer: 'A',
      },
      { intent: 'gift-card', language: 'zh', question: '礼品卡|电子礼品卡', answer: 'B' },
    ];
    const flat = readOk({ omit: ['faq.csv'], set: { 'faq.json': JSON.stringify(rows) } });
    expect(flat.pack.faq).toEqual([
      {
        intent: 'gift-card',
        answer: { en: 'A', 'zh-CN': 'B' },
        examples: { en: ['gift cards?', 'e-gift card'], 'zh-CN': ['礼品卡', '电子礼品卡'] },
      },
    ]);
    const entries = [
      {
        intent: 'rain-check',
        title: { en: 'Rain checks' },
        answer: { en: 'Free delivery from {freeShippingFrom}.' },
        examples: { en: ['rain check?'] },
      },
    ];
    const layout = readOk({ omit: ['faq.csv'], set: { 'faq.json': JSON.stringify({ entries }) } });
    expect(layout.pack.faq).toEqual(entries);
    const filled = shopKnowledge(layout.pack);
    expect(entry(filled, 'rain-check').answer.en).toMatch(/^Free delivery from £50(\.00)?\.$/);
  });

  it('reports every bad entry by its JSON path', () => {
    const entries = [
      { intent: 'a b', answer: { en: 'A' }, examples: { en: ['q'] } },
      { intent: 'ok', answer: { en: 'A' }, examples: { en: ['q'] } },
      { intent: 'ok', answer: { en: 'B' }, examples: { en: ['r'] } },
    ];
    expect(faqProblems('faq.json', JSON.stringify({ entries }))).toEqual([
      [
        undefined,
        'entries[0].intent',
        expect.stringMatching(/^Not valid: an intent is a short id/),
      ],
      [undefined, 'entries[2].intent', 'Not valid: intent "ok" twice.'],
    ]);
    expect(faqProblems('faq.json', '{ "entries": [ }')).toEqual([
      [
        undefined,
        undefined,
        'faq.json is not a FAQ: not valid JSON. It needs the columns intent, language (en or zh-CN), question (several separated by "|") and answer.',
      ],
    ]);
  });
});

describe('a bad faq.csv', () => {
  const HEADER = 'Intent,Language,Question,Answer';

  it('reports every bad row with its line and column', () => {
    const csv = [
      HEADER,
      'gift-card,en,Gift cards?,Yes.', // 2: fine
      'bad id!,en,Hello?,Hi.', // 3: the intent
      'gift-card,fr,Bonjour ?,Salut.', // 4: the language
      'gift-card,en,"Gift',
      'cards, really?",No.', // 5-6: a second answer, on a row spanning two lines
      `hire,en,${'x'.repeat(301)},Yes.`, // 7: a question too long
      'hire,zh-CN,可以租吗,', // 8: no answer in Chinese
      'club,en,Walks?,Every {weekday}.', // 9: a placeholder the shop cannot fill
    ].join('\n');
    expect(faqProblems('faq.csv', csv)).toEqual([
      [3, 'Intent', expect.stringMatching(/^Not valid: intent "bad id!": an intent is a short id/)],
      [4, 'Language', 'Unknown language "fr": use en or zh-CN.'],
      [5, 'Answer', 'The intent gift-card has two different answers in one language: keep one.'],
      [7, 'Question', expect.stringMatching(/^Not valid: question "x+": Invalid length/)],
      [
        8,
        'Answer',
        'The intent hire (zh-CN), line 8 has questions but no answer: give the answer on one of its rows.',
      ],
      [
        9,
        'answer',
        expect.stringMatching(/^Unknown placeholder \{weekday\} in the en answer of club/),
      ],
    ]);
  });

  it('needs its four columns and some questions', () => {
    expect(faqProblems('faq.csv', 'intent,question\na,b')).toEqual([
      [
        1,
        undefined,
        expect.stringMatching(/^faq.csv is not a FAQ: .*\(language, answer missing\)/),
      ],
    ]);
    expect(faqProblems('faq.csv', `${HEADER}\n`)).toEqual([
      [undefined, undefined, 'faq.csv has no questions: add some, or leave the file out.'],
    ]);
  });

  it('fails the build with every problem listed', () => {
    const result = read({ set: { 'faq.csv': `${HEADER}\na b,en,q,A\nc,xx,q,A` } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.filter((p) => p.file === 'faq.csv')).toHaveLength(2);
  });

  it('and faq.json both in one pack is a problem', () => {
    const result = read({ set: { 'faq.json': '[]' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.why)).toContain(
        'The pack has both faq.csv and faq.json: keep only one.',
      );
  });
});

describe('a pack without contact details', () => {
  const shopJson = (contact?: Record<string, string>) =>
    JSON.stringify({
      name: { en: 'Corner Shop', 'zh-CN': '街角小店' },
      ...(contact && { contact }),
    });
  const contactWarnings = (changes: Changes) =>
    readOk(changes).warnings.filter((w) => w.column === 'contact');

  it('warns that the demo’s contact is shown, naming the keys to set', () => {
    expect(contactWarnings({ set: { 'shop.json': shopJson() } })).toEqual([
      {
        file: 'shop.json',
        column: 'contact',
        why: "shop.json gives no contact.phone, contact.email, contact.businessEmail: the assistant and the pages show the demo's (400-000-1234, help@privateaisle.example, business@privateaisle.example) as Corner Shop's. Set contact.phone, contact.email, contact.businessEmail in shop.json.",
      },
    ]);
    const partial = contactWarnings({ set: { 'shop.json': shopJson({ phone: '0123 456' }) } });
    expect(partial.map((w) => w.why)).toEqual([
      expect.stringMatching(/^shop.json gives no contact.email, contact.businessEmail:/),
    ]);
    expect(contactWarnings({ omit: ['shop.json'] })).toHaveLength(1);
  });

  it('says nothing when shop.json gives them (the demo pack does: shop-demo-pack.test.ts)', () => {
    expect(contactWarnings({})).toEqual([]);
    const full = { phone: '0123 456', email: 'a@b.example', businessEmail: 'c@d.example' };
    expect(contactWarnings({ set: { 'shop.json': shopJson(full) } })).toEqual([]);
  });
});
