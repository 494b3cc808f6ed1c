import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// ---------------------------------------------------------------------------------------------
// Layers. The app is built from these, and each may import only downwards:
//
//   src/views, src/components   render a store and call its methods; no storage of their own
//   src/lib/<capability>/client  stores ($state classes), page-side coordination
//   src/lib/<capability>/worker  worker entries and what runs inside them
//   src/lib/<capability>/shared  pure code: runs in a page, a worker and Node alike
//   src/lib/db                   the only code that touches IndexedDB (Dexie)
//   src/build                    Node build code, loaded by vite.config.ts (and its unit tests)
//   tests                        never part of the app
//
// Each boundary is a set of forbidden import specifiers with the reason shown on a violation.
// It applies to static imports, `export … from` and dynamic import() alike. Specifiers are
// matched as written: project code imports by relative path ('../client/x'), packages by name.
// ---------------------------------------------------------------------------------------------

/** A relative (or root-absolute) specifier whose path contains `path` as whole folder names. */
const local = (path) => String.raw`^(\.{1,2}/|/)(.*/)?` + path;

const notBuildCode = {
  regex: local(String.raw`build(/|$)`),
  message: 'src/build/ is Node build code: only vite.config.ts (and its own unit tests) load it.',
};
const notTests = {
  regex: local(String.raw`tests/`),
  message: 'App code never imports from tests/.',
};
const notUi = {
  regex: local(String.raw`(views|components)/`),
  message: 'src/lib/ never imports views or components: they render lib/, not the other way round.',
};
const notClient = {
  regex: local(String.raw`client(/|$)`),
  message: 'client/ is page-side code (stores, DOM): shared/ and worker/ code never import it.',
};
const notWorker = {
  regex: local(String.raw`worker(/|$)`),
  message: 'shared/ code is pure: it never imports worker/ code.',
};
const notDb = {
  regex: local(String.raw`db(/|$)`),
  message: 'shared/ code is pure: storage goes through a client-side store and src/lib/db.',
};
const notSvelte = {
  regex: String.raw`(^svelte(/|$))|(\.svelte(\.ts|\.js)?$)`,
  message: 'shared/ code is pure: no Svelte runtime, runes modules or components.',
};
const notDexie = {
  regex: String.raw`^dexie(/|$)`,
  message:
    'Only src/lib/db/ uses Dexie: go through a store or a repository function of src/lib/db.',
};
const notDbInternals = {
  // '../lib/db' (its index.ts) and '../lib/db/live.svelte' are the data layer's public face.
  regex: local(String.raw`lib/db/(?!(index|live\.svelte)(\.ts)?$)`),
  message:
    'Views and components use the data layer only through src/lib/db (index.ts) and db/live.svelte, ideally via a store.',
};

/** no-restricted-imports (static) and no-restricted-syntax (dynamic import()) for one layer. */
function boundaries(...forbidden) {
  return {
    'no-restricted-imports': ['error', { patterns: forbidden }],
    'no-restricted-syntax': [
      'error',
      ...forbidden.map(({ regex, message }) => ({
        // esquery regexes cannot contain '/', so it is written as \x2F (same meaning).
        selector: `ImportExpression[source.value=/${regex.replaceAll('/', String.raw`\x2F`)}/]`,
        message,
      })),
    ],
  };
}

const everywhereInSrc = [notBuildCode, notTests];
const inLib = [...everywhereInSrc, notUi];

// Node globals that pure and browser code must not lean on (the DOM is kept out by tsconfig.*.json).
const nodeGlobals = ['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename'];

const layers = [
  { files: ['src/**'], ignores: ['src/build/**'], rules: boundaries(...everywhereInSrc) },
  { files: ['src/lib/**'], rules: boundaries(...inLib) },
  {
    files: ['src/lib/*/shared/**'],
    rules: {
      ...boundaries(...inLib, notClient, notWorker, notSvelte, notDexie, notDb),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  { files: ['src/lib/*/worker/**'], rules: boundaries(...inLib, notClient) },
  {
    files: ['src/views/**', 'src/components/**'],
    rules: boundaries(...everywhereInSrc, notDexie, notDbInternals),
  },
];

// ---------------------------------------------------------------------------------------------
// Typed linting (the promise rules need types): TypeScript and Svelte files are linted with the
// project's tsconfig.json through the project service.
// ---------------------------------------------------------------------------------------------
const typed = {
  files: ['**/*.ts', '**/*.svelte'],
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: import.meta.dirname,
      extraFileExtensions: ['.svelte'],
    },
  },
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
  },
};

export default ts.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'tests/.output',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  typed,
  ...layers,
);
