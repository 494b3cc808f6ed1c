import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, rateWithKeyboard, rawRows, setLanguage, shopAnswered } from './app';

const grid = (page: Page) => page.getByRole('main').getByRole('list', { name: /^(Shop|商店)$/ });
/** The number of matching products the Shop announces ("252 products"). */
const total = async (page: Page) =>
  Number((await page.locator('p.count').innerText()).match(/\d+/)![0]);

test('browse by category, then open a product page', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('p.count')).toHaveText(/\d+ products/);
  const all = await total(page);
  expect(all).toBeGreaterThanOrEqual(200);
  // The grid is virtualised: only the rows on screen are in the page, each placed in the whole.
  const rendered = await grid(page).getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(all);
  await expect(grid(page).getByRole('listitem').first()).toHaveAttribute(
    'aria-setsize',
    String(all),
  );

  await page
    .getByRole('navigation', { name: 'Categories' })
    .getByRole('link', { name: 'Sunglasses' })
    .click();
  await expect(page.locator('p.count')).toHaveText('30 products');
  const sunglasses = grid(page).getByRole('listitem');
  const firstName = await sunglasses.first().getByRole('link').innerText();
  expect(firstName.toLowerCase()).toContain('sunglasses');

  await sunglasses.first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/product\/sunglasses-/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName.split('\n')[0]!);
  // The picture is the product's own drawing, named for screen readers.
  await expect(page.getByRole('img', { name: firstName.split('\n')[0]! })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Try on' })).toBeVisible();
});

test('search works in English and Chinese whatever the UI language', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.fill('sunglasses');
  await shopAnswered(page, { text: 'sunglasses' });
  await expect(page.locator('p.count')).toHaveText('30 products');
  const english = await grid(page).getByRole('listitem').allInnerTexts();
  await search.fill('太阳镜');
  await shopAnswered(page, { text: '太阳镜' });
  await expect(page.locator('p.count')).toHaveText('30 products');
  await expect(grid(page).getByRole('listitem').first()).toContainText(/sunglasses/i);
  const chinese = await grid(page).getByRole('listitem').allInnerTexts();
  expect(english.length).toBeGreaterThan(5);
  expect(new Set(chinese)).toEqual(new Set(english));

  await setLanguage(page, 'zh-CN');
  const zhSearch = page.getByRole('searchbox', { name: '搜索商品' });
  await zhSearch.fill('red');
  await shopAnswered(page, { text: 'red' });
  const names = await grid(page).getByRole('listitem').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toContain('红');

  await zhSearch.fill('zzzz-nothing');
  await expect(page.getByText('没有符合条件的商品')).toBeVisible();
});

test('filter by price and colour', async ({ page }) => {
  await openApp(page);
  await page.getByRole('spinbutton', { name: 'Min price' }).fill('300');
  await page.getByRole('spinbutton', { name: 'Max price' }).fill('600');
  await page.getByRole('combobox', { name: 'Colour' }).selectOption('black');
  await shopAnswered(page, { colour: 'black', minPriceCents: 30000, maxPriceCents: 60000 });
  const items = grid(page).getByRole('listitem');
  const count = await total(page);
  expect(count).toBeGreaterThan(0);
  for (const text of await items.allInnerTexts()) {
    const price = Number(text.match(/¥([\d,.]+)/)![1]!.replace(/,/g, ''));
    expect(price).toBeGreaterThanOrEqual(300);
    expect(price).toBeLessThanOrEqual(600);
  }
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('p.count')).toHaveText(/^252 products/);
});

test('a rating given with the keyboard is stored on the device and survives a reload', async ({
  page,
}) => {
  await openApp(page, '#/product/hats-003');
  await rateWithKeyboard(page, 4);
  // The stars show the choice at once; the write lands a moment later (on a busy machine, after
  // the reload had already begun). Wait for it in IndexedDB, as a shopper's next visit would.
  await expect
    .poll(async () => {
      const rows = await rawRows<{ profileId: string; productId: string; rating: number }>(
        page,
        'ratings',
      );
      return rows.find((r) => r.profileId === 'me' && r.productId === 'hats-003')?.rating ?? null;
    })
    .toBe(4);
  await page.reload();
  await expect(page.getByText('You rated this 4 out of 5.')).toBeVisible();
  await expect(page.getByRole('radio', { name: '4 stars' })).toBeChecked();

  // Ratings belong to a profile: the guest starts with none.
  await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Guest' });
  await expect(page.getByText('Not rated yet.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Me' });
  await expect(page.getByText('You rated this 4 out of 5.')).toBeVisible();

  await page.getByRole('button', { name: 'Clear rating' }).click();
  await expect(page.getByText('Not rated yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Not rated yet.')).toBeVisible();
});

test('an unknown product id says so', async ({ page }) => {
  await openApp(page, '#/product/no-such-thing');
  await expect(page.getByRole('heading', { name: 'This product does not exist.' })).toBeVisible();
});
