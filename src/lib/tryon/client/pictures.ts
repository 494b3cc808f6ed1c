/**
 * Try-on products' catalog pictures from their 3D models, page side: what you see in the shop is
 * the model you try on. ProductPicture shows the drawn (SVG) picture until this hands it the 3D
 * one (`watchModelPicture`):
 *
 * - from this device's cache at once, where it was rendered before (db/pictures.ts), keyed by a
 *   hash of the try-on parameters, the model version and the size (shared/pictures.ts);
 * - else rendered in the picture worker (one WebGL renderer on an OffscreenCanvas, reused for
 *   every picture), only while the picture is on screen and the page is idle, one at a time, the
 *   latest on screen first, each once however many places show it; then kept in the cache.
 *
 * Nothing loads until a picture must be rendered: the worker (with three.js) starts on the first
 * and stops when idle. Where a worker has no WebGL, the drawn pictures stay, and nothing is said.
 */
import { storedProductPicture, storeProductPicture } from '../../db/pictures';
import { KIOSK_RESET_EVENT } from '../../kiosk/client/kiosk.svelte';
import { measure } from '../../shell/timing';
import { WorkerBridge, WorkerCrashedError } from '../../workers/bridge';
import { PictureCancelled, PictureQueue, type PictureWish } from '../shared/picture-queue';
import { PICTURE_SIZE, pictureKey, type ModelledParams } from '../shared/pictures';
import type { PictureWorkerApi } from '../worker/picture.worker';

/** Where a shown 3D picture came from: this device's cache, or a render for this picture. */
export type PictureSource = 'cache' | 'render';

/** The worker (its renderer, environment map and shaders) is kept this long after a picture. */
const IDLE_MS = 20_000;
/** No render starts before the page has been open this long (its own loading comes first). */
const START_AFTER_MS = 1_500;
/** An idle period is waited for at most this long before each render. */
const IDLE_TIMEOUT_MS = 2_000;

const worker = new WorkerBridge<PictureWorkerApi>(
  () =>
    new Worker(new URL('../worker/picture.worker.ts', import.meta.url), {
      type: 'module',
      name: 'product-pictures',
    }),
  { idleMs: IDLE_MS },
);

/** False once this browser is known to have no WebGL in a worker: the drawn pictures stay. */
let available = typeof OffscreenCanvas !== 'undefined' && typeof Worker !== 'undefined';
let crashes = 0;
/** Object URLs of the pictures this page has, by key (each picture is decoded once). */
const urls = new Map<string, string>();
/** Keys whose render failed: not tried again until the page reloads. */
const failed = new Set<string>();

class PicturesUnavailable extends Error {
  constructor() {
    super('No WebGL in a worker here.');
    this.name = 'PicturesUnavailable';
  }
}

/** No (more) 3D pictures on this page: where a worker has no WebGL, or a kiosk session ends. */
function giveUp(): void {
  performance.mark('aisle:product-pictures-unavailable'); // DevTools and the tests see why
  available = false;
  queue.clear(new PicturesUnavailable());
  worker.terminate();
}

// A kiosk's shopper session ends (its caches are wiped, then the page reloads): nothing more is
// rendered or stored, so no picture of what that shopper looked at lands after the wipe.
addEventListener(KIOSK_RESET_EVENT, giveUp);

/** Resolves once the page has been open a little while and then has an idle moment. */
function pageIdle(): Promise<void> {
  return new Promise((resolve) => {
    const wait = Math.max(0, START_AFTER_MS - performance.now());
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      } else resolve();
    }, wait);
  });
}

async function render(params: ModelledParams, key: string): Promise<string> {
  if (!available) throw new PicturesUnavailable();
  const start = performance.now();
  let done;
  try {
    done = await worker.call((api) => api.render(params, PICTURE_SIZE));
  } catch (e) {
    if (!available) throw new PicturesUnavailable(); // given up while it was drawn
    if (e instanceof WorkerCrashedError && ++crashes >= 2) giveUp();
    else failed.add(key);
    throw e;
  }
  if (!done) {
    giveUp();
    throw new PicturesUnavailable();
  }
  // The whole round trip, and the worker's draw and encode alone (DevTools, the benches).
  measure('product-picture', start);
  measure('product-picture-draw', performance.now() - done.ms);
  if (available) void storeProductPicture(key, done.picture);
  return remember(key, done.picture);
}

const queue = new PictureQueue<ModelledParams, string>(render, pageIdle);

function remember(key: string, picture: Blob): string {
  let url = urls.get(key);
  if (!url) {
    url = URL.createObjectURL(picture);
    urls.set(key, url);
  }
  return url;
}

/** Decoded before it is shown, so the swap from the drawn picture shows no empty frame. */
async function decoded(url: string): Promise<void> {
  const image = new Image();
  image.src = url;
  await image.decode().catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// What is on screen

interface Watched {
  key: string;
  params: ModelledParams;
  show: (url: string, from: PictureSource) => void;
  wish?: PictureWish<string>;
}

/** The pictures waiting to be rendered, by their img, and one observer for all of them. */
const watched = new Map<Element, Watched>();
let observer: IntersectionObserver | undefined;

function unwatch(element: Element): void {
  const w = watched.get(element);
  if (!w) return;
  w.wish?.cancel();
  watched.delete(element);
  observer?.unobserve(element);
}

function onIntersect(entries: IntersectionObserverEntry[]): void {
  // The queue takes the latest wish first: wished for from the last to the first, the first on
  // screen (top left) is rendered first.
  for (const entry of [...entries].reverse()) {
    const w = watched.get(entry.target);
    if (!w) continue;
    if (!entry.isIntersecting) {
      w.wish?.cancel(); // scrolled away before its turn
      w.wish = undefined;
      continue;
    }
    const url = urls.get(w.key);
    if (url) {
      unwatch(entry.target);
      w.show(url, 'cache');
      continue;
    }
    if (w.wish || !available || failed.has(w.key)) continue;
    const wish = queue.wish(w.key, w.params);
    w.wish = wish;
    const element = entry.target;
    wish.result.then(
      async (made) => {
        if (watched.get(element) !== w) return;
        unwatch(element);
        await decoded(made);
        w.show(made, 'render');
      },
      (e: unknown) => {
        if (w.wish === wish) w.wish = undefined;
        if (!(e instanceof PictureCancelled) && !(e instanceof PicturesUnavailable)) {
          console.warn('A product picture could not be rendered; the drawn one stays.', e);
        }
      },
    );
  }
}

/**
 * Hands `show` the 3D picture of the product with these try-on parameters for `element` (its
 * img): at once where this page or this device has it, else once rendered while `element` is on
 * screen. Returns the function that stops watching (the element goes, or shows another product).
 */
export function watchModelPicture(
  element: Element,
  params: ModelledParams,
  show: (url: string, from: PictureSource) => void,
): () => void {
  const key = pictureKey(params);
  const url = urls.get(key);
  if (url) {
    show(url, 'cache');
    return () => undefined;
  }
  if (!available && typeof caches === 'undefined') return () => undefined;
  let stopped = false;
  void storedProductPicture(key).then(async (stored) => {
    if (stopped) return;
    if (stored) {
      const made = remember(key, stored);
      await decoded(made);
      if (!stopped) show(made, 'cache');
      return;
    }
    if (!available || typeof IntersectionObserver === 'undefined') return;
    unwatch(element);
    watched.set(element, { key, params, show });
    (observer ??= new IntersectionObserver(onIntersect)).observe(element);
  });
  return () => {
    stopped = true;
    unwatch(element);
  };
}
