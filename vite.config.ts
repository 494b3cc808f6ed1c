/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { CSP_HEADER, CSP_META } from './src/lib/privacy/csp.ts';
import { OUT_DIR } from './tests/e2e/slot.ts';
import { mediapipe, tasksVisionPrivacy } from './src/build/mediapipe.ts';
import { wordVectors } from './src/build/word-vectors.ts';
import { assistantModel } from './src/build/assistant-model.ts';
import { shopModel } from './src/build/shop-model.ts';
import { searchIndexPlugin } from './src/build/search-index.ts';
import { readShop, shopDir, shopPack } from './src/build/shop-pack.ts';

/** Ships the CSP inside the built index.html (dev keeps Vite's inline HMR styles working). */
function cspMeta(): Plugin {
  return {
    name: 'private-aisle:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const securityHeaders = {
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), interest-cohort=()',
};

/** The shop this build is for: the installed app carries its name and colour. */
const shop = readShop(shopDir()).pack.settings;

export default defineConfig({
  plugins: [
    svelte(),
    cspMeta(),
    shopPack(), // the shop: its catalog, pictures and settings, from its shop pack
    ...mediapipe(), // try-on: wasm + models from pinned npm packages, usage logging removed
    wordVectors(), // assistant: English word vectors cut from a pinned npm package
    assistantModel(), // assistant: the intent model trained on the built-in FAQ at build time
    shopModel(), // For you: the shop's recommender, trained at build time
    searchIndexPlugin(), // Shop: the catalog's search index, built at build time
    VitePWA({
      registerType: 'prompt',
      injectRegister: null, // registered from src/lib/shell/pwa.svelte.ts, no inline script
      pwaAssets: {
        image: 'public/logo.svg',
        preset: minimal2023Preset,
        overrideManifestIcons: true,
      },
      manifest: {
        name: shop.name.en,
        short_name: shop.name.en,
        description: 'Shop with on-device AI. Nothing leaves your device.',
        lang: 'en',
        theme_color: shop.colours.brand,
        background_color: '#fbfaf7',
        display: 'standalone',
        start_url: './',
        scope: './',
      },
      workbox: {
        // The precache is the app shell, what the first screens need, the shop's recommender
        // trained at build time and its search index. The web manifest is added by the plugin itself (listing it here
        // would conflict).
        globPatterns: [
          '**/*.{js,css,html,svg,png,ico,woff2}',
          'models/shop-*.bin',
          'shop/search-*.bin',
        ],
        // Heavy files are fetched when their feature is first opened, not on the first visit
        // (src/lib/shell/offline-assets.ts): try-on's MediaPipe runtime and models, the word
        // vectors, the tfjs wasm binaries, Help's model trained at build time (under assistant/).
        globIgnores: ['mediapipe/**', 'models/word-vectors*', '**/*.wasm'],
        // A large shop's search index and recommender grow with its catalog (100,000 products:
        // 12 and 36 MB); they are still part of what the app needs to work offline.
        maximumFileSizeToCacheInBytes: 64 * 2 ** 20,
        runtimeCaching: [
          {
            // The same cache the page fills with progress; served from it, online or not. The
            // shop's pictures join it as they are first shown, a large shop's catalog file as it
            // is first stored (so that it can be stored again offline, after an erase). The page's own downloads into
            // it (?fill, src/lib/shell/offline-assets.ts) go straight to the network.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              !url.searchParams.has('fill') &&
              /\/(mediapipe|models|assistant|shop\/img)\/|\/shop\/catalog-|\.wasm$/.test(
                url.pathname,
              ),
            handler: 'CacheFirst',
            // Our server answers with `Vary: Origin`; a worker's module import and the page's
            // fetch that stored the file may differ there, and must still find the one copy.
            options: { cacheName: 'private-aisle-assets', matchOptions: { ignoreVary: true } },
          },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control at once, so the very first visit already works offline.
        // Updates still wait for the user's "Reload" (no skipWaiting).
        clientsClaim: true,
        // One self-contained sw.js: its install handler is registered synchronously, as browsers require.
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  // Workers are bundled apart; tasks-vision runs in one, so its privacy patch must apply there too.
  // Module workers (every one is created with type: 'module'), so a worker's lazy imports (tfjs and
  // its backends) stay separate chunks instead of one file parsed even when unused.
  worker: { format: 'es', plugins: () => [tasksVisionPrivacy()] },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    outDir: OUT_DIR,
    rolldownOptions: {
      // AISLE_TEST_PAGES=1 (npm run test:e2e, bench:tryon) adds a tests-only page that loads the
      // try-on landmarker under the app's CSP; a plain `npm run build` ships without it.
      input: process.env.AISLE_TEST_PAGES
        ? { index: 'index.html', 'landmarker-test': 'tests/e2e/pages/landmarker.html' }
        : { index: 'index.html' },
    },
  },
  preview: { headers: securityHeaders, port: 4173, strictPort: true },
  server: { headers: { 'Referrer-Policy': 'no-referrer' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        // Stores and rune helpers: Svelte's client runtime (where effects run), still in Node.
        extends: true,
        test: {
          name: 'runes',
          include: ['tests/unit/**/*.svelte.test.ts'],
          environment: './tests/unit/env/svelte-client.ts',
        },
      },
    ],
  },
});
