import { test, expect } from './fixtures';
import { openApp } from './app';

// Long tasks are wall-clock: on a 2-core machine another test's training would stretch ours.
// This file runs alone, after the others (playwright.config.ts, project "ui-thread").

test('retraining runs off the UI thread: no long task over 50 ms', async ({ page }) => {
  await openApp(page, '#/for-you');
  // The model ships trained: the first list needs no training, so this one is the first.
  await expect(page.getByRole('button', { name: 'Retrain now' })).toBeVisible();
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
