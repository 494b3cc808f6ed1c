/**
 * The zero-egress fixture. Every end-to-end test imports `test` from here, and fails on:
 * a request to any other origin, any non-GET request, any CSP violation, any uncaught page error.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

export interface Egress {
  /** Everything that broke the privacy promise or crashed, as readable lines. */
  problems: string[];
  /** Every request seen, for tests that look closer. */
  requests: { method: string; url: string }[];
}

/** Local schemes never leave the browser. */
const LOCAL = new Set(['data:', 'blob:', 'about:', 'chrome-extension:']);

export async function watchEgress(context: BrowserContext, appOrigin: string): Promise<Egress> {
  const egress: Egress = { problems: [], requests: [] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    egress.requests.push({ method: request.method(), url: request.url() });
    if (LOCAL.has(url.protocol)) return;
    if (url.origin !== appOrigin)
      egress.problems.push(`request to another origin: ${request.url()}`);
    if (request.method() !== 'GET') {
      egress.problems.push(`non-GET request: ${request.method()} ${request.url()}`);
    }
  });
  await context.exposeBinding('__reportCspViolation', (_source, line: string) => {
    egress.problems.push(`CSP violation: ${line}`);
  });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (event) => {
      const e = event as SecurityPolicyViolationEvent;
      const report = (window as unknown as { __reportCspViolation: (l: string) => void })
        .__reportCspViolation;
      report(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  context.on('weberror', (error) => egress.problems.push(`page error: ${error.error().message}`));
  return egress;
}

export const test = base.extend<{ appOrigin: string; egress: Egress }>({
  appOrigin: async ({ baseURL }, use) => use(new URL(baseURL!).origin),
  egress: [
    async ({ context, appOrigin }, use) => {
      const egress = await watchEgress(context, appOrigin);
      await use(egress);
      expect(egress.problems, 'the app must not send anything anywhere, nor fail').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
