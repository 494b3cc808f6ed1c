import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { folderFiles, readShop } from '../../src/build/shop-pack';
import { readPack } from '../../src/lib/shop/shared/pack';
import { MAX_PACK_FILES, zipPackFiles } from '../../src/lib/shop/shared/pack-zip';
import { PACKS, zipOf as zipPackFolder } from './helpers/pack-files';

// A shop pack as one .zip (what a kiosk's staff load, and what `AISLE_SHOP=<pack.zip>` builds):
// read by the same reader as the folder, to the same pack.

const FOLDER = join(PACKS, 'shopify');

const zipOf = (prefix = '', extra: Zippable = {}) => zipPackFolder('shopify', prefix, extra);

const folderPack = () => readPack(folderFiles(FOLDER), { folderName: 'shopify' });

describe('a shop pack as a .zip', () => {
  it('reads as the folder does, at the top or inside one folder, ignoring hidden and macOS files', () => {
    for (const zip of [
      zipOf(),
      zipOf('shopify/', {
        '__MACOSX/shopify/._products.csv': new Uint8Array([0, 5, 22, 7]),
        'shopify/.DS_Store': new Uint8Array([0, 0, 0, 1]),
      }),
    ]) {
      const read = zipPackFiles(zip, 'shopify.zip');
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.files.list().sort()).toEqual(folderFiles(FOLDER).list().sort());
      expect(readPack(read.files, { folderName: 'shopify' })).toEqual(folderPack());
      // Pictures come out as bytes, for the build (or a kiosk) to encode.
      const picture = read.files.list().find((p) => /\.(png|jpe?g)$/i.test(p))!;
      expect(Buffer.from(read.files.bytes!(picture)!)).toEqual(readFileSync(join(FOLDER, picture)));
    }
  });

  it('builds: AISLE_SHOP may name the .zip, with the folder’s version and name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-zip-'));
    const path = join(dir, 'northway.zip');
    writeFileSync(path, zipOf('northway/'));
    const fromZip = readShop(path);
    const fromFolder = readShop(FOLDER);
    expect(fromZip.catalogVersion).toBe(fromFolder.catalogVersion);
    expect(fromZip.pack.products).toEqual(fromFolder.pack.products);
  });

  it('a file that is not a zip, an empty one or one too large is a problem, never a half-read pack', () => {
    const notZip = zipPackFiles(new TextEncoder().encode('Handle,Title\nx,y\n'), 'products.zip');
    expect(notZip).toMatchObject({ ok: false, problems: [{ file: 'products.zip' }] });
    expect(!notZip.ok && notZip.problems[0]!.why).toMatch(/is not a zip file/);
    const truncated = zipOf().slice(0, 500);
    expect(zipPackFiles(truncated).ok).toBe(false);
    const empty = zipPackFiles(zipSync({ '.hidden': new Uint8Array(1) }), 'empty.zip');
    expect(!empty.ok && empty.problems[0]!.why).toBe('empty.zip holds no files.');
    const many: Zippable = {};
    for (let i = 0; i <= MAX_PACK_FILES; i++) many[`img/${i}.png`] = new Uint8Array(0);
    const tooMany = zipPackFiles(zipSync(many, { level: 0 }), 'huge.zip');
    expect(!tooMany.ok && tooMany.problems[0]!.why).toMatch(/more than 20,000 files/);
  });
});
