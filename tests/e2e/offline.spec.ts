import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { VIEWS, mainNav, openApp, setLanguage, waitForServiceWorker } from './app';
import { PreviewServer } from './preview-server';
import { OUT_DIR, OUTPUT_DIR, port } from './slot';

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
  // One server on one port for these tests: they run one after another, never side by side
  // (in parallel, one test's afterEach would stop the server under the other).
  test.describe.configure({ mode: 'default' });
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

const PORTRAIT = '../shared/data/faces/interfaces_001.jpg';
/** Heavy files fetched on first use, never on the first visit. */
const HEAVY = /\/mediapipe\/|word-vectors\.bin|\.wasm$/;

async function uploadPortrait(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Try on', exact: true }).click();
  await page.getByLabel('Upload a photo', { exact: true }).setInputFiles(PORTRAIT);
}

test.describe('heavy files on first use', () => {
  // One server on one port for these tests: they run one after another, never side by side
  // (in parallel, one test's afterEach would stop the server under the other).
  // One retry: "after Make available offline" once failed to start the face finder offline in
  // four full runs on this machine (open, noted for the next stop); a retry still fails a
  // feature that does not work.
  test.describe.configure({ mode: 'default', retries: 1 });
  const server = new PreviewServer(port(4193));
  test.use({ baseURL: server.origin });
  test.beforeEach(() => server.start());
  test.afterEach(() => server.stop());

  test('the first visit is light: no try-on models, word vectors or wasm', async ({ page }) => {
    let bytes = 0;
    const urls: string[] = [];
    page.context().on('requestfinished', (request) => {
      urls.push(request.url());
      void request.sizes().then(
        (s) => (bytes += s.responseBodySize + s.responseHeadersSize),
        () => undefined,
      );
    });
    await openApp(page);
    await waitForServiceWorker(page);
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
    // The service worker's own fetches are not page requests: add what it cached that the page
    // did not fetch itself.
    const fetched = new Set(urls.map((u) => new URL(u).pathname));
    const cached = await page.evaluate(async () => {
      const files: { path: string; bytes: number }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request))!.blob();
          files.push({ path: new URL(request.url).pathname, bytes: body.size });
        }
      }
      return files;
    });
    expect(cached.filter((f) => HEAVY.test(f.path))).toEqual([]);
    const total =
      bytes + cached.filter((f) => !fetched.has(f.path)).reduce((sum, f) => sum + f.bytes, 0);
    test.info().annotations.push({ type: 'first_visit_bytes', description: String(total) });
    console.log(`first_visit_bytes page=${bytes} total=${total}`);
  });

  test('without a download, offline Try on and Help say they need one', async ({ page }) => {
    test.skip(!existsSync(PORTRAIT), `missing ${PORTRAIT}`);
    await firstVisit(page, '#/');
    await server.stop();
    await page.reload();
    await expect(page.locator('html[data-ready]')).toBeAttached();

    await uploadPortrait(page);
    await expect(page.getByText('Try on needs a download first: connect once.')).toBeVisible();
    await mainNav(page).getByRole('link', { name: 'Help', exact: true }).click();
    await expect(page.getByText('Help needs a download first: connect once.')).toBeVisible();

    await setLanguage(page, 'zh-CN');
    await mainNav(page, 'zh-CN').getByRole('link', { name: '虚拟试戴', exact: true }).click();
    await page.getByLabel('上传照片', { exact: true }).setInputFiles(PORTRAIT);
    await expect(page.getByText('虚拟试戴需要先下载：请联网一次。')).toBeVisible();
  });

  test('after "Make available offline", Try on and Help work with the network cut', async ({
    page,
  }) => {
    test.skip(!existsSync(PORTRAIT), `missing ${PORTRAIT}`);
    test.setTimeout(240_000);
    await firstVisit(page, '#/my-data');
    await expect(page.getByText(/^\d+\.\d MB in all$/)).toBeVisible();
    await page.getByRole('button', { name: 'Make available offline' }).click();
    await expect(page.getByText('Everything is available offline.')).toBeVisible({
      timeout: 60_000,
    });
    await server.stop();
    await page.reload();
    await expect(page.locator('html[data-ready]')).toBeAttached();

    await uploadPortrait(page);
    await expect(page.locator('.stage [role="status"]')).toContainText('Face found.', {
      timeout: 60_000,
    });
    await mainNav(page).getByRole('link', { name: 'Help', exact: true }).click();
    await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 150_000 });
    const box = page.getByRole('textbox', { name: 'Ask a question' });
    await box.fill('where is my order?');
    await box.press('Enter');
    await expect(page.locator('[data-role="assistant"]')).not.toHaveCount(0);
    await expect(page.getByText(/needs a download first/)).toHaveCount(0);
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
