/**
 * The app's own User Timing measures (src/lib/shell/timing.ts) as the benches read them from
 * headless Chromium: `watch` goes in as an init script, before the page's own.
 */
import type { Page } from '@playwright/test';

export type Measured = { name: string; duration: number };
export type Watched = { __measures: Measured[]; __firstGrid?: number };

/**
 * Before any of the page's scripts: collect the app's measures, and the page's time when the
 * first product of the grid is painted (the frame after it is added).
 */
export function watch() {
  const w = window as unknown as Watched;
  w.__measures = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name.startsWith('aisle:')) w.__measures.push({ name: e.name, duration: e.duration });
    }
  }).observe({ type: 'measure' });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('ul.grid[aria-label] > li')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.__firstGrid = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true });
}

export const measures = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (window as unknown as Watched).__measures.filter((m) => m.name === n).map((m) => m.duration),
    `aisle:${name}`,
  );

/** Waits for the next measure of that name after `count` of them, and returns its duration. */
export async function nextMeasure(page: Page, name: string, count: number, timeout = 30_000) {
  await page.waitForFunction(
    ([n, c]) =>
      (window as unknown as Watched).__measures.filter((m) => m.name === n).length > (c as number),
    [`aisle:${name}`, count] as const,
    { timeout, polling: 20 },
  );
  return (await measures(page, name))[count]!;
}

/** The page's JS heap in use, in MB (Chromium's JSHeapUsedSize; workers' heaps are their own). */
export async function pageHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}
