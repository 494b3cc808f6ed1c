// Makes sure a Chromium exists before the end-to-end tests run, and says what it does.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findSystemChromium } from './chromium.mjs';

function playwrightCacheHasChromium() {
  const dir = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  return existsSync(dir) && readdirSync(dir).some((d) => d.startsWith('chromium'));
}

/** @param {string} cmd */
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

const found = findSystemChromium();
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
} else if (playwrightCacheHasChromium()) {
  console.log('e2e: using the Chromium that Playwright installed earlier');
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("e2e: no Chromium found; installing Debian's chromium (apt-get install -y chromium)");
  run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
} else {
  console.log('e2e: no Chromium found; running `npx playwright install chromium`');
  run('npx playwright install chromium');
}
