import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, setLanguage, shopAnswered } from './app';

// Search as shoppers type: everyday words, typos, synonyms from the shop pack, in either
// language whatever the UI's, ranked by what was asked for.

const cards = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('list', { name: /^(Shop|商店)$/ })
    .getByRole('listitem');

/** The first `n` results' names, once the answer for `query` has arrived. */
async function search(page: Page, query: string, n = 5): Promise<string[]> {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await shopAnswered(page, { text: query });
  const texts = await cards(page).allInnerTexts();
  return texts.slice(0, n).map((t) => t.split('\n')[0]!);
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`everyday words, typos and synonyms find the right things first (${language} UI)`, async ({
    page,
  }) => {
    await openApp(page);
    if (language === 'zh-CN') await setLanguage(page, 'zh-CN');
    const sunglasses = language === 'en' ? /sunglasses/i : /太阳镜/;
    const glasses = language === 'en' ? /glasses/i : /眼镜/;
    for (const query of ['墨镜', 'sunglases', 'shades']) {
      const names = await search(page, query);
      expect(names, query).toHaveLength(5);
      for (const name of names) expect(name, query).toMatch(sunglasses);
    }
    for (const query of ['eyeglasses', '眼镜']) {
      const names = await search(page, query);
      for (const name of names) {
        expect(name, query).toMatch(glasses);
        expect(name, query).not.toMatch(sunglasses);
      }
    }
  });
}

test('"red hat" ranks red hats first', async ({ page }) => {
  await openApp(page);
  const names = await search(page, 'red hat', 2);
  for (const name of names) expect(name).toMatch(/(cap|hat|beanie|fedora).* in red/i);
});

test('a search that finds nothing says so and offers the nearest word', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox').fill('sunglxxzz');
  await expect(page.getByText('No products match')).toBeVisible();
  await page.getByRole('button', { name: 'Did you mean “sunglasses”?' }).click();
  await expect(page.getByRole('searchbox')).toHaveValue('sunglasses');
  await expect(page.locator('p.count')).toHaveText('30 products');

  await setLanguage(page, 'zh-CN');
  await page.getByRole('searchbox').fill('sunglxxzz');
  await expect(page.getByRole('button', { name: '你是不是要找“sunglasses”？' })).toBeVisible();
});

test('brand and colour choices count what the words found', async ({ page }) => {
  await openApp(page);
  await search(page, 'sunglasses');
  const brand = page.getByRole('combobox', { name: 'Brand' });
  const options = await brand.locator('option').allInnerTexts();
  const counted = options.slice(1).map((o) => Number(o.match(/\((\d+)\)$/)![1]));
  expect(counted.reduce((a, b) => a + b, 0)).toBe(30);
  const [name, n] = options[1]!.match(/^(.*) \((\d+)\)$/)!.slice(1);
  await brand.selectOption(name!);
  await expect(page.locator('p.count')).toHaveText(`${n} product${n === '1' ? '' : 's'}`);
  for (const text of await cards(page).allInnerTexts()) expect(text).toContain(name!);
});

test('the search index comes with the app, made at build time, from our own origin', async ({
  page,
}) => {
  const shipped = page.waitForResponse((r) =>
    /\/shop\/search-v\d+-[0-9a-f]+\.bin$/.test(new URL(r.url()).pathname),
  );
  await openApp(page);
  const names = await search(page, 'red hat', 3);
  const response = await shipped;
  expect(new URL(response.url()).origin).toBe(new URL(page.url()).origin);
  expect(response.status()).toBe(200);
  for (const name of names) expect(name).toMatch(/red/i);
});
