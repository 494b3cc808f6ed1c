/**
 * The Content-Security-Policy the app ships with: in a <meta> tag of the built index.html and as
 * headers from `vite preview`. Everything is same-origin; nothing may be sent anywhere else.
 * 'wasm-unsafe-eval' lets WebAssembly compile (tfjs's WASM backend, MediaPipe); it allows no
 * JavaScript eval and no inline script.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** Directives a <meta> CSP cannot carry; they go only into the HTTP header. */
const HEADER_ONLY: Record<string, string[]> = {
  'frame-ancestors': ["'none'"],
};

const serialise = (d: Record<string, string[]>) =>
  Object.entries(d)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

export const CSP_META = serialise(CSP_DIRECTIVES);
export const CSP_HEADER = serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY });
