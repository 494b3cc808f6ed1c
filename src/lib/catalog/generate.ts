/**
 * The demo catalog, generated from small tables with a seeded PRNG so that every device and
 * every test sees exactly the same products. Each category draws from its own seed, so changing
 * one category does not reshuffle the others.
 */
import { colour } from './colours';
import { CATEGORIES } from './types';
import type {
  Category,
  EarringParams,
  EyewearParams,
  HatParams,
  LipstickParams,
  Localized,
  Product,
} from './types';
import { seededRandom as mulberry32 } from '../random/seeded';

/** Bump whenever the generated output changes (ids, names, prices, try-on params…). */
export const CATALOG_VERSION = 1;

export const catalogById = (products: readonly Product[]): Map<string, Product> =>
  new Map(products.map((p) => [p.id, p]));

// ---------------------------------------------------------------------------------------------
// Seeded randomness

interface Rng {
  float(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const r: Rng = {
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from empty list');
      return items[Math.floor(items.length * next())] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
  return r;
}

const SEED = 0x5eed2024;

// ---------------------------------------------------------------------------------------------
// Small helpers

const L = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });
const enColour = (key: string) => colour(key).name.en.toLowerCase();
const zhColour = (key: string) => colour(key).name['zh-CN'];
const hex = (key: string) => colour(key).hex;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const round2 = (x: number) => Math.round(x * 100) / 100;
const unique = <T>(items: T[]) => [...new Set(items)];

/** A shop-like price in fen: whole yuan ending in 9, inside [min, max] yuan. */
function price(r: Rng, [min, max]: readonly [number, number]): number {
  let yuan = Math.floor(r.int(min, max) / 10) * 10 + 9;
  if (yuan > max) yuan -= 10;
  if (yuan < min) yuan = min;
  return yuan * 100;
}

type Draft = Omit<Product, 'id' | 'category'>;

/** Draws `count` products, re-rolling duplicates so that every English name is unique. */
function makeCategory(
  category: Category,
  count: number,
  make: (r: Rng, index: number) => Draft,
): Product[] {
  const r = rng(SEED + CATEGORIES.indexOf(category) * 7919);
  const seen = new Set<string>();
  const out: Product[] = [];
  let tries = 0;
  while (out.length < count) {
    const draft = make(r, out.length);
    if (seen.has(draft.name.en)) {
      if (++tries > 10_000) throw new Error(`Cannot draw ${count} distinct ${category}`);
      continue;
    }
    seen.add(draft.name.en);
    const id = `${category}-${String(out.length + 1).padStart(3, '0')}`;
    out.push({ id, category, ...draft, tags: unique(draft.tags) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Brands (invented)

const BRANDS = {
  eyewear: ['Lumen', 'Fernhill', 'Kestrel Lane', 'Northlight', 'Palomar Optics', 'Solvane'],
  hats: ['Northfold', 'Brimwell', 'Capstan & Reed', 'Tallow Hill', 'Mooring'],
  jewellery: ['Aurelle', 'Petit Lune', 'Silverbirch', 'Marisol Atelier', 'Ondine'],
  beauty: ['Velvette', 'Rougeline', 'Petalwise', 'Blushmark', 'Cerise Lab', 'Mira Rouge'],
  fashion: [
    'Linden & Loom',
    'Pacefield',
    'Harbour Thread',
    'Wrenwood',
    'Ashgrove',
    'Tidewell',
    'Cobble & Pine',
  ],
  electronics: ['Ampleaf', 'Hushline', 'Pixelnest', 'Ohmly', 'Sonder Labs', 'Cirrus Nine'],
  home: ['Hearthly', 'Kiln & Grain', 'Nookwell', 'Oakmoss Home', 'Lanternfield', 'Stillroom'],
} as const;

// ---------------------------------------------------------------------------------------------
// Eyewear

type FrameShape = EyewearParams['frameShape'];

const SHAPES: Record<FrameShape, { en: string; zh: string; zhSun: string; styles: Style[] }> = {
  round: { en: 'Round', zh: '圆框', zhSun: '圆框', styles: ['vintage', 'classic', 'minimal'] },
  rectangle: {
    en: 'Rectangle',
    zh: '长方框',
    zhSun: '长方框',
    styles: ['modern', 'classic', 'sport'],
  },
  square: { en: 'Square', zh: '方框', zhSun: '方框', styles: ['modern', 'statement', 'sport'] },
  'cat-eye': { en: 'Cat-eye', zh: '猫眼框', zhSun: '猫眼', styles: ['vintage', 'statement'] },
  aviator: { en: 'Aviator', zh: '飞行员款', zhSun: '飞行员', styles: ['classic', 'vintage'] },
  oval: { en: 'Oval', zh: '椭圆框', zhSun: '椭圆框', styles: ['minimal', 'classic'] },
};
const SHAPE_KEYS = Object.keys(SHAPES) as FrameShape[];

type Style = 'classic' | 'vintage' | 'modern' | 'minimal' | 'statement' | 'sport';
const STYLE_LINES: Record<Style, Localized> = {
  classic: L('A timeless shape that suits most faces.', '经典百搭的框型，适合大多数脸型。'),
  vintage: L('A vintage-inspired shape with a modern fit.', '复古灵感的设计，佩戴舒适现代。'),
  modern: L('Clean lines for a sharp, modern look.', '线条利落，尽显现代感。'),
  minimal: L('Slim and understated for everyday wear.', '纤细低调，适合日常佩戴。'),
  statement: L('A bold shape that gets noticed.', '大胆的造型，存在感十足。'),
  sport: L('Secure and light for active days outdoors.', '贴合稳固又轻盈，适合户外运动。'),
};

const FRAME_MATERIALS = {
  acetate: L('acetate', '板材'),
  tr90: L('TR90', 'TR90'),
  metal: L('metal', '金属'),
  titanium: L('titanium', '钛金属'),
} as const;
type FrameMaterial = keyof typeof FRAME_MATERIALS;

const METAL_FRAMES = ['gold', 'silver', 'black', 'rose-gold', 'grey'];
const PLASTIC_FRAMES = [
  'black',
  'tortoise',
  'red',
  'burgundy',
  'navy',
  'grey',
  'brown',
  'pink',
  'green',
  'teal',
  'purple',
  'blue',
  'beige',
  'white',
];
const LENS_COLOURS = ['grey', 'brown', 'green', 'blue', 'pink', 'purple'];

const GLASSES_PRICE: Record<FrameMaterial, [number, number]> = {
  acetate: [199, 899],
  tr90: [199, 599],
  metal: [299, 999],
  titanium: [599, 1299],
};
const SUNGLASSES_PRICE: Record<FrameMaterial, [number, number]> = {
  acetate: [299, 1199],
  tr90: [249, 699],
  metal: [399, 1299],
  titanium: [799, 1599],
};

function eyewear(r: Rng, sun: boolean): Draft {
  const shape = r.pick(SHAPE_KEYS);
  const s = SHAPES[shape];
  // Aviators are always wire frames; other shapes are wire about a third of the time.
  const wire = shape === 'aviator' || r.chance(0.3);
  const material: FrameMaterial = wire
    ? r.pick(['metal', 'metal', 'titanium'] as const)
    : r.pick(['acetate', 'acetate', 'tr90'] as const);
  const mat = FRAME_MATERIALS[material];
  const frame = r.pick(wire ? METAL_FRAMES : PLASTIC_FRAMES);
  const brand = r.pick(BRANDS.eyewear);
  const style = r.pick(sun ? s.styles : s.styles.filter((x) => x !== 'sport'));
  const audience = shape === 'cat-eye' ? 'women' : r.pick(['unisex', 'unisex', 'men', 'women']);
  const lensWidthMm =
    shape === 'round' ? r.int(44, 50) : shape === 'aviator' ? r.int(55, 60) : r.int(48, 56);
  const bridgeWidthMm = r.int(15, 21);
  const dims = {
    bridgeWidthMm,
    lensWidthMm,
    // Total front width, temple to temple: two lenses, the bridge and the frame's end pieces.
    templeWidthMm: 2 * lensWidthMm + bridgeWidthMm + r.int(8, 14),
  };
  const tags: string[] = [shape, material, audience, style];
  if (material === 'tr90' || material === 'titanium') tags.push('lightweight');

  if (!sun) {
    const blueLight = r.chance(0.4);
    if (blueLight) tags.push('blue-light');
    const lens = blueLight
      ? L('blue-light filtering lenses', '防蓝光镜片')
      : L('clear lenses', '透明镜片');
    const tryOn: EyewearParams = {
      kind: 'eyewear',
      frameShape: shape,
      frameColour: hex(frame),
      // Clear lenses: a barely-there tint, faintly amber for blue-light filters.
      lensTint: blueLight ? '#f2e3a6' : '#e6f0f5',
      lensOpacity: blueLight ? round2(r.float(0.06, 0.1)) : round2(r.float(0, 0.05)),
      ...dims,
    };
    return {
      name: L(
        `${s.en} frame glasses in ${enColour(frame)}, by ${brand}`,
        `${brand} ${zhColour(frame)}${s.zh}眼镜`,
      ),
      description: L(
        `${capitalise(mat.en)} ${s.en.toLowerCase()} frames in ${enColour(frame)} with ${lens.en}. ${STYLE_LINES[style].en}`,
        `${zhColour(frame)}${mat['zh-CN']}${s.zh}镜架，配${lens['zh-CN']}。${STYLE_LINES[style]['zh-CN']}`,
      ),
      brand,
      priceCents: price(r, GLASSES_PRICE[material]),
      colours: [frame],
      tags,
      tryOn,
    };
  }

  const lens = r.pick(LENS_COLOURS.filter((c) => c !== frame));
  const polarized = r.chance(0.5);
  tags.push('uv400', 'summer');
  if (polarized) tags.push('polarized');
  const second = polarized
    ? L(
        'Polarized lenses cut the glare from water and roads.',
        '偏光镜片有效减少水面和路面的眩光。',
      )
    : STYLE_LINES[style];
  const tryOn: EyewearParams = {
    kind: 'eyewear',
    frameShape: shape,
    frameColour: hex(frame),
    lensTint: hex(lens),
    // Pink and purple lenses are fashion tints, lighter than the grey/brown/green classics.
    lensOpacity: round2(
      lens === 'pink' || lens === 'purple' ? r.float(0.5, 0.65) : r.float(0.6, 0.9),
    ),
    ...dims,
  };
  return {
    name: L(
      `${s.en} sunglasses in ${enColour(frame)} with ${enColour(lens)} lenses, by ${brand}`,
      `${brand} ${zhColour(frame)}${s.zhSun}太阳镜（${zhColour(lens)}镜片）`,
    ),
    description: L(
      `${capitalise(mat.en)} ${s.en.toLowerCase()} frames in ${enColour(frame)} with ${enColour(lens)}-tinted lenses and UV400 protection. ${second.en}`,
      `${zhColour(frame)}${mat['zh-CN']}${s.zh}镜架，搭配${zhColour(lens)}镜片，UV400 防紫外线。${second['zh-CN']}`,
    ),
    brand,
    priceCents: price(r, SUNGLASSES_PRICE[material]),
    colours: [frame, lens],
    tags,
    tryOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Hats

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

function hat(r: Rng, index: number): Draft {
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

// ---------------------------------------------------------------------------------------------
// Earrings

type EarringStyle = EarringParams['style'];

const EARRING_STYLES: Record<
  EarringStyle,
  { en: string; short: string; zh: string; size: [number, number]; stone: number }
> = {
  stud: { en: 'Stud earrings', short: 'studs', zh: '耳钉', size: [4, 9], stone: 0.8 },
  hoop: { en: 'Hoop earrings', short: 'hoops', zh: '圈形耳环', size: [14, 40], stone: 0.25 },
  drop: { en: 'Drop earrings', short: 'drops', zh: '垂坠耳环', size: [20, 45], stone: 0.85 },
};
const EARRING_STYLE_KEYS = Object.keys(EARRING_STYLES) as EarringStyle[];

const METALS = [
  {
    colour: 'gold',
    tag: 'gold-plated',
    name: L('18K gold-plated', '18K 镀金'),
    price: [199, 1299],
  },
  {
    colour: 'silver',
    tag: 'sterling-silver',
    name: L('sterling silver', '925 纯银'),
    price: [99, 899],
  },
  {
    colour: 'rose-gold',
    tag: 'rose-gold-plated',
    name: L('rose gold-plated', '镀玫瑰金'),
    price: [159, 999],
  },
] as const;
const CRYSTAL_COLOURS = ['red', 'blue', 'green', 'pink', 'purple', 'teal', 'black'];
const EARRING_LINES = {
  everyday: L('Light enough to wear every day.', '轻巧舒适，适合日常佩戴。'),
  party: L('Made to catch the light on a night out.', '在灯光下闪闪发亮，派对必备。'),
  gift: L('Arrives in a gift box, ready to give.', '附赠礼盒，送礼很合适。'),
  minimal: L('A small, quiet detail that goes with everything.', '小巧低调，百搭不挑衣服。'),
  statement: L('Big enough to be the whole outfit.', '存在感十足，一副就能点亮整套造型。'),
} as const;
type EarringLine = keyof typeof EARRING_LINES;

function earring(r: Rng, index: number): Draft {
  const style = EARRING_STYLE_KEYS[index % EARRING_STYLE_KEYS.length] as EarringStyle;
  const s = EARRING_STYLES[style];
  const metal = r.pick(METALS);
  const brand = r.pick(BRANDS.jewellery);
  const stone = r.chance(s.stone)
    ? r.chance(0.35)
      ? 'pearl'
      : r.pick(CRYSTAL_COLOURS)
    : undefined;
  const sizeMm = r.int(...s.size);
  const lineKey: EarringLine = r.pick(
    style === 'stud'
      ? (['everyday', 'minimal', 'gift'] as const)
      : (['party', 'gift', 'statement', 'everyday'] as const),
  );
  const metalName = zhColour(metal.colour);

  let name: Localized;
  let detail: Localized;
  if (stone === 'pearl') {
    name = L(
      `${s.en} in ${enColour(metal.colour)} with pearls, by ${brand}`,
      `${brand} ${metalName}珍珠${s.zh}`,
    );
    detail = L(' set with a freshwater pearl', '，镶嵌一颗淡水珍珠');
  } else if (stone) {
    name = L(
      `${s.en} in ${enColour(metal.colour)} with ${enColour(stone)} crystals, by ${brand}`,
      `${brand} ${metalName}${s.zh}（${zhColour(stone)}水晶）`,
    );
    detail = L(` set with a ${enColour(stone)} crystal`, `，镶嵌${zhColour(stone)}水晶`);
  } else {
    name = L(`${s.en} in ${enColour(metal.colour)}, by ${brand}`, `${brand} ${metalName}${s.zh}`);
    detail = L('', '');
  }
  const size =
    style === 'drop'
      ? L(`, ${sizeMm} mm long`, `，长 ${sizeMm} 毫米`)
      : L(`, ${sizeMm} mm across`, `，直径 ${sizeMm} 毫米`);

  const tryOn: EarringParams = { kind: 'earring', style, metalColour: hex(metal.colour), sizeMm };
  if (stone) tryOn.stoneColour = hex(stone === 'pearl' ? 'white' : stone);

  const tags: string[] = [style, metal.tag, lineKey, 'women'];
  if (stone) tags.push(stone === 'pearl' ? 'pearl' : 'crystal');
  if (metal.colour === 'silver') tags.push('hypoallergenic');
  const colours: string[] = [metal.colour];
  if (stone) colours.push(stone === 'pearl' ? 'white' : stone);

  return {
    name,
    description: L(
      `${capitalise(metal.name.en)} ${s.short}${detail.en}${size.en}. ${EARRING_LINES[lineKey].en}`,
      `${metal.name['zh-CN']}${s.zh}${detail['zh-CN']}${size['zh-CN']}。${EARRING_LINES[lineKey]['zh-CN']}`,
    ),
    brand,
    priceCents: price(r, metal.price),
    colours,
    tags,
    tryOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Lipsticks

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

function lipstick(r: Rng, index: number): Draft {
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

// ---------------------------------------------------------------------------------------------
// General goods: each item kind is a tag (the picture draws from it) with its own variants.

interface Variant {
  name: Localized; // "Cotton" / "纯棉"; for electronics a feature such as "Wireless" / "无线"
  tags: string[];
}
interface ItemKind {
  tag: string;
  noun: Localized;
  variants: Variant[];
  price: [number, number];
  palette: string[];
  accents?: string[];
  tags: string[];
  lines: Localized[];
}

const V = (en: string, zh: string, ...tags: string[]): Variant => ({ name: L(en, zh), tags });

const GOODS: Record<'apparel' | 'shoes' | 'bags' | 'electronics' | 'home', ItemKind[]> = {
  apparel: [
    {
      tag: 't-shirt',
      noun: L('T-shirt', 'T恤'),
      variants: [V('Cotton', '纯棉', 'cotton'), V('Linen', '亚麻', 'linen')],
      price: [79, 299],
      palette: [
        'white',
        'black',
        'grey',
        'navy',
        'green',
        'beige',
        'pink',
        'blue',
        'red',
        'orange',
      ],
      accents: ['white', 'black', 'navy'],
      tags: ['casual', 'everyday', 'summer', 'unisex'],
      lines: [
        L('A relaxed fit that works on its own or layered.', '宽松版型，单穿叠穿都合适。'),
        L('Pre-washed, so it is soft from the first wear.', '预洗处理，第一次穿就很柔软。'),
      ],
    },
    {
      tag: 'sweater',
      noun: L('sweater', '毛衣'),
      variants: [V('Merino wool', '美利奴羊毛', 'wool'), V('Cashmere', '羊绒', 'cashmere')],
      price: [299, 899],
      palette: ['beige', 'grey', 'navy', 'burgundy', 'green', 'brown', 'white', 'black', 'pink'],
      tags: ['winter', 'classic', 'everyday'],
      lines: [
        L('A warm, breathable knit for cooler days.', '保暖透气的针织，适合微凉天气。'),
        L('Ribbed cuffs and hem that keep their shape.', '罗纹袖口和下摆，久穿不变形。'),
      ],
    },
    {
      tag: 'hoodie',
      noun: L('hoodie', '连帽衫'),
      variants: [V('Cotton fleece', '纯棉抓绒', 'cotton'), V('Organic cotton', '有机棉', 'cotton')],
      price: [199, 499],
      palette: ['grey', 'black', 'navy', 'green', 'beige', 'purple', 'orange', 'pink'],
      accents: ['white', 'black'],
      tags: ['casual', 'sport', 'unisex'],
      lines: [
        L('Brushed inside for extra warmth.', '内里磨毛，更加保暖。'),
        L('A roomy front pocket keeps hands warm.', '宽大的袋鼠口袋，暖手又实用。'),
      ],
    },
    {
      tag: 'dress',
      noun: L('dress', '连衣裙'),
      variants: [V('Linen', '亚麻', 'linen'), V('Cotton poplin', '纯棉府绸', 'cotton')],
      price: [259, 999],
      palette: [
        'red',
        'navy',
        'black',
        'green',
        'beige',
        'pink',
        'blue',
        'white',
        'coral',
        'purple',
      ],
      tags: ['women', 'summer', 'party', 'office'],
      lines: [
        L('A midi length with a gently fitted waist.', '中长款设计，腰身微收。'),
        L('Light and breathable for warm days.', '轻盈透气，适合炎热天气。'),
      ],
    },
    {
      tag: 'jacket',
      noun: L('jacket', '夹克'),
      variants: [
        V('Denim', '牛仔', 'denim'),
        V('Water-resistant nylon', '防泼水尼龙', 'nylon', 'waterproof'),
        V('Leather', '真皮', 'leather'),
      ],
      price: [399, 1499],
      palette: ['black', 'navy', 'brown', 'beige', 'green', 'blue', 'grey'],
      tags: ['casual', 'classic'],
      lines: [
        L('Easy to layer from spring to autumn.', '春秋皆宜，方便叠穿。'),
        L('Plenty of pockets for everyday carry.', '口袋充足，日常出行很方便。'),
      ],
    },
  ],
  shoes: [
    {
      tag: 'sneakers',
      noun: L('sneakers', '运动鞋'),
      variants: [
        V('Leather', '皮革', 'leather'),
        V('Canvas', '帆布', 'canvas'),
        V('Knit', '针织', 'knit', 'lightweight'),
      ],
      price: [399, 999],
      palette: ['white', 'black', 'grey', 'navy', 'green', 'beige', 'pink', 'blue'],
      accents: ['white', 'black', 'red', 'green', 'navy'],
      tags: ['casual', 'sport', 'unisex', 'everyday'],
      lines: [
        L('A cushioned sole for all-day comfort.', '缓震鞋底，久走不累。'),
        L('Goes with almost everything.', '百搭款式，怎么穿都好看。'),
      ],
    },
    {
      tag: 'boots',
      noun: L('ankle boots', '短靴'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [599, 1599],
      palette: ['black', 'brown', 'beige', 'burgundy', 'grey'],
      tags: ['winter', 'classic'],
      lines: [
        L('A sturdy sole with a low, walkable heel.', '鞋底扎实，低跟好走。'),
        L('A side zip for easy on and off.', '侧边拉链，穿脱方便。'),
      ],
    },
    {
      tag: 'loafers',
      noun: L('loafers', '乐福鞋'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [499, 1299],
      palette: ['black', 'brown', 'burgundy', 'beige', 'navy'],
      accents: ['gold', 'silver'],
      tags: ['office', 'classic'],
      lines: [
        L('Smart enough for the office, easy enough for weekends.', '通勤得体，周末也能轻松驾驭。'),
        L('A soft lining that needs no breaking in.', '柔软内里，无需磨合。'),
      ],
    },
    {
      tag: 'sandals',
      noun: L('sandals', '凉鞋'),
      variants: [V('Leather', '真皮', 'leather'), V('Woven', '编织', 'lightweight')],
      price: [199, 599],
      palette: ['beige', 'black', 'brown', 'white', 'pink', 'orange'],
      tags: ['summer', 'casual'],
      lines: [
        L('Adjustable straps and a contoured footbed.', '绑带可调节，鞋床贴合脚型。'),
        L('Light enough to pack for any trip.', '轻便好收纳，旅行必备。'),
      ],
    },
  ],
  bags: [
    {
      tag: 'tote',
      noun: L('tote bag', '托特包'),
      variants: [V('Canvas', '帆布', 'canvas'), V('Leather', '真皮', 'leather')],
      price: [199, 899],
      palette: ['beige', 'black', 'navy', 'brown', 'green', 'white', 'red'],
      accents: ['brown', 'black', 'beige'],
      tags: ['everyday', 'casual', 'office'],
      lines: [
        L(
          "Roomy enough for a laptop and the day's shopping.",
          '容量大，装得下笔记本电脑和日常采购。',
        ),
        L('An inside zip pocket keeps small things safe.', '内置拉链袋，小物件不易丢。'),
      ],
    },
    {
      tag: 'backpack',
      noun: L('backpack', '双肩包'),
      variants: [
        V('Recycled nylon', '再生尼龙', 'nylon', 'waterproof'),
        V('Waxed canvas', '油蜡帆布', 'canvas'),
      ],
      price: [299, 999],
      palette: ['black', 'grey', 'navy', 'green', 'beige', 'orange'],
      accents: ['black', 'brown'],
      tags: ['everyday', 'unisex'],
      lines: [
        L('A padded laptop sleeve and comfortable straps.', '内置电脑隔层，肩带舒适。'),
        L('Opens wide, like a suitcase, for easy packing.', '可大开口打开，收纳整理很方便。'),
      ],
    },
    {
      tag: 'crossbody',
      noun: L('crossbody bag', '斜挎包'),
      variants: [V('Leather', '真皮', 'leather'), V('Nylon', '尼龙', 'nylon', 'lightweight')],
      price: [259, 1299],
      palette: ['black', 'brown', 'burgundy', 'beige', 'pink', 'navy', 'green'],
      accents: ['gold', 'silver'],
      tags: ['everyday', 'women', 'casual'],
      lines: [
        L('An adjustable strap and a magnetic flap.', '肩带可调，磁扣翻盖。'),
        L('Just right for a phone, wallet and keys.', '刚好装下手机、钱包和钥匙。'),
      ],
    },
    {
      tag: 'clutch',
      noun: L('clutch', '手拿包'),
      variants: [V('Leather', '真皮', 'leather'), V('Suede', '麂皮', 'suede')],
      price: [199, 799],
      palette: ['black', 'gold', 'silver', 'red', 'burgundy', 'pink', 'navy'],
      tags: ['party', 'women'],
      lines: [
        L('A slim evening bag with a detachable chain.', '小巧的晚宴包，链条可拆卸。'),
        L('Fits a phone and a lipstick, and little else.', '放得下手机和一支口红，小巧精致。'),
      ],
    },
  ],
  electronics: [
    {
      tag: 'headphones',
      noun: L('headphones', '头戴式耳机'),
      variants: [
        V('Wireless noise-cancelling', '无线降噪', 'wireless', 'noise-cancelling'),
        V('Wireless', '无线', 'wireless'),
      ],
      price: [399, 2499],
      palette: ['black', 'white', 'silver', 'navy', 'beige', 'green', 'pink'],
      tags: ['modern'],
      lines: [
        L('Up to 30 hours of battery life.', '续航长达 30 小时。'),
        L('Soft memory-foam ear cushions for long listening.', '记忆海绵耳垫，久戴舒适。'),
      ],
    },
    {
      tag: 'earbuds',
      noun: L('earbuds', '入耳式耳机'),
      variants: [
        V('True wireless', '真无线', 'wireless'),
        V('Noise-cancelling', '降噪', 'wireless', 'noise-cancelling'),
      ],
      price: [199, 1299],
      palette: ['white', 'black', 'grey', 'pink', 'blue', 'green'],
      tags: ['sport', 'everyday'],
      lines: [
        L('A pocket-size charging case adds extra hours.', '小巧充电盒，随时补充电量。'),
        L('Sweat-resistant for workouts.', '防汗设计，运动时也能戴。'),
      ],
    },
    {
      tag: 'speaker',
      noun: L('Bluetooth speaker', '蓝牙音箱'),
      variants: [
        V('Portable', '便携', 'wireless'),
        V('Waterproof', '防水', 'wireless', 'waterproof'),
      ],
      price: [199, 999],
      palette: ['black', 'grey', 'blue', 'red', 'green', 'orange', 'beige'],
      tags: ['summer', 'casual'],
      lines: [
        L(
          'Room-filling sound from something the size of a water bottle.',
          '水杯大小，声音却能填满整个房间。',
        ),
        L('Pairs two speakers for stereo.', '两台可配对组成立体声。'),
      ],
    },
    {
      tag: 'smartwatch',
      noun: L('smartwatch', '智能手表'),
      variants: [V('Aluminium', '铝合金', 'aluminium'), V('Fitness', '运动', 'sport')],
      price: [699, 2999],
      palette: ['black', 'silver', 'gold', 'pink', 'navy', 'green', 'white'],
      tags: ['modern', 'waterproof'],
      lines: [
        L(
          'Tracks heart rate, sleep and workouts on the watch itself.',
          '心率、睡眠和运动数据都在手表本地记录。',
        ),
        L('Up to seven days per charge.', '一次充电可用七天。'),
      ],
    },
    {
      tag: 'power-bank',
      noun: L('power bank', '充电宝'),
      variants: [V('10,000 mAh', '10000mAh', 'lightweight'), V('20,000 mAh', '20000mAh')],
      price: [99, 299],
      palette: ['black', 'white', 'grey', 'blue', 'pink'],
      tags: ['everyday'],
      lines: [
        L('USB-C in and out, with fast charging.', 'USB-C 双向快充。'),
        L('Slim enough for a jacket pocket.', '机身轻薄，可放进外套口袋。'),
      ],
    },
  ],
  home: [
    {
      tag: 'mug',
      noun: L('mug', '马克杯'),
      variants: [V('Stoneware', '粗陶', 'ceramic', 'handmade'), V('Ceramic', '陶瓷', 'ceramic')],
      price: [39, 129],
      palette: ['white', 'beige', 'blue', 'green', 'pink', 'black', 'teal', 'orange'],
      tags: ['everyday', 'gift'],
      lines: [
        L('Holds 350 ml and is dishwasher safe.', '容量 350 毫升，可用洗碗机清洗。'),
        L('A glazed finish that feels good in the hand.', '釉面光滑，手感温润。'),
      ],
    },
    {
      tag: 'lamp',
      noun: L('table lamp', '台灯'),
      variants: [
        V('Linen-shade', '亚麻灯罩', 'linen'),
        V('Ceramic', '陶瓷', 'ceramic'),
        V('Oak', '橡木', 'wood'),
      ],
      price: [199, 899],
      palette: ['white', 'beige', 'green', 'blue', 'black', 'orange', 'pink', 'grey'],
      tags: ['modern', 'minimal'],
      lines: [
        L('A warm, dimmable light for reading corners.', '暖光可调，适合阅读角落。'),
        L('Takes a standard E27 bulb.', '使用标准 E27 灯泡。'),
      ],
    },
    {
      tag: 'vase',
      noun: L('vase', '花瓶'),
      variants: [V('Glass', '玻璃', 'glass', 'handmade'), V('Ceramic', '陶瓷', 'ceramic')],
      price: [89, 499],
      palette: ['white', 'blue', 'green', 'teal', 'pink', 'beige', 'grey', 'black'],
      tags: ['minimal', 'gift'],
      lines: [
        L('Hand-finished, so each one is slightly different.', '手工修饰，每一只都略有不同。'),
        L('Tall enough for a generous bunch of flowers.', '高度适中，插一大束花也没问题。'),
      ],
    },
    {
      tag: 'cushion',
      noun: L('cushion', '抱枕'),
      variants: [
        V('Linen', '亚麻', 'linen'),
        V('Cotton', '纯棉', 'cotton'),
        V('Knit', '针织', 'knit'),
      ],
      price: [79, 259],
      palette: ['beige', 'green', 'navy', 'pink', 'orange', 'grey', 'teal', 'white', 'brown'],
      accents: ['white', 'beige'],
      tags: ['everyday'],
      lines: [
        L('45 × 45 cm with a removable, washable cover.', '45 × 45 厘米，外套可拆洗。'),
        L('A plump feather-free filling that keeps its shape.', '饱满的无羽绒填充，久用不塌。'),
      ],
    },
    {
      tag: 'candle',
      noun: L('scented candle', '香薰蜡烛'),
      variants: [V('Fig and cedar', '无花果雪松'), V('Sea salt', '海盐'), V('Jasmine', '茉莉')],
      price: [69, 259],
      palette: ['white', 'beige', 'green', 'pink', 'black', 'brown'],
      tags: ['gift', 'handmade'],
      lines: [
        L(
          'Soy wax in a reusable glass jar, about 40 hours of burn time.',
          '大豆蜡装在可重复使用的玻璃罐中，可燃烧约 40 小时。',
        ),
      ],
    },
  ],
};

function goods(kinds: ItemKind[], brands: readonly string[]) {
  return (r: Rng, index: number): Draft => {
    // Cycle through the kinds so that every kind appears.
    const k = kinds[index % kinds.length] as ItemKind;
    const v = r.pick(k.variants);
    const main = r.pick(k.palette);
    const brand = r.pick(brands);
    const accents = k.accents?.filter((c) => c !== main) ?? [];
    const accent = accents.length > 0 && r.chance(0.3) ? r.pick(accents) : undefined;
    const line = r.pick(k.lines);
    const withAccent = accent
      ? L(` with ${enColour(accent)} accents`, `，${zhColour(accent)}点缀`)
      : L('', '');
    return {
      name: L(
        `${v.name.en} ${k.noun.en} in ${enColour(main)}, by ${brand}`,
        `${brand} ${zhColour(main)}${v.name['zh-CN']}${k.noun['zh-CN']}`,
      ),
      description: L(
        `${v.name.en} ${k.noun.en} in ${enColour(main)}${withAccent.en}. ${line.en}`,
        `${zhColour(main)}${v.name['zh-CN']}${k.noun['zh-CN']}${withAccent['zh-CN']}。${line['zh-CN']}`,
      ),
      brand,
      priceCents: price(r, k.price),
      colours: accent ? [main, accent] : [main],
      tags: [k.tag, ...v.tags, ...k.tags],
    };
  };
}

// ---------------------------------------------------------------------------------------------

/** The whole demo catalog: same products, in the same order, on every call. */
export function generateCatalog(): Product[] {
  return [
    ...makeCategory('glasses', 30, (r) => eyewear(r, false)),
    ...makeCategory('sunglasses', 30, (r) => eyewear(r, true)),
    ...makeCategory('hats', 30, hat),
    ...makeCategory('earrings', 30, earring),
    ...makeCategory('lipsticks', 30, lipstick),
    ...makeCategory('apparel', 22, goods(GOODS.apparel, BRANDS.fashion)),
    ...makeCategory('shoes', 20, goods(GOODS.shoes, BRANDS.fashion)),
    ...makeCategory('bags', 20, goods(GOODS.bags, BRANDS.fashion)),
    ...makeCategory('electronics', 20, goods(GOODS.electronics, BRANDS.electronics)),
    ...makeCategory('home', 20, goods(GOODS.home, BRANDS.home)),
  ];
}
