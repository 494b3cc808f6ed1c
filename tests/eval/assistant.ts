/**
 * `npm run eval:assistant -- --data <folder> [--shots K] [--json out.json]`
 *   <folder> holds train.csv and test.csv (text,category: the Banking77 layout).
 * `npm run eval:assistant -- --afqmc ../shared/data/zh-afqmc/dev.json [--json out.json]`
 * `npm run eval:assistant -- --faq [--typos] [--json out.json]` (the project's own FAQ, held-out
 *   questions; --typos adds the English ones with one or two keyboard slips each: typo_accuracy;
 *   --multi adds 40 messages a language made of two or three of them: multi)
 * `npm run eval:assistant -- --faq-val [--multi] --signals out.json` (a validation split of its
 *   training; --multi adds messages made of its questions)
 *
 * Runs the app's own tokeniser, trainer and ranker (src/lib/assistant) in headless Chromium
 * (Debian's, the e2e flags) on a tests-only page served with the app's CSP, and prints a table.
 * Options: --epochs N, --copies N (augmentation), --seed N (the classifier's initialisation),
 * --seeds a,b,c (for --shots; default 1,2,3), --val F (with --data: score a stratified share F
 * of train.csv, trained on the rest; for choosing settings without touching test.csv), --split
 * dev (with --data: score dev.csv instead of test.csv, where the data set has one), --val-seed N
 * (which share; default 5 with --data, 11 with --faq-val: several seeds pool into a steadier
 * choice),
 * --signals out.json (each signal's class scores per question: for a validation split only).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import Papa from 'papaparse';
import { build, preview, type PreviewServer } from 'vite';
import { CSP_HEADER } from '../../src/lib/privacy/csp';
import { wordVectors } from '../../src/build/word-vectors';
import { seededRandom } from '../../src/lib/random/seeded';
import { withTypos } from '../../src/lib/assistant/shared/typos';
import { OUT_OF_SCOPE } from '../../src/lib/assistant/shared/rank';
import {
  composeMulti,
  factIntent,
  multiTexts,
  scoreMulti,
  type MultiQuestion,
} from './assistant-multi';
import { CHROMIUM_ARGS, findSystemChromium } from '../e2e/chromium.mjs';
import type { EvalRunRequest, EvalRunResult } from './assistant-browser';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'tests/.output', `assistant-browser-${process.env.AISLE_SLOT ?? 0}`);

interface Row {
  text: string;
  intent: string;
  lang?: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function readCsv(file: string): Row[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((r) => ({ text: r.text ?? '', intent: r.category ?? '' }));
}

/** Each intent's rows, intents sorted, rows shuffled within (seeded): what both samplers need. */
function shuffledByIntent(rows: readonly Row[], seed: number): Row[][] {
  const rnd = seededRandom(seed);
  const by = new Map<string, Row[]>();
  for (const r of rows) by.set(r.intent, [...(by.get(r.intent) ?? []), r]);
  return [...by.keys()].sort().map((intent) => {
    const xs = [...by.get(intent)!];
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  });
}

/** K examples per intent, seeded. */
export function sampleShots(rows: readonly Row[], k: number, seed: number): Row[] {
  return shuffledByIntent(rows, seed).flatMap((xs) => xs.slice(0, k));
}

/** A stratified validation split: share `frac` of each intent (seeded) is held out of `rows`. */
export function carveValidation(rows: readonly Row[], frac: number, seed: number) {
  const train: Row[] = [];
  const test: Row[] = [];
  for (const xs of shuffledByIntent(rows, seed)) {
    const k = Math.round(xs.length * frac);
    test.push(...xs.slice(0, k));
    train.push(...xs.slice(k));
  }
  return { train, test };
}

export function macroF1(gold: readonly string[], pred: readonly string[]): number {
  const labels = [...new Set(gold)];
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return labels.length ? sum / labels.length : 0;
}

export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
}

const accuracy = (gold: readonly string[], pred: readonly string[]) =>
  gold.filter((g, i) => g === pred[i]).length / Math.max(1, gold.length);

class Runner {
  private server?: PreviewServer;
  private browser?: Browser;
  page?: Page;

  async start() {
    await build({
      configFile: false,
      root: resolve(root, 'tests/eval'),
      logLevel: 'warn',
      plugins: [wordVectors()],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: resolve(root, 'tests/eval/assistant-browser.html') },
      },
    });
    this.server = await preview({
      configFile: false,
      root: resolve(root, 'tests/eval'),
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP_HEADER } },
    });
    const url = this.server.resolvedUrls?.local[0];
    if (!url) throw new Error('the eval page server did not start');
    const executablePath = findSystemChromium();
    this.browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    });
    this.page = await this.browser.newPage();
    const errors: string[] = [];
    this.page.on('pageerror', (e) => errors.push(String(e)));
    await this.page.goto(`${url}assistant-browser.html`);
    await this.page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'ready',
    );
    if (errors.length) throw new Error(`eval page failed: ${errors.join('; ')}`);
  }

  run(request: EvalRunRequest): Promise<EvalRunResult> {
    return this.page!.evaluate(
      (r) =>
        (globalThis as unknown as { evalRun: (r: unknown) => Promise<EvalRunResult> }).evalRun(r),
      request,
    );
  }

  similarity(pairs: [string, string][]): Promise<number[]> {
    return this.page!.evaluate(
      (p) =>
        (globalThis as unknown as { evalSimilarity: (p: unknown) => number[] }).evalSimilarity(p),
      pairs,
    );
  }

  async stop() {
    await this.browser?.close();
    await new Promise<void>((r) => (this.server ? this.server.httpServer.close(() => r()) : r()));
  }
}

function trainOptions() {
  const o: Record<string, number> = {};
  for (const k of [
    'epochs',
    'copies',
    'batch',
    'learningRate',
    'labelSmoothing',
    'weightDecay',
    'seed',
  ] as const) {
    const v = arg(k);
    if (v !== undefined) o[k] = Number(v);
  }
  return o;
}

/** Scores the multi-part messages, prints their row and adds them to the report. */
function printMulti(
  report: Record<string, unknown>,
  multi: MultiQuestion[],
  predicted: string[],
  verdicts: string[],
) {
  const m = scoreMulti(multi, predicted, verdicts);
  Object.assign(report, { multi: m });
  console.log(
    `| multi-part (${m.n_questions} messages) | ${m.n_parts} parts | answered right ${pct(m.parts_right)} | answered or asked back ${pct(m.parts_handled)} | wrong answers ${m.wrong_answers} |`,
  );
}

function extra() {
  return {
    noVectors: process.argv.includes('--no-vectors'),
  };
}

function measure(gold: string[], result: EvalRunResult, nTrain: number) {
  return {
    accuracy: accuracy(gold, result.predicted),
    macroF1: macroF1(gold, result.predicted),
    trainMs: Math.round(result.trainMs),
    p50Ms: percentile(result.latencies, 0.5),
    p95Ms: percentile(result.latencies, 0.95),
    backend: result.backend,
    n_train: nTrain,
    n_test: gold.length,
  };
}

const pct = (x: number) => (100 * x).toFixed(2) + '%';
const ms = (x: number) => x.toFixed(2);

async function main() {
  const runner = new Runner();
  const report: Record<string, unknown> = {
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    cores: cpus().length,
    options: trainOptions(),
  };
  await runner.start();
  try {
    const data = arg('data');
    const afqmc = arg('afqmc');
    if (data) {
      const val = arg('val') ? Number(arg('val')) : 0;
      const { train, test } = val
        ? carveValidation(readCsv(join(data, 'train.csv')), val, Number(arg('val-seed') ?? 5))
        : {
            train: readCsv(join(data, 'train.csv')),
            test: readCsv(join(data, `${arg('split') ?? 'test'}.csv`)),
          };
      const gold = test.map((r) => r.intent);
      const shots = arg('shots') ? Number(arg('shots')) : 0;
      const seeds = shots ? (arg('seeds') ?? '1,2,3').split(',').map(Number) : [0];
      const runs: ({ seed: number } & ReturnType<typeof measure>)[] = [];
      console.log(
        '| run | n_train | n_test | accuracy | macro-F1 | train ms | p50 ms | p95 ms | backend |',
      );
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const seed of seeds) {
        const sample = shots ? sampleShots(train, shots, seed) : train;
        const result = await runner.run({
          train: sample.map(({ text, intent }) => ({ text, intent })),
          test: test.map((r) => r.text),
          options: trainOptions(),
          signals: !!arg('signals'),
          ...extra(),
        });
        // Raw class scores of each signal, for choosing the blend on a validation split only.
        const signalsFile = arg('signals');
        if (signalsFile && result.signals)
          writeFileSync(
            signalsFile.replace('.json', `-${seed}.json`),
            JSON.stringify({ gold, ...result.signals }),
          );
        const m = { seed, ...measure(gold, result, sample.length) };
        runs.push(m);
        console.log(
          `| ${shots ? `${shots}-shot seed ${seed}` : 'all data'} | ${m.n_train} | ${m.n_test} | ${pct(m.accuracy)} | ${pct(m.macroF1)} | ${m.trainMs} | ${ms(m.p50Ms)} | ${ms(m.p95Ms)} | ${m.backend} |`,
        );
      }
      const mean = (k: 'accuracy' | 'macroF1' | 'trainMs' | 'p50Ms' | 'p95Ms') =>
        runs.reduce((s, r) => s + r[k], 0) / runs.length;
      Object.assign(report, {
        data,
        shots,
        accuracy: mean('accuracy'),
        macroF1: mean('macroF1'),
        trainMs: Math.round(mean('trainMs')),
        p50Ms: mean('p50Ms'),
        p95Ms: mean('p95Ms'),
        backend: runs[0]!.backend,
        n_train: runs[0]!.n_train,
        n_test: runs[0]!.n_test,
        runs,
      });
      console.log(
        `| **mean** | ${runs[0]!.n_train} | ${runs[0]!.n_test} | **${pct(mean('accuracy'))}** | ${pct(mean('macroF1'))} | ${Math.round(mean('trainMs'))} | ${ms(mean('p50Ms'))} | ${ms(mean('p95Ms'))} | ${runs[0]!.backend} |`,
      );
    } else if (afqmc) {
      const lines = readFileSync(afqmc, 'utf8').split('\n').filter(Boolean);
      const pairs = lines.map(
        (l) => JSON.parse(l) as { sentence1: string; sentence2: string; label: string },
      );
      const sims = await runner.similarity(pairs.map((p) => [p.sentence1, p.sentence2]));
      const labels = pairs.map((p) => p.label === '1');
      // Threshold chosen on the first half, accuracy on the second.
      const half = Math.floor(pairs.length / 2);
      let best = { t: 0, acc: -1 };
      for (let t = 0; t <= 1; t += 0.005) {
        let ok = 0;
        for (let i = 0; i < half; i++) if (sims[i]! >= t === labels[i]) ok++;
        if (ok / half > best.acc) best = { t, acc: ok / half };
      }
      let ok = 0;
      for (let i = half; i < pairs.length; i++) if (sims[i]! >= best.t === labels[i]) ok++;
      const acc = ok / (pairs.length - half);
      const majority = labels.slice(half).filter((l) => !l).length / (pairs.length - half);
      Object.assign(report, {
        afqmc,
        threshold: best.t,
        tuneAccuracy: best.acc,
        accuracy: acc,
        majorityBaseline: majority,
        n_tune: half,
        n_test: pairs.length - half,
      });
      console.log(
        `| AFQMC (cosine, threshold ${best.t.toFixed(3)}) | tune ${half} | test ${pairs.length - half} | ${pct(acc)} | majority ${pct(majority)} |`,
      );
    } else if (process.argv.includes('--faq-val')) {
      // A validation split of the FAQ's own training questions (15% of each intent and language,
      // off-topic ones included): for choosing the blend and the verdict thresholds, never the
      // held-out file. Writes each signal's scores to --signals.
      const { trainingExamples } = await import('../../src/lib/assistant/shared/knowledge');
      const rnd = seededRandom(Number(arg('val-seed') ?? 11));
      const groups = new Map<string, Row[]>();
      for (const e of trainingExamples()) {
        const k = `${e.intent}\u0001${e.lang}`;
        groups.set(k, [...(groups.get(k) ?? []), e]);
      }
      const train: Row[] = [];
      const val: Row[] = [];
      for (const xs of groups.values()) {
        for (let i = xs.length - 1; i > 0; i--) {
          const j = Math.floor(rnd() * (i + 1));
          [xs[i], xs[j]] = [xs[j]!, xs[i]!];
        }
        const k = xs.length >= 4 ? Math.max(1, Math.round(xs.length * 0.15)) : 0;
        val.push(...xs.slice(0, k));
        train.push(...xs.slice(k));
      }
      // --multi: messages made of the validation questions, as --faq makes them of held-out ones.
      const multi = process.argv.includes('--multi')
        ? composeMulti(
            val.filter((r) => r.intent !== OUT_OF_SCOPE),
            40,
            3,
          )
        : [];
      const result = await runner.run({
        train: train.map(({ text, intent }) => ({ text, intent })),
        test: [...val.map((r) => r.text), ...multi.flatMap(multiTexts)],
        options: trainOptions(),
        signals: true,
        ...extra(),
      });
      const gold = val.map((r) => r.intent);
      if (multi.length)
        printMulti(
          report,
          multi,
          result.predicted.splice(val.length),
          result.verdicts.splice(val.length),
        );
      const signalsFile = arg('signals');
      // The messages' signals follow the questions', each message then its parts; a part the
      // shop's values answer names that intent in `facts` (what --multi scores with).
      if (signalsFile && result.signals)
        writeFileSync(
          signalsFile,
          JSON.stringify({
            gold,
            text: val.map((r) => r.text),
            lang: val.map((r) => r.lang),
            multi: multi.map((q) => ({
              ...q,
              facts: q.parts.map((t) => factIntent(t, q.lang)),
              halfFacts: q.halves.map((t) => factIntent(t, q.lang)),
            })),
            ...result.signals,
          }),
        );
      Object.assign(report, measure(gold, result, train.length));
      console.log(
        `| FAQ validation | ${train.length} | ${val.length} | ${pct(accuracy(gold, result.predicted))} |`,
      );
      // The same split as the held-out report: shop questions (top-1, declined) and off-topic ones.
      const shop = gold.map((g, i) => (g === 'out-of-scope' ? -1 : i)).filter((i) => i >= 0);
      const off = gold.map((g, i) => (g === 'out-of-scope' ? i : -1)).filter((i) => i >= 0);
      const share = (ids: number[], ok: (i: number) => boolean) =>
        ids.filter(ok).length / Math.max(1, ids.length);
      const declined = (i: number) => result.verdicts[i] === 'out-of-scope';
      const valSplit = {
        shopAccuracy: share(shop, (i) => result.predicted[i] === gold[i]),
        shopDeclined: share(shop, declined),
        offTopicDeclined: share(off, declined),
      };
      Object.assign(report, { valSplit });
      console.log(
        `| shop questions | ${shop.length} | top-1 ${pct(valSplit.shopAccuracy)} | declined ${pct(valSplit.shopDeclined)} | off-topic declined | ${pct(valSplit.offTopicDeclined)} of ${off.length} |`,
      );
    } else if (process.argv.includes('--faq')) {
      const { trainingExamples } = await import('../../src/lib/assistant/shared/knowledge');
      const heldFile = resolve(root, 'tests/eval/data/faq-heldout.json');
      if (!existsSync(heldFile)) throw new Error(`${heldFile} is missing`);
      const held = JSON.parse(readFileSync(heldFile, 'utf8')) as Row[];
      const train = trainingExamples();
      // Off-topic questions never trained on: the assistant should decline them.
      const offTopic = JSON.parse(
        readFileSync(resolve(root, 'tests/eval/data/out-of-scope-heldout.json'), 'utf8'),
      ) as Record<'en' | 'zh-CN', string[]>;
      const offTexts = [...offTopic.en, ...offTopic['zh-CN']];
      // --typos: the English held-out questions again, each with one or two keyboard slips.
      const rnd = seededRandom(7);
      const typoed = process.argv.includes('--typos')
        ? held
            .filter((r) => r.lang === 'en')
            .map((r) => ({ ...r, text: withTypos(r.text, 1 + Math.floor(rnd() * 2), rnd) }))
        : [];
      // --multi: messages of two or three held-out questions on different topics.
      const multi = process.argv.includes('--multi') ? composeMulti(held, 40, 3) : [];
      const result = await runner.run({
        train: train.map(({ text, intent, lang }) => ({ text, intent, lang })),
        test: [
          ...held.map((r) => r.text),
          ...offTexts,
          ...typoed.map((r) => r.text),
          ...multi.flatMap(multiTexts),
        ],
        options: trainOptions(),
        ...extra(),
      });
      const multiPredicted = result.predicted.splice(held.length + offTexts.length + typoed.length);
      const multiVerdicts = result.verdicts.splice(held.length + offTexts.length + typoed.length);
      const typoPredicted = result.predicted.splice(held.length + offTexts.length);
      const typoVerdicts = result.verdicts.splice(held.length + offTexts.length);
      if (multi.length) printMulti(report, multi, multiPredicted, multiVerdicts);
      const offVerdicts = result.verdicts.splice(held.length);
      result.predicted.splice(held.length);
      if (typoed.length) {
        const gold = typoed.map((r) => r.intent);
        const typoAccuracy = accuracy(gold, typoPredicted);
        const answered = typoVerdicts.filter((v) => v === 'answer').length / typoed.length;
        Object.assign(report, {
          typo_accuracy: typoAccuracy,
          typo_answered: answered,
          n_typo: typoed.length,
        });
        console.log(
          `| FAQ en with typos | ${typoed.length} | top-1 ${pct(typoAccuracy)} | answered ${pct(answered)} |`,
        );
      }
      const declined =
        offVerdicts.filter((v) => v === 'out-of-scope').length / Math.max(1, offTexts.length);
      const falselyDeclined =
        result.verdicts.filter((v) => v === 'out-of-scope').length / Math.max(1, held.length);
      console.log(
        `| off-topic declined | ${pct(declined)} of ${offTexts.length} | shop questions declined | ${pct(falselyDeclined)} |`,
      );
      Object.assign(report, { offTopicDeclined: declined, inScopeDeclined: falselyDeclined });
      const perLang: Record<string, unknown> = {};
      for (const lang of ['en', 'zh-CN']) {
        const ids = held.map((r, i) => (r.lang === lang ? i : -1)).filter((i) => i >= 0);
        const gold = ids.map((i) => held[i]!.intent);
        const pred = ids.map((i) => result.predicted[i]!);
        const answered =
          ids.filter((i) => result.verdicts[i] === 'answer').length / Math.max(1, ids.length);
        perLang[lang] = {
          accuracy: accuracy(gold, pred),
          macroF1: macroF1(gold, pred),
          answered,
          n_test: ids.length,
        };
        console.log(
          `| FAQ ${lang} | ${train.filter((t) => t.lang === lang).length} | ${ids.length} | ${pct(accuracy(gold, pred))} | ${pct(macroF1(gold, pred))} | answered ${pct(answered)} |`,
        );
      }
      Object.assign(
        report,
        measure(
          held.map((r) => r.intent),
          result,
          train.length,
        ),
        { perLang },
      );
      console.log(
        `train ${Math.round(result.trainMs)} ms on ${result.backend}, p50 ${ms(percentile(result.latencies, 0.5))} ms, p95 ${ms(percentile(result.latencies, 0.95))} ms`,
      );
    } else {
      throw new Error('give --data <folder>, --afqmc <dev.json> or --faq');
    }
  } finally {
    await runner.stop();
  }
  console.log(`load ${report.load as string} on ${report.cores as number} cores`);
  const json = arg('json');
  if (json) {
    mkdirSync(dirname(resolve(json)), { recursive: true });
    writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
