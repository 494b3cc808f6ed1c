/**
 * The heavy files some features need (try-on's MediaPipe runtime and models, Help's word vectors
 * and model, the tfjs wasm binaries for training on the device) are not precached, so a first visit stays light. They are fetched
 * into one named cache when their feature is first opened, or all at once from My data; the
 * service worker serves them from that cache (vite.config.ts, runtimeCaching). These are the
 * pure rules: which files, how big, how the progress reads.
 */

/** The Cache Storage name the page fills and the service worker's CacheFirst route reads. */
export { ASSET_CACHE } from '../db';

/**
 * Files fetched together: a feature's on its first use (`tryon`; Help's model, `help`, then its
 * whole word-vector table, `words`, which Help can do without), or the tfjs wasm binaries that
 * training on the device runs on (`training`: cached by the service worker when first used;
 * without them offline, tfjs trains on its plain-JS backend). "Make available offline" fetches
 * them all.
 */
export type AssetGroup = 'tryon' | 'help' | 'words' | 'training';
export const ASSET_GROUPS: readonly AssetGroup[] = ['tryon', 'help', 'words', 'training'];

/** Marks the page's own downloads into the cache, which the service worker lets through. */
export const FILL_PARAM = 'fill';

/** Bytes as megabytes with one decimal ("4.2"), as the progress bar shows them. */
export function megabytes(bytes: number): string {
  return (Math.max(0, bytes) / 1_000_000).toFixed(1);
}

/**
 * The whole size of a file from a ranged GET's answer: `Content-Range: bytes 0-0/1234`, or the
 * Content-Length of a server that ignored the range. Null when neither says.
 */
export function sizeFromHeaders(headers: { get(name: string): string | null }): number | null {
  const range = /\/(\d+)\s*$/.exec(headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = headers.get('content-length');
  return length !== null && /^\d+$/.test(length) ? Number(length) : null;
}

/** Every URL once, in order (the tfjs wasm paths point two names at one file). */
export function uniqueUrls(urls: readonly string[]): string[] {
  return [...new Set(urls)];
}
