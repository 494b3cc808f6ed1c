/**
 * Recommender evaluation harness: the app's own model and trainer code against baselines
 * on a MovieLens folder in any of its layouts (u.data + u.item, ratings.csv + movies.csv, or
 * the reconstructed ML-1M's parts; see movielens-folder.ts).
 *
 *   npm run eval:recs -- --data ../shared/data/ml-100k [--engine js|js-chromium|tfjs-wasm|tfjs-webgpu|tfjs-webgl|tfjs-cpu] [--json out.json]
 *                        [--folds 5] [--seed 42]
 *
 * Rating prediction: RMSE/MAE per split on ML-100K's canonical u1..u5 splits where present,
 * on one seeded random 90/10 split for ML-1M (as GLocal-K and Sparse FC report it), else a
 * seeded random k-fold split. Top-N: leave-last-out per user (without timestamps, as in ML-1M:
 * one seeded random row per user), HR@10/NDCG@10 against 99 sampled unrated items (NCF
 * protocol) and HR@10/NDCG@10/Recall@20 against all unrated items.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { popularityScorer, trainBiases, trainGlobalMean, trainItemKnn } from './recs-baselines';
import {
  emptyMaps,
  indexRatings,
  randomFolds,
  randomSplit,
  type RatingRow,
} from '../../src/lib/recommender/shared/dataset';
import { trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import type { EngineId } from '../../src/lib/recommender/shared/engines';
import { foldInUser, predict, type HybridModel } from '../../src/lib/recommender/shared/model';
import { recommend } from '../../src/lib/recommender/shared/recommend';
import { ChromiumTrainer } from './recs-chromium';
import { coldStart, foldedScorer, rowsByUser } from './recs-cold-start';
import { isRetailFolder } from './retail';
import { runRetail } from './recs-retail';

const ENGINES = [
  'js',
  'js-chromium',
  'tfjs-wasm',
  'tfjs-webgpu',
  'tfjs-webgl',
  'tfjs-cpu',
] as const;
type Engine = (typeof ENGINES)[number];
import {
  evaluateTopN,
  leaveLastOut,
  mae,
  rmse,
  type ItemScorer,
  type TopNResult,
} from './recs-metrics';
import { movieFeatures } from '../../src/lib/recommender/shared/movielens';
import { loadMovieLensFolder, type MovieLensFolder } from './movielens-folder';
import type { IdMaps, ItemFeatures, RatingData } from '../../src/lib/recommender/shared/types';

/**
 * Reads a MovieLens folder from disk: the 100K files and ML-1M's movies.dat are ISO-8859-1, the
 * CSV files UTF-8; .gz files (ML-1M's rating parts) are decompressed first.
 */
export function readMovieLensFolder(dir: string): MovieLensFolder {
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) return undefined;
    if (name.endsWith('.gz')) return gunzipSync(readFileSync(path)).toString('utf8');
    return readFileSync(path, name.endsWith('.csv') ? 'utf8' : 'latin1');
  };
  return loadMovieLensFolder(read, readdirSync(dir));
}

interface Model {
  predict(user: number, item: number): number;
  scoreItems?: ItemScorer;
  /** Training time measured where it ran (in Chromium), without the data's transfer. */
  trainMs?: number;
}

interface ModelSpec {
  key: string;
  name: string;
  train: (data: RatingData) => Model | Promise<Model>;
}

interface Split {
  name: string;
  train: RatingData;
  test: RatingData;
}

interface RatingScores {
  rmse: number[];
  mae: number[];
  trainMs: number[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Every id of the folder in one set of maps, so all splits and the features share indices. */
function buildMaps(folder: MovieLensFolder): IdMaps {
  const maps = emptyMaps();
  indexRatings(folder.rows, maps);
  for (const s of folder.canonicalSplits ?? []) {
    indexRatings(s.base, maps);
    indexRatings(s.test, maps);
  }
  return maps;
}

/** Indexes rows with the shared maps, sized to all of them (not just the ids seen so far). */
function indexAll(rows: RatingRow[], maps: IdMaps): RatingData {
  const { data } = indexRatings(rows, maps);
  return { ...data, numUsers: maps.userIds.length, numItems: maps.itemIds.length };
}

/** ML-1M (no timestamps): one seeded random split with this share of the rows as test. */
const HOLDOUT_TEST_FRACTION = 0.1;

function makeSplits(folder: MovieLensFolder, maps: IdMaps, folds: number, seed: number): Split[] {
  if (folder.layout === 'ml-1m') {
    const { train, test } = randomSplit(indexAll(folder.rows, maps), HOLDOUT_TEST_FRACTION, seed);
    return [{ name: 'holdout', train, test }];
  }
  if (folder.canonicalSplits) {
    return folder.canonicalSplits.slice(0, folds).map((s, i) => ({
      name: `u${i + 1}`,
      train: indexAll(s.base, maps),
      test: indexAll(s.test, maps),
    }));
  }
  return randomFolds(indexAll(folder.rows, maps), folds, seed).map((f, i) => ({
    name: `fold${i + 1}`,
    ...f,
  }));
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

async function evaluateRatings(models: ModelSpec[], splits: Split[]) {
  const scores = new Map<string, RatingScores>(
    models.map((m) => [m.key, { rmse: [], mae: [], trainMs: [] }]),
  );
  for (const split of splits) {
    for (const spec of models) {
      const { value: model, ms: outerMs } = await timed(() => spec.train(split.train));
      const ms = model.trainMs ?? outerMs;
      const { users, items, ratings } = split.test;
      const pred = Float32Array.from(users, (u, r) => model.predict(u, items[r]!));
      const s = scores.get(spec.key)!;
      s.rmse.push(rmse(pred, ratings));
      s.mae.push(mae(pred, ratings));
      s.trainMs.push(ms);
      console.error(
        `  ${split.name} ${spec.name}: RMSE ${s.rmse.at(-1)!.toFixed(4)} (${ms.toFixed(0)} ms)`,
      );
    }
  }
  return scores;
}

/**
 * What For you does when a rating lands: fold the user in from all their rows (closed form) and
 * pick a diversified top 10 (MMR). Timed per user of the leave-last-out training set, in Node
 * (the same V8 as Chromium), against the 100 ms.
 */
function measureFoldIn(model: HybridModel, train: RatingData): { p50: number; p95: number } {
  const rowsOf = new Map<number, number[]>();
  for (let r = 0; r < train.n; r++) {
    const u = train.users[r]!;
    if (!rowsOf.has(u)) rowsOf.set(u, []);
    rowsOf.get(u)!.push(r);
  }
  const ms: number[] = [];
  for (const rows of rowsOf.values()) {
    const items = rows.map((r) => train.items[r]!);
    const values = rows.map((r) => train.ratings[r]!);
    const t0 = performance.now();
    const user = foldInUser(model, items, values);
    const liked = items.filter((_, k) => values[k]! >= 4);
    // Every movie its own group: MMR does all its work, no category cap cuts it short.
    recommend(model, user, { exclude: items, liked, groupOf: String, k: 10 });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function evaluateRanking(
  full: RatingData,
  rankers: {
    key: string;
    name: string;
    scorer: (train: RatingData) => Promise<ItemScorer | { score: ItemScorer; ms: number }>;
  }[],
  seed: number,
) {
  // Without timestamps: one seeded random row per user (leaveLastOut's randomSeed).
  const { train, test } = leaveLastOut(full, seed);
  const results = new Map<string, TopNResult & { trainMs: number }>();
  for (const r of rankers) {
    const { value: scored, ms: outerMs } = await timed(() => r.scorer(train));
    const score = typeof scored === 'function' ? scored : scored.score;
    const ms = typeof scored === 'function' ? outerMs : scored.ms;
    const result = evaluateTopN({ train, test, numItems: full.numItems, score, seed });
    results.set(r.key, { ...result, trainMs: ms });
    console.error(`  top-N ${r.name}: HR@10 ${result.hr10.toFixed(4)}`);
  }
  return { results, users: test.length, train, test };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ratingTable(
  models: ModelSpec[],
  splits: Split[],
  scores: Map<string, RatingScores>,
  field: keyof RatingScores,
  digits: number,
): string {
  const rows = models.map((m) => {
    const xs = scores.get(m.key)![field];
    return [m.name, ...xs.map((x) => x.toFixed(digits)), mean(xs).toFixed(digits)];
  });
  return table(['model', ...splits.map((s) => s.name), 'mean'], rows);
}

function usage(message: string): never {
  console.error(
    `${message}\n\nUsage: npm run eval:recs -- --data <MovieLens folder> [--engine ${ENGINES.join('|')}] [--json out.json] [--folds 5] [--seed 42]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      engine: { type: 'string', default: 'js' },
      json: { type: 'string' },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (!values.data) usage('Missing --data.');
  const dir = resolve(values.data);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    usage(
      `Data folder not found: ${dir}\nThe MovieLens data is missing from this checkout (it is not part of the repo; see ../shared/data/README.md).`,
    );
  }
  if (isRetailFolder(dir)) {
    // Purchases, not ratings: the retail protocol (recs-retail.ts), in Node.
    if (values.engine !== 'js')
      usage('The retail evaluation runs the JS engine only (--engine js).');
    return runRetail(dir, { json: values.json, seed: Number(values.seed) });
  }
  const engineArg = values.engine as Engine;
  if (!ENGINES.includes(engineArg)) usage(`Unknown engine "${values.engine}".`);
  // js: the JS engine in Node. js-chromium and tfjs-*: the app's engine runner in Chromium.
  const browserEngine: EngineId | null =
    engineArg === 'js'
      ? null
      : engineArg === 'js-chromium'
        ? 'js'
        : (engineArg.slice(5) as EngineId);
  const folds = Number(values.folds);
  const seed = Number(values.seed);
  if (!Number.isInteger(folds) || folds < 1)
    usage(`--folds must be a positive integer, got ${values.folds}`);

  let folder: MovieLensFolder;
  try {
    folder = readMovieLensFolder(dir);
  } catch (err) {
    console.error(`Cannot evaluate ${dir}: ${(err as Error).message}`);
    process.exit(1);
  }
  folder.warnings.forEach((w) => console.error(`warning: ${w}`));

  const maps = buildMaps(folder);
  const full = indexAll(folder.rows, maps);
  const features: ItemFeatures | undefined =
    folder.movies.length > 0 ? movieFeatures(folder.movies, maps) : undefined;
  const withRandomFolds = !folder.canonicalSplits;
  const splits = makeSplits(folder, maps, withRandomFolds ? Math.max(folds, 2) : folds, seed);
  const splitKind =
    folder.layout === 'ml-1m'
      ? `one seeded random ${100 - HOLDOUT_TEST_FRACTION * 100}/${HOLDOUT_TEST_FRACTION * 100} split (seed ${seed}; --folds does not apply)`
      : withRandomFolds
        ? `seeded random ${splits.length}-fold split (seed ${seed})`
        : `canonical splits ${splits.map((s) => s.name).join(', ')}`;
  const heldOutKind = full.timestamps
    ? "leave-last-out (each user's latest row)"
    : `leave-one-out (no timestamps: one seeded random row per user, seed ${seed})`;

  console.log(
    `Dataset ${basename(dir)} (${folder.layout} layout): ${full.n} ratings, ${full.numUsers} users, ${full.numItems} items`,
  );
  console.log(
    features
      ? `Item features: ${features.numFeatures} (${features.featureNames.join(', ')})`
      : 'Item features: none (no u.item or movies.csv); the hybrid runs without content.',
  );
  console.log(`Engine ${values.engine}; rating prediction on ${splitKind}`);
  console.log(`Top-N held-out rows: ${heldOutKind}\n`);

  let browser: ChromiumTrainer | null = null;
  const backends = new Set<string>();
  const reports: unknown[] = [];
  if (browserEngine) {
    browser = new ChromiumTrainer();
    await browser.start();
    console.log(`Chromium: ${browser.userAgent}`);
  }
  /** The hybrid, trained in Node (js) or in Chromium; the model comes back either way. */
  const trainModel = async (d: RatingData): Promise<{ model: HybridModel; ms: number }> => {
    if (!browser || !browserEngine) {
      const t0 = performance.now();
      const { model } = trainHybrid(d, features, { seed });
      backends.add('js');
      return { model, ms: performance.now() - t0 };
    }
    const run = await browser.train(browserEngine, d, features, { seed });
    backends.add(run.engine);
    if (reports.length === 0) reports.push(...run.reports);
    return run;
  };
  const models: ModelSpec[] = [
    { key: 'global_mean', name: 'global mean', train: trainGlobalMean },
    { key: 'biases', name: 'biases', train: (d) => trainBiases(d) },
    { key: 'item_knn', name: 'item-kNN', train: (d) => trainItemKnn(d) },
    {
      key: 'hybrid',
      name: 'hybrid',
      train: async (d) => {
        const { model, ms } = await trainModel(d);
        return { predict: (u, i) => predict(model, u, i), trainMs: ms };
      },
    },
  ];
  const scores = await evaluateRatings(models, splits);
  console.log(`RMSE\n${ratingTable(models, splits, scores, 'rmse', 4)}\n`);
  console.log(`MAE\n${ratingTable(models, splits, scores, 'mae', 4)}\n`);
  console.log(`Training time (ms)\n${ratingTable(models, splits, scores, 'trainMs', 0)}\n`);

  let foldIn = { p50: NaN, p95: NaN };
  let ranked: HybridModel | null = null;
  const rankers = [
    {
      key: 'hybrid',
      name: 'hybrid',
      // Top-N uses the model's ranking score, not the predicted rating, for the user folded in
      // from their training rows as the app does (the item-item terms need their history).
      scorer: async (d: RatingData) => {
        const { model, ms } = await trainModel(d);
        foldIn = measureFoldIn(model, d);
        ranked = model;
        const byUser = rowsByUser(d);
        return { score: foldedScorer(model, d, (u) => byUser.get(u) ?? []), ms };
      },
    },
    { key: 'popularity', name: 'popularity', scorer: async (d: RatingData) => popularityScorer(d) },
    {
      key: 'item_knn',
      name: 'item-kNN',
      scorer: async (d: RatingData) => trainItemKnn(d).scoreItems,
    },
  ];
  const ranking = await evaluateRanking(full, rankers, seed).finally(() => browser?.stop());
  const f4 = (x: number) => x.toFixed(4);
  const topRows = rankers.map((r) => {
    const t = ranking.results.get(r.key)!;
    return [
      r.name,
      f4(t.hr10),
      f4(t.ndcg10),
      f4(t.recall20),
      f4(t.full.hr10),
      f4(t.full.ndcg10),
      t.trainMs.toFixed(0),
    ];
  });
  console.log(
    `Top-N, ${heldOutKind} (${ranking.users} users); sampled = held-out item vs 99 unrated items, full = vs all unrated items`,
  );
  console.log(
    table(
      [
        'model',
        'HR@10',
        'NDCG@10',
        'Recall@20 (full)',
        'HR@10 (full)',
        'NDCG@10 (full)',
        'train ms',
      ],
      topRows,
    ),
  );

  const cold = coldStart(ranked!, ranking.train, ranking.test, seed);
  console.log(
    `\nCold start: ${cold.users} test users with ≥ 10 training rows, folded in from their first k (full ranking)`,
  );
  console.log(
    table(
      ['k', 'hybrid HR@10', 'hybrid Recall@20', 'popularity HR@10', 'popularity Recall@20'],
      cold.rows.map((r) => [
        String(r.k),
        f4(r.hybrid.hr10),
        f4(r.hybrid.recall20),
        f4(r.popularity.hr10),
        f4(r.popularity.recall20),
      ]),
    ),
  );
  console.log(
    `\nA new rating → fold-in + top 10 (MMR), per user (${full.numItems} items, Node): p50 ${foldIn.p50.toFixed(1)} ms, p95 ${foldIn.p95.toFixed(1)} ms`,
  );

  if (values.json) {
    const report = {
      ...jsonReport(basename(dir), values.engine, splitKind, scores, ranking.results),
      fold_in_p50_ms: foldIn.p50,
      fold_in_p95_ms: foldIn.p95,
      cold_start: { users: cold.users, by_interactions: cold.rows },
      backend: [...backends].join(','),
      runtime: browser ? `Chromium (${browser.userAgent})` : `Node ${process.version}`,
      ladder: reports,
    };
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${values.json}`);
  }
}

function jsonReport(
  dataset: string,
  engine: string,
  splits: string,
  scores: Map<string, RatingScores>,
  topN: Map<string, TopNResult & { trainMs: number }>,
) {
  const rating = (key: string) => {
    const s = scores.get(key)!;
    return {
      rmse_mean: mean(s.rmse),
      mae_mean: mean(s.mae),
      rmse_per_fold: s.rmse,
      mae_per_fold: s.mae,
      train_ms_per_fold: s.trainMs,
    };
  };
  const ranking = (key: string) => {
    const t = topN.get(key)!;
    return { hr10: t.hr10, ndcg10: t.ndcg10, recall20: t.recall20, full: t.full };
  };
  return {
    dataset,
    engine,
    backend: 'js',
    splits,
    ...rating('hybrid'),
    ...ranking('hybrid'),
    baselines: {
      global_mean: rating('global_mean'),
      biases: rating('biases'),
      item_knn: { ...rating('item_knn'), ...ranking('item_knn') },
      popularity: ranking('popularity'),
    },
  };
}

// Run only as a script, so tests can import readMovieLensFolder.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
