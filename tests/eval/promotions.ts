/**
 * Promotions evaluation: the app's own bandit code (src/lib/promotions/shared) on a seeded
 * simulated population, against random choice, epsilon-greedy and the best fixed promotion.
 *
 *   npm run eval:promotions [-- --impressions 10000] [--runs 5] [--seed 7] [--json out.json]
 *                              [--svg tests/.output/promotions-regret.svg]
 *
 * Shoppers have hidden category preferences; what the device sees of them is what the app sees:
 * ratings and events turned into affinities by the app's own buildContext. Each shopper is on a
 * kiosk or a personal device; each visit has an hour. A shown promotion is clicked with a hidden
 * probability (logistic in the hidden preference for its categories, its kind's kiosk and
 * time-of-day effects and its own appeal). Regret is expected regret: the click probability of
 * the best promotion for that visit minus that of the one shown, summed. Every policy sees the
 * same visits and the same random numbers for clicks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CATEGORIES, type Category } from '../../src/lib/catalog/types';
import { seededRandom } from '../../src/lib/random/seeded';
import {
  DEFAULT_CONFIG,
  choose,
  createBandit,
  update,
  type BanditConfig,
} from '../../src/lib/promotions/shared/bandit';
import {
  TIMES_OF_DAY,
  buildContext,
  type EventSignal,
  type PromoContext,
  type RatingSignal,
} from '../../src/lib/promotions/shared/context';
import { PROMOTIONS } from '../../src/lib/promotions/shared/data';
import { PROMOTION_KINDS, type Promotion } from '../../src/lib/promotions/shared/schema';

const POLICIES = [
  'bandit',
  'thompson',
  'epsilon_greedy_contextual',
  'epsilon_greedy',
  'random',
  'best_fixed',
] as const;
type PolicyKey = (typeof POLICIES)[number];
const REQUIRED: PolicyKey[] = ['bandit', 'random', 'epsilon_greedy', 'best_fixed'];
const EPSILON = 0.1;
const DAY = 24 * 3600 * 1000;

interface Visit {
  context: PromoContext;
  /** The hidden click probability of every promotion for this visit. */
  p: number[];
}

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape < 1) via Marsaglia–Tsang with the boost; enough for a Dirichlet. */
function gamma(shape: number, rng: () => number): number {
  if (shape < 1) return gamma(shape + 1, rng) * rng() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = gaussian(rng);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(rng()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The hidden world: a population and how it responds to each kind of offer. */
function makeWorld(promotions: readonly Promotion[], seed: number, shoppers = 1000) {
  const rng = seededRandom(seed);
  const kindBase = { coupon: -3.3, bundle: -3.5, 'category-discount': -3.1, 'free-shipping': -2.6 };
  const kindSlope = { coupon: 4.5, bundle: 4, 'category-discount': 5, 'free-shipping': 1.5 };
  const kindKiosk = { coupon: 0, bundle: 0.6, 'category-discount': 0.3, 'free-shipping': -1.6 };
  const kindTime: Record<Promotion['kind'], number[]> = {
    coupon: [-0.2, 0, 0.4, 0.2],
    bundle: [0, 0.3, 0.1, -0.3],
    'category-discount': [0.2, 0.1, 0, -0.2],
    'free-shipping': [-0.1, -0.2, 0.2, 0.4],
  };
  const appeal = promotions.map(() => 0.3 * gaussian(rng));
  const now = Date.UTC(2026, 10, 28, 12);
  const categoryOf = (id: string) => id.split(':')[0] as Category;

  const population = Array.from({ length: shoppers }, (_, s) => {
    const g = CATEGORIES.map(() => gamma(0.3, rng));
    const total = g.reduce((a, b) => a + b, 0) || 1;
    const pref = g.map((x) => x / total);
    const kiosk = rng() < 0.25;
    // Kiosk guests leave few traces; people at home more.
    const signals = kiosk ? Math.floor(rng() * 4) : 1 + Math.floor(rng() * 15);
    const ratings: RatingSignal[] = [];
    const events: EventSignal[] = [];
    for (let i = 0; i < signals; i++) {
      const noise = rng() < 0.2;
      let c = Math.floor(rng() * CATEGORIES.length);
      if (!noise) {
        let u = rng();
        c = 0;
        while (c < CATEGORIES.length - 1 && u > pref[c]!) u -= pref[c++]!;
      }
      const productId = `${CATEGORIES[c]}:${s}:${i}`;
      const at = now - rng() * 60 * DAY;
      if (rng() < 0.4)
        ratings.push({
          productId,
          rating: noise ? 2 + Math.floor(rng() * 2) : 4 + Math.floor(rng() * 2),
          updatedAt: at,
        });
      else
        events.push({
          productId,
          type: (['view', 'click', 'add-to-cart', 'purchase'] as const)[
            Math.floor(rng() * rng() * 4)
          ]!,
          at,
        });
    }
    return { pref, kiosk, ratings, events };
  });

  function visit(r: () => number): Visit {
    const shopper = population[Math.floor(r() * population.length)]!;
    const hour = Math.floor(r() * 24);
    const context = buildContext({
      ratings: shopper.ratings,
      events: shopper.events,
      categoryOf,
      now,
      hour,
      kiosk: shopper.kiosk,
    });
    const t = TIMES_OF_DAY.indexOf(context.timeOfDay);
    const p = promotions.map((promo, a) => {
      const liking = promo.categories.reduce((s, c) => s + shopper.pref[CATEGORIES.indexOf(c)]!, 0);
      return sigmoid(
        kindBase[promo.kind] +
          appeal[a]! +
          kindSlope[promo.kind] * liking +
          (shopper.kiosk ? kindKiosk[promo.kind] : 0) +
          kindTime[promo.kind][t]!,
      );
    });
    return { context, p };
  }
  return { visit };
}

interface Run {
  regret: Record<PolicyKey, number>;
  ctr: Record<PolicyKey, number>;
  /** Cumulative regret sampled along the way, for the plot. */
  curve: Record<PolicyKey, number[]>;
}

export function simulate(
  promotions: readonly Promotion[],
  impressions: number,
  seed: number,
  config: BanditConfig = DEFAULT_CONFIG,
  every = 100,
): Run {
  const world = makeWorld(promotions, seed);
  const arrivals = seededRandom(seed + 1);
  const visits: Visit[] = Array.from({ length: impressions }, () => world.visit(arrivals));
  const clickRng = seededRandom(seed + 2);
  const u = visits.map(() => clickRng());
  const n = promotions.length;
  // Best fixed promotion: the one with the highest click rate over these very visits (an oracle).
  const totals = new Array<number>(n).fill(0);
  for (const v of visits) v.p.forEach((p, a) => (totals[a]! += p));
  const fixed = totals.indexOf(Math.max(...totals));

  const run: Run = {
    regret: {} as Run['regret'],
    ctr: {} as Run['ctr'],
    curve: {} as Run['curve'],
  };
  for (const key of POLICIES) {
    const rng = seededRandom(seed + 3);
    const ucb = createBandit(promotions, seed, config);
    const ts = createBandit(promotions, seed, { ...config, policy: 'thompson' });
    const greedyModel = createBandit(promotions, seed, { ...config, alpha: 0 });
    const shown = new Array<number>(n).fill(0);
    const clicks = new Array<number>(n).fill(0);
    let regret = 0;
    let clicked = 0;
    const curve: number[] = [];
    visits.forEach((v, t) => {
      let arm: number;
      if (key === 'bandit') arm = choose(ucb, promotions, v.context, config).arm;
      else if (key === 'thompson')
        arm = choose(ts, promotions, v.context, { ...config, policy: 'thompson' }).arm;
      else if (key === 'epsilon_greedy_contextual')
        arm =
          rng() < EPSILON
            ? Math.floor(rng() * n)
            : choose(greedyModel, promotions, v.context, { ...config, alpha: 0 }).arm;
      else if (key === 'epsilon_greedy') {
        const untried = shown.indexOf(0);
        if (untried >= 0) arm = untried;
        else if (rng() < EPSILON) arm = Math.floor(rng() * n);
        else {
          const rates = clicks.map((c, a) => c / shown[a]!);
          arm = rates.indexOf(Math.max(...rates));
        }
      } else if (key === 'random') arm = Math.floor(rng() * n);
      else arm = fixed;
      const reward = u[t]! < v.p[arm]! ? 1 : 0;
      shown[arm]!++;
      clicks[arm]! += reward;
      clicked += reward;
      regret += Math.max(...v.p) - v.p[arm]!;
      if (key === 'bandit') update(ucb, promotions, arm, v.context, reward);
      if (key === 'thompson') update(ts, promotions, arm, v.context, reward);
      if (key === 'epsilon_greedy_contextual')
        update(greedyModel, promotions, arm, v.context, reward);
      if ((t + 1) % every === 0 || t === visits.length - 1) curve.push(regret);
    });
    run.regret[key] = regret;
    run.ctr[key] = clicked / impressions;
    run.curve[key] = curve;
  }
  return run;
}

const COLOURS: Record<PolicyKey, string> = {
  bandit: '#0b6e4f',
  thompson: '#6a4c93',
  epsilon_greedy_contextual: '#1982c4',
  epsilon_greedy: '#e07a00',
  random: '#c1121f',
  best_fixed: '#555555',
};

function svgPlot(curves: Record<PolicyKey, number[]>, impressions: number, every: number): string {
  const W = 720;
  const H = 420;
  const left = 70;
  const right = 210;
  const top = 30;
  const bottom = 50;
  const maxY = Math.max(...POLICIES.map((k) => curves[k].at(-1) ?? 0)) || 1;
  const x = (i: number) => left + ((i * every) / impressions) * (W - left - right);
  const y = (v: number) => top + (1 - v / maxY) * (H - top - bottom);
  const lines = POLICIES.map(
    (k) =>
      `<polyline fill="none" stroke="${COLOURS[k]}" stroke-width="2" points="${curves[k]
        .map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`)
        .join(' ')}"/>`,
  );
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = f * maxY;
    return `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`;
  });
  const xticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const px = left + f * (W - left - right);
    return `<text x="${px}" y="${H - bottom + 18}" text-anchor="middle">${Math.round(f * impressions)}</text>`;
  });
  const legend = POLICIES.map(
    (k, i) =>
      `<line x1="${W - right + 15}" x2="${W - right + 40}" y1="${top + 10 + i * 22}" y2="${top + 10 + i * 22}" stroke="${COLOURS[k]}" stroke-width="3"/><text x="${W - right + 46}" y="${top + 14 + i * 22}">${k}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">
<title>Cumulative regret of promotion policies (lower is better)</title>
<rect width="100%" height="100%" fill="#fff"/>
${ticks.join('\n')}
${xticks.join('\n')}
<line x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}" stroke="#333"/>
<line x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}" stroke="#333"/>
<text x="${(left + W - right) / 2}" y="${H - 10}" text-anchor="middle">impressions</text>
<text transform="translate(18 ${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle">cumulative regret (expected clicks lost)</text>
${lines.join('\n')}
${legend.join('\n')}
</svg>
`;
}

function main() {
  const { values } = parseArgs({
    options: {
      impressions: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '7' },
      json: { type: 'string' },
      svg: { type: 'string', default: 'tests/.output/promotions-regret.svg' },
    },
  });
  const impressions = Number(values.impressions);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!(impressions >= 1) || !(runs >= 1)) throw new Error('--impressions and --runs must be ≥ 1');
  const every = Math.max(1, Math.round(impressions / 200));
  const started = performance.now();
  const results = Array.from({ length: runs }, (_, r) =>
    simulate(PROMOTIONS, impressions, seed + 1000 * r, DEFAULT_CONFIG, every),
  );
  const mean = (f: (run: Run) => number) => results.reduce((s, run) => s + f(run), 0) / runs;
  const regret = Object.fromEntries(POLICIES.map((k) => [k, mean((r) => r.regret[k])]));
  const ctr = Object.fromEntries(POLICIES.map((k) => [k, mean((r) => r.ctr[k])]));
  const curves = Object.fromEntries(
    POLICIES.map((k) => [k, results[0]!.curve[k].map((_, i) => mean((r) => r.curve[k][i]!))]),
  ) as Record<PolicyKey, number[]>;
  const ratio = regret.bandit! / regret.epsilon_greedy!;
  const out = {
    impressions,
    runs,
    seed,
    promotions: PROMOTIONS.length,
    kinds: PROMOTION_KINDS,
    config: DEFAULT_CONFIG,
    regret,
    ctr,
    regret_ratio_bandit_vs_epsilon_greedy: ratio,
    goal_met: ratio <= 0.5,
    seconds: (performance.now() - started) / 1000,
  };
  console.log(
    `Promotions: ${impressions} impressions × ${runs} seeded runs, ${PROMOTIONS.length} promotions (mean over runs)`,
  );
  console.log(`${'policy'.padEnd(34)}   regret      CTR`);
  for (const k of POLICIES) {
    const tag = REQUIRED.includes(k) ? '' : ' (extra)';
    console.log(
      `${(k + tag).padEnd(34)} ${regret[k]!.toFixed(1).padStart(8)}  ${(100 * ctr[k]!).toFixed(2).padStart(6)}%`,
    );
  }
  console.log(
    `bandit regret / epsilon-greedy regret = ${ratio.toFixed(3)} (goal ≤ 0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'})`,
  );
  mkdirSync(dirname(values.svg!), { recursive: true });
  writeFileSync(values.svg!, svgPlot(curves, impressions, every));
  console.log(`plot: ${values.svg}`);
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, JSON.stringify(out, null, 2) + '\n');
    console.log(`json: ${values.json}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
