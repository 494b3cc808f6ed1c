/** Earrings: studs, hoops and drops in turn, in one of three metals, with or without a stone. */
import type { EarringParams, Localized } from '../types';
import { BRANDS } from './brands';
import { L, capitalise, enColour, hex, price, zhColour } from './draw';
import type { Draft, Rng } from './draw';

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

export function earring(r: Rng, index: number): Draft {
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
