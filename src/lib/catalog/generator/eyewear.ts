/**
 * Glasses and sunglasses: frame shape, material and colour decide the name, the price range and
 * the try-on parameters (frame and lens sizes, lens tint and opacity).
 */
import type { EyewearParams, Localized } from '../types';
import { BRANDS } from './brands';
import { L, capitalise, enColour, hex, price, round2, zhColour } from './draw';
import type { Draft, Rng } from './draw';

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

export function eyewear(r: Rng, sun: boolean): Draft {
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
