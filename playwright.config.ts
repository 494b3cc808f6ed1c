import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findSystemChromium } from './tests/e2e/chromium.mjs';
import { OUT_DIR, OUTPUT_DIR, port } from './tests/e2e/slot';

const PORT = port(4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `${OUTPUT_DIR}/results`,
  // A view's flow on a busy 2-core machine; longer flows set their own limit, and every wait
  // (expect, poll) keeps its own 10 s, so a real hang still fails at the step that hangs.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'allow',
    launchOptions: { executablePath: findSystemChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  // Timing-sensitive checks run on their own once everything else is done.
  projects: [
    { name: 'app', testIgnore: /ui-thread\.spec\.ts/ },
    { name: 'ui-thread', testMatch: /ui-thread\.spec\.ts/, dependencies: ['app'] },
  ],
  // The production build (made by `npm run test:e2e` before this runs), as `vite preview` serves it.
  webServer: {
    command: `npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
  },
});
