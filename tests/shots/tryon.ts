/**
 * shots:tryon — contact sheets for reviewing try-on by eye: every portrait in ../shared/data/faces
 * wearing one product of each type, through the production build in headless Chromium, one PNG
 * per type (a tile per portrait, captioned with its file and the view's status line).
 *
 *   npm run shots:tryon -- --out <folder>   [--products glasses-001,hats-003,...] [--tiles]
 *
 * --tiles also keeps each picture at full size (<product>-<portrait>.png).
 *
 * The sheets show real people's faces: keep them out of git (tests/.output is ignored).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { PreviewServer } from '../e2e/preview-server';
import { OUTPUT_DIR, port } from '../e2e/slot';
import { catalogById, generateCatalog } from '../../src/lib/catalog/generate';

const FACES = '../shared/data/faces';
const TILE = 360;
const CAPTION = 40;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = resolve(arg('out') ?? join(OUTPUT_DIR, 'shots-tryon'));
const products = catalogById(generateCatalog());
/** A product of each type and each hat and earring style, unless --products names others. */
const DEFAULT_PRODUCTS = [
  'glasses-001', // rose-gold aviator: the frame that vanished on darker skin
  'sunglasses-002',
  'hats-001', // cap
  'hats-002', // fedora
  'hats-003', // beanie
  'earrings-002', // hoop
  'earrings-003', // drop
  'lipsticks-003', // gloss
];
const CHOSEN = (arg('products')?.split(',') ?? DEFAULT_PRODUCTS).map((id) => {
  const p = products.get(id);
  if (!p?.tryOn) throw new Error(`${id}: no try-on product of that id`);
  return p;
});

const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

async function main() {
  const portraits = readdirSync(FACES).filter((f) => /\.(jpe?g|png)$/i.test(f));
  if (!portraits.length) throw new Error(`no portraits in ${FACES}`);
  mkdirSync(out, { recursive: true });
  const server = new PreviewServer(port(4199));
  await server.start();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const product of CHOSEN) {
      await page.goto(`${server.origin}/#/try-on?product=${product.id}`);
      await page.locator('html[data-ready]').waitFor({ state: 'attached' });
      const tiles: { input: Buffer; top: number; left: number }[] = [];
      for (const [i, name] of portraits.entries()) {
        await page.getByLabel('Upload a photo', { exact: true }).setInputFiles(join(FACES, name));
        const status = page.locator('.stage [role="status"]');
        // Done when it says a face was found, or what is wrong with the picture.
        await status.locator('.found, [data-problem]').first().waitFor({ timeout: 90_000 });
        // The 3D layer arrives a moment after the face: wait for its key points when it has them.
        await page
          .locator('.stage canvas[data-placement]')
          .first()
          .waitFor({ timeout: product.tryOn!.kind === 'lipstick' ? 1 : 20_000 })
          .catch(() => undefined);
        await page.waitForTimeout(300);
        const png = await page
          .locator('.stage canvas')
          .first()
          .evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
        const said = (await status.textContent())?.trim() ?? '';
        if (process.argv.includes('--tiles'))
          writeFileSync(
            join(out, `${product.id}-${name.replace(/\.\w+$/, '')}.png`),
            Buffer.from(png.split(',')[1]!, 'base64'),
          );
        const picture = await sharp(Buffer.from(png.split(',')[1]!, 'base64'))
          .resize(TILE, TILE, { fit: 'contain', background: '#202020' })
          .toBuffer();
        const caption = Buffer.from(
          `<svg width="${TILE}" height="${CAPTION}"><rect width="100%" height="100%" fill="#111"/>` +
            `<text x="6" y="16" font-size="13" fill="#fff" font-family="sans-serif">${escapeXml(name)}</text>` +
            `<text x="6" y="33" font-size="12" fill="#ccc" font-family="sans-serif">${escapeXml(said.slice(0, 60))}</text></svg>`,
        );
        const col = i % 4;
        const row = Math.floor(i / 4);
        tiles.push({ input: picture, left: col * TILE, top: row * (TILE + CAPTION) });
        tiles.push({ input: caption, left: col * TILE, top: row * (TILE + CAPTION) + TILE });
      }
      const rows = Math.ceil(portraits.length / 4);
      const file = join(out, `tryon-${product.tryOn!.kind}-${product.id}.png`);
      await sharp({
        create: {
          width: 4 * TILE,
          height: rows * (TILE + CAPTION),
          channels: 3,
          background: '#202020',
        },
      })
        .composite(tiles)
        .png()
        .toFile(file);
      console.log(`${product.id} (${product.tryOn!.kind}): ${file}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (!existsSync(FACES)) {
  console.log(`skipped: ${FACES} is missing`);
} else {
  await main();
}
