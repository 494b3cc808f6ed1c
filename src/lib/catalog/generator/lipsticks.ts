/** Lipsticks: the three finishes in turn, each shade drawn from a colour family. */
import type { LipstickParams, Localized } from '../types';
import { BRANDS } from './brands';
import { L, enColour, price, round2, zhColour } from './draw';
import type { Draft, Rng } from './draw';

type Finish = LipstickParams['finish'];

/** Lip shades per colour family: real lipsticks vary within a family, so the hex does too. */
const SHADES: Record<string, { hexes: string[]; name?: Localized }> = {
  red: { hexes: ['#c0282f', '#b3202b', '#d03a36', '#a8192a'] },
  burgundy: { hexes: ['#6e1a2c', '#7d2236', '#5e1526'] },
  pink: { hexes: ['#e07b95', '#d8627f', '#ec98ac', '#c95377'] },
  coral: { hexes: ['#ef6f5e', '#f2826b', '#e55f53'] },
  orange: { hexes: ['#e2582f', '#ec6a3a'] },
  brown: { hexes: ['#99594a', '#8a4b3d', '#a7665a'] },
  beige: { hexes: ['#c99082', '#d2a08f', '#bb8576'], name: L('nude', '裸色') },
  purple: { hexes: ['#7f3358', '#8e3c66', '#6d2a4f'], name: L('plum', '梅子色') },
};
const SHADE_KEYS = Object.keys(SHADES);

const FINISHES: Record<Finish, { en: string; zh: string; line: (c: Localized) => Localized }> = {
  matte: {
    en: 'Matte',
    zh: '哑光',
    line: (c) =>
      L(
        `A creamy matte formula in ${c.en} that lasts for hours without drying.`,
        `${c['zh-CN']}哑光质地，顺滑不拔干，持久显色。`,
      ),
  },
  satin: {
    en: 'Satin',
    zh: '缎光',
    line: (c) =>
      L(
        `A satin finish in ${c.en} with a soft sheen and comfortable wear.`,
        `${c['zh-CN']}缎光质地，光泽柔和，滋润舒适。`,
      ),
  },
  gloss: {
    en: 'Gloss',
    zh: '水光',
    line: (c) =>
      L(
        `A glossy, lightweight finish in ${c.en} for a fresh, juicy look.`,
        `${c['zh-CN']}水光质地，轻薄水润，打造饱满双唇。`,
      ),
  },
};
const FINISH_KEYS = Object.keys(FINISHES) as Finish[];
const LIPSTICK_EXTRAS = [
  L('Enriched with shea butter.', '添加乳木果油，滋润双唇。'),
  L('A slim bullet for precise lines.', '细管设计，勾勒唇形更精准。'),
  L('The case takes refills.', '外壳可替换内芯，更环保。'),
];
const OPACITY: Record<Finish, [number, number]> = {
  matte: [0.75, 0.9],
  satin: [0.6, 0.8],
  gloss: [0.4, 0.65],
};

export function lipstick(r: Rng, index: number): Draft {
  const finish = FINISH_KEYS[index % FINISH_KEYS.length] as Finish;
  const f = FINISHES[finish];
  const family = r.pick(SHADE_KEYS);
  const shade = SHADES[family] as (typeof SHADES)[string];
  const shadeName = shade.name ?? L(enColour(family), zhColour(family));
  const brand = r.pick(BRANDS.beauty);
  const extra = r.pick(LIPSTICK_EXTRAS);
  const occasion = r.pick(['everyday', 'office', 'party', 'classic']);
  const tags = [finish, occasion];
  if (finish === 'matte') tags.push('long-lasting');
  if (family === 'beige') tags.push('nude');
  const line = f.line(shadeName);
  return {
    name: L(
      `${f.en} lipstick in ${shadeName.en}, by ${brand}`,
      `${brand} ${shadeName['zh-CN']}${f.zh}口红`,
    ),
    description: L(`${line.en} ${extra.en}`, `${line['zh-CN']}${extra['zh-CN']}`),
    brand,
    priceCents: price(r, [89, 399]),
    colours: [family],
    tags,
    tryOn: {
      kind: 'lipstick',
      colour: r.pick(shade.hexes),
      finish,
      opacity: round2(r.float(...OPACITY[finish])),
    },
  };
}
