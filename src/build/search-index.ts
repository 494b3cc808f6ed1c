/**
 * Vite plugin: the shop's search index, built at build time from the shop pack's catalog and
 * synonyms (the same code the search worker runs) and shipped as a gzip file of our own origin
 * (src/lib/catalog/search/file.ts), precached, so the device restores it instead of indexing.
 * Deterministic: the same catalog gives the same bytes.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { encodeCatalogIndex } from '../lib/catalog/search/file.ts';
import { searchIndexFile } from '../lib/catalog/search/version.ts';
import { buildCatalogIndex, exportCatalogIndex } from '../lib/catalog/search/index.ts';
import { ownOriginAssets } from './own-origin-assets.ts';
import { readShop, shopDir } from './shop-pack.ts';

let file: { path: string; bytes: Uint8Array } | undefined;

/** The index file's path and bytes, made once per build. */
export function searchIndex(): { path: string; bytes: Uint8Array } {
  if (file) return file;
  const { pack, catalogVersion } = readShop(shopDir());
  const index = buildCatalogIndex(pack.products, pack.synonyms);
  const bytes = gzipSync(encodeCatalogIndex(exportCatalogIndex(index)), { level: 9 });
  return (file = { path: searchIndexFile(catalogVersion), bytes });
}

export function searchIndexPlugin(): Plugin {
  return ownOriginAssets(
    'private-aisle:search-index',
    [searchIndex().path],
    () => searchIndex().bytes,
  );
}
