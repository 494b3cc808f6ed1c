import { test as base } from '@playwright/test';
import { test, expect, watchEgress } from './fixtures';
import { VIEWS, mainNav, openApp, setLanguage } from './app';

// One walk per language: each fits the test's time on a busy machine.
for (const language of ['en', 'zh-CN'] as const) {
  test(`a walk through all five views in ${language} sends nothing`, async ({
    page,
    egress,
    appOrigin,
  }) => {
    await openApp(page);
    await setLanguage(page, language);
    for (const view of VIEWS) {
      await mainNav(page, language)
        .getByRole('link', { name: language === 'en' ? view.en : view.zh, exact: true })
        .click();
      await expect(page.locator('h1')).toBeAttached();
    }
    // Everything was a GET for a file of our own origin (the fixture asserts the rest).
    expect(egress.requests.length).toBeGreaterThan(0);
    for (const r of egress.requests.filter((r) => !r.url.startsWith('data:'))) {
      expect(new URL(r.url).origin).toBe(appOrigin);
      expect(r.method).toBe('GET');
    }
  });
}

// The fixture itself must be able to fail: each of these breaks the promise once.
base.describe('the zero-egress fixture catches', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a request to another origin',
      `fetch('http://tracker.invalid/pixel').catch(() => {})`,
      /CSP violation: connect-src/,
    ],
    [
      'a non-GET request to our own origin',
      `fetch('/collect', { method: 'POST', body: 'x' }).catch(() => {})`,
      /non-GET request: POST/,
    ],
    ['an uncaught error', `setTimeout(() => { throw new Error('boom') })`, /page error: boom/],
    [
      'an image from another origin',
      `document.body.append(Object.assign(document.createElement('img'), { src: 'https://cdn.invalid/x.png' }))`,
      /CSP violation: img-src/,
    ],
  ];
  for (const [what, script, expected] of cases) {
    base(what, async ({ context, page, baseURL }) => {
      const egress = await watchEgress(context, new URL(baseURL!).origin);
      await openApp(page);
      await page.evaluate(script);
      await expect.poll(() => egress.problems.join('\n')).toMatch(expected);
    });
  }
});
