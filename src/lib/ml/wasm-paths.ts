/**
 * The tfjs WASM binaries, served from our own origin (Vite emits them as hashed assets and the
 * service worker precaches them). Imported only in browsers: Node's wasm backend reads its
 * files from node_modules itself.
 */
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

export const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': plainUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  // Threads need a cross-origin-isolated page (COOP/COEP), which the app is not, so tfjs never
  // asks for this one; pointing it at the SIMD build keeps a third 0.4 MB file out of the build.
  'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
};
