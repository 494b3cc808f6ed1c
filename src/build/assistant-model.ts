/**
 * Vite plugin: the assistant's intent model trained at build time on the built-in FAQ merged
 * with the shop pack's faq.csv/faq.json (read by the pack reader, src/build/shop-pack.ts) and the
 * out-of-scope examples, exactly as the worker trains it (src/lib/assistant/worker/prebuilt.ts),
 * and emitted as a static asset of our own origin, so the device loads it instead of training
 * before the first answer, a shop's own FAQ included. The device trains only when a FAQ is
 * imported in My data (those examples have another hash, so the shipped file is not asked for).
 *
 * The training code reaches browser-only modules (tfjs's wasm paths, `?url` imports) that the
 * bundled config cannot load, so it runs through Vite's module runner, on first need. Training
 * takes seconds, so the file is cached under node_modules/.cache, keyed by a hash of everything
 * it depends on (examples, word-vector table, training code, tfjs's version).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import { readShop, shopDir } from './shop-pack.ts';
import { wordVectorTable } from './word-vectors.ts';

const require = createRequire(import.meta.url);

/** The part of worker/prebuilt.ts used here (not imported: its imports are not Node's). */
interface PrebuiltModule {
  builtInModel(packFaq?: readonly unknown[]): {
    file: string;
    examples: unknown[];
    version: number;
    format: number;
  };
  trainPrebuilt(examples: unknown[], table: ArrayBuffer): Promise<Uint8Array>;
}

const MODULE = 'src/lib/assistant/worker/prebuilt.ts';

/** The code whose changes change the trained weights: a change to any of them retrains. */
const TRAINING_SOURCES = [
  'src/lib/assistant/shared/augment.ts',
  'src/lib/assistant/shared/knowledge.ts',
  'src/lib/assistant/shared/model.ts',
  'src/lib/assistant/shared/text.ts',
  'src/lib/assistant/shared/word-vectors.ts',
  'src/lib/assistant/worker/core.ts',
  'src/lib/assistant/worker/trainer.ts',
  MODULE,
  'src/lib/assistant/worker/prebuilt-file.ts',
  'src/lib/ml/tf.ts',
  'src/lib/ml/shared/ladder.ts',
  'src/lib/random/seeded.ts',
];
const TFJS_PACKAGES = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];

function packageVersion(name: string): string {
  const file = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The shipped model's path under the base URL and its bytes, from the cache when it fits. */
export async function prebuiltAssistantModel(): Promise<{ file: string; bytes: Uint8Array }> {
  // The shop pack's FAQ, as the pack reader reads it: what `virtual:shop` hands the page.
  const packFaq = readShop(shopDir()).pack.faq ?? [];
  // A bare dev server only to run the module (its lazy imports too) until training is done.
  const server = await createServer({
    configFile: false,
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = (await server.ssrLoadModule(join(process.cwd(), MODULE))) as PrebuiltModule;
    const { file, examples, version, format } = module.builtInModel(packFaq);
    const table = wordVectorTable();
    const h = createHash('sha256');
    h.update(`format ${format} model ${version}\n${JSON.stringify(examples)}\n`);
    h.update(`pack faq ${JSON.stringify(packFaq)}\n`);
    h.update(table);
    for (const source of TRAINING_SOURCES) h.update(readFileSync(join(process.cwd(), source)));
    for (const name of TFJS_PACKAGES) h.update(`${name}@${packageVersion(name)}\n`);
    const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'private-aisle');
    const cached = join(cacheDir, `assistant-model-${h.digest('hex').slice(0, 24)}.bin`);
    if (existsSync(cached)) return { file, bytes: new Uint8Array(readFileSync(cached)) };
    const own = table.buffer.slice(table.byteOffset, table.byteOffset + table.byteLength);
    const bytes = await module.trainPrebuilt(examples, own as ArrayBuffer);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside, then renamed: a build running alongside never reads half a file.
    writeFileSync(`${cached}.${process.pid}`, bytes);
    renameSync(`${cached}.${process.pid}`, cached);
    return { file, bytes };
  } finally {
    await server.close();
  }
}

let built: ReturnType<typeof prebuiltAssistantModel> | undefined;

const VIRTUAL = 'virtual:assistant-model';

/**
 * Emits the model into the build and serves it in `vite dev`; `virtual:assistant-model` tells
 * the page its path (so the page can list it among Help's files without the FAQ's hash).
 */
export function assistantModel(): Plugin {
  let config: ResolvedConfig;
  const model = () => (built ??= prebuiltAssistantModel());
  return {
    name: 'private-aisle:assistant-model',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return;
      return `export const modelFile = ${JSON.stringify((await model()).file)};\n`;
    },
    async generateBundle() {
      const { file, bytes } = await model();
      this.emitFile({ type: 'asset', fileName: file, source: bytes });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(`${config.base}assistant/`)) return next();
        model().then(({ file, bytes }) => {
          if (path !== `${config.base}${file}`) return next();
          res.setHeader('Content-Type', 'application/octet-stream');
          res.setHeader('Content-Length', bytes.length);
          res.end(bytes);
        }, next);
      });
    },
  };
}
