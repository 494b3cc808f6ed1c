/**
 * Node, with modules transformed for the browser: rune tests (`*.svelte.test.ts`) get Svelte's
 * client runtime, where `$effect` runs (the server one makes effects no-ops). No DOM is faked.
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => undefined }),
} satisfies Environment;
