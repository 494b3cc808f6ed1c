/**
 * The search index's version and the name of the file the build ships it in: all the page needs
 * of the index (the index itself lives in the search worker, so its code stays out of the
 * Shop's first load).
 */

/** Bump when what an index holds, or how it is scored, changes: older saved data is refused. */
export const CATALOG_INDEX_VERSION = 1;

/** The file's path under the base URL, for a catalog version (the index's version in it too). */
export function searchIndexFile(catalogVersion: string): string {
  return `shop/search-v${CATALOG_INDEX_VERSION}-${catalogVersion}.bin`;
}
