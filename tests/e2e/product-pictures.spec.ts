/**
 * A try-on product without a picture of its own shows the picture of its 3D model (the one the
 * try-on renders), rendered on the device in the picture worker and kept in this device's cache:
 * not blank, in the frame's colour, and after a reload shown from the cache without a render.
 * Without WebGL the drawn picture stays, and nothing is said.
 */
import { type Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp } from './app';

/** Blue acetate oval glasses of the demo catalog (frameColour #2f6db5). */
const PRODUCT = 'glasses-002';
const FRAME = '#2f6db5';

/** The picture's pixels: how many differ from its background (a corner), and how many have the
 *  frame's hue (within 20°, not grey). */
function pixels(picture: Locator, frame: string) {
  return picture.evaluate((img: HTMLImageElement, hex: string) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const hsv = (r: number, gr: number, b: number) => {
      const max = Math.max(r, gr, b);
      const d = max - Math.min(r, gr, b);
      let h = 0;
      if (d) {
        if (max === r) h = ((gr - b) / d) % 6;
        else if (max === gr) h = (b - r) / d + 2;
        else h = (r - gr) / d + 4;
      }
      return { h: (h * 60 + 360) % 360, s: max ? d / max : 0 };
    };
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    const target = hsv(...rgb).h;
    const [br = 0, bg = 0, bb = 0] = data;
    let drawn = 0;
    let frameHue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, gr = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - br) + Math.abs(gr - bg) + Math.abs(b - bb) > 24) drawn++;
      const { h, s } = hsv(r, gr, b);
      const dh = Math.min(Math.abs(h - target), 360 - Math.abs(h - target));
      if (s > 0.3 && dh < 20) frameHue++;
    }
    return { width: canvas.width, drawn, frameHue, total: data.length / 4 };
  }, frame);
}

test('a try-on product’s picture is its 3D model, rendered once per device', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, `#/product/${PRODUCT}`);
  const picture = page.locator('article.product img');
  // The drawn picture until the render arrives (first picture: three.js, shaders, environment).
  await expect(picture).toHaveAttribute('data-picture', /^(drawn|3d)$/);
  const start = Date.now();
  await expect(picture).toHaveAttribute('data-picture', '3d', { timeout: 150_000 });
  const firstMs = Date.now() - start;
  await expect(picture).toHaveAttribute('data-picture-from', 'render');
  await expect(picture).toHaveAttribute('src', /^blob:/);
  await expect(picture).toHaveAttribute('width', '400'); // the same square box as before
  await expect(picture).toHaveAccessibleName(/.+/); // the product's name, as for any picture

  const seen = await pixels(picture, FRAME);
  expect(seen.width).toBe(384);
  // Not blank: the model covers a good part of the square, and the frame is in its colour.
  expect(seen.drawn / seen.total).toBeGreaterThan(0.03);
  expect(seen.frameHue).toBeGreaterThan(200);

  // Reloaded: from this device's cache at once, without a render (no measure of one).
  await page.reload();
  await expect(page.locator('html[data-ready]')).toBeAttached();
  const reloaded = Date.now();
  await expect(picture).toHaveAttribute('data-picture', '3d', { timeout: 5_000 });
  const cachedMs = Date.now() - reloaded;
  await expect(picture).toHaveAttribute('data-picture-from', 'cache');
  expect((await pixels(picture, FRAME)).frameHue).toBe(seen.frameHue);
  await page.waitForTimeout(3_000); // past the time a render would have started
  expect(
    await page.evaluate(() => performance.getEntriesByName('aisle:product-picture').length),
  ).toBe(0);
  await expect(picture).toHaveAttribute('data-picture-from', 'cache');
  test.info().annotations.push({
    type: 'timing',
    description: `first 3D picture ${firstMs} ms after the product page was ready; from the cache ${cachedMs} ms after a reload`,
  });
});

test.describe('without WebGL in a worker', () => {
  // The worker's script is served with WebGL taken away (past the service worker, which would
  // serve it from its precache).
  test.use({ serviceWorkers: 'block' });

  test('the drawn picture stays, and nothing is said', async ({ page, context }) => {
    await context.route(/\/picture\.worker-[^/]+\.js$/, async (route) => {
      const response = await route.fetch();
      const body = `OffscreenCanvas.prototype.getContext = () => null;\n${await response.text()}`;
      await route.fulfill({ response, body });
    });
    const said: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /picture/i.test(m.text())) said.push(m.text());
    });
    await openApp(page, `#/product/${PRODUCT}`);
    // The worker found no WebGL, and the page gave up on 3D pictures for good.
    await page.waitForFunction(
      () => performance.getEntriesByName('aisle:product-pictures-unavailable').length > 0,
      null,
      { timeout: 60_000 },
    );
    const picture = page.locator('article.product img');
    await expect(picture).toHaveAttribute('data-picture', 'drawn');
    await expect(picture).toHaveAttribute('src', /^data:image\/svg\+xml/);
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts.filter((text) => text.trim())).toEqual([]);
    expect(said).toEqual([]);
  });
});
