import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp, rateWithKeyboard, rawRows, setLanguage } from './app';

const banner = (page: Page) => page.getByRole('complementary', { name: /^(Offer|优惠)$/ });

interface PromotionEventRow {
  promotionId: string;
  type: 'impression' | 'click' | 'save' | 'redeem';
  context?: number[];
}
interface SettingRow {
  key: string;
  value: unknown;
}
interface StoredBandit {
  bandit: { updates: number; decisions: number };
  pending?: { impressionId: number; rewarded: boolean };
}

const setting = async (page: Page, key: string) =>
  (await rawRows<SettingRow>(page, 'settings')).find((s) => s.key === key)?.value;

/** Waits until a banner for a new impression is on the page and returns its promotion id. */
async function shownPromotion(page: Page): Promise<string> {
  await expect(banner(page)).toBeVisible();
  return (await banner(page).getAttribute('data-promotion'))!;
}

test('a banner on Shop and For you, chosen on the device, says why in both languages', async ({
  page,
}) => {
  await openApp(page, '#/shop');
  const first = await shownPromotion(page);
  await expect(banner(page).getByRole('heading', { level: 2 })).not.toBeEmpty();

  const why = banner(page).getByText('Why am I seeing this?');
  await why.click();
  // No taste known yet: the device says so, and what it used.
  await expect(banner(page).getByText(/still learning which offers you like/)).toBeVisible();
  await expect(banner(page).getByText(/no interests known yet/)).toBeVisible();
  await expect(
    banner(page).getByText('Chosen on this device. Nothing about you is sent anywhere.'),
  ).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('aside').analyze();
  expect(violations).toEqual([]);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'For you' })
    .click();
  await expect(page.getByRole('heading', { name: 'For you', level: 1 })).toBeVisible();
  await shownPromotion(page);

  // Each banner shown is one impression, stored locally with the context it was chosen in.
  await expect
    .poll(async () => (await rawRows<PromotionEventRow>(page, 'promotionEvents')).length)
    .toBe(2);
  const events = await rawRows<PromotionEventRow>(page, 'promotionEvents');
  expect(events.map((e) => e.type)).toEqual(['impression', 'impression']);
  expect(events[0]!.promotionId).toBe(first);
  // Per department (ten and "other"), per time of day (four), kiosk or not.
  expect(events.every((e) => e.context?.length === 16)).toBe(true);

  await setLanguage(page, 'zh-CN');
  await banner(page).getByText('为什么看到这个？').click();
  await expect(banner(page).getByText('在本设备上选择，不会发送任何关于你的信息。')).toBeVisible();
});

test('a click and a redemption are logged locally and the bandit learns from them', async ({
  page,
}) => {
  await openApp(page, '#/shop');
  const id = await shownPromotion(page);
  await expect.poll(() => setting(page, 'promotions.bandit')).toBeTruthy();

  const save = banner(page).getByRole('button', { name: /^Save/ });
  await save.click();
  await expect(banner(page).getByRole('status')).toHaveText(/Saved on this device/);
  await expect(save).toBeDisabled();
  await banner(page).getByRole('link', { name: 'Shop the offer' }).click();

  await expect
    .poll(async () =>
      (await rawRows<PromotionEventRow>(page, 'promotionEvents')).map((e) => [
        e.type,
        e.promotionId,
      ]),
    )
    .toEqual([
      ['impression', id],
      ['save', id],
      ['click', id],
    ]);
  // Learned once, as a success: the pending impression is marked rewarded.
  const stored = (await setting(page, 'promotions.bandit')) as StoredBandit;
  expect(stored.bandit.updates).toBe(1);
  expect(stored.pending?.rewarded).toBe(true);
});

test('after rating several hats, the banner favours hats and says so', async ({ page }) => {
  await openApp(page, '#/shop');
  await shownPromotion(page);
  for (const id of ['hats-001', 'hats-002', 'hats-003', 'hats-004']) {
    await page.goto(`/#/product/${id}`);
    await rateWithKeyboard(page, 5);
  }
  await page.goto('/#/shop');
  await expect(banner(page)).toHaveAttribute('data-categories', /\bhats\b/);
  await banner(page).getByText('Why am I seeing this?').click();
  await expect(banner(page).getByText(/You have shown interest in Hats/)).toBeVisible();
  await expect(banner(page).getByText(/your interests: Hats/)).toBeVisible();
  // The context stored with the impression says the same: hats lead the affinities.
  const events = await rawRows<PromotionEventRow>(page, 'promotionEvents');
  const last = events.at(-1)!;
  const hats = 2; // CATEGORIES order: glasses, sunglasses, hats, …
  expect(Math.max(...last.context!.slice(0, 10))).toBe(last.context![hats]);
  expect(last.context![hats]).toBeGreaterThan(0.8);
});

test('the My data switch turns personalised offers off: a fixed rotation, remembered', async ({
  page,
}) => {
  await openApp(page, '#/shop');
  await shownPromotion(page);
  await expect.poll(() => setting(page, 'promotions.bandit')).toBeTruthy();

  await page.goto('/#/my-data');
  const toggle = page.getByRole('switch', { name: 'Personalised offers' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(
    page.getByText('Personalised offers are off. Offers now rotate in a fixed order.'),
  ).toBeVisible();
  await expect(toggle).not.toBeChecked();
  // What the bandit learned is forgotten.
  expect(await setting(page, 'promotions.personalised')).toBe(false);
  expect(await setting(page, 'promotions.bandit')).toBeUndefined();

  const seen: string[] = [];
  for (const hash of ['#/shop', '#/for-you', '#/shop']) {
    await page.goto(`/${hash}`);
    await expect(banner(page)).toBeVisible();
    seen.push((await banner(page).getAttribute('data-promotion'))!);
    await page.goto('/#/my-data'); // leave, so that the next visit shows a new banner
  }
  // The project's first three promotions, in order.
  expect(seen).toEqual(['welcome-20', 'sunny-15', 'lips-10']);
  await page.goto('/#/shop');
  await banner(page).getByText('Why am I seeing this?').click();
  await expect(banner(page).getByText(/Personalised offers are off/)).toBeVisible();
  // Nothing about the shopper is kept with these impressions.
  const events = await rawRows<PromotionEventRow>(page, 'promotionEvents');
  expect(events.slice(1).every((e) => e.context === undefined)).toBe(true);
  expect(await setting(page, 'promotions.bandit')).toBeUndefined();

  await page.reload();
  await page.goto('/#/my-data');
  await expect(page.getByRole('switch', { name: 'Personalised offers' })).not.toBeChecked();
});
