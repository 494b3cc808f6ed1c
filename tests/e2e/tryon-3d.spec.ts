/**
 * 3D try-on on real portraits (../shared/data/faces): where the rendered glasses, hat and earrings
 * land, read from the key points the view exposes on its canvas (data-placement, projected from
 * the same head pose the scene renders with) against the landmarks (data-anchors):
 *  - glasses: the bridge within 8% of the eye distance from the nose bridge landmark, the front's
 *    width within 10% of the face's width (the fitting rule: frames as wide as the face);
 *  - a hat's band on the forehead, above the brows, and not wider than 1.35x the face;
 *  - each earring drawn within 6% of the face width from its lobe.
 * And the head pose read from the landmarks agrees with MediaPipe's facial transformation matrix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openApp } from './app';
import { toPixels } from '../../src/lib/tryon/shared/geometry';
import { headFrame } from '../../src/lib/tryon/shared/head';
import { FACES, missingPortraits, PORTRAITS } from './portraits';

type XY = [number, number];
const gap = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The main canvas's key points and landmarks, once the product's 3D layer is on it. */
async function placed(page: Page, product: RegExp) {
  const canvas = page.locator('.stage canvas').first();
  await expect(canvas).toHaveAttribute('data-product', product);
  await expect(canvas).toHaveAttribute('data-placement', /./, { timeout: 30_000 });
  return canvas.evaluate((c: HTMLCanvasElement) => ({
    keys: JSON.parse(c.dataset.placement!) as Record<string, XY>,
    anchors: JSON.parse(c.dataset.anchors!) as Record<string, XY>,
  }));
}

test.describe('3D try-on placement on the portraits', () => {
  test.skip(missingPortraits.length > 0, `missing in ${FACES}: ${missingPortraits.join(', ')}`);

  test('glasses on the nose bridge at the face width, hats on the forehead, earrings on the lobes', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openApp(page, '#/try-on');
    const upload = page.getByLabel('Upload a photo', { exact: true });
    for (const name of PORTRAITS) {
      await page.getByRole('radio', { name: 'Glasses', exact: true }).check();
      await upload.setInputFiles(join(FACES, name));
      await expect(page.locator('.stage [role="status"]')).toContainText('Face found.', {
        timeout: 60_000,
      });

      const glasses = await placed(page, /^glasses-/);
      const a = glasses.anchors;
      const eyes = gap(a.rightEyeOuter!, a.leftEyeOuter!);
      const face = gap(a.rightFaceSide!, a.leftFaceSide!);
      const k = glasses.keys;
      expect(gap(k.bridge!, a.noseBridge!), `${name}: bridge on the nose`).toBeLessThan(
        0.08 * eyes,
      );
      const front = gap(k.frameRight!, k.frameLeft!);
      expect(
        Math.abs(front / face - 1),
        `${name}: frame ${front} px, face ${face} px`,
      ).toBeLessThan(0.1);

      await page.getByRole('radio', { name: 'Hats', exact: true }).check();
      const hat = (await placed(page, /^hats-/)).keys;
      const browY = Math.min(a.rightBrow![1], a.leftBrow![1]);
      expect(hat.bandFront![1], `${name}: band above the brows`).toBeLessThan(browY);
      const faceHeight = gap(a.foreheadTop!, a.chin!);
      expect(hat.bandFront![1], `${name}: band on the forehead`).toBeGreaterThan(
        a.foreheadTop![1] - 0.1 * faceHeight,
      );
      expect(gap(hat.bandRight!, hat.bandLeft!), `${name}: band width`).toBeLessThan(1.35 * face);

      await page.getByRole('radio', { name: 'Earrings', exact: true }).check();
      const earrings = (await placed(page, /^earrings-/)).keys;
      const drawn = (['right', 'left'] as const).filter((s) => earrings[`${s}Lobe`]);
      for (const side of drawn)
        expect(
          gap(earrings[`${side}Lobe`]!, a[`${side}Lobe`]!),
          `${name}: ${side} earring on its lobe`,
        ).toBeLessThan(0.06 * face);
      // A portrait shows at least one ear's earring, unless hair covers it (the view says so).
      if (!drawn.length) await expect(page.locator('.stage')).toContainText(/hair/i);
    }
  });

  test("the head's pose from the landmarks agrees with MediaPipe's transformation matrix", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto('/tests/e2e/pages/landmarker.html');
    await page.locator('html[data-ready="lab"]').waitFor({ state: 'attached' });
    for (const name of PORTRAITS) {
      const base64 = readFileSync(join(FACES, name)).toString('base64');
      const found = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes]));
        const landmarker = await window.landmarkerLab.createLandmarker('image');
        const [face] = await landmarker.detect(bitmap);
        await landmarker.close();
        return { face, width: bitmap.width, height: bitmap.height };
      }, base64);
      expect(found.face, name).toBeTruthy();
      const { landmarks, matrix } = found.face!;
      const head = headFrame(toPixels(landmarks, found.width, found.height));
      // The matrix's rotation columns are the canonical face's axes in camera space, which is
      // our view space (x right, y up, z towards the camera).
      const column = (c: number) => [matrix[4 * c]!, matrix[4 * c + 1]!, matrix[4 * c + 2]!];
      for (const [axis, c] of [
        [head.x, 0],
        [head.y, 1],
        [head.z, 2],
      ] as const) {
        const m = column(c);
        const cos =
          (axis[0] * m[0]! + axis[1] * m[1]! + axis[2] * m[2]!) / Math.hypot(m[0]!, m[1]!, m[2]!);
        expect((Math.acos(Math.min(1, cos)) * 180) / Math.PI, `${name}: axis ${c}`).toBeLessThan(
          10,
        );
      }
    }
  });
});
