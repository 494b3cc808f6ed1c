import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp } from './app';

const ML_100K = resolve('..', 'shared', 'data', 'ml-100k');

async function chooseFiles(
  page: Page,
  files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0],
) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import ratings' }).click(),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

const region = (page: Page) => page.getByRole('region', { name: 'Import ratings' });

test('a shop CSV is imported in a worker, bad rows are counted, and a bad file changes nothing', async ({
  page,
}) => {
  await openApp(page, '#/my-data');
  const csv = [
    'user,item,rating,timestamp',
    'c1,glasses-001,5,1700000000',
    'c1,hats-003,4,1700000100',
    'c2,bags-002,2,1700000200',
    'c2,not-a-product,5,1700000300',
    'c3,hats-003,eleven,1700000400',
  ].join('\n');
  await chooseFiles(page, {
    name: 'shop-ratings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(region(page).getByRole('status')).toHaveText(
    /Imported 3 ratings from 2 people on 3 items\. 2 rows could not be used and were skipped \(the first: shop-ratings\.csv:6\)\./,
  );
  await expect(page.locator('tr[data-table="datasets"] td').first()).toHaveText('1');

  await chooseFiles(page, {
    name: 'notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('dear diary\nhello\n'),
  });
  await expect(region(page).getByRole('alert')).toHaveText(
    'This is not a ratings file. Nothing was changed.',
  );
  await expect(region(page).getByRole('listitem')).toHaveText(/shop-ratings\.csv/);

  await region(page).getByRole('button', { name: 'Remove shop-ratings.csv' }).click();
  await expect(page.locator('tr[data-table="datasets"] td').first()).toHaveText('0');
});

test('the files of a MovieLens folder become a demo data set', async ({ page }) => {
  test.skip(
    !existsSync(ML_100K),
    `MovieLens 100K is missing (${ML_100K}); this test needs u.data and u.item`,
  );
  await openApp(page, '#/my-data');
  await chooseFiles(page, [resolve(ML_100K, 'u.data'), resolve(ML_100K, 'u.item')]);
  await expect(region(page).getByRole('status')).toHaveText(
    'Imported 100,000 ratings from 943 people on 1,682 items.',
    { timeout: 30_000 },
  );
  await expect(region(page).getByRole('listitem')).toHaveText(/MovieLens \(u\.data\)/);

  // For you can switch to it and learn it, off the UI thread, with a falling validation RMSE.
  await page.goto('/#/for-you');
  await page.getByRole('radio', { name: 'MovieLens demo' }).check();
  await page.getByRole('button', { name: 'Train on MovieLens' }).click();
  const done = page.getByText(/Trained in [\d.]+ s · Validation RMSE (\d\.\d+)/);
  await expect(done).toBeVisible({ timeout: 60_000 });
  const rmse = Number((await done.innerText()).match(/RMSE (\d\.\d+)/)![1]);
  expect(rmse).toBeLessThan(0.95);
  await expect(page.getByRole('img', { name: /^Validation RMSE per epoch/ })).toBeVisible();

  const recommended = page
    .getByRole('region', { name: 'Recommended to them' })
    .getByRole('listitem');
  await expect(recommended).toHaveCount(10);
  await expect(
    page.getByRole('region', { name: 'Their favourites' }).getByRole('listitem'),
  ).toHaveCount(5);
  await expect(recommended.filter({ hasText: /Because they liked / }).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'MovieLens user' }).selectOption('2');
  await expect(recommended).toHaveCount(10);
});
