import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { VIEWS, mainNav, openApp, setLanguage } from './app';
import { PreviewServer } from './preview-server';
import { OUT_DIR, OUTPUT_DIR, port } from './slot';

/** Waits until the service worker has precached the shell and controls the page. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** One visit, as a user makes it: the page loads, and a reload is served by the service worker. */
async function firstVisit(page: Page, hash: string) {
  await openApp(page, hash);
  await waitForServiceWorker(page);
  await expect(async () => {
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
  }).toPass();
  await expect(page.locator('html[data-ready]')).toBeAttached();
}

async function visitEveryView(page: Page) {
  for (const language of ['en', 'zh-CN'] as const) {
    await setLanguage(page, language);
    for (const view of VIEWS) {
      const name = language === 'en' ? view.en : view.zh;
      await mainNav(page, language).getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeAttached();
    }
  }
  await setLanguage(page, 'en');
}

test.describe('offline', () => {
  const server = new PreviewServer(port(4191));
  test.use({ baseURL: server.origin });
  test.beforeEach(() => server.start());
  test.afterEach(() => server.stop());

  test('after one visit the app starts and every view works with the network cut', async ({
    page,
    context,
  }) => {
    await firstVisit(page, '#/product/glasses-001');
    await page.getByRole('radio', { name: '3 stars' }).check({ force: true });
    await expect(page.getByText('You rated this 3 out of 5.')).toBeVisible();

    // Cut the network for real: the server is gone.
    await server.stop();

    await page.reload();
    await expect(page.locator('html[data-ready]')).toBeAttached();
    await expect(page.getByText('You rated this 3 out of 5.')).toBeVisible();
    await visitEveryView(page);

    // A cold start too: a new tab, straight to a deep link.
    const second = await context.newPage();
    await second.goto('/#/my-data');
    await expect(second.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible();
    await expect(second.locator('tr[data-table="ratings"] td').first()).toHaveText('1');

    // The browser's own offline signal is shown, and the app keeps working.
    await context.setOffline(true);
    await expect(page.getByText('You are offline. Everything still works.')).toBeVisible();
    await mainNav(page).getByRole('link', { name: 'Shop', exact: true }).click();
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  });
});

test.describe('updates', () => {
  const server = new PreviewServer(port(4192));
  const root = join(OUTPUT_DIR, 'update');
  test.use({ baseURL: server.origin });
  test.afterEach(() => server.stop());

  test('a new version shows "new version available - reload", and Reload brings it in', async ({
    page,
  }) => {
    rmSync(root, { recursive: true, force: true });
    // Release B: the same build with a changed page, its precache revision changed to match.
    cpSync(OUT_DIR, join(root, 'a'), { recursive: true });
    cpSync(OUT_DIR, join(root, 'b'), { recursive: true });
    const html = join(root, 'b', 'index.html');
    writeFileSync(
      html,
      readFileSync(html, 'utf8').replace('<title>', '<meta name="release" content="b" /><title>'),
    );
    const sw = join(root, 'b', 'sw.js');
    const swText = readFileSync(sw, 'utf8');
    expect(swText).toMatch(/url:"index\.html",revision:"/);
    writeFileSync(sw, swText.replace(/(url:"index\.html",revision:")[^"]+/, '$1release-b'));

    await server.start(join(root, 'a'));
    await openApp(page);
    await waitForServiceWorker(page);
    await server.stop();
    await server.start(join(root, 'b'));

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version is available.')).toBeVisible();
    await expect(page.locator('meta[name="release"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="release"]')).toHaveCount(1);
    await expect(page.getByText('A new version is available.')).toHaveCount(0);
  });
});

test('the web manifest makes the app installable, with generated icons', async ({
  page,
  request,
}) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe('Private Aisle');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.ok()).toBe(true);
    expect(res.headers()['content-type']).toContain('image/png');
  }
});
