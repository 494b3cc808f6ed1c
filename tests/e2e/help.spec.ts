import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, rawRows, setLanguage } from './app';

// Training in the browser takes a while on a busy 2-core machine (first start only).
test.setTimeout(180_000);

/** The engine comes with its own part of issue 5; without it the chat can only say so. */
const HAS_ENGINE = existsSync('src/lib/assistant/client/engine.ts');
const needsEngine = () =>
  test.skip(!HAS_ENGINE, 'src/lib/assistant/client/engine.ts (the assistant engine) is missing');

const askBox = (page: Page, language: 'en' | 'zh-CN' = 'en') =>
  page.getByRole('textbox', { name: language === 'en' ? 'Ask a question' : '输入问题' });
const log = (page: Page, language: 'en' | 'zh-CN' = 'en') =>
  page.getByRole('log', { name: language === 'en' ? 'Conversation' : '对话' });
const lastAnswer = (page: Page) => page.locator('[data-role="assistant"]').last();

async function openHelp(page: Page) {
  await openApp(page, '#/help');
  await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 150_000 });
}

/** Asks, and waits for `replies` answers (a message with several questions gets several). */
async function ask(page: Page, question: string, language: 'en' | 'zh-CN' = 'en', replies = 1) {
  const before = await page.locator('[data-role="assistant"]').count();
  await askBox(page, language).fill(question);
  await askBox(page, language).press('Enter');
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(before + replies);
  await expect(askBox(page, language)).toHaveValue('');
}

test('answers paraphrased questions in English and in Chinese, and is accessible', async ({
  page,
}) => {
  needsEngine();
  await openHelp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();

  await ask(page, 'How many days until a parcel gets to me?');
  await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
  await ask(page, 'Can I hand back something I bought if I dont like it?');
  await expect(lastAnswer(page)).toContainText('within 30 days of delivery');

  await setLanguage(page, 'zh-CN');
  await expect(askBox(page, 'zh-CN')).toBeVisible();
  await ask(page, '退货的话运费要我自己出吗', 'zh-CN');
  await expect(lastAnswer(page)).toContainText('退货免费');
  await ask(page, '店里晚上开到几点钟', 'zh-CN');
  await expect(lastAnswer(page)).toContainText('周一至周五 10:00-21:00');
  await expect(log(page, 'zh-CN')).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('yes or no from the shop’s values, slips, several questions at once and rudeness, in both languages', async ({
  page,
}) => {
  needsEngine();
  await openHelp(page);
  await ask(page, 'Do you ship to Canada?');
  await expect(lastAnswer(page)).toContainText('No, we don’t deliver to Canada, sorry.');
  await expect(lastAnswer(page)).toContainText('Hong Kong');
  await ask(page, 'can I pay with PayPal');
  await expect(lastAnswer(page)).toContainText(
    'No, we don’t accept PayPal, sorry. We accept Alipay',
  );
  await ask(page, 'do you have a store in Beijing?');
  await expect(lastAnswer(page)).toContainText(
    'Yes, we have a store in Beijing: Sanlitun Road 19.',
  );

  await ask(page, 'how lnog dose shiping tak to shanghai');
  await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
  await ask(page, 'you guys suck');
  await expect(lastAnswer(page)).toContainText("I'm sorry to hear that.");
  await expect(lastAnswer(page)).toContainText('400-000-1234');

  // Two questions, two answers, in the order asked.
  await ask(
    page,
    'How many days until a parcel gets to me? And can I hand back something I bought if I dont like it?',
    'en',
    2,
  );
  const answers = page.locator('[data-role="assistant"]');
  await expect(answers.nth(-2)).toContainText('Standard delivery takes 3-5 working days');
  await expect(answers.nth(-1)).toContainText('within 30 days of delivery');
  // Two topics joined by a bare "and": cut where both halves are understood; one topic stays whole.
  await ask(page, 'Can I get an invoice and gift wrapping', 'en', 2);
  await expect(answers.nth(-2)).toContainText('VAT invoice');
  await expect(answers.nth(-1)).toContainText('Gift wrapping is');
  await ask(page, 'returns and exchanges'); // one reply: its halves are one topic
  // Three topics joined by two bare "and"s: each half is cut again.
  await ask(page, 'can I get gift wrap and an invoice and express shipping?', 'en', 3);
  await expect(answers.nth(-3)).toContainText('Gift wrapping is');
  await expect(answers.nth(-2)).toContainText('VAT invoice');
  await expect(answers.nth(-1)).toContainText('Express delivery costs');

  await setLanguage(page, 'zh-CN');
  await ask(page, '能货到付款吗', 'zh-CN');
  await expect(lastAnswer(page)).toContainText('抱歉，暂不支持货到付款。我们支持支付宝');
  await ask(page, '成都有门店吗', 'zh-CN');
  await expect(lastAnswer(page)).toContainText('抱歉，我们在成都暂时没有门店');
  await ask(page, '退货的话运费要我自己出吗？另外店里晚上开到几点钟', 'zh-CN', 2);
  await expect(answers.nth(-2)).toContainText('退货免费');
  await expect(answers.nth(-1)).toContainText('周一至周五 10:00-21:00');
  await ask(page, '礼品包装和发票怎么开', 'zh-CN', 2);
  await expect(answers.nth(-2)).toContainText('礼品包装每单');
  await expect(answers.nth(-1)).toContainText('增值税发票');
  await ask(page, '什么破店', 'zh-CN');
  await expect(lastAnswer(page)).toContainText('很抱歉给您带来不好的体验');
});

test('a question it is unsure of offers three "did you mean" replies, by click and keyboard', async ({
  page,
}) => {
  needsEngine();
  await openHelp(page);
  // One word that fits three topics.
  await ask(page, 'delivery');
  await expect(lastAnswer(page)).toHaveText(/Did you mean one of these\?/);
  const replies = page.getByRole('group', { name: 'Suggested replies' }).getByRole('button');
  await expect(replies).toHaveCount(3);
  const labels = await replies.allInnerTexts();
  expect(labels).toContain('Delivery times');

  // Click one: its answer, no guessing.
  await replies.filter({ hasText: 'Delivery times' }).click();
  await expect(page.locator('[data-role="shopper"]').last()).toContainText('Delivery times');
  await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
  await expect(askBox(page)).toBeFocused();

  // The keyboard alone: Shift+Tab back from the field reaches the replies, Enter picks one.
  await ask(page, 'delivery');
  await expect(replies).toHaveCount(3);
  await expect(askBox(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(replies.last()).toBeFocused();
  const chosen = (await replies.last().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-role="shopper"]').last()).toContainText(chosen);
  await expect(lastAnswer(page)).not.toContainText('Did you mean');
});

test('a first question on a fresh profile is answered by the model shipped with the app, without training', async ({
  page,
}) => {
  needsEngine();
  // Notes whether the training progress ("… step 1 of 6 …") ever shows.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (/first time only: step \d+ of \d+/.test(document.body?.textContent ?? ''))
        document.documentElement.dataset['trainingShown'] = 'yes';
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const shipped = page.waitForResponse((r) =>
    /\/assistant\/model-v\d+-[0-9a-f]+\.bin$/.test(new URL(r.url()).pathname),
  );
  await openApp(page, '#/help');
  const started = Date.now();
  await ask(page, 'How many days until a parcel gets to me?');
  await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
  const ms = Date.now() - started;
  const response = await shipped;
  expect(new URL(response.url()).origin).toBe(new URL(page.url()).origin);
  expect(response.status()).toBe(200);
  await expect(page.getByTestId('assistant-ready')).toContainText(
    'Ready: using the model that came with the app',
  );
  expect(await page.locator('html').getAttribute('data-training-shown')).toBeNull();
  // Training alone took 8-13 s here; loading the shipped weights waits only for the word vectors
  // (a few seconds; the bound leaves room for a busy 2-core machine running tests in parallel).
  expect(ms).toBeLessThan(20_000);
});

test('the assistant’s word vectors come from the app’s own origin', async ({ page }) => {
  needsEngine();
  // The page downloads the table after the model (and hands it to the worker).
  const table = page.waitForResponse((r) =>
    new URL(r.url()).pathname.endsWith('/models/word-vectors.bin'),
  );
  await openHelp(page);
  const response = await table;
  expect(new URL(response.url()).origin).toBe(new URL(page.url()).origin);
  expect(response.status()).toBe(200);
  expect(
    Number(response.headers()['content-length'] ?? (await response.body()).length),
  ).toBeGreaterThan(1_000_000);
});

test.describe('without the service worker (so the route below sees the worker’s request)', () => {
  test.use({ serviceWorkers: 'block' });
  test('a word-vector table that cannot be read: Help answers with the rows its model carries', async ({
    page,
  }) => {
    needsEngine();
    let served = false;
    await page.route(/\/models\/word-vectors\.bin(\?|$)/, (route) => {
      served = true;
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'PAWV' });
    });
    await openHelp(page);
    await expect.poll(() => served).toBe(true);
    await ask(page, 'How many days until a parcel gets to me?');
    await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
    // A word the model's rows lack waits for the whole table, which never comes: still answered.
    await ask(page, 'Is my consignment insured on the way?');
    await expect(page.locator('[data-role="assistant"]')).toHaveCount(3);
    // The unreadable copy is not kept (the next start fetches the table again); the model is.
    const cached = (path: string) =>
      page.evaluate(
        async (p) => !!(await caches.match(new URL(p, location.href).href, { ignoreVary: true })),
        path,
      );
    await expect.poll(() => cached('models/word-vectors.bin')).toBe(false);
    const model = await page.evaluate(async () =>
      (await (await caches.open('private-aisle-assets')).keys())
        .map((r) => new URL(r.url).pathname)
        .find((p) => p.startsWith('/assistant/')),
    );
    expect(model).toMatch(/^\/assistant\/model-v\d+-[0-9a-f]+\.bin$/);
  });
});

test('out of scope questions are declined with the shop’s contact', async ({ page }) => {
  needsEngine();
  await openHelp(page);
  await ask(page, "what's the weather");
  await expect(lastAnswer(page)).toContainText('Sorry, I can’t help with that');
  await expect(lastAnswer(page)).toContainText('400-000-1234');
  const contact = page
    .getByRole('group', { name: 'Suggested replies' })
    .getByRole('button', { name: 'Contact the shop' });
  await contact.click();
  await expect(lastAnswer(page)).toContainText('help@privateaisle.example');

  await ask(page, '股票会涨吗', 'en');
  await expect(lastAnswer(page)).toContainText('抱歉，这个问题我帮不上忙');
});

test('"where is my order" with none placed says so, makes none up, and offers the cart', async ({
  page,
}) => {
  needsEngine();
  await openHelp(page);
  expect(await rawRows(page, 'orders')).toEqual([]);
  await ask(page, 'where is my order');
  await expect(lastAnswer(page)).toContainText('You have not placed an order on this device yet.');
  await expect(page.getByRole('link', { name: 'Open your cart and orders' }).last()).toBeVisible();
});

test('recommendation and try-on requests open For you (sunglasses) and Try on', async ({
  page,
}) => {
  needsEngine();
  await openHelp(page);
  // These answers open another view at once, so the helper that waits for the answer can't be used.
  await askBox(page).fill('recommend me sunglasses');
  await askBox(page).press('Enter');
  await expect(page).toHaveURL(/#\/for-you\?category=sunglasses$/);
  await expect(page.getByRole('heading', { level: 1, name: 'For you' })).toBeVisible();
  const picks = page.getByRole('region', { name: 'Recommended for you: Sunglasses' });
  await expect(picks.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
  // Every pick is a pair of sunglasses (their product pages say so).
  for (const link of await picks.getByRole('listitem').getByRole('link').all())
    expect(await link.getAttribute('href')).toMatch(/^#\/product\/sunglasses-/);

  await page.goBack();
  await expect(askBox(page)).toBeVisible();
  await expect(lastAnswer(page)).toContainText('Here are picks for you');
  await expect(
    lastAnswer(page).getByRole('link', { name: 'Show sunglasses in For you' }),
  ).toHaveAttribute('href', '#/for-you?category=sunglasses');

  await askBox(page).fill('can I try these on?');
  await askBox(page).press('Enter');
  await expect(page).toHaveURL(/#\/try-on$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Try on' })).toBeVisible();
});

test('the conversation survives a reload and is erased from My data', async ({ page }) => {
  needsEngine();
  await openHelp(page);
  await ask(page, 'do you do gift wrapping for presents?');
  await expect(lastAnswer(page)).toContainText('Gift wrapping is ¥10 per order');

  await page.reload();
  // The second start loads the shipped weights again (nothing to train, nothing stored).
  await expect(page.getByTestId('assistant-ready')).toContainText(
    'Ready: using the model that came with the app',
    { timeout: 60_000 },
  );
  await expect(page.locator('[data-role="shopper"]')).toHaveText([
    /do you do gift wrapping for presents\?/,
  ]);
  await expect(lastAnswer(page)).toContainText('Gift wrapping is ¥10 per order');

  await page.goto('/#/my-data');
  const region = page.getByRole('region', { name: 'Conversation with the assistant' });
  await expect(region).toContainText('2 messages are stored on this device.');
  await expect(page.locator('tr[data-table="conversations"] td').first()).toHaveText('2');
  await region.getByRole('button', { name: 'Erase the conversation' }).click();
  await expect(region).toContainText('No conversation is stored.');
  await expect(page.locator('tr[data-table="conversations"] td').first()).toHaveText('0');

  await page.goto('/#/help');
  await expect(askBox(page)).toBeVisible();
  await expect(page.locator('[data-role="shopper"]')).toHaveCount(0);
});

/** A shop FAQ with one topic the built-in one lacks (8 questions, both languages). */
const WIFI_FAQ = [
  'intent,language,question,answer',
  'guest-wifi,en,Do you have wifi in the store?,"Yes: join the network Aisle-Guest, password ""aisle2026""."',
  'guest-wifi,en,Is there free wifi?',
  'guest-wifi,en,wifi password',
  'guest-wifi,en,can I get online in your shop',
  'guest-wifi,en,internet access in store',
  'guest-wifi,zh-CN,店里有wifi吗,有的：连接 Aisle-Guest，密码 aisle2026。',
  'guest-wifi,zh-CN,无线网密码是多少',
  'guest-wifi,zh-CN,店里能上网吗',
].join('\n');

async function importFaq(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import FAQ' }).click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: Buffer.from(text),
  });
}

test('a shop’s own FAQ is imported and stored; a bad file is refused and changes nothing', async ({
  page,
}) => {
  await openApp(page, '#/my-data');
  const region = page.getByRole('region', { name: 'Import a FAQ' });
  await importFaq(page, 'our-faq.csv', WIFI_FAQ);
  await expect(region.getByRole('status')).toHaveText(
    'Imported 1 topic with 8 questions. The assistant will learn them next time Help opens.',
  );
  await expect(region.getByRole('listitem')).toHaveText(/our-faq\.csv/);
  await expect(page.locator('tr[data-table="knowledgeBases"] td').first()).toHaveText('1');

  // A bad file: refused, with the reason and where, and the stored FAQ is untouched.
  await importFaq(page, 'broken.csv', 'intent,language,question,answer\nx,fr,bonjour,salut\n');
  await expect(region.getByRole('alert')).toHaveText(
    'Unknown language: use en or zh-CN. Nothing was changed. (line 2)',
  );
  await importFaq(page, 'notes.json', '{"hello": "world"}');
  await expect(region.getByRole('alert')).toContainText('This is not a FAQ file');
  await expect(region.getByRole('listitem')).toHaveText(/our-faq\.csv/);
  await expect(page.locator('tr[data-table="knowledgeBases"] td').first()).toHaveText('1');

  await region.getByRole('button', { name: 'Remove our-faq.csv' }).click();
  await expect(region.getByRole('listitem')).toHaveCount(0);
  await expect(page.locator('tr[data-table="knowledgeBases"] td').first()).toHaveText('0');
});

test('the assistant retrains on built-in + imported FAQ entries', async ({ page }) => {
  needsEngine();
  await openApp(page, '#/my-data');
  await importFaq(page, 'our-faq.csv', WIFI_FAQ);
  await expect(page.getByRole('region', { name: 'Import a FAQ' }).getByRole('status')).toHaveText(
    /Imported 1 topic/,
  );
  await page.goto('/#/help');
  await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 150_000 });
  await ask(page, 'is there wifi I can use in the shop?');
  await expect(lastAnswer(page)).toContainText('Aisle-Guest');
  await ask(page, '你们店里有无线网吗', 'en');
  await expect(lastAnswer(page)).toContainText('连接 Aisle-Guest');
  // Built-in answers still work.
  await ask(page, 'How many days until a parcel gets to me?');
  await expect(lastAnswer(page)).toContainText('Standard delivery takes 3-5 working days');
});
