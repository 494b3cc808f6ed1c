/** Service-worker registration with a user-confirmed update (never a surprise reload). */
import { registerSW } from 'virtual:pwa-register';

let needRefresh = $state(false);
let offlineReady = $state(false);
let update: ((reload?: boolean) => Promise<void>) | null = null;

export const pwa = {
  get needRefresh() {
    return needRefresh;
  },
  get offlineReady() {
    return offlineReady;
  },
  reload() {
    // vite-plugin-pwa reloads only for updates its own page found within a minute of loading;
    // a kiosk finds most updates later, so reload whenever the new worker takes control.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    void update?.(true);
  },
  dismiss() {
    needRefresh = false;
    offlineReady = false;
  },
};

export function startPwa(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    onNeedRefresh: () => (needRefresh = true),
    onOfflineReady: () => (offlineReady = true),
    // Look for a new version when the tab comes back, so kiosks that never reload still update.
    onRegisteredSW: (_url, registration) => {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration?.update();
      });
    },
  });
}
