import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  eraseEverything,
  helpAsker,
  openApp,
  rawRows,
  setLanguage,
  waitForServiceWorker,
} from './app';
import { zipOf } from '../unit/helpers/pack-files';

// Staff make a device their shop at run time (My data → Shop settings, behind the staff PIN): the
// example pack (a Shopify export with pictures, a logo, a Chinese title and shop.json in pounds)
// loaded as a .zip into the demo build, read and pictured in a worker, stored on the device.

const panel = (page: Page) => page.getByRole('region', { name: /^(Shop settings|店铺设置)$/ });
const grid = (page: Page) => page.getByRole('main').getByRole('list', { name: 'Shop' });

async function choosePack(page: Page, folder: string, name: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    panel(page).getByRole('button', { name: 'Load a shop pack (.zip)' }).click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(zipOf(folder, 'pack/')),
  });
}

/** A restart (the page loads again and reads the shop from storage): seconds on a busy machine. */
const RESTART = { timeout: 60_000 };

/** A fresh device: the first staff PIN, then the example pack, then the app restarted on it. */
async function loadExampleShop(page: Page) {
  await openApp(page, '#/my-data');
  await panel(page).getByLabel('Staff PIN (4 to 8 digits)').fill('2468');
  await panel(page).getByRole('button', { name: 'Set the PIN' }).click();
  await choosePack(page, 'shopify', 'northway.zip');
  await expect(panel(page).getByRole('status')).toContainText('is ready', { timeout: 60_000 });
  await panel(page).getByRole('button', { name: 'Open the shop' }).click();
  await expect(page.getByRole('banner')).toContainText('Northway Outfitters', RESTART);
}

async function unlock(page: Page, pin: string) {
  await panel(page).getByLabel('Staff PIN (4 to 8 digits)').fill(pin);
  await panel(page).getByRole('button', { name: 'Unlock' }).click();
}

test('staff load a shop pack on the device: it is the shop from then on, offline and after an erase', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, '#/my-data');
  await setLanguage(page, 'zh-CN');
  await expect(panel(page)).toContainText('请先设置员工 PIN');
  await setLanguage(page, 'en');

  // The first staff PIN, then the pack.
  await expect(panel(page)).toContainText('Choose a staff PIN first.');
  await panel(page).getByLabel('Staff PIN (4 to 8 digits)').fill('12');
  await panel(page).getByRole('button', { name: 'Set the PIN' }).click();
  await expect(panel(page).getByRole('alert')).toHaveText('The PIN must be 4 to 8 digits.');
  await panel(page).getByLabel('Staff PIN (4 to 8 digits)').fill('2468');
  await panel(page).getByRole('button', { name: 'Set the PIN' }).click();
  await expect(panel(page)).toContainText('This device runs the shop the app was built with.');

  await choosePack(page, 'shopify', 'northway.zip');
  const done = panel(page).getByRole('status');
  await expect(done).toContainText('Northway Outfitters is ready: 7 products', { timeout: 60_000 });
  // What the build log would say, said to staff: a picture given as a web address is drawn.
  await expect(done).toContainText('desk-lamp');
  await panel(page).getByRole('button', { name: 'Open the shop' }).click();

  // The app starts again as that shop: its name, logo, prices, products, pictures, search. A
  // restart (the page loaded again, the shop read from storage) takes longer than one look's
  // 10 s on a busy machine, so both restarts here have a limit of their own.
  await expect(page.getByRole('banner')).toContainText('Northway Outfitters', RESTART);
  await expect(page.getByRole('banner').locator('img')).toHaveAttribute(
    'src',
    /^shop\/img\/logo-[0-9a-f]{12}\.png$/,
  );
  await page.goto('/#/shop');
  await expect(grid(page).getByRole('listitem')).toHaveCount(7);
  await expect(grid(page)).toContainText('£');
  expect(await rawRows(page, 'products')).toHaveLength(7);
  await page.getByRole('searchbox').fill('棒球帽');
  await expect(page.locator('p.count')).toHaveText('1 product');
  await expect(grid(page).getByRole('listitem')).toContainText('Red Baseball Cap');

  await page.goto('/#/product/red-cap');
  const picture = page.getByRole('main').getByRole('img', { name: 'Red Baseball Cap' });
  await expect(picture).toHaveAttribute('src', /(^\/?shop\/img\/[0-9a-f]{16}-\d+\.webp$)|^blob:/);
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  // Offline, with the service worker in control: still that shop.
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('Northway Outfitters');
  await expect(grid(page).getByRole('listitem')).toHaveCount(7);
  await page.context().setOffline(false);

  // A shopper erasing their data does not change the shop: its catalog is stored again.
  await page.goto('/#/my-data');
  await eraseEverything(page);
  await expect.poll(async () => (await rawRows(page, 'products')).length).toBe(7);
  await openApp(page, '#/my-data');
  await expect(page.getByRole('banner')).toContainText('Northway Outfitters');

  // Still behind the PIN; a bad pack is every problem, and changes nothing.
  await unlock(page, '1111');
  await expect(panel(page).getByRole('alert')).toHaveText('Wrong PIN.');
  await unlock(page, '2468');
  await expect(panel(page)).toContainText('This device runs Northway Outfitters (7 products).');
  await choosePack(page, 'bad', 'bad.zip');
  const problems = panel(page).getByRole('alert');
  await expect(problems).toContainText(/The pack has \d+ problems\. Nothing was changed/);
  await expect(problems).toContainText('products.csv:');
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('Northway Outfitters');
  await expect(grid(page).getByRole('listitem')).toHaveCount(7);

  // Back to the shop the app was built with.
  await openApp(page, '#/my-data');
  await unlock(page, '2468');
  await panel(page).getByRole('button', { name: 'Use the built-in shop again' }).click();
  await expect(page.getByRole('banner')).not.toContainText('Northway Outfitters', RESTART);
  await page.goto('/#/shop');
  await expect(page.locator('p.count')).toHaveText('252 products');
});

test('a loaded shop’s policies and FAQ are the assistant’s, trained on the device', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await loadExampleShop(page);
  await page.goto('/#/help');
  await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 200_000 });
  const ask = helpAsker(page);
  const shipping = await ask('how much does delivery cost?');
  await expect(shipping).toContainText('£50'); // its shop.json: free shipping from £50
  await expect(shipping).not.toContainText('¥');
  // Its own faq.csv, with its phone number from shop.json.
  await expect(await ask('Is there a walking club?')).toContainText('+44 20 7946 0018');
});
