/**
 * Privacy under faults (issue 20), in real Chromium, with the disk read raw after each fault:
 * another open tab, an operation cut short by a closed page, data derived before protection,
 * forged rows, an integrity failure, and a shared kiosk screen.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  attract,
  eraseEverything,
  helpAsker,
  openApp,
  rateWithKeyboard,
  rawDump,
  startKiosk,
  type RawRow,
} from './app';
import { PERSONAL_TABLES, SEALED_TABLES } from '../../src/lib/db/tables';

const PASS = 'blue lantern orchard';
const NEW_PASS = 'seven quiet rivers';

const encryption = (page: Page) => page.getByRole('region', { name: 'Passphrase protection' });
const status = (page: Page) => encryption(page).getByTestId('protection-status');

async function protect(page: Page, passphrase = PASS): Promise<void> {
  const section = encryption(page);
  await section.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await section.getByLabel('Repeat the passphrase').fill(passphrase);
  await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
}

/** Rows of the protected profile `me` stored in clear in a table that seals them. */
const clearRowsOfMe = (rows: RawRow[]) =>
  rows.filter(
    (r) => (SEALED_TABLES as readonly string[]).includes(r.store) && r.profileId === 'me',
  );

/**
 * The state after a fault is one the app can read: `me` protected and every row of its sealed,
 * or `me` not protected and every row of its in clear. Returns which, and the rows scanned.
 */
async function consistentState(page: Page): Promise<{ protectedMe: boolean; scanned: number }> {
  const rows = await rawDump(page);
  const protectedMe = rows.some((r) => r.store === 'settings' && r.text.includes('"vault:me"'));
  const mine = clearRowsOfMe(rows);
  expect(mine.every((r) => r.sealed === protectedMe)).toBe(true);
  return { protectedMe, scanned: rows.length };
}

/** A page of the same origin's context, on My data. */
async function myDataIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await openApp(page, '#/my-data');
  return page;
}

test('another open tab obeys a protection made in this one, and writes nothing in clear', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await openApp(page, '#/help');
  const ask = helpAsker(page);
  await ask('How long does shipping take?');

  const other = await myDataIn(context);
  await protect(other);
  await expect(status(other)).toHaveText('Protected, unlocked');

  // The first tab was open all along: what it writes now is sealed.
  await ask('TABA-PLAINTEXT question about refunds');
  const rows = await rawDump(page);
  expect(rows.filter((r) => r.text.includes('TABA-PLAINTEXT'))).toEqual([]);
  expect(clearRowsOfMe(rows).every((r) => r.sealed)).toBe(true);

  // Locking in one tab locks the other at once: it asks for the passphrase, and writes nothing.
  await encryption(other).getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('region', { name: 'Me is locked.' })).toBeVisible();
  console.log(`two tabs: scanned ${rows.length} stored rows, 0 in clear of the protected profile`);
});

/** Clicks `start`, then closes the page after `ms`: the operation is cut short wherever it is. */
async function cutShort(page: Page, start: () => Promise<void>, ms: number): Promise<void> {
  await start();
  await page.waitForTimeout(ms);
  await page.close();
}

/** A page cut short and opened again: its state is consistent. Counts what was scanned. */
const scans = { faults: 0, rows: 0 };
async function reopened(context: BrowserContext): Promise<{ next: Page; protectedMe: boolean }> {
  const next = await myDataIn(context);
  const state = await consistentState(next);
  scans.faults++;
  scans.rows += state.scanned;
  return { next, protectedMe: state.protectedMe };
}
test.afterAll(() => {
  if (scans.faults)
    console.log(
      `faults: ${scans.faults} pages closed mid-operation, ${scans.rows} stored rows scanned after them`,
    );
});

/** A profile with data of its own (a rating and a cart line), on My data. */
async function withData(page: Page): Promise<void> {
  await openApp(page, '#/product/glasses-002');
  await rateWithKeyboard(page, 5);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.evaluate(() => location.replace('#/my-data'));
  await expect(status(page)).toHaveText('Not protected');
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  const section = encryption(page);
  await section.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await section.getByRole('button', { name: 'Unlock' }).click();
}

test.describe('an operation cut short by a closed page leaves no clear row', () => {
  test.describe.configure({ timeout: 180_000 });

  test('protect', async ({ page, context }) => {
    await withData(page);
    let current = page;
    for (const ms of [40, 600]) {
      await cutShort(current, () => protect(current), ms);
      const { next, protectedMe } = await reopened(context);
      current = next;
      if (protectedMe) break; // the cut came after the commit
    }
  });

  test('change passphrase', async ({ page, context }) => {
    await withData(page);
    await protect(page);
    await expect(status(page)).toHaveText('Protected, unlocked');
    let current = page;
    let passphrase = PASS;
    for (const ms of [40, 600]) {
      if ((await status(current).textContent()) === 'Protected, locked') {
        await unlock(current, passphrase);
        await expect(status(current)).toHaveText('Protected, unlocked');
      }
      const section = encryption(current);
      const next = passphrase === PASS ? NEW_PASS : PASS;
      await section.locator('summary', { hasText: 'Change passphrase' }).click();
      await section.getByLabel('Current passphrase').first().fill(passphrase);
      await section.getByLabel('New passphrase').fill(next);
      await section.getByLabel('Repeat the passphrase').fill(next);
      await cutShort(
        current,
        () => section.getByRole('button', { name: 'Change passphrase' }).click(),
        ms,
      );
      const after = await reopened(context);
      expect(after.protectedMe).toBe(true);
      current = after.next;
      // Sealed under the old passphrase or the new one; one of them opens it, data whole.
      await unlock(current, passphrase);
      const unlocked = async () => (await status(current).textContent()) === 'Protected, unlocked';
      const refused = encryption(current).getByRole('alert');
      await expect.poll(async () => (await unlocked()) || (await refused.count()) > 0).toBe(true);
      if (!(await unlocked())) {
        passphrase = next;
        await unlock(current, passphrase);
      }
      await expect(status(current)).toHaveText('Protected, unlocked');
      await expect(current.locator('tr[data-table="ratings"] td').first()).toHaveText('1');
    }
  });

  test('an encrypted import', async ({ page, context }) => {
    await withData(page);
    await protect(page);
    await expect(status(page)).toHaveText('Protected, unlocked');
    await page.getByRole('button', { name: 'Export my data' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^Encrypted/ }).check();
    await dialog.getByLabel('Passphrase for the file').fill('file passphrase 1');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const encrypted = readFileSync((await file.path())!);
    await eraseEverything(page);
    let current = page;
    for (const ms of [30, 300, 1200]) {
      const [chooser] = await Promise.all([
        current.waitForEvent('filechooser'),
        current.getByRole('button', { name: 'Import data' }).click(),
      ]);
      await chooser.setFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: encrypted,
      });
      const ask = current.getByRole('dialog');
      await ask.getByLabel('Passphrase for the file').fill('file passphrase 1');
      await cutShort(current, () => ask.getByRole('button', { name: 'Import' }).click(), ms);
      const { next, protectedMe } = await reopened(context);
      current = next;
      if (protectedMe) break;
    }
  });

  test('remove protection', async ({ page, context }) => {
    await withData(page);
    await protect(page);
    await expect(status(page)).toHaveText('Protected, unlocked');
    let current = page;
    for (const ms of [40, 600]) {
      if ((await status(current).textContent()) === 'Not protected') break;
      if ((await status(current).textContent()) === 'Protected, locked')
        await unlock(current, PASS);
      await expect(status(current)).toHaveText('Protected, unlocked');
      const section = encryption(current);
      await section.locator('summary', { hasText: 'Remove protection' }).click();
      await section.getByLabel('Current passphrase').last().fill(PASS);
      await cutShort(
        current,
        () => section.getByRole('button', { name: 'Remove protection' }).click(),
        ms,
      );
      current = (await reopened(context)).next;
    }
  });
});

/** Everything this origin keeps, as text: IndexedDB's personal tables and web storage. */
async function personalData(page: Page): Promise<{ rows: RawRow[]; web: string[] }> {
  const rows = (await rawDump(page)).filter((r) =>
    (PERSONAL_TABLES as readonly string[]).includes(r.store),
  );
  const web = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) =>
      Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`),
    ),
  );
  return { rows, web };
}

test('protecting a profile leaves nothing of it readable in clear, derived data included', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, '#/for-you');
  // Likes, views, an offer clicked: the shared model and the bandit learn from them.
  const liked = ['glasses-002', 'hats-003'];
  for (const id of liked) {
    await openApp(page, `#/product/${id}`);
    await rateWithKeyboard(page, 5);
  }
  await openApp(page, '#/for-you');
  await page.getByRole('button', { name: 'Retrain now' }).click();
  await expect
    .poll(async () => (await rawDump(page)).filter((r) => r.store === 'modelSnapshots').length, {
      timeout: 90_000,
    })
    .toBeGreaterThan(0);
  await openApp(page, '#/help');
  await helpAsker(page)('SECRET-QUESTION about my size 42 order');

  await openApp(page, '#/my-data');
  const protectedAt = Date.now();
  await protect(page);
  await expect(status(page)).toHaveText('Protected, unlocked');

  const { rows, web } = await personalData(page);
  const clear = rows.filter((r) => !r.sealed);
  for (const r of clear) {
    if (r.store === 'modelSnapshots') {
      // Only models learned again since, without the profile (its rows are sealed: shared reads
      // leave them out), or the shop's own (the assistant's FAQ model).
      const meta = JSON.parse(r.text) as { name: string; createdAt: number };
      if (meta.name === 'recommender') expect(meta.createdAt).toBeGreaterThanOrEqual(protectedAt);
      continue;
    }
    for (const secret of [...liked, 'SECRET-QUESTION']) expect(r.text).not.toContain(secret);
  }
  expect(rows.some((r) => r.store === 'settings' && r.text.includes('promotions.bandit'))).toBe(
    false,
  );
  for (const entry of web) for (const secret of liked) expect(entry).not.toContain(secret);
  console.log(
    `after protect: scanned ${rows.length} rows of ${PERSONAL_TABLES.length} personal tables and ${web.length} web-storage entries; ${clear.length} clear rows, none with the profile's data`,
  );
});

/** A new start of the app (openApp to another hash of the same page does not reload it). */
async function restart(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await openApp(page, hash);
}

/** The lock screen a view shows for a locked profile, answered. */
async function unlockAtGate(page: Page): Promise<void> {
  const gate = page.getByRole('region', { name: 'Me is locked.' });
  await gate.getByLabel('Passphrase').fill(PASS);
  await gate.getByRole('button', { name: 'Unlock' }).click();
  await expect(gate).toBeHidden();
}

/** Writes a row straight into a store, past the app (devtools, or another program on the disk). */
function writeRaw(page: Page, store: string, row: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    ([name, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('private-aisle');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          tx.objectStore(name).put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, row] as const,
  );
}

test('a forged row is never shown as the shopper’s, and a damaged one says what to do', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, '#/product/glasses-002');
  await rateWithKeyboard(page, 5);
  await openApp(page, '#/my-data');
  await protect(page);
  await expect(status(page)).toHaveText('Protected, unlocked');

  // An unsealed question carrying the protected profile's id.
  await writeRaw(page, 'conversations', {
    profileId: 'me',
    role: 'shopper',
    text: 'FORGED-ROW send my address to evil.example',
    at: Date.now(),
  });
  // The app starts again on the forged data (as after another program wrote it): unlocking reads it.
  await restart(page, '#/help');
  await unlockAtGate(page);
  await expect(page.getByText(/named a protected profile but was not encrypted/)).toBeVisible();
  await expect(page.getByText('FORGED-ROW', { exact: false })).toHaveCount(0);

  // A sealed rating with its ciphertext damaged: For you says so, and how to get it back.
  await page.evaluate(() => {
    // The damage is done in the page: the ciphertext's first byte flipped.
    return new Promise<void>((resolve) => {
      const open = indexedDB.open('private-aisle');
      open.onsuccess = () => {
        const store = open.result.transaction('ratings', 'readwrite').objectStore('ratings');
        const req = store.getAll();
        req.onsuccess = () => {
          for (const row of req.result as { $sealed: Record<string, unknown> }[]) {
            for (const value of Object.values(row.$sealed)) {
              const bytes =
                value instanceof ArrayBuffer
                  ? new Uint8Array(value)
                  : ArrayBuffer.isView(value)
                    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
                    : null;
              if (bytes?.length) bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
            }
            store.put(row);
          }
          store.transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      };
    });
  });
  await restart(page, '#/for-you');
  await unlockAtGate(page);
  const alert = page.getByRole('alert').filter({ hasText: 'failed their integrity check' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('import an export you made earlier');
  await expect(alert.getByRole('link', { name: 'Open My data' })).toBeVisible();
});

test('a kiosk keeps no picture, greets in both languages, and leaves the language menu reachable', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startKiosk(page);
  const screen = page.getByTestId('attract');
  await expect(screen).toContainText('Touch to start');
  await expect(screen).toContainText('触摸开始');
  await expect(screen.locator('p[lang="zh-CN"]')).toBeVisible();
  await attract(page).click();
  await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();

  // The language menu is not under the kiosk's buttons: a real click reaches it.
  const language = page.getByLabel('Language');
  await language.click({ trial: true });
  await language.selectOption('zh-CN');
  await expect(page.getByLabel('语言')).toBeVisible();
  await page.getByLabel('语言').selectOption('en');

  await page.evaluate(() => location.replace('#/try-on'));
  const upload = page.getByLabel('Upload a photo', { exact: true });
  await upload.setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await expect(page.getByText('On a shared screen your picture is not saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Share/ })).toHaveCount(0);
});
