// A shop pack for the pack reader's tests: a fixture folder read into memory, with files left
// out, replaced or added, so that each test can bend one thing without a folder of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { PackFiles } from '../../../src/lib/shop/shared/pack';

export const PACKS = 'tests/fixtures/shop-packs';

/** Text files of a pack (pictures are listed with empty text: the reader only lists them). */
export function packFiles(
  folder: string | null,
  changes: { omit?: string[]; set?: Record<string, string> } = {},
): PackFiles {
  const files = new Map<string, string>();
  if (folder) {
    const dir = join(PACKS, folder);
    for (const path of readdirSync(dir, { recursive: true }) as string[]) {
      const name = path.split('\\').join('/');
      if (!statSync(join(dir, name)).isFile()) continue;
      files.set(
        name,
        /\.(png|jpe?g|webp|svg)$/i.test(name) ? '' : readFileSync(join(dir, name), 'utf8'),
      );
    }
  }
  for (const name of changes.omit ?? []) files.delete(name);
  for (const [name, text] of Object.entries(changes.set ?? {})) files.set(name, text);
  return { list: () => [...files.keys()], text: (path) => files.get(path) };
}

/** A fixture pack's folder as a .zip (as a shop sends it), its files under `prefix`. */
export function zipOf(folder: string, prefix = '', extra: Zippable = {}): Uint8Array {
  const dir = join(PACKS, folder);
  const entries: Zippable = { ...extra };
  for (const path of readdirSync(dir, { recursive: true }) as string[]) {
    const name = path.split('\\').join('/');
    if (statSync(join(dir, name)).isFile()) entries[prefix + name] = readFileSync(join(dir, name));
  }
  return zipSync(entries);
}
