/**
 * The store behind "heavy files on first use": Try on and Help call `ensure()` before they start
 * their worker; My data's "Make available offline" and kiosk setup call `makeAllAvailable()`.
 * Files are fetched into ASSET_CACHE with progress in megabytes (`download`), which the service
 * worker then serves, to the page and to workers, online or not. Offline, a feature whose files
 * are missing says so (a notice) instead of failing somewhere deep in a worker.
 */
import { WASM_PATHS } from '../ml/wasm-paths';
import { MEDIAPIPE_FILES, mediapipeUrl, type MediapipeFile } from '../tryon/worker/assets';
import { modelFile } from 'virtual:assistant-model';
import { wordVectorsUrl } from '../assistant/shared/word-vectors';
import { i18n } from '../i18n/locale.svelte';
import { notify } from './notices.svelte';
import {
  ASSET_CACHE,
  ASSET_GROUPS,
  FILL_PARAM,
  sizeFromHeaders,
  uniqueUrls,
  type AssetGroup,
} from './offline-assets';

/** A feature's files are not cached and cannot be fetched now (offline, or the server is gone). */
export class AssetsNeedDownloadError extends Error {
  constructor(readonly group: AssetGroup | 'all') {
    super(`files for ${group} need a download first`);
    this.name = 'AssetsNeedDownloadError';
  }
}

/** Files just downloaded into the cache, by absolute URL. */
export type Downloaded = ReadonlyMap<string, Blob>;

export interface AssetDownload {
  group: AssetGroup | 'all';
  loaded: number;
  /** Known once every response's headers are in. */
  total: number | null;
}

/** The absolute URLs of a group's files, for this page. */
export function assetUrls(group: AssetGroup): string[] {
  const base = location.href;
  const baseUrl = import.meta.env.BASE_URL;
  if (group === 'tryon') {
    const files = Object.keys(MEDIAPIPE_FILES) as MediapipeFile[];
    return files.map((file) => mediapipeUrl(file, base, baseUrl));
  }
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- one-off strings, not state
  if (group === 'help') return [new URL(baseUrl + modelFile, base).href];
  if (group === 'words') return [wordVectorsUrl(base, baseUrl)];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- one-off strings, not state
  return uniqueUrls(Object.values(WASM_PATHS).map((path) => new URL(path, base).href));
}

const PROGRESS_EVERY_MS = 200;

const cacheAvailable = () => typeof caches !== 'undefined';
/** As the service worker matches (vite.config.ts): one copy per URL, whatever `Vary` says. */
const MATCH: CacheQueryOptions = { ignoreVary: true };

class OfflineAssets {
  /** The download under way, if any: what, and how far. */
  download = $state.raw<AssetDownload | null>(null);
  /** Whether every group's files are in the cache (null until checked). */
  allCached = $state<boolean | null>(null);
  /** The size of every group's files together (null until known). */
  totalBytes = $state<number | null>(null);

  /**
   * Downloads under way: the files once read, and `stored` once they are in the cache (or could
   * not be had); kept until then, so that another call does not fetch them again.
   */
  #pending = new Map<AssetGroup | 'all', { read: Promise<Downloaded>; stored: Promise<unknown> }>();

  /**
   * Makes sure a feature's files are cached; throws AssetsNeedDownloadError (and says so, unless
   * `quiet`: for files a feature can do without) if not.
   * Resolves with the files it downloaded now (by URL), so the feature need not read them back.
   */
  ensure(group: AssetGroup, { quiet = false } = {}): Promise<Downloaded> {
    // No Cache Storage (an insecure origin, Node): the features fetch their files as before.
    if (!cacheAvailable()) return Promise.resolve(new Map());
    return this.#once(group, assetUrls(group), quiet);
  }

  /** Fetches every feature's files at once (My data, kiosk setup). */
  async makeAllAvailable(): Promise<void> {
    if (cacheAvailable()) await this.#once('all', uniqueUrls(ASSET_GROUPS.flatMap(assetUrls)));
  }

  /**
   * Drops a group's files from the cache (a copy its feature could not read), once they are
   * stored, so that the next use fetches them again.
   */
  async forget(group: AssetGroup): Promise<void> {
    if (!cacheAvailable()) return;
    await this.#pending.get(group)?.stored;
    const cache = await caches.open(ASSET_CACHE);
    await Promise.all(assetUrls(group).map((url) => cache.delete(url, MATCH)));
    this.allCached = false;
  }

  /** Finds out whether everything is cached, and how big it all is (for My data). */
  async measure(): Promise<void> {
    if (!cacheAvailable()) return;
    const urls = uniqueUrls(ASSET_GROUPS.flatMap(assetUrls));
    const cache = await caches.open(ASSET_CACHE);
    const sizes = await Promise.all(
      urls.map(async (url) => {
        const hit = await cache.match(url, MATCH);
        if (hit) return { cached: true, size: sizeFromHeaders(hit.headers) };
        return { cached: false, size: await remoteSize(url) };
      }),
    );
    this.allCached = sizes.every((s) => s.cached);
    this.totalBytes = sizes.every((s) => s.size !== null)
      ? sizes.reduce((sum, s) => sum + (s.size ?? 0), 0)
      : null;
  }

  #once(group: AssetGroup | 'all', urls: string[], quiet = false): Promise<Downloaded> {
    let pending = this.#pending.get(group);
    if (!pending) {
      const download = this.#fetchMissing(group, urls, quiet);
      const stored = download
        .then((d) => d.stored)
        .catch(() => undefined) // said where it failed
        .finally(() => this.#pending.delete(group));
      pending = { read: download.then((d) => d.files), stored };
      this.#pending.set(group, pending);
    }
    return pending.read;
  }

  async #fetchMissing(
    group: AssetGroup | 'all',
    urls: string[],
    quiet: boolean,
  ): Promise<{ files: Downloaded; stored: Promise<unknown> }> {
    const cache = await caches.open(ASSET_CACHE);
    const missing = (
      await Promise.all(urls.map(async (url) => ((await cache.match(url, MATCH)) ? null : url)))
    ).filter((url): url is string => url !== null);
    if (missing.length === 0) {
      if (group === 'all') this.allCached = true;
      return { files: new Map(), stored: Promise.resolve() };
    }
    this.download = { group, loaded: 0, total: null };
    try {
      // The bar moves a few times a second, not at every chunk (a feature may be busy starting).
      let shown = 0;
      const { files, stored } = await fetchIntoCache(cache, missing, (loaded, total) => {
        if (performance.now() - shown < PROGRESS_EVERY_MS && loaded !== total) return;
        shown = performance.now();
        this.download = { group, loaded, total };
      });
      // "Make available offline" is done when everything is stored; a feature starts on the
      // bytes at once, while they are stored.
      if (group === 'all') {
        await stored;
        this.allCached = true;
      } else {
        stored.catch((e: unknown) => {
          console.error(e);
          if (!quiet) notify(i18n.t.assets.failed, 'error');
        });
      }
      return { files, stored };
    } catch (e) {
      const error = e instanceof AssetsNeedDownloadError ? e : new AssetsNeedDownloadError(group);
      const t = i18n.t.assets;
      if (!quiet) notify(group === 'all' ? t.failed : t.needsDownload[group], 'error');
      console.error(e);
      throw error;
    } finally {
      this.download = null;
    }
  }
}

/** The size of a file not yet cached, from a one-byte GET; null when offline or not said. */
async function remoteSize(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
    await response.body?.cancel();
    return response.ok ? sizeFromHeaders(response.headers) : null;
  } catch {
    return null;
  }
}

/**
 * The URL the page downloads a file by: the service worker lets it through to the network
 * (vite.config.ts), so the file is stored once, by the page, rather than by both.
 */
const fillUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}${FILL_PARAM}`;

/**
 * Fetches the files side by side and reports bytes so far and the total; resolves with the files
 * once read, and `stored` once each is in the cache.
 */
async function fetchIntoCache(
  cache: Cache,
  urls: string[],
  progress: (loaded: number, total: number | null) => void,
): Promise<{ files: Downloaded; stored: Promise<unknown> }> {
  const responses = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(fillUrl(url)).catch(() => null);
      if (!response?.ok || !response.body) throw new AssetsNeedDownloadError('all');
      return { url, response };
    }),
  );
  const sizes = responses.map(({ response }) => sizeFromHeaders(response.headers));
  const total = sizes.every((s) => s !== null) ? sizes.reduce((a, s) => a + (s ?? 0), 0) : null;
  let loaded = 0;
  progress(0, total);
  const files = await Promise.all(
    responses.map(async ({ url, response }) => {
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        progress(loaded, total);
      }
      return [url, new Blob(chunks), response.headers.get('content-type')] as const;
    }),
  );
  const stored = Promise.all(
    files.map(([url, body, type]) => {
      const headers = new Headers({ 'Content-Length': String(body.size) });
      if (type) headers.set('Content-Type', type);
      return cache.put(url, new Response(body, { status: 200, headers }));
    }),
  );
  return { files: new Map(files.map(([url, body]) => [url, body])), stored };
}

export const offlineAssets = new OfflineAssets();
