// The layer boundaries live in eslint.config.js. This test lints small made-up sources at real
// paths with the project's own config, so a wrong import is shown to fail the check (and a right
// one to pass); a rule that silently stopped matching would otherwise go unnoticed.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));

// The probe files do not exist, so the type-aware parser is told to take them as they are, with
// the compiler settings of tsconfig.json; everything else is the project's eslint.config.js.
const PROBES = [
  'src/lint-probe.ts',
  'src/build/lint-probe.ts',
  'src/components/x/LintProbe.svelte',
  'src/components/x/lint-probe.ts',
  'src/views/LintProbe.svelte',
  ...[
    'assistant/worker',
    'db',
    'ml/shared',
    'promotions/shared',
    'random',
    'recommender/shared',
    'shell',
    'tryon/client',
    'tryon/shared',
  ].map((folder) => `src/lib/${folder}/lint-probe.ts`),
];
const eslint = new ESLint({
  cwd,
  overrideConfig: {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: PROBES,
          defaultProject: 'tsconfig.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: PROBES.length,
        },
      },
    },
  },
});

/** The rule ids ESLint reports for `code` saved at `filePath` (relative to the repo root). */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  if (!PROBES.includes(filePath)) throw new Error(`add ${filePath} to PROBES`);
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const IMPORT = 'no-restricted-imports';
const DYNAMIC = 'no-restricted-syntax';

describe('layer boundaries', { timeout: 180_000 }, () => {
  it.each([
    [
      'shared imports client/',
      'src/lib/recommender/shared/lint-probe.ts',
      "import '../client/recommender.svelte';",
    ],
    [
      'shared imports worker/',
      'src/lib/tryon/shared/lint-probe.ts',
      "export { x } from '../worker/assets';",
    ],
    [
      'shared imports another capability’s client/',
      'src/lib/ml/shared/lint-probe.ts',
      "import '../../tryon/client/camera';",
    ],
    [
      'shared imports svelte',
      'src/lib/tryon/shared/lint-probe.ts',
      "import { tick } from 'svelte';\nvoid tick;",
    ],
    [
      'shared imports dexie',
      'src/lib/promotions/shared/lint-probe.ts',
      "import Dexie from 'dexie';\nvoid Dexie;",
    ],
    [
      'shared imports the database',
      'src/lib/recommender/shared/lint-probe.ts',
      "import '../../db';",
    ],
    [
      'shared imports db internals',
      'src/lib/recommender/shared/lint-probe.ts',
      "import type { Rating } from '../../db/schema';\nexport type R = Rating;",
    ],
    ['lib imports a view', 'src/lib/shell/lint-probe.ts', "import '../../views/Shop.svelte';"],
    [
      'lib imports a component',
      'src/lib/tryon/client/lint-probe.ts',
      "import '../../../components/StarRating.svelte';",
    ],
    [
      'a view imports dexie',
      'src/views/LintProbe.svelte',
      '<script lang="ts">\n  import Dexie from \'dexie\';\n  void Dexie;\n</script>\n',
    ],
    [
      'a component imports db/schema',
      'src/components/x/LintProbe.svelte',
      '<script lang="ts">\n  import \'../../lib/db/schema\';\n</script>\n',
    ],
    [
      'a view imports the sealing code',
      'src/views/LintProbe.svelte',
      '<script lang="ts">\n  import \'../lib/db/sealing/crypto\';\n</script>\n',
    ],
    [
      'worker imports client/',
      'src/lib/assistant/worker/lint-probe.ts',
      "import '../client/engine';",
    ],
    [
      'app code imports build code',
      'src/lib/tryon/client/lint-probe.ts',
      "import '../../../build/mediapipe';",
    ],
    ['app code imports tests', 'src/lint-probe.ts', "import '../tests/e2e/slot';"],
  ])('%s: fails', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain(IMPORT);
  });

  it('a dynamic import() across a boundary fails too', async () => {
    const code = "export const load = () => import('dexie');";
    expect(await ruleIds('src/components/x/lint-probe.ts', code)).toContain(DYNAMIC);
  });

  it('shared code may not lean on Node globals', async () => {
    expect(
      await ruleIds('src/lib/tryon/shared/lint-probe.ts', 'export const env = process.env;'),
    ).toContain('no-restricted-globals');
  });

  it.each([
    [
      'shared imports shared',
      'src/lib/recommender/shared/lint-probe.ts',
      "export { RATING_MIN } from './types';",
    ],
    [
      'shared imports another pure module',
      'src/lib/ml/shared/lint-probe.ts',
      "import '../../random/seeded';",
    ],
    [
      'client imports its worker and shared code',
      'src/lib/tryon/client/lint-probe.ts',
      "import '../shared/geometry';\nimport '../worker/assets';",
    ],
    [
      'worker imports shared code',
      'src/lib/assistant/worker/lint-probe.ts',
      "import '../shared/text';",
    ],
    [
      'a view imports the data layer and live()',
      'src/views/LintProbe.svelte',
      "<script lang=\"ts\">\n  import '../lib/db';\n  import '../lib/db/live.svelte';\n</script>\n",
    ],
    [
      'a component imports a store',
      'src/components/x/LintProbe.svelte',
      '<script lang="ts">\n  import \'../../lib/tryon/client/camera\';\n</script>\n',
    ],
    ['lib/db uses dexie', 'src/lib/db/lint-probe.ts', "import Dexie from 'dexie';\nvoid Dexie;"],
    ['build code imports build code', 'src/build/lint-probe.ts', "import './mediapipe.ts';"],
  ])('%s: passes', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});

describe('typed promise rules', { timeout: 180_000 }, () => {
  it('a floating promise fails', async () => {
    const code =
      'async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n';
    expect(await ruleIds('src/lib/random/lint-probe.ts', code)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });

  it('a promise where a void callback is expected fails', async () => {
    const code =
      'export function wire(el: { addEventListener(t: string, f: () => void): void }): void {\n' +
      "  el.addEventListener('click', async () => {});\n}\n";
    expect(await ruleIds('src/lib/random/lint-probe.ts', code)).toContain(
      '@typescript-eslint/no-misused-promises',
    );
  });
});
