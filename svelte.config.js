// Svelte 5 with runes everywhere; CSS is emitted to files, never injected, so the CSP can stay
// free of 'unsafe-inline'.
export default {
  compilerOptions: { runes: true },
};
