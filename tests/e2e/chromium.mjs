// Where the end-to-end tests find a Chromium: Debian's package first, then one that
// `npx playwright install chromium` put in Playwright's cache earlier (machines with internet).
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findSystemChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) {
    return process.env.CHROMIUM_PATH;
  }
  return DEBIAN_CHROMIUM.find((p) => existsSync(p));
}

/** Closed network, running as root: no sandbox, no background calls to Google, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
];

/** Options for `chromium.launch()` in the benches and evaluations: headless, this Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = findSystemChromium();
  return { headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
}
