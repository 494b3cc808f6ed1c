/** Small helpers shared by the end-to-end tests. */
import AxeBuilder from '@axe-core/playwright';
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

/**
 * My data's Erase all my data, confirmed, until it says so. Erasing first stops the background
 * work that holds the database (a training, a write) and then deletes it: on a busy machine that
 * takes longer than one look's 10 s, so this wait has its own limit.
 */
export async function eraseEverything(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Erase all my data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByText('All your data was erased.')).toBeVisible({ timeout: 60_000 });
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

/** A stored row as text, with where it is: what a scan of the disk reads. */
export interface RawRow {
  store: string;
  profileId?: string;
  sealed: boolean;
  /** The row as JSON, its sealed envelope and binary data left out (they hold no clear text). */
  text: string;
}

/** Every row of every object store of the app's database, read past the app's code. */
export function rawDump(page: Page): Promise<RawRow[]> {
  return page.evaluate(
    () =>
      new Promise<RawRow[]>((resolve, reject) => {
        const open = indexedDB.open('private-aisle');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const out: RawRow[] = [];
          for (const store of [...db.objectStoreNames]) {
            const rows = await new Promise<Record<string, unknown>[]>((done, fail) => {
              const req = db.transaction(store).objectStore(store).getAll();
              req.onsuccess = () => done(req.result as Record<string, unknown>[]);
              req.onerror = () => fail(req.error);
            });
            for (const row of rows) {
              const { $sealed, ...clear } = row;
              out.push({
                store,
                ...(typeof row.profileId === 'string' ? { profileId: row.profileId } : {}),
                sealed: $sealed !== undefined,
                text: JSON.stringify(clear, (_k, v: unknown) =>
                  v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? undefined : v,
                ),
              });
            }
          }
          db.close();
          resolve(out);
        };
      }),
  );
}

/** The staff PIN the kiosk tests set. */
export const PIN = '2468';

export const attract = (page: Page) => page.getByRole('button', { name: 'Touch to start' });

/** Turns kiosk mode on (a too-short PIN is refused first), up to the attract screen. */
export async function startKiosk(page: Page): Promise<void> {
  await page.goto('/?kiosk#/shop');
  await expect(page.locator('html[data-ready]')).toBeAttached();
  const setup = page.getByRole('dialog', { name: 'Start kiosk mode' });
  await setup.getByLabel('Staff PIN (4 to 8 digits)').fill('12');
  await setup.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expect(setup.getByRole('alert')).toHaveText('The PIN must be 4 to 8 digits.');
  await setup.getByLabel('Staff PIN (4 to 8 digits)').fill(PIN);
  await setup.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expect(attract(page)).toBeVisible();
}

/** Waits until the service worker has precached the shell and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** No serious or critical axe violation on the page as it is; `where` names it in the failure. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

/**
 * Help's question box as a function: asks (in either language's box) and returns the answer
 * that arrives for it.
 */
export function helpAsker(page: Page) {
  const box = page.getByRole('textbox', { name: /^(Ask a question|输入问题)$/ });
  const answers = page.locator('[data-role="assistant"]');
  return async (question: string) => {
    // The view first: its welcome is an answer too, and a busy machine may still be loading it.
    await expect(box).toBeVisible();
    const before = await answers.count();
    await box.fill(question);
    await box.press('Enter');
    await expect(answers).toHaveCount(before + 1);
    return answers.last();
  };
}
