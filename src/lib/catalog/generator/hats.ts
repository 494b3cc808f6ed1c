/** Hats: one builder per style (cap, fedora, beanie, bucket, sun hat), taken in turn. */
import type { HatParams, Localized } from '../types';
import { BRANDS } from './brands';
import { L, capitalise, enColour, hex, price, round2, zhColour } from './draw';
import type { Draft, Rng } from './draw';

type HatStyle = HatParams['style'];

interface HatKind {
  name: Localized;
  materials: { key: string; name: Localized; palette: string[] }[];
  crownHeight: [number, number];
  brimWidth: [number, number];
  price: [number, number];
  tags: string[];
  line: Localized;
  /** What a second colour means for this style: a contrast brim, a hat band, or nothing. */
  second?: 'brim' | 'band';
}

const HAT_KINDS: Record<HatStyle, HatKind> = {
  cap: {
    name: L('Baseball cap', '棒球帽'),
    materials: [
      {
        key: 'cotton',
        name: L('cotton twill', '纯棉斜纹布'),
        palette: ['black', 'white', 'navy', 'red', 'green', 'beige', 'grey', 'pink', 'blue'],
      },
      {
        key: 'canvas',
        name: L('washed canvas', '水洗帆布'),
        palette: ['beige', 'navy', 'green', 'black'],
      },
    ],
    crownHeight: [0.35, 0.45],
    brimWidth: [0.5, 0.7],
    price: [79, 299],
    tags: ['sport', 'casual', 'unisex'],
    line: L('A curved peak and an adjustable strap at the back.', '弧形帽檐，后部可调节。'),
    second: 'brim',
  },
  fedora: {
    name: L('Fedora', '礼帽'),
    materials: [
      {
        key: 'wool',
        name: L('wool felt', '羊毛毡'),
        palette: ['black', 'grey', 'brown', 'beige', 'navy', 'burgundy'],
      },
      { key: 'straw', name: L('woven straw', '草编'), palette: ['beige', 'white'] },
    ],
    crownHeight: [0.5, 0.6],
    brimWidth: [0.8, 1.0],
    price: [259, 599],
    tags: ['classic', 'vintage'],
    line: L('A pinched crown and a grosgrain band.', '捏褶帽顶，配罗缎帽带。'),
    second: 'band',
  },
  beanie: {
    name: L('Beanie', '针织帽'),
    materials: [
      {
        key: 'wool',
        name: L('ribbed merino wool', '罗纹美利奴羊毛'),
        palette: ['black', 'grey', 'burgundy', 'navy', 'beige', 'green', 'orange', 'pink', 'white'],
      },
      {
        key: 'cashmere',
        name: L('cashmere', '柔软羊绒'),
        palette: ['beige', 'grey', 'brown', 'navy'],
      },
    ],
    crownHeight: [0.45, 0.6],
    brimWidth: [0, 0],
    price: [89, 399],
    tags: ['winter', 'casual', 'unisex'],
    line: L('A snug, stretchy fit with a fold-up cuff.', '弹力贴合，可翻折帽边。'),
  },
  bucket: {
    name: L('Bucket hat', '渔夫帽'),
    materials: [
      {
        key: 'cotton',
        name: L('cotton', '纯棉'),
        palette: ['beige', 'black', 'green', 'navy', 'white', 'brown', 'orange'],
      },
      {
        key: 'nylon',
        name: L('quick-dry nylon', '速干尼龙'),
        palette: ['black', 'green', 'blue', 'grey'],
      },
    ],
    crownHeight: [0.38, 0.48],
    brimWidth: [0.7, 0.9],
    price: [99, 329],
    tags: ['summer', 'casual', 'unisex'],
    line: L('A soft, packable brim that shades all around.', '柔软帽檐可折叠收纳，四周都能遮阳。'),
  },
  'sun-hat': {
    name: L('Sun hat', '遮阳帽'),
    materials: [
      { key: 'straw', name: L('woven straw', '草编'), palette: ['beige', 'white'] },
      { key: 'linen', name: L('linen', '亚麻'), palette: ['beige', 'white', 'pink'] },
    ],
    crownHeight: [0.4, 0.5],
    brimWidth: [1.0, 1.2],
    price: [129, 459],
    tags: ['summer', 'women'],
    line: L(
      'A wide brim for beach days and garden parties.',
      '宽大帽檐，海边度假、花园聚会都适合。',
    ),
    second: 'band',
  },
};
const HAT_STYLES = Object.keys(HAT_KINDS) as HatStyle[];
const HAT_ACCENTS = ['black', 'white', 'navy', 'red', 'brown', 'beige'];

export function hat(r: Rng, index: number): Draft {
  const style = HAT_STYLES[index % HAT_STYLES.length] as HatStyle;
  const k = HAT_KINDS[style];
  const material = r.pick(k.materials);
  const main = r.pick(material.palette);
  const brand = r.pick(BRANDS.hats);
  const accent =
    k.second && r.chance(0.5) ? r.pick(HAT_ACCENTS.filter((c) => c !== main)) : undefined;
  const part = k.second === 'brim' ? L('brim', '帽檐') : L('band', '帽带');
  const withAccent = accent
    ? L(` with a ${enColour(accent)} ${part.en}`, `（${zhColour(accent)}${part['zh-CN']}）`)
    : L('', '');
  const tryOn: HatParams = {
    kind: 'hat',
    style,
    crownColour: hex(main),
    brimColour: accent && k.second === 'brim' ? hex(accent) : hex(main),
    crownHeight: round2(r.float(...k.crownHeight)),
    brimWidth: round2(r.float(...k.brimWidth)),
  };
  if (accent && k.second === 'band') tryOn.bandColour = hex(accent);
  return {
    name: L(
      `${k.name.en} in ${enColour(main)}${withAccent.en}, by ${brand}`,
      `${brand} ${zhColour(main)}${k.name['zh-CN']}${withAccent['zh-CN']}`,
    ),
    description: L(
      `${capitalise(k.name.en.toLowerCase())} in ${enColour(main)} ${material.name.en}. ${k.line.en}`,
      `${zhColour(main)}${material.name['zh-CN']}${k.name['zh-CN']}。${k.line['zh-CN']}`,
    ),
    brand,
    priceCents: price(r, k.price),
    colours: accent ? [main, accent] : [main],
    tags: [style, material.key, ...k.tags],
    tryOn,
  };
}
