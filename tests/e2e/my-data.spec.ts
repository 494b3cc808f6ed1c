import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { eraseEverything, openApp, rateWithKeyboard } from './app';

async function exportFile(page: Page): Promise<{ text: string; path: string }> {
  await openApp(page, '#/my-data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my data' }).click(),
  ]);
  const path = (await download.path())!;
  return { text: readFileSync(path, 'utf8'), path };
}

async function importFile(page: Page, file: { name: string; buffer: Buffer } | string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import data' }).click(),
  ]);
  await chooser.setFiles(
    typeof file === 'string' ? file : { ...file, mimeType: 'application/json' },
  );
}

const tablesOf = (json: string) => JSON.parse(json).tables;
const count = (page: Page, table: string) => page.locator(`tr[data-table="${table}"] td`).first();

async function seedPersonalData(page: Page) {
  await openApp(page, '#/product/glasses-002');
  await rateWithKeyboard(page, 5);
  await page.goto('/#/product/lipsticks-004');
  await rateWithKeyboard(page, 2);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.goto('/#/my-data');
  await page.getByRole('textbox', { name: 'New profile name' }).fill('Grandma 奶奶');
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('button', { name: 'Remove Grandma 奶奶' })).toBeVisible();
  // The ratings start a retrain in the background; its stored model is data too, so the seed is
  // settled only once it is there (else it may land between two exports of a test).
  await expect(count(page, 'modelSnapshots')).toHaveText('1', { timeout: 45_000 });
}

test('shows what is stored, by table, with counts, size and storage use', async ({ page }) => {
  await seedPersonalData(page);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(count(page, 'ratings')).toHaveText('2');
  await expect(count(page, 'profiles')).toHaveText('3');
  await expect(page.getByText(/used of .* available/)).toBeVisible();
});

test('export, erase, import: the data comes back identical', async ({ page }) => {
  test.setTimeout(120_000); // every kind of row, an export, an erase and an import
  await seedPersonalData(page);
  const before = await exportFile(page);
  const exported = JSON.parse(before.text);
  expect(exported.format).toBe('private-aisle-export');
  expect(exported.tables.ratings).toHaveLength(2);

  await eraseEverything(page);
  await expect(count(page, 'ratings')).toHaveText('0');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // The app still works after erasing: the shop and a rating.
  await page.goto('/#/product/glasses-002');
  await expect(page.getByText('Not rated yet.')).toBeVisible();

  await page.goto('/#/my-data');
  await importFile(page, before.path);
  await expect(page.getByText('Import complete.')).toBeVisible();
  await expect(count(page, 'ratings')).toHaveText('2');
  const after = await exportFile(page);
  expect(tablesOf(after.text)).toEqual(tablesOf(before.text));

  await page.goto('/#/product/glasses-002');
  await expect(page.getByText('You rated this 5 out of 5.')).toBeVisible();
});

test('bad import files are refused with a clear message and change nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await seedPersonalData(page);
  const good = await exportFile(page);
  const valid = JSON.parse(good.text);
  const withRating = (rating: unknown) => {
    const copy = structuredClone(valid);
    copy.tables.ratings[0].rating = rating;
    return copy;
  };
  const cases: { name: string; content: string; message: RegExp }[] = [
    { name: 'corrupt.json', content: '\u0000\u0001not json at all', message: /not valid JSON/ },
    {
      name: 'truncated.json',
      content: good.text.slice(0, good.text.length / 2),
      message: /not valid JSON/,
    },
    {
      name: 'other.json',
      content: JSON.stringify({ hello: 'world' }),
      message: /not a Private Aisle export/,
    },
    {
      name: 'future.json',
      content: JSON.stringify({ ...valid, version: 99 }),
      message: /newer version/,
    },
    {
      name: 'rating7.json',
      content: JSON.stringify(withRating(7)),
      message: /invalid data.*tables\.ratings\[0\]\.rating/,
    },
    { name: 'rating0.json', content: JSON.stringify(withRating(0)), message: /invalid data/ },
  ];
  for (const c of cases) {
    await importFile(page, { name: c.name, buffer: Buffer.from(c.content) });
    await expect(page.getByRole('main').getByRole('alert'), c.name).toHaveText(c.message);
    await expect(count(page, 'ratings')).toHaveText('2');
  }

  // Over 50 MB: refused before it is read.
  const dir = mkdtempSync(join(tmpdir(), 'pa-import-'));
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
  await importFile(page, huge);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/larger than 50 MB/);

  const after = await exportFile(page);
  expect(tablesOf(after.text)).toEqual(tablesOf(good.text));
});

test('a full storage quota gets a clear message and loses nothing', async ({ page, appOrigin }) => {
  test.setTimeout(120_000); // filling the quota takes a while on a busy machine
  // Chromium's own quota for this origin, lowered to 4 MB: room for the app, not for the file.
  const cdp = await page.context().newCDPSession(page);
  const origin = `${appOrigin}/`;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4_000_000 });
  await seedPersonalData(page);
  const good = await exportFile(page);

  const big = JSON.parse(good.text);
  // Random, so it stays big: Chromium compresses IndexedDB values (8 MB of "x" stores as ~0.4 MB).
  big.tables.settings.push({ key: 'padding', value: randomBytes(9_000_000).toString('base64') });
  await importFile(page, { name: 'big.json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByRole('alert').getByText(/Storage is full/)).toBeVisible();

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  const after = await exportFile(page);
  expect(tablesOf(after.text)).toEqual(tablesOf(good.text));
});

test('without IndexedDB (private mode) the shop still works and says nothing is saved', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openApp(page, '#/product/glasses-002');
  await expect(page.getByRole('alert').getByText(/does not allow storage/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: '3 stars' })).toBeDisabled();
  await page.goto('/#/shop');
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
});
