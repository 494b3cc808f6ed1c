import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures';
import {
  attract,
  eraseEverything,
  expectAccessible,
  helpAsker,
  openApp,
  rawRows,
  setLanguage,
  startKiosk,
} from './app';

// Shopping that ends somewhere: the cart (a variant, quantities), offers at checkout (a saved
// one applied, one refused with its reason), checkout's order number, Help naming that order,
// and nothing left after Erase all my data; in Chinese too; and the till's QR code on a kiosk.
// Demo prices: the black T-shirt (apparel-001) ¥139, the gold aviators (sunglasses-001) ¥579;
// the shop ships free from ¥199 (src/shops/demo/shop.json).

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main|主导航)$/ });
const banner = (page: Page) => page.getByRole('complementary', { name: /^(Offer|优惠)/ });

/**
 * Offers in a fixed rotation (personalised offers off), so the banner's first offer is known:
 * WELCOME20, ¥20 off from ¥199. Saved from the banner, in that language.
 */
async function saveWelcomeOffer(page: Page, language: 'en' | 'zh-CN') {
  await openApp(page, '#/my-data');
  await setLanguage(page, language);
  await page.getByRole('switch', { name: /^(Personalised offers|个性化优惠)$/ }).click();
  await page.goto('/#/shop');
  await expect(banner(page)).toHaveAttribute('data-promotion', 'welcome-20');
  await banner(page)
    .getByRole('button', { name: /^(Save code|保存优惠码) WELCOME20$/ })
    .click();
}

/** In-app navigation: a kiosk would end the session on a reload. */
async function addToCart(page: Page, id: string, size?: string) {
  await page.evaluate((hash) => (location.hash = hash), `#/product/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Loading|加载/);
  if (size) await page.getByLabel(/^(Size|尺码)$/).selectOption(size);
  await page.getByRole('button', { name: /^(Add to cart|加入购物车)$/ }).click();
  await expect(page.getByText(/^(Added to your cart\.|已加入购物车。?)/).last()).toBeVisible();
}

/** The text a till's scanner reads from the QR code on screen. */
async function scan(qr: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data;
}

test('cart → offers → checkout → Help names the order → Erase leaves nothing', async ({ page }) => {
  test.setTimeout(180_000);
  await saveWelcomeOffer(page, 'en');

  await addToCart(page, 'apparel-001', 'M');
  await addToCart(page, 'sunglasses-001');
  await addToCart(page, 'sunglasses-001');
  await expect(nav(page).getByRole('link', { name: 'Cart, 3 items' })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Cart, 3 items' }).click();
  const lines = page.locator('li.line');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toContainText('Cotton T-shirt in black');
  await expect(lines.first()).toContainText('M');
  await expect(page.getByLabel(/^Quantity of Aviator sunglasses/)).toHaveValue('2');
  // One pair of aviators is enough: 139 + 579 = ¥718, shipping free from ¥199.
  await page.getByLabel(/^Quantity of Aviator sunglasses/).fill('1');
  await page.getByLabel(/^Quantity of Aviator sunglasses/).press('Enter');
  await expect(page.getByTestId('cart-total')).toHaveText('¥718');
  await expect(nav(page).getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();

  // The saved offer applies; a code for lipsticks does not, and says why.
  const offers = page.getByRole('region', { name: 'Offers and codes' });
  await offers.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(offers.locator('[data-offer="welcome-20"]')).toContainText('−¥20');
  await offers.getByLabel('Offer code').fill('lips10');
  await offers.getByRole('button', { name: 'Apply code' }).click();
  await expect(offers.locator('[data-offer="lips-10"]').getByRole('alert')).toHaveText(
    'This offer is for lipsticks: add one to your cart to use it.',
  );
  await offers.getByLabel('Offer code').fill('NOSUCH');
  await offers.getByRole('button', { name: 'Apply code' }).click();
  await expect(offers.getByRole('alert').last()).toHaveText(
    'There is no offer with the code NOSUCH.',
  );
  await expect(page.getByTestId('cart-total')).toHaveText('¥698');
  await expect(page.getByText('This demo shop takes no payment.')).toBeVisible();
  await expectAccessible(page, 'cart');

  await page.getByRole('button', { name: 'Checkout' }).click();
  const number = page.getByTestId('order-number');
  await expect(number).toHaveText(/^PA-\d{8}$/);
  const orderId = (await number.textContent())!;
  await expect(page.getByText(`Thank you. Your order ${orderId} is placed.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save' })).toBeVisible();
  await expectAccessible(page, 'order placed');
  await page.getByRole('button', { name: 'Continue shopping' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  const orders = page.getByRole('region', { name: 'Your orders' });
  await expect(orders.locator(`[data-order="${orderId}"]`)).toContainText('Placed');
  await expect(orders.locator(`[data-order="${orderId}"]`)).toContainText('¥698');
  // The redemption was logged for the promotions.
  const events = await rawRows<{ type: string; promotionId: string }>(page, 'promotionEvents');
  expect(events.filter((e) => e.type === 'redeem').map((e) => e.promotionId)).toEqual([
    'welcome-20',
  ]);

  // Help answers from this order.
  await page.goto('/#/help');
  await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 120_000 });
  const box = page.getByRole('textbox', { name: 'Ask a question' });
  await box.fill('where is my order?');
  await box.press('Enter');
  const answer = page.locator('[data-role="assistant"]').last();
  await expect(answer).toContainText(orderId);
  await expect(answer).toContainText('placed, not shipped yet');

  // Cancel it from Help, after a confirmation.
  await box.fill('cancel my order');
  await box.press('Enter');
  await expect(page.locator('[data-role="assistant"]').last()).toContainText(
    `Cancel order ${orderId}?`,
  );
  await page.getByRole('button', { name: `Yes, cancel ${orderId}` }).click();
  await expect(page.locator('[data-role="assistant"]').last()).toContainText(
    `Order ${orderId} is cancelled.`,
  );

  await page.goto('/#/my-data');
  await eraseEverything(page);
  for (const table of ['orders', 'cart', 'conversations', 'events', 'promotionEvents']) {
    expect(await rawRows(page, table), table).toEqual([]);
  }
  await page.goto('/#/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await expect(page.getByText('No orders yet.')).toBeVisible();
});

test('in Chinese: two products, a saved offer applied and one refused, checkout, Help, erase', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await saveWelcomeOffer(page, 'zh-CN');

  await addToCart(page, 'apparel-001', 'L');
  await nav(page).getByRole('link', { name: '购物车，1 件商品' }).click();
  await expect(page.getByRole('heading', { name: '购物车', level: 1 })).toBeVisible();
  // Below ¥199: the shop's ¥10 shipping, and how much more ships free.
  await expect(page.getByTestId('cart-total')).toHaveText('¥149');
  await expect(page.getByText('再买 ¥60 即可免运费。')).toBeVisible();
  const offers = page.getByRole('region', { name: '优惠和优惠码' });
  await offers.getByRole('button', { name: '使用', exact: true }).click();
  await expect(offers.locator('[data-offer="welcome-20"]').getByRole('alert')).toHaveText(
    '此优惠需满 ¥199：还差 ¥60。',
  );

  // A second product: now the saved offer applies, and shipping is free.
  await addToCart(page, 'sunglasses-001');
  await nav(page).getByRole('link', { name: '购物车，2 件商品' }).click();
  await expect(offers.locator('[data-offer="welcome-20"]')).toContainText('−¥20');
  await expect(page.getByTestId('cart-total')).toHaveText('¥698');
  await expectAccessible(page, 'cart (zh-CN)');
  await page.getByRole('button', { name: '结算' }).click();
  const orderId = (await page.getByTestId('order-number').textContent())!;
  expect(orderId).toMatch(/^PA-\d{8}$/);
  await expect(page.getByText(`谢谢！你的订单 ${orderId} 已生成。`)).toBeVisible();

  await page.goto('/#/help');
  await expect(page.getByTestId('assistant-ready')).toBeVisible({ timeout: 120_000 });
  const answer = await helpAsker(page)(`我的订单${orderId}到哪了`);
  await expect(answer).toContainText(`订单 ${orderId}`);
  await expect(answer).toContainText('已下单，尚未发货');

  await page.goto('/#/my-data');
  await page.getByRole('button', { name: '清除我的所有数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '全部清除' }).click();
  // The language chosen was the shopper's too: erased, the app speaks the browser's (English here).
  await expect(page.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible();
  for (const table of ['orders', 'cart', 'conversations']) {
    await expect.poll(async () => (await rawRows(page, table)).length, table).toBe(0);
  }
});

test('on a kiosk the order is paid at the till: its QR code holds the order for the scanner', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startKiosk(page);
  await attract(page).click();
  // The session has begun (at the Shop) before the shopper goes anywhere.
  await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
  await addToCart(page, 'sunglasses-002');
  await nav(page).getByRole('link', { name: 'Cart, 1 item' }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();
  const orderId = (await page.getByTestId('order-number').textContent())!;
  await expect(
    page.getByText('Pay at the till: show this code and number to the cashier.'),
  ).toBeVisible();
  const qr = page.getByRole('img', { name: `QR code of order ${orderId} for the till` });
  await expect(qr).toBeVisible();
  expect((await scan(qr))?.split('\n')).toEqual([
    'PRIVATE-AISLE-ORDER 1',
    orderId,
    'CNY',
    '1\tsunglasses-002\t48900',
    'DISCOUNT\t0',
    'SHIPPING\t0',
    'TOTAL\t48900',
  ]);
  await expectAccessible(page, 'till');

  // The session's end erases the order and the cart with the rest of the shopper.
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(attract(page)).toBeVisible();
  await expect.poll(async () => (await rawRows(page, 'orders')).length).toBe(0);
  expect(await rawRows(page, 'cart')).toEqual([]);
});
