/** Small helpers shared by the end-to-end tests. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const VIEWS = [
  { hash: '#/shop', en: 'Shop', zh: '商店' },
  { hash: '#/for-you', en: 'For you', zh: '为你推荐' },
  { hash: '#/try-on', en: 'Try on', zh: '虚拟试戴' },
  { hash: '#/help', en: 'Help', zh: '客服' },
  { hash: '#/my-data', en: 'My data', zh: '我的数据' },
] as const;

/** Opens the app at a route and waits until local storage is open (or known unavailable). */
export async function openApp(page: Page, hash = '#/shop'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('html[data-ready]')).toBeAttached();
}

export async function setLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page
    .locator('select[aria-label="Language"], select[aria-label="语言"]')
    .selectOption(language);
}

export const mainNav = (page: Page, language: 'en' | 'zh-CN' = 'en') =>
  page.getByRole('navigation', { name: language === 'en' ? 'Main' : '主导航' });

/** Rates the product on its page with the keyboard only. */
export async function rateWithKeyboard(page: Page, stars: number): Promise<void> {
  const first = page.getByRole('radio', { name: /^1 star$/ });
  await first.focus();
  await page.keyboard.press('Space');
  for (let i = 1; i < stars; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`You rated this ${stars} out of 5.`)).toBeVisible();
}

/** Waits until the Shop shows the answer to a query with these fields (text, colour…). */
export async function shopAnswered(page: Page, fields: Record<string, unknown>): Promise<void> {
  await expect
    .poll(async () => {
      const answered = await page.locator('p.count').getAttribute('data-answered');
      const query = JSON.parse(answered || '{}') as Record<string, unknown>;
      return Object.entries(fields).every(([key, value]) => query[key] === value);
    })
    .toBe(true);
}

/**
 * Every stored row of a table, read straight from IndexedDB (past the app's code: what an
 * attacker reading the disk would see).
 */
export function rawRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('private-aisle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}
