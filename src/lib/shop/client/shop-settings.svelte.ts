/**
 * Shop settings (My data, for staff): the shop this device runs, changed by loading a shop pack
 * (a .zip of the pack's folder) behind the staff PIN. The pack is read, pictured and stored in a
 * worker (../worker/pack-load.ts); a bad one comes back as every problem found and changes
 * nothing. A new shop takes effect on the next start: staff open it, which reloads the page.
 *
 * The staff PIN and the loaded shop live apart from the shopper's data (db/shop.ts), so neither a
 * shopper's "Erase all my data" nor a kiosk's end of session changes the shop.
 */
import { proxy } from 'comlink';
import type { Localized } from '../../catalog/types';
import { StorageError } from '../../db';
import {
  loadedShop,
  removeLoadedShop,
  setStaffPin,
  staffPin,
  type LoadedShop,
} from '../../db/shop';
import { PinTries, hashPin, isValidPin, type PinRecord } from '../../kiosk/shared/pin';
import { WorkerBridge } from '../../workers/bridge';
import type { PackProblem } from '../shared/pack';
import type { PackLoadApi, PackLoadProgress, PackLoadReport } from '../worker/pack.worker';

export type ShopJob =
  | { phase: 'idle' }
  | ({ phase: 'loading' } & PackLoadProgress)
  /** The pack has problems: nothing changed. */
  | { phase: 'bad'; problems: PackProblem[] }
  /** The pack was good but could not be stored (`quota`: the device is full): nothing changed. */
  | { phase: 'failed'; quota: boolean; message: string }
  | { phase: 'loaded'; report: Extract<PackLoadReport, { ok: true }> };

/** The shop loaded on this device, as staff see it. */
export interface LoadedShopInfo {
  name: Localized;
  products: number;
  source: string;
  loadedAt: number;
}

const loader = new WorkerBridge<PackLoadApi>(
  () => new Worker(new URL('../worker/pack.worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: 10_000 },
);

const info = (loaded: LoadedShop | undefined): LoadedShopInfo | null =>
  loaded
    ? {
        name: loaded.shop.settings.name,
        products: loaded.shop.catalog.count,
        source: loaded.source,
        loadedAt: loaded.loadedAt,
      }
    : null;

export class ShopSettingsStore {
  /** reading: the PIN is being read; new-pin: none is set yet; locked; open: staff are in. */
  access = $state<'reading' | 'new-pin' | 'locked' | 'open'>('reading');
  job = $state.raw<ShopJob>({ phase: 'idle' });
  /** The shop loaded on this device (null: the one the app was built for). */
  loaded = $state.raw<LoadedShopInfo | null>(null);
  /** Storage cannot be opened: Shop settings cannot be used. */
  unavailable = $state(false);

  #pin: PinRecord | undefined;
  readonly #tries = new PinTries();

  async init(): Promise<void> {
    try {
      this.#pin = await staffPin();
      this.loaded = info(await loadedShop());
      this.access = this.#pin ? 'locked' : 'new-pin';
    } catch {
      this.unavailable = true;
    }
  }

  /** Sets the first staff PIN (4 to 8 digits); false when it is not one. */
  async choosePin(pin: string): Promise<boolean> {
    if (this.access !== 'new-pin' || !isValidPin(pin)) return false;
    const record = await hashPin(pin);
    await setStaffPin(record);
    this.#pin = record;
    this.access = 'open';
    return true;
  }

  async unlock(pin: string): Promise<'ok' | 'wrong' | 'wait'> {
    if (!this.#pin) return 'wrong';
    const result = await this.#tries.check(this.#pin, pin);
    if (result === 'ok') this.access = 'open';
    return result;
  }

  lock(): void {
    if (this.access === 'open') this.access = 'locked';
    if (this.job.phase !== 'loading') this.job = { phase: 'idle' };
  }

  /** Loads a pack (.zip) as this device's shop; the shop in use stays until `open`. */
  async load(file: File): Promise<void> {
    if (this.access !== 'open' || this.job.phase === 'loading') return;
    this.job = { phase: 'loading', step: 'reading', done: 0, total: 1 };
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
    const base = new URL(import.meta.env.BASE_URL, location.href).href;
    try {
      const report = await loader.call<PackLoadReport>((api) =>
        api.load(
          file,
          file.name,
          base,
          proxy((progress: PackLoadProgress) => {
            this.job = { phase: 'loading', ...progress };
          }),
        ),
      );
      if (!report.ok) {
        this.job = { phase: 'bad', problems: report.problems };
        return;
      }
      this.job = { phase: 'loaded', report };
      this.loaded = info(await loadedShop());
    } catch (e) {
      const quota = e instanceof StorageError && e.code === 'quota';
      this.job = { phase: 'failed', quota, message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Back to the shop the app was built for (after a restart). */
  async useBuiltIn(): Promise<void> {
    if (this.access !== 'open') return;
    await removeLoadedShop();
    this.open();
  }

  /** Starts the app again on the shop now stored, at its Shop. */
  open(): void {
    history.replaceState(null, '', '#/shop');
    location.reload();
  }
}
