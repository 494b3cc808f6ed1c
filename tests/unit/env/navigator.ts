/**
 * Node 20 has no `navigator`: modules that read the browser's languages or storage at import
 * time (the UI language) get a bare English one. Import it before those modules.
 */
if (typeof navigator === 'undefined') {
  Object.defineProperty(globalThis, 'navigator', {
    value: { language: 'en', languages: ['en'] },
    configurable: true,
  });
}
