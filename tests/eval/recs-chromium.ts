/**
 * Runs the recommender's trainers in headless Chromium for `npm run eval:recs -- --engine …`:
 * builds tests/eval/recs-browser.html (the app's engine runner and nothing else) into
 * tests/.output, serves it with the app's CSP headers (so WASM and WebGPU run under the same
 * policy as the app), and trains through page.evaluate. Chromium: Debian's, with the e2e
 * suite's flags (SwiftShader WebGL, --enable-unsafe-webgpu).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { CSP_HEADER } from '../../src/lib/privacy/csp';
import type { EngineId } from '../../src/lib/recommender/shared/engines';
import {
  deserialiseModel,
  type HybridConfig,
  type HybridModel,
} from '../../src/lib/recommender/shared/model';
import type { ItemFeatures, RatingData } from '../../src/lib/recommender/shared/types';
import { CHROMIUM_ARGS, findSystemChromium } from '../e2e/chromium.mjs';
import type { EvalTrainRequest, EvalTrainResult } from './recs-browser';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'tests/.output', `recs-browser-${process.env.AISLE_SLOT ?? 0}`);

const b64 = (a: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

export interface BrowserRun {
  model: HybridModel;
  engine: EngineId;
  ms: number;
  reports: unknown[];
  epochs: EvalTrainResult['epochs'];
}

export class ChromiumTrainer {
  private server: PreviewServer | undefined;
  private browser: Browser | undefined;
  private page: Page | undefined;
  userAgent = '';

  async start(): Promise<void> {
    await build({
      configFile: false,
      root: resolve(root, 'tests/eval'),
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: resolve(root, 'tests/eval/recs-browser.html') },
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
    this.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await this.page.goto(`${url}recs-browser.html`);
    await this.page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'ready',
      null,
      {
        timeout: 60_000,
      },
    );
    if (errors.length) throw new Error(`eval page failed: ${errors.join('; ')}`);
    this.userAgent = await this.page.evaluate(() => navigator.userAgent);
  }

  async train(
    engine: EngineId,
    data: RatingData,
    features: ItemFeatures | undefined,
    config: Partial<HybridConfig>,
  ): Promise<BrowserRun> {
    if (!this.page) throw new Error('ChromiumTrainer not started');
    const arrays: Record<string, string> = {
      users: b64(data.users.subarray(0, data.n)),
      items: b64(data.items.subarray(0, data.n)),
      ratings: b64(data.ratings.subarray(0, data.n)),
    };
    if (features) {
      arrays.itemOffsets = b64(features.itemOffsets);
      arrays.featureIds = b64(features.featureIds);
    }
    const request: EvalTrainRequest = {
      engine,
      numUsers: data.numUsers,
      numItems: data.numItems,
      numFeatures: features?.numFeatures ?? 0,
      arrays,
      config,
    };
    const result = await this.page.evaluate(
      (r) =>
        (
          globalThis as unknown as { evalTrain: (r: unknown) => Promise<EvalTrainResult> }
        ).evalTrain(r),
      request,
    );
    const buf = Buffer.from(result.weights, 'base64');
    const buffer = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    return {
      model: deserialiseModel(result.meta, buffer),
      engine: result.engine,
      ms: result.ms,
      reports: result.reports,
      epochs: result.epochs,
    };
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((r) => (this.server ? this.server.httpServer.close(() => r()) : r()));
  }
}
