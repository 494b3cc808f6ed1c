import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { VIEWS, mainNav, openApp, setLanguage } from './app';

test('the five views are reachable from the main navigation, in English and Chinese', async ({
  page,
}) => {
  await openApp(page);
  for (const language of ['en', 'zh-CN'] as const) {
    await setLanguage(page, language);
    const nav = mainNav(page, language);
    for (const view of VIEWS) {
      const name = language === 'en' ? view.en : view.zh;
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${view.hash.replace('/', '\\/')}$`));
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeAttached();
    }
  }
});

test('the language follows the browser and a switch is remembered', async ({
  browser,
  appOrigin,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN', baseURL: appOrigin });
  const page = await context.newPage();
  // This test makes its own context (for the browser language), so it watches egress itself.
  const { watchEgress } = await import('./fixtures');
  const egress = await watchEgress(context, appOrigin);
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(
    mainNav(page, 'zh-CN').getByRole('link', { name: '商店', exact: true }),
  ).toBeVisible();
  await setLanguage(page, 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(mainNav(page).getByRole('link', { name: 'Shop', exact: true })).toBeVisible();
  await context.close();
  expect(egress.problems).toEqual([]);
});

test('every view has no serious or critical accessibility violation, in both languages', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const hashes = [...VIEWS.map((v) => v.hash), '#/product/glasses-001'];
  for (const language of ['en', 'zh-CN'] as const) {
    await setLanguage(page, language);
    for (const hash of hashes) {
      await page.goto(`/${hash}`);
      await expect(page.locator('h1')).toBeAttached();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${language} ${hash}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
      expect(serious).toEqual([]);
    }
  }
});

test('the shell is served with a strict Content-Security-Policy, as a header and a meta tag', async ({
  page,
}) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  for (const policy of [header, meta]) {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/https?:\/\//);
  }
  // No inline script anywhere in the shipped page.
  expect(await page.locator('script:not([src])').count()).toBe(0);
});
