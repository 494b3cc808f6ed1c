import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { eraseEverything, openApp, rateWithKeyboard, rawRows } from './app';

const PASS = 'blue lantern orchard';
const NEW_PASS = 'seven quiet rivers';

const encryption = (page: Page) => page.getByRole('region', { name: 'Passphrase protection' });

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await file.path())!, 'utf8');
}

async function exportAs(page: Page, kind: RegExp, passphrase?: string): Promise<string> {
  await page.getByRole('button', { name: 'Export my data' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: kind }).check();
  if (passphrase) await dialog.getByLabel('Passphrase for the file').fill(passphrase);
  return download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
}

test('protect a profile, lock, unlock, change passphrase, and export it three ways', async ({
  page,
}) => {
  // A long flow (key derivations, three exports, an import): about 50 s on a quiet machine.
  test.setTimeout(150_000);
  await openApp(page, '#/product/glasses-002');
  await rateWithKeyboard(page, 5);
  // An order placed, and the same frames in the cart again: both are sealed with the rest.
  const addToCart = page.getByRole('button', { name: 'Add to cart' });
  await addToCart.click();
  await page.goto('/#/cart');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByTestId('order-number')).toHaveText(/^PA-\d{8}$/);
  await page.goto('/#/product/glasses-002');
  await addToCart.click();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  await page.goto('/#/my-data');
  const section = encryption(page);
  await expect(section.getByTestId('protection-status')).toHaveText('Not protected');

  // Two different passphrases: refused, nothing stored.
  await section.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await section.getByLabel('Repeat the passphrase').fill('something else');
  await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'The two passphrases are not the same. Nothing was changed.',
  );
  await section.getByLabel('Repeat the passphrase').fill(PASS);
  await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await expect(section.getByText('The profile is protected.', { exact: false })).toBeVisible();
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');

  // What IndexedDB holds: no stars, no times, only the sealed envelope.
  const ratings = (await rawRows(page, 'ratings')).filter((r) => r.profileId === 'me');
  expect(ratings).toHaveLength(1);
  expect(ratings[0]).not.toHaveProperty('rating');
  expect(ratings[0]).not.toHaveProperty('updatedAt');
  expect(ratings[0]).toHaveProperty('$sealed');
  // Even the product is hidden: the key holds a keyed pseudonym of its id.
  expect(JSON.stringify(ratings)).not.toContain('glasses-002');
  for (const table of ['orders', 'cart']) {
    const rows = (await rawRows(page, table)).filter((o) => o.profileId === 'me');
    expect(rows, table).toHaveLength(1);
    for (const o of rows) expect(Object.keys(o).sort()).toEqual(['$sealed', 'id', 'profileId']);
    expect(JSON.stringify(rows)).not.toContain('glasses-002');
  }

  // New data of the unlocked profile is sealed too: a question to the Help assistant.
  const question = 'Do these frames come with a case for my 40th birthday?';
  await page.evaluate(() => location.replace('#/help'));
  await page.getByRole('textbox', { name: 'Ask a question' }).fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('log').getByText(question)).toBeVisible();
  await expect
    .poll(async () => (await rawRows(page, 'conversations')).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const chat = await rawRows(page, 'conversations');
  expect(JSON.stringify(chat)).not.toContain('40th birthday');
  for (const row of chat) expect(Object.keys(row).sort()).toEqual(['$sealed', 'id', 'profileId']);
  await page.evaluate(() => location.replace('#/my-data'));

  // Lock: the banner says so; a wrong passphrase is refused clearly.
  await section.getByRole('button', { name: 'Lock now' }).click();
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, locked');
  await expect(page.getByText('Me is locked.')).toBeVisible();
  await section.getByLabel('Passphrase', { exact: true }).fill('not it at all');
  await section.getByRole('button', { name: 'Unlock' }).click();
  await expect(section.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, locked');

  // A plain export of a locked profile is impossible.
  await page.getByRole('button', { name: 'Export my data' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: /^Encrypted/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^Plain/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Unlock every protected profile first, or choose an encrypted export.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Elsewhere, no view reads the locked data: the app asks for the passphrase instead.
  await page.evaluate(() => location.replace('#/product/glasses-002'));
  const gate = page.getByRole('region', { name: 'Me is locked.' });
  await expect(gate).toBeVisible();
  await expect(page.getByText('You rated this', { exact: false })).toHaveCount(0);
  await gate.getByLabel('Passphrase').fill('still not it');
  await gate.getByRole('button', { name: 'Unlock' }).click();
  await expect(gate.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await gate.getByLabel('Passphrase').fill(PASS);
  await gate.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('You rated this 5 out of 5.')).toBeVisible();
  await page.evaluate(() => location.replace('#/my-data'));
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');
  await expect(page.getByText('Me is locked.')).toBeHidden();

  // Encrypted export: nothing readable in the file.
  const encrypted = await exportAs(page, /^Encrypted/, 'file passphrase 1');
  expect(JSON.parse(encrypted).format).toBe('private-aisle-encrypted-export');
  expect(encrypted).not.toContain('glasses-002');
  // Plain export: the user chose it.
  const plain = JSON.parse(await exportAs(page, /^Plain/));
  expect(plain.tables.ratings).toEqual([
    expect.objectContaining({ profileId: 'me', productId: 'glasses-002', rating: 5 }),
  ]);
  // De-identified: random ids, no names, days only.
  const deid = JSON.parse(await exportAs(page, /^De-identified/));
  expect(deid.format).toBe('private-aisle-deidentified-export');
  expect(JSON.stringify(deid)).not.toMatch(/"Me"|"me"|trackingCode|T\d\d:\d\d/);
  expect(deid.tables.ratings[0]).toMatchObject({ productId: 'glasses-002', rating: 5 });
  expect(deid.tables.ratings[0].day).toMatch(/^\d{4}-\d\d-\d\d$/);

  // Change passphrase: the old one stops working, the new one opens the data.
  await section.locator('summary', { hasText: 'Change passphrase' }).click();
  await section.getByLabel('Current passphrase').first().fill('wrong current');
  await section.getByLabel('New passphrase').fill(NEW_PASS);
  await section.getByLabel('Repeat the passphrase').fill(NEW_PASS);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await section.getByLabel('Current passphrase').first().fill(PASS);
  await section.getByLabel('New passphrase').fill(NEW_PASS);
  await section.getByLabel('Repeat the passphrase').fill(NEW_PASS);
  await section.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(section.getByText('Passphrase changed.', { exact: false })).toBeVisible();
  await section.getByRole('button', { name: 'Lock now' }).click();
  await section.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await section.getByRole('button', { name: 'Unlock' }).click();
  await expect(section.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await section.getByLabel('Passphrase', { exact: true }).fill(NEW_PASS);
  await section.getByRole('button', { name: 'Unlock' }).click();
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');

  // Importing the encrypted file: a wrong passphrase changes nothing; the right one restores it,
  // protected again with the file's passphrase.
  await eraseEverything(page);
  await expect(page.locator('tr[data-table="ratings"] td').first()).toHaveText('0');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import data' }).click(),
  ]);
  await chooser.setFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(encrypted),
  });
  const ask = page.getByRole('dialog');
  await ask.getByLabel('Passphrase for the file').fill('wrong file passphrase');
  await ask.getByRole('button', { name: 'Import' }).click();
  await expect(ask.getByRole('alert')).toHaveText(
    'Wrong passphrase, or the file was changed after it was exported. Nothing was changed.',
  );
  await expect(page.locator('tr[data-table="ratings"] td').first()).toHaveText('0');
  await ask.getByLabel('Passphrase for the file').fill('file passphrase 1');
  await ask.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Your data was imported.')).toBeVisible();
  await expect(page.locator('tr[data-table="ratings"] td').first()).toHaveText('1');
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');
  const after = (await rawRows(page, 'ratings')).filter((r) => r.profileId === 'me');
  expect(after[0]).toHaveProperty('$sealed');
});

test('a protected profile locks itself after 15 minutes without use', async ({ page }) => {
  await page.clock.install();
  await openApp(page, '#/my-data');
  const section = encryption(page);
  await section.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await section.getByLabel('Repeat the passphrase').fill(PASS);
  await section.getByRole('button', { name: 'Protect with a passphrase' }).click();
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');

  await page.clock.fastForward(14 * 60_000);
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, unlocked');
  await page.clock.fastForward(2 * 60_000);
  await expect(section.getByTestId('protection-status')).toHaveText('Protected, locked');
  await expect(page.getByText('Me is locked.')).toBeVisible();
});
