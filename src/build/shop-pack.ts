/**
 * Vite plugin: the shop the app is built for. `AISLE_SHOP=<folder or .zip>` names a shop pack (the
 * format is in the README), else the demo shop's (src/shops/demo). The pack is read with the
 * same pure reader a kiosk uses (src/lib/shop/shared/pack.ts) and offered to the app as the
 * module `virtual:shop`. A bad pack fails the build with every bad row, never a half-built shop.
 *
 * Pictures: a path inside the pack, or a URL fetched here, at build time only (the shopper's
 * browser never fetches another origin). Each is resized and encoded to WebP in a few widths and
 * served from our own origin under shop/img/; one that cannot be had is a warning, and the
 * product gets a picture drawn on the device. Encoded files are cached under node_modules/.cache.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Plugin, ResolvedConfig } from 'vite';
import { INLINE_PRODUCTS, catalogFile, catalogLines } from '../lib/catalog/stored.ts';
import {
  PICTURE_DIR,
  assembleShop,
  pictureWidths,
  versionOfDigest,
  versionParts,
  withPictures,
} from '../lib/shop/shared/assemble.ts';
import type { BuiltShop } from '../lib/shop/shared/built.ts';
import { zipPackFiles } from '../lib/shop/shared/pack-zip.ts';
import {
  readPack,
  type PackFiles,
  type PackProblem,
  type ShopPack,
} from '../lib/shop/shared/pack.ts';
import { DEMO_PACK_DIR } from './demo-pack.ts';

export const VIRTUAL_SHOP = 'virtual:shop';
const RESOLVED = `\0${VIRTUAL_SHOP}`;
const CACHE_DIR = 'node_modules/.cache/private-aisle/pictures';
const FETCH_TIMEOUT_MS = 15_000;

/**
 * The largest catalog shipped inside the app's code; a larger one is a file stored in IndexedDB
 * on the device. `AISLE_INLINE_PRODUCTS=0` ships any catalog as a file (the tests use it).
 */
const inlineLimit = (): number =>
  process.env.AISLE_INLINE_PRODUCTS ? Number(process.env.AISLE_INLINE_PRODUCTS) : INLINE_PRODUCTS;

/** The pack this build is for: a folder, or a .zip of one. */
export const shopDir = (): string =>
  process.env.AISLE_SHOP ? resolve(process.env.AISLE_SHOP) : DEMO_PACK_DIR;

/** A folder as the pack reader sees it. */
export function folderFiles(dir: string): PackFiles {
  const list = (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.')))
    .filter((p) => statSync(join(dir, p)).isFile());
  const has = (path: string) => list.includes(path);
  return {
    list: () => list,
    text: (path) => (has(path) ? readFileSync(join(dir, path), 'utf8') : undefined),
    bytes: (path) => (has(path) ? readFileSync(join(dir, path)) : undefined),
  };
}

/** A pack's files, from its folder or its .zip; a zip that cannot be read throws. */
function packFiles(path: string): PackFiles {
  if (!path.toLowerCase().endsWith('.zip')) return folderFiles(path);
  const read = zipPackFiles(readFileSync(path), basename(path));
  if (!read.ok) throw new ShopPackError(path, read.problems);
  return read.files;
}

export class ShopPackError extends Error {
  constructor(dir: string, problems: readonly PackProblem[]) {
    super(`The shop pack ${dir} has ${problems.length} problem(s):\n${report(problems)}`);
    this.name = 'ShopPackError';
  }
}

/** One line per problem: "products.csv:12 (Variant Price): Variant Price is not a number". */
export function report(problems: readonly PackProblem[]): string {
  return problems
    .map((p) => {
      const where = `${p.file}${p.line ? `:${p.line}` : ''}${p.column ? ` (${p.column})` : ''}`;
      return `  ${where}: ${p.why}`;
    })
    .join('\n');
}

interface Picture {
  bytes: Uint8Array;
  widths: number[];
}

/** A picture's bytes: from the pack, or fetched once (cached on disk between builds). */
async function pictureBytes(files: PackFiles, source: string): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(source)) {
    const bytes = files.bytes?.(source);
    if (!bytes) throw new Error('no such file in the pack');
    return bytes;
  }
  const cached = join(CACHE_DIR, `url-${sha(source)}`);
  if (existsSync(cached)) return readFileSync(cached);
  const response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The version the stored catalog and the shipped model are keyed by (see versionParts). */
function versionOf(pack: ShopPack): string {
  const hash = createHash('sha256');
  for (const part of versionParts(pack)) hash.update(part);
  return versionOfDigest(hash.digest('hex'));
}

/** Reads the pack (not its pictures). Problems throw a ShopPackError. */
export function readShop(dir: string): {
  pack: ShopPack;
  files: PackFiles;
  warnings: string[];
  catalogVersion: string;
} {
  const files = packFiles(dir);
  const result = readPack(files, { folderName: basename(dir).replace(/\.zip$/i, '') });
  if (!result.ok) throw new ShopPackError(dir, result.problems);
  const { pack } = result;
  return {
    pack,
    files,
    warnings: result.warnings.length ? [report(result.warnings)] : [],
    catalogVersion: versionOf(pack),
  };
}

/**
 * Reads the pack and its pictures. Problems throw a ShopPackError; pictures that cannot be had
 * come back as warnings.
 */
export async function buildShop(dir: string): Promise<{
  shop: BuiltShop;
  /** The catalog's file (gzip), when it does not come in the app's code. */
  catalog?: { fileName: string; bytes: Uint8Array };
  pictures: Map<string, Picture>;
  logo?: { fileName: string; bytes: Uint8Array };
  warnings: string[];
}> {
  const { pack, files, warnings, catalogVersion } = readShop(dir);
  const pictures = new Map<string, Picture>();
  const made = await withPictures(pack, async (source) => {
    const bytes = await pictureBytes(files, source);
    const hash = sha(bytes).slice(0, 16);
    const { width = 0 } = await sharp(bytes).metadata();
    if (!width) throw new Error('not a picture');
    const widths = pictureWidths(width);
    pictures.set(hash, { bytes, widths });
    return { hash, widths };
  });
  if (made.warnings.length) warnings.push(report(made.warnings));
  const { products } = made;
  const logo = pack.settings.logo ? logoFile(files, pack.settings.logo) : undefined;
  const inline = products.length <= inlineLimit();
  const catalog = inline
    ? undefined
    : {
        fileName: catalogFile(catalogVersion),
        bytes: gzipSync(catalogLines(products), { level: 9 }),
      };
  const shop = assembleShop(pack, products, {
    catalogVersion,
    ...(logo ? { logo: logo.fileName } : {}),
    ...(catalog ? { catalogFile: catalog.fileName } : {}),
  });
  return { shop, catalog, pictures, logo, warnings };
}

/** The pack's logo as it is (SVG or PNG), under a name that changes with its content. */
function logoFile(files: PackFiles, path: string): { fileName: string; bytes: Uint8Array } {
  const bytes = files.bytes?.(path);
  if (!bytes) throw new Error(`The logo ${path} is not in the pack`);
  const ext = path.split('.').pop()!.toLowerCase();
  return { fileName: `shop/logo-${sha(bytes).slice(0, 12)}.${ext}`, bytes };
}

/** One encoded width of a picture, cached on disk by content. */
async function encoded(hash: string, picture: Picture, width: number): Promise<Uint8Array> {
  const cached = join(CACHE_DIR, `${hash}-${width}.webp`);
  if (existsSync(cached)) return readFileSync(cached);
  const bytes = await sharp(picture.bytes)
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
}

export function shopPack(): Plugin {
  let config: ResolvedConfig;
  let built: ReturnType<typeof buildShop> | undefined;
  const load = () => (built ??= buildShop(shopDir()));
  return {
    name: 'private-aisle:shop-pack',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: (id) => (id === VIRTUAL_SHOP ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { shop, warnings } = await load();
      for (const w of warnings) this.warn(`shop pack ${shopDir()}:\n${w}`);
      // As a JSON string: engines parse JSON faster than the same object written as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(shop))});`;
    },
    async generateBundle() {
      const { pictures, logo, catalog } = await load();
      if (logo) this.emitFile({ type: 'asset', fileName: logo.fileName, source: logo.bytes });
      if (catalog)
        this.emitFile({ type: 'asset', fileName: catalog.fileName, source: catalog.bytes });
      for (const [hash, picture] of pictures) {
        for (const width of picture.widths) {
          this.emitFile({
            type: 'asset',
            fileName: `${PICTURE_DIR}/${hash}-${width}.webp`,
            source: await encoded(hash, picture, width),
          });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (path.startsWith(`${config.base}shop/logo-`)) {
          load()
            .then(({ logo }) => {
              if (!logo || path !== `${config.base}${logo.fileName}`) return next();
              const svg = logo.fileName.endsWith('.svg');
              res.setHeader('Content-Type', svg ? 'image/svg+xml' : 'image/png');
              res.end(logo.bytes);
            })
            .catch(next);
          return;
        }
        if (path.startsWith(`${config.base}shop/catalog-`)) {
          load()
            .then(({ catalog }) => {
              if (!catalog || path !== `${config.base}${catalog.fileName}`) return next();
              res.setHeader('Content-Type', 'application/octet-stream');
              res.end(catalog.bytes);
            })
            .catch(next);
          return;
        }
        const match = /\/shop\/img\/([0-9a-f]+)-(\d+)\.webp$/.exec(path);
        if (!match || !path.startsWith(config.base)) return next();
        load()
          .then(async ({ pictures }) => {
            const picture = pictures.get(match[1]!);
            if (!picture) return next();
            const body = await encoded(match[1]!, picture, Number(match[2]));
            res.setHeader('Content-Type', 'image/webp');
            res.end(body);
          })
          .catch(next);
      });
    },
  };
}
