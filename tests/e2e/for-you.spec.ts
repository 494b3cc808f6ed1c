import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp } from './app';

const recommendations = (page: Page) =>
  page.getByRole('region', { name: 'Recommended for you' }).getByRole('listitem');

async function recommendedIds(page: Page): Promise<string[]> {
  const links = recommendations(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map((h) =>
    decodeURIComponent(h.replace('#/product/', '')),
  );
}

test('For you trains on the device, then follows what the shopper likes at once', async ({
  page,
}) => {
  await openApp(page, '#/for-you');
  await expect(page.getByText(/Trained in [\d.]+ s/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('engine')).toHaveText('JS');
  const before = await recommendedIds(page);
  expect(before).toHaveLength(10);

  // Cold start: pick favourites; the list changes without waiting for a retrain.
  // The starters are one product per category, in catalog order: glasses, sunglasses, hats, earrings...
  const starters = page.getByRole('region', { name: 'Pick a few favourites' }).getByRole('button');
  const hats = starters.nth(2);
  const earrings = starters.nth(3);
  await hats.click();
  await expect(hats).toHaveAttribute('aria-pressed', 'true');
  await earrings.click();
  await expect(page.getByText(/^Because you liked /).first()).toBeVisible();
  const after = await recommendedIds(page);
  expect(after).not.toEqual(before);

  // Diversity: at most three of one category among the ten.
  const perCategory = new Map<string, number>();
  for (const id of after) {
    const category = id.replace(/-\d+$/, '');
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
  }
  expect(Math.max(...perCategory.values())).toBeLessThanOrEqual(3);

  // Liked items are not recommended back.
  const likedNames = (await page.getByRole('button', { pressed: true }).allTextContents()).map(
    (t) => t.trim(),
  );
  expect(likedNames).toHaveLength(2);
  const recommendedNames = await recommendations(page).locator('.name').allTextContents();
  expect(recommendedNames.filter((n) => likedNames.includes(n.trim()))).toEqual([]);

  // The model is stored on the device and used after a reload without retraining.
  await page.reload();
  await expect(recommendations(page).first()).toBeVisible();
  await expect(page.getByText(/Trained in/)).toHaveCount(0);
  await page.goto('/#/my-data');
  await expect(page.locator('tr[data-table="modelSnapshots"] td').first()).toHaveText('1');
});

test('retraining runs off the UI thread: no long task over 50 ms', async ({ page }) => {
  await openApp(page, '#/for-you');
  await expect(page.getByText(/Trained in/)).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Retrain now' }).click();
  await expect(page.getByText(/Trained in/)).toBeVisible({ timeout: 30_000 });
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
});
