import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { attract, expectAccessible, PIN, rateWithKeyboard, rawRows, startKiosk } from './app';

const SHOPPER_TABLES = ['ratings', 'events', 'conversations', 'gallery', 'promotionEvents'];

/** Rows per table for a profile, read straight from IndexedDB. */
async function rowsOf(page: Page, profileId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SHOPPER_TABLES) {
    const rows = await rawRows<{ profileId: string }>(page, table);
    counts[table] = rows.filter((r) => r.profileId === profileId).length;
  }
  return counts;
}

/** A try-on snapshot, written the way the try-on's gallery stores one (that view is not built yet). */
function writeSnapshot(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('private-aisle');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['gallery'], 'readwrite');
          tx.objectStore('gallery').add({
            profileId: 'guest',
            productIds: ['glasses-002'],
            createdAt: Date.now(),
            image: new Uint8Array([0xff, 0xd8, 0xff]).buffer,
            mimeType: 'image/jpeg',
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A shopper's visit: ratings, a cart event, a search typed, a language change, chat, snapshot. */
async function shop(page: Page) {
  await attract(page).click();
  await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
  // Links replace the history entry: Back can't walk through a previous shopper's pages.
  const historyLength = await page.evaluate(() => history.length);
  await page.getByRole('list', { name: 'Shop' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/product\//);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  await page.evaluate(() => location.replace('#/shop'));
  await page.getByRole('searchbox', { name: 'Search products' }).fill('red');
  // In-app navigation (a reload would end the session: that is the point of a kiosk).
  await page.evaluate(() => location.replace('#/product/glasses-002'));
  await rateWithKeyboard(page, 5);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  // A question to the Help assistant, stored as the guest's conversation.
  await page.evaluate(() => location.replace('#/help'));
  await page
    .getByRole('textbox', { name: 'Ask a question' })
    .fill('Can I return glasses bought in the sale, size 40?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(async () => (await rowsOf(page, 'guest')).conversations, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
  await writeSnapshot(page);
  await page.evaluate(async () => {
    const cache = await caches.open('tryon-runtime');
    await cache.put('/kiosk-probe', new Response('shopper data'));
    sessionStorage.setItem('probe', '1');
  });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const stored = await rowsOf(page, 'guest');
  expect(stored.ratings).toBe(1);
  expect(stored.events).toBeGreaterThan(0);
  expect(stored.conversations).toBeGreaterThanOrEqual(1);
  expect(stored.gallery).toBe(1);
  expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
}

async function expectNothingLeft(page: Page) {
  await expect(attract(page)).toBeVisible();
  expect(await rowsOf(page, 'guest')).toEqual(
    Object.fromEntries(SHOPPER_TABLES.map((t) => [t, 0])),
  );
  const { cacheNames, local, session } = await page.evaluate(async () => ({
    cacheNames: await caches.keys(),
    local: localStorage.length,
    session: sessionStorage.length,
  }));
  // Only the app's own files stay (the precache, and the assets fetched for offline use).
  expect(cacheNames.filter((n) => !/^(workbox-precache|private-aisle-assets$)/.test(n))).toEqual(
    [],
  );
  expect(local).toBe(0);
  expect(session).toBe(0);
}

test('a shopper session is erased after the idle countdown, and the kiosk is back to attract', async ({
  page,
}) => {
  // A whole shopper's visit, Help's answer included, then the countdowns: long on a busy machine.
  test.setTimeout(150_000);
  await page.clock.install();
  await startKiosk(page);
  // A shop's own data is not a shopper's: it must survive every reset.
  const before = await rowsOf(page, 'me');
  await shop(page);

  // From here the page's clock stands still but for these jumps, while its timers keep running:
  // on a busy machine, checking the dialog (axe takes seconds) can't run the countdown out.
  const start = await page.evaluate(() => Date.now());
  const at = (ms: number) => page.clock.setFixedTime(start + ms);
  await at(80_000);
  await page.waitForTimeout(1_500); // the kiosk's checks run every second
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await at(91_000);
  const ask = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(ask).toBeVisible();
  await expectAccessible(page, 'are you still there');
  // "I'm still here" (any touch or key does the same) keeps the session.
  await ask.getByRole('button', { name: 'I’m still here' }).focus();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  expect((await rowsOf(page, 'guest')).ratings).toBe(1);

  await at(91_000 + 91_000);
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(/ends in \d+ seconds/);
  await at(91_000 + 91_000 + 16_000);
  await expectNothingLeft(page);
  expect(await rowsOf(page, 'me')).toEqual(before);

  // The next shopper starts clean: no search text, the guest has no rating.
  await attract(page).click();
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('');
  await page.evaluate(() => location.replace('#/product/glasses-002'));
  await expect(page.getByText('Not rated yet.')).toBeVisible();
  await page.evaluate(() => location.replace('#/help'));
  await expect(page.getByRole('textbox', { name: 'Ask a question' })).toBeVisible();
  await expect(page.getByText('Can I return glasses bought in the sale, size 40?')).toHaveCount(0);
});

test('End session erases at once; staff leave only with the right PIN', async ({ page }) => {
  // A whole shopper's visit, axe twice, a reload and the staff PIN: long on a busy machine.
  test.setTimeout(150_000);
  await page.clock.install();
  await startKiosk(page);
  await expectAccessible(page, 'attract screen');
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
  await shop(page);
  // A kiosk shopper can't reach the shop's own profiles or data.
  await expect(page.getByRole('link', { name: 'My data' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Profile' })).toHaveCount(0);

  await page.getByRole('button', { name: 'End session' }).click();
  await expectNothingLeft(page);

  await attract(page).click();
  await page.getByRole('button', { name: 'Staff' }).click();
  const staff = page.getByRole('dialog', { name: 'Leave kiosk mode' });
  const leave = staff.getByRole('button', { name: 'Leave kiosk mode' });
  for (let i = 0; i < 5; i++) {
    await staff.getByLabel('Staff PIN').fill('1357');
    await leave.click();
    await expect(staff.getByRole('alert')).toHaveText('Wrong PIN. Kiosk mode stays on.');
  }
  // Guessing is slowed down: even the right PIN waits a minute after five wrong ones.
  await staff.getByLabel('Staff PIN').fill(PIN);
  await leave.click();
  await expect(staff.getByRole('alert')).toHaveText(
    'Too many wrong PINs. Wait a minute, then try again.',
  );
  await expect(attract(page)).toHaveCount(0);
  await page.clock.fastForward(61_000);
  await staff.getByLabel('Staff PIN').fill(PIN);
  await staff.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(page.getByRole('link', { name: 'My data' })).toBeVisible();
  await expect(attract(page)).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
});
