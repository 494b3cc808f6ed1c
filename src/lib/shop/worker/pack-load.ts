/**
 * What the shop pack worker does (pack.worker.ts exposes it): loads the pack staff chose on a
 * device (a .zip of the pack's folder) into the shop the app runs, as the build would
 * (shared/assemble.ts): reads and checks it, makes its pictures (in the browser: OffscreenCanvas
 * to WebP, into the asset cache), trains its recommender, and stores it whole (db/shop.ts).
 * A bad pack comes back as every problem found and changes nothing.
 */
import { catalogFile, catalogLines } from '../../catalog/stored';
import type { LoadedShop } from '../../db/shop';
import { buildShopModelFile } from '../../recommender/worker/shop-model';
import {
  PICTURE_DIR,
  assembleShop,
  pictureWidths,
  withPictures,
  type MadePicture,
  versionOfDigest,
  versionParts,
} from '../shared/assemble';
import { readPack, type PackFiles, type PackProblem } from '../shared/pack';
import { MAX_PACK_BYTES, zipPackFiles } from '../shared/pack-zip';

export type PackLoadStep = 'reading' | 'pictures' | 'training' | 'saving';
export interface PackLoadProgress {
  step: PackLoadStep;
  done: number;
  total: number;
}

export type PackLoadReport =
  | { ok: true; name: string; products: number; pictures: number; warnings: PackProblem[] }
  | { ok: false; problems: PackProblem[] };

/** A decoded picture, encoded again at any width (WebP where the browser can). */
export interface DecodedPicture {
  width: number;
  encode(width: number): Promise<Blob>;
  close(): void;
}

/** What the loader needs of the browser (unit tests hand in their own). */
export interface PackLoadDeps {
  decode(bytes: Uint8Array): Promise<DecodedPicture>;
  putFile(url: string, file: Blob): Promise<void>;
  save(shop: LoadedShop): Promise<void>;
  discard(urls: readonly string[]): Promise<void>;
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Bytes as a Blob or digest takes them (the pack's are never shared memory). */
const own = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

async function sha256(...parts: Uint8Array[]): Promise<string> {
  const whole = new Uint8Array(await new Blob(parts.map(own)).arrayBuffer());
  return hex(await crypto.subtle.digest('SHA-256', whole));
}

const LOGO_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

async function gzip(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

export function createPackLoadApi(deps: PackLoadDeps) {
  return {
    /**
     * Loads `file` (a .zip) as the device's shop. `base`: the app's base URL, absolute (the
     * asset cache is keyed by URL). `onProgress` as each step goes.
     */
    async load(
      file: Blob,
      name: string,
      base: string,
      onProgress: (progress: PackLoadProgress) => void,
    ): Promise<PackLoadReport> {
      const fail = (why: string, line?: PackProblem): PackLoadReport => ({
        ok: false,
        problems: [line ?? { file: name, why }],
      });
      if (!name.toLowerCase().endsWith('.zip')) {
        return fail(`${name} is not a .zip file: zip the pack's folder and choose the .zip.`);
      }
      if (file.size > MAX_PACK_BYTES) {
        return fail(`${name} is larger than ${MAX_PACK_BYTES / 2 ** 20} MB: split the shop.`);
      }
      onProgress({ step: 'reading', done: 0, total: 1 });
      const zip = zipPackFiles(new Uint8Array(await file.arrayBuffer()), name);
      if (!zip.ok) return { ok: false, problems: zip.problems };
      const read = readPack(zip.files, { folderName: name.replace(/\.zip$/i, '') });
      if (!read.ok) return read;
      const { pack } = read;

      const written = new Set<string>();
      const put = async (path: string, blob: Blob) => {
        const url = new URL(path, base).href;
        await deps.putFile(url, blob);
        written.add(url);
      };
      try {
        onProgress({ step: 'pictures', done: 0, total: pack.pictures.length });
        const { products, warnings } = await withPictures(
          pack,
          pictureMaker(zip.files, deps, put),
          (done, total) => onProgress({ step: 'pictures', done, total }),
        );
        const logo = pack.settings.logo ? await logoFile(zip.files, pack.settings.logo) : null;
        if (logo) await put(logo.path, logo.blob);

        onProgress({ step: 'training', done: 0, total: 1 });
        const catalogVersion = versionOfDigest(await sha256(...versionParts(pack)));
        const model = buildShopModelFile(products, catalogVersion, pack.ratings, pack.itemFactors);
        onProgress({ step: 'saving', done: 0, total: 1 });
        const shop = assembleShop(pack, products, {
          catalogVersion,
          catalogFile: catalogFile(catalogVersion),
          ...(logo ? { logo: logo.path } : {}),
        });
        await deps.save({
          id: 'current',
          shop,
          catalog: await gzip(catalogLines(products)),
          model: new Blob([own(model)]),
          files: [...written],
          source: name,
          loadedAt: Date.now(),
        });
        return {
          ok: true,
          name: pack.settings.name.en,
          products: products.length,
          pictures: products.filter((p) => p.image).length,
          warnings: [...read.warnings, ...warnings],
        };
      } catch (e) {
        await deps.discard([...written]).catch(() => undefined);
        throw e;
      }
    },
  };
}

/** Makes a picture from its source in the pack: decoded once, encoded in each of its widths. */
function pictureMaker(
  files: PackFiles,
  deps: PackLoadDeps,
  put: (path: string, blob: Blob) => Promise<void>,
): (source: string) => Promise<MadePicture> {
  const made = new Map<string, Promise<MadePicture>>(); // by source: one file, several variants
  return (source) => {
    let picture = made.get(source);
    if (!picture) made.set(source, (picture = makePicture(source, files, deps, put)));
    return picture;
  };
}

async function makePicture(
  source: string,
  files: PackFiles,
  deps: PackLoadDeps,
  put: (path: string, blob: Blob) => Promise<void>,
): Promise<MadePicture> {
  if (/^https?:\/\//i.test(source)) {
    throw new Error('a web address: pictures are fetched only when the app is built');
  }
  const bytes = files.bytes?.(source);
  if (!bytes) throw new Error('no such file in the pack');
  const hash = (await sha256(bytes)).slice(0, 16);
  const picture = await deps.decode(bytes).catch(() => {
    throw new Error('not a picture');
  });
  try {
    const widths = pictureWidths(picture.width);
    for (const width of widths) {
      await put(`${PICTURE_DIR}/${hash}-${width}.webp`, await picture.encode(width));
    }
    return { hash, widths };
  } finally {
    picture.close();
  }
}

/** The pack's logo as it is, under a name that changes with its content. */
async function logoFile(files: PackFiles, path: string): Promise<{ path: string; blob: Blob }> {
  const bytes = files.bytes?.(path);
  if (!bytes) throw new Error(`The logo ${path} is not in the pack`);
  const ext = path.split('.').pop()!.toLowerCase();
  const hash = (await sha256(bytes)).slice(0, 12);
  return {
    path: `${PICTURE_DIR}/logo-${hash}.${ext}`,
    blob: new Blob([own(bytes)], { type: LOGO_TYPES[ext] ?? 'application/octet-stream' }),
  };
}

export type PackLoadApi = ReturnType<typeof createPackLoadApi>;
