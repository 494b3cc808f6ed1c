import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { VIEWS, mainNav, openApp, setLanguage } from './app';

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

test('after one visit the app starts and every view works with the network cut', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await openApp(page, '#/product/glasses-001');
  await page.getByRole('radio', { name: '3 stars' }).check({ force: true });
  await expect(page.getByText('You rated this 3 out of 5.')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html[data-ready]')).toBeAttached();
  await expect(page.getByText('You are offline. Everything still works.')).toBeVisible();
  await expect(page.getByText('You rated this 3 out of 5.')).toBeVisible();
  for (const language of ['en', 'zh-CN'] as const) {
    await setLanguage(page, language);
    for (const view of VIEWS) {
      const name = language === 'en' ? view.en : view.zh;
      await mainNav(page, language).getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeAttached();
    }
  }
  // A cold start offline too: a new tab in the same browser profile.
  const second = await context.newPage();
  await second.goto('/#/shop');
  await expect(second.getByRole('main').getByRole('listitem').first()).toBeVisible();
});

test.describe('updates', () => {
  const PORT = 4191;
  const ORIGIN = `http://localhost:${PORT}`;
  const root = join('tests', '.output', 'update');
  let server: ChildProcess | undefined;

  async function serve(dir: string) {
    server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(PORT), '--strictPort'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      if (await fetch(ORIGIN).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('preview server did not start');
  }
  function stop() {
    server?.kill();
    server = undefined;
  }
  test.afterEach(stop);

  test.use({ baseURL: ORIGIN });

  test('a new version shows "new version available - reload", and Reload brings it in', async ({ page }) => {
    rmSync(root, { recursive: true, force: true });
    // Version B: the same build with a changed page, as a real release would change it.
    cpSync('dist', join(root, 'a'), { recursive: true });
    cpSync('dist', join(root, 'b'), { recursive: true });
    const html = join(root, 'b', 'index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('<title>', '<meta name="release" content="b" /><title>'));
    const sw = join(root, 'b', 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/(url:"index\.html",revision:")[^"]+/, '$1release-b'));

    await serve(join(root, 'a'));
    await openApp(page);
    await waitForServiceWorker(page);
    stop();
    await new Promise((r) => setTimeout(r, 300));

    await serve(join(root, 'b'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version is available.')).toBeVisible();
    await expect(page.locator('meta[name="release"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="release"]')).toHaveCount(1);
    await expect(page.getByText('A new version is available.')).toHaveCount(0);
  });
});

test('the web manifest makes the app installable, with generated icons', async ({ page, request }) => {
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
