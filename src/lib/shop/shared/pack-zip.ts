/**
 * A shop pack as one file: a .zip of the pack's folder (made by any zip tool; a folder at the top
 * of the archive, macOS's __MACOSX and hidden files are ignored), read with fflate. The same
 * reader serves `AISLE_SHOP=<pack.zip> npm run build` and a kiosk's staff loading a pack. A file
 * that is not a zip, or one that would unpack to more than a pack can be, is a problem with a
 * clear reason, never a half-read pack.
 */
import { unzipSync } from 'fflate';
import type { PackFiles, PackProblem } from './pack-types';

/** The most a pack may unpack to, and the most files it may hold. */
export const MAX_PACK_BYTES = 1024 * 2 ** 20;
export const MAX_PACK_FILES = 20_000;

export type ZipRead = { ok: true; files: PackFiles } | { ok: false; problems: PackProblem[] };

const ignored = (path: string) =>
  path.endsWith('/') || path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

class TooLarge extends Error {}

export function zipPackFiles(zip: Uint8Array, name = 'the pack'): ZipRead {
  const problem = (why: string): ZipRead => ({ ok: false, problems: [{ file: name, why }] });
  let entries: Record<string, Uint8Array>;
  try {
    let count = 0;
    let total = 0;
    // The sizes the archive declares are checked before anything is inflated.
    entries = unzipSync(zip, {
      filter: (file) => {
        if (ignored(file.name)) return false;
        total += file.originalSize;
        if (++count > MAX_PACK_FILES || total > MAX_PACK_BYTES) throw new TooLarge();
        return true;
      },
    });
  } catch (e) {
    return e instanceof TooLarge
      ? problem(
          `${name} unpacks to more than ${MAX_PACK_FILES.toLocaleString('en')} files or ` +
            `${MAX_PACK_BYTES / 2 ** 20} MB: split the shop into smaller packs.`,
        )
      : problem(`${name} is not a zip file that can be read (${(e as Error).message}).`);
  }
  const paths = Object.keys(entries);
  // A zip of the folder itself ("shop/products.csv"): its one top folder is the pack's root.
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const root = tops.size === 1 && !tops.has('') ? `${[...tops][0]}/` : '';
  const files = new Map(paths.map((p) => [p.slice(root.length), entries[p]!]));
  if (files.size === 0) return problem(`${name} holds no files.`);
  const decoder = new TextDecoder();
  return {
    ok: true,
    files: {
      list: () => [...files.keys()],
      text: (path) => {
        const bytes = files.get(path);
        return bytes && decoder.decode(bytes);
      },
      bytes: (path) => files.get(path),
    },
  };
}
