import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import {
  eraseEverything,
  helpAsker,
  openApp,
  rawRows,
  setLanguage,
  waitForServiceWorker,
} from './app';
import { PreviewServer } from './preview-server';
import { OUT_DIR, port } from './slot';
import { zipOf } from '../unit/helpers/pack-files';

// A shop built from its own files: the example pack in tests/fixtures (a Shopify product CSV
// with variants, pictures and a Chinese title; a shop.json in pounds), zipped as a shop would
// send it and built with `AISLE_SHOP=<pack.zip> npm run build` (the demo shop is built from its
// folder), served on its own port. Built as a large shop is (AISLE_INLINE_PRODUCTS=0): its
// catalog a file stored on the device, not in the app's code, so these tests cover that path and
// the demo shop's cover the other.

const outDir = `${OUT_DIR}-example`;

test.describe('a shop built from its shop pack', () => {
  test.describe.configure({ mode: 'default' });
  const server = new PreviewServer(port(4195));
  test.use({ baseURL: server.origin });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const zip = `${outDir}.zip`;
    writeFileSync(zip, zipOf('shopify', 'northway/'));
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'warn'],
      {
        env: { ...process.env, AISLE_SHOP: zip, AISLE_TEST_PAGES: '', AISLE_INLINE_PRODUCTS: '0' },
        encoding: 'utf8',
      },
    );
    expect(build.status, build.stderr).toBe(0);
    // The build log names the pictures it could not have.
    expect(build.stderr + build.stdout).toContain('desk-lamp');
    await server.start(outDir);
  });
  test.afterAll(() => server.stop());

  test('its name, its prices in pounds, its products found in both languages', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('banner')).toContainText('Northway Outfitters');
    // Its own logo, from its pack, served from our origin.
    await expect(page.getByRole('banner').locator('img')).toHaveAttribute(
      'src',
      /^shop\/logo-[0-9a-f]{12}\.png$/,
    );
    const grid = page.getByRole('main').getByRole('list', { name: /^(Shop|商店)$/ });
    // Seven products: the draft and the unpublished ones are left out.
    await expect(page.locator('p.count')).toHaveText('7 products');
    await expect(grid).not.toContainText('Winter Beanie');
    await expect(grid).toContainText('£');

    const search = page.getByRole('searchbox');
    await search.fill('棒球帽'); // the Chinese title, from the "Title [zh-CN]" column
    await expect(page.locator('p.count')).toHaveText('1 product');
    await expect(grid.getByRole('listitem')).toContainText('Red Baseball Cap');

    await setLanguage(page, 'zh-CN');
    await expect(page.getByRole('banner')).toContainText('北路户外');
    await page.getByRole('searchbox').fill('baseball cap');
    await expect(grid.getByRole('listitem').first()).toContainText('红色棒球帽');
  });

  test('its catalog is stored on the device, and the shop works from there, offline too', async ({
    page,
  }) => {
    const catalogFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/shop/catalog-')) catalogFiles.push(new URL(r.url()).pathname);
    });
    await openApp(page);
    const grid = page.getByRole('main').getByRole('list', { name: 'Shop' });
    await expect(grid.getByRole('listitem')).toHaveCount(7);
    expect(catalogFiles).toEqual([expect.stringMatching(/^\/shop\/catalog-[0-9a-f]{12}\.bin$/)]);
    // Not in the app's code: the products are in IndexedDB.
    expect(await rawRows(page, 'products')).toHaveLength(7);

    // For you names its products (read from storage) and its departments.
    await page.goto('/#/for-you');
    const recommended = page.locator('ol.recommendations > li');
    await expect(recommended.first()).toContainText('£');
    await expect(recommended.first().locator('.name')).not.toBeEmpty();

    // A product page opened by its address reads its product from storage.
    await page.goto('/#/product/red-cap');
    await expect(page.getByRole('heading', { name: 'Red Baseball Cap' })).toBeVisible();
    await page.goto('/#/product/no-such-thing');
    await expect(page.getByRole('heading', { name: 'This product does not exist.' })).toBeVisible();

    // Offline, once the service worker holds the app: the shop still shows and finds its products.
    await waitForServiceWorker(page);
    await page.context().setOffline(true);
    await openApp(page);
    await expect(grid.getByRole('listitem')).toHaveCount(7);
    await page.getByRole('searchbox').fill('baseball');
    await expect(grid.getByRole('listitem').first()).toContainText('Red Baseball Cap');
    await page.context().setOffline(false);
    expect(catalogFiles).toHaveLength(1); // stored once, not fetched again

    // Erase all my data deletes the database: the shop stores its catalog again by itself.
    await page.goto('/#/my-data');
    await eraseEverything(page);
    await expect.poll(async () => (await rawRows(page, 'products')).length).toBe(7);
    await page.goto('/#/shop');
    await expect(grid.getByRole('listitem')).toHaveCount(7);
  });

  test('its pictures were made at build time and come from our own origin', async ({ page }) => {
    await openApp(page, '#/product/red-cap');
    const picture = page.getByRole('main').getByRole('img', { name: 'Red Baseball Cap' });
    await expect(picture).toHaveAttribute('src', /^\/?shop\/img\/[0-9a-f]{16}-\d+\.webp$/);
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // A picture the build could not fetch is drawn on the device instead.
    await openApp(page, '#/product/desk-lamp');
    await expect(
      page.getByRole('main').getByRole('img', { name: 'Brass Desk Lamp' }),
    ).toHaveAttribute('src', /^data:image\/svg\+xml/);
  });

  test('its policy, not the demo’s, in the assistant’s shipping answer', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page, '#/help');
    await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 150_000 });
    const box = page.getByRole('textbox', { name: 'Ask a question' });
    await box.fill('how much does delivery cost?');
    await box.press('Enter');
    const answer = page.locator('[data-role="assistant"]').last();
    await expect(answer).toContainText('£50'); // shop.json: free shipping from £50
    await expect(answer).not.toContainText('¥');
  });

  test('its own FAQ (faq.csv) answers at once, in both languages, with the model shipped for it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openApp(page, '#/help');
    const ready = page.getByTestId('assistant-ready');
    // Trained at build time on the built-in FAQ merged with the pack's: nothing to train here.
    await expect(ready).toContainText('Ready: using the model that came with the app', {
      timeout: 60_000,
    });
    const ask = helpAsker(page);
    // A new intent of the pack's, its {phone} filled from shop.json.
    const walks = await ask('Is there a walking club?');
    await expect(walks).toContainText('Our walking club meets every Saturday');
    await expect(walks).toContainText('+44 20 7946 0018');
    // A built-in intent the pack takes over: its answer, with the pack's free-shipping value.
    await expect(await ask('Do you sell gift cards?')).toContainText(
      'Northway gift cards come in £10, £25 and £50',
    );
    await expect(await ask('可以租帐篷吗')).toContainText('帐篷、背包和登山杖周末租金 £8 起');
  });
});
