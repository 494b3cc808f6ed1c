/**
 * Lipstick, pixel by pixel: the colour comes from the lipstick, the light and texture from the
 * lips. Each lip pixel's luminance relative to the lips' mean (its lines, shading and highlights)
 * modulates the lipstick's colour, laid over the lip at the lipstick's opacity; the finish decides
 * how much of the lips' own highlights stay and how much shine is added. All in linear light, so
 * light and dark lips both keep a natural look. Pure maths: client/render.ts reads the frame's
 * pixels around the mouth, runs them through here and writes them back; tests use the same code.
 */
import type { LipstickParams } from '../../catalog/types';
import type { Point } from './geometry';

export type RGB = [number, number, number];

/**
 * What each finish does with the lips' light. `s` is a pixel's luminance relative to the lips'
 * mean (1 at the mean): the lipstick's shading is 1 + (s - 1) × `shade` below the mean and
 * × `highlights` above it (matte flattens and dulls the lips' own highlights, gloss keeps them).
 * `opacity` scales the product's own. `specular` lifts the lips' brightest pixels (their own
 * highlights, see LipLight.high) towards white, `sheen` lays a faint white over the lit lip.
 */
export const FINISHES = {
  matte: { opacity: 1.12, shade: 0.8, highlights: 0.3, specular: 0, sheen: 0 },
  satin: { opacity: 1, shade: 0.9, highlights: 0.75, specular: 0.2, sheen: 0.015 },
  gloss: { opacity: 0.92, shade: 1.1, highlights: 1.1, specular: 0.6, sheen: 0.04 },
} as const satisfies Record<LipstickParams['finish'], Record<string, number>>;

/** The lips' texture is kept up to this many times their mean luminance (a strong highlight). */
const MAX_RELATIVE = 4;
/**
 * How much of the lips' own light the lipstick takes: at the lips' mean it shows its colour with
 * its luminance moved this far (geometrically) towards theirs, so an orange on lips in a dim
 * photo is a dimmer orange, not a glowing sticker; within these bounds.
 */
const TAKES_LIGHT = 0.4;
const LIGHT_RANGE = [0.45, 1.2] as const;
/** The share of lip pixels brighter than LipLight.high: the lips' own highlights. */
const HIGHLIGHT_SHARE = 0.05;

/* ------------------------------------------------------------------------------ sRGB <-> linear */

/** sRGB 0..255 to linear light 0..1, exactly, for every 8-bit value. */
const DECODE = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const ENCODE_STEPS = 16384;
/** Linear 0..1 (in 1/16384 steps) to sRGB 0..255: within 0.2 of the exact value, fast. */
const ENCODE = Float32Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => {
  const l = i / ENCODE_STEPS;
  return 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);
});

/** An sRGB value 0..255 (rounded to the nearest 8-bit value) in linear light. */
export const toLinear = (v: number): number => DECODE[Math.min(255, Math.max(0, Math.round(v)))]!;
/** A linear value (clamped to 0..1) as sRGB 0..255. */
export const fromLinear = (l: number): number =>
  ENCODE[Math.round(Math.min(1, Math.max(0, l)) * ENCODE_STEPS)]!;

/** Rec. 709 luminance of a linear colour. */
export const luminance = (r: number, g: number, b: number): number =>
  0.2126 * r + 0.7152 * g + 0.0722 * b;

/* ---------------------------------------------------------------------------- the lips' pixels */

/**
 * The pixels whose centres lie on the lips (inside the outer contour, outside the mouth's
 * opening), row by row of a `width` x `height` box at `origin`: [first, end) columns in the box.
 */
export function lipSpans(
  outer: readonly Point[],
  inner: readonly Point[],
  origin: Point,
  width: number,
  height: number,
): [number, number][][] {
  const rows: [number, number][][] = [];
  const xs: number[] = [];
  for (let j = 0; j < height; j++) {
    const y = origin.y + j + 0.5;
    xs.length = 0;
    // Even-odd over both contours' edges: inside the outer one and not inside the inner one.
    for (const poly of [outer, inner])
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i]!;
        const b = poly[(i + 1) % poly.length]!;
        if (a.y <= y !== b.y <= y) xs.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
      }
    xs.sort((p, q) => p - q);
    const spans: [number, number][] = [];
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const first = Math.max(0, Math.ceil(xs[k]! - origin.x - 0.5));
      const end = Math.min(width, Math.ceil(xs[k + 1]! - origin.x - 0.5));
      if (end > first) spans.push([first, end]);
    }
    rows.push(spans);
  }
  return rows;
}

/** RGBA pixels of a box (as getImageData gives them), `width` x `height` at `origin`. */
export interface PixelBox {
  data: ArrayLike<number>;
  width: number;
  height: number;
  origin: Point;
}

/** The lips' light, in linear luminance 0..1. */
export interface LipLight {
  /** Their mean. */
  mean: number;
  /** Their highlights' level: all but the brightest HIGHLIGHT_SHARE of the lips are darker. */
  high: number;
}

/** The light of the lips in the box (their pixels by lipSpans); zeros when there are none. */
export function lipLight(
  box: PixelBox,
  outer: readonly Point[],
  inner: readonly Point[],
): LipLight {
  const { data, width, height, origin } = box;
  const ys: number[] = [];
  lipSpans(outer, inner, origin, width, height).forEach((spans, j) => {
    for (const [first, end] of spans)
      for (let i = first; i < end; i++) {
        const o = 4 * (j * width + i);
        ys.push(luminance(DECODE[data[o]!]!, DECODE[data[o + 1]!]!, DECODE[data[o + 2]!]!));
      }
  });
  if (!ys.length) return { mean: 0, high: 0 };
  const sorted = Float64Array.from(ys).sort();
  const mean = sorted.reduce((a, y) => a + y, 0) / sorted.length;
  const high = sorted[Math.floor((1 - HIGHLIGHT_SHARE) * (sorted.length - 1))]!;
  return { mean, high };
}

/* ------------------------------------------------------------------------------- the lipstick */

/** A lipstick made ready for many pixels: its colour in linear light and its finish. */
export interface LipstickShader {
  colour: RGB;
  /** Its opacity with the finish's, 0..1. */
  opacity: number;
  finish: (typeof FINISHES)[LipstickParams['finish']];
}

export function lipstickShader(p: LipstickParams): LipstickShader {
  const hex = p.colour.replace('#', '');
  const colour = [0, 2, 4].map((i) => DECODE[parseInt(hex.slice(i, i + 2), 16) || 0]!) as RGB;
  const finish = FINISHES[p.finish] ?? FINISHES.satin;
  return { colour, opacity: Math.min(1, Math.max(0, p.opacity * finish.opacity)), finish };
}

/** The lipstick's colour (linear) where the lips are at their mean luminance, in their light. */
export function litColour(l: LipstickShader, lips: LipLight): RGB {
  const y = luminance(...l.colour);
  const k = y > 0 && lips.mean > 0 ? (lips.mean / y) ** TAKES_LIGHT : 1;
  const light = Math.min(LIGHT_RANGE[1], Math.max(LIGHT_RANGE[0], k));
  return l.colour.map((c) => c * light) as RGB;
}

/**
 * One pixel, in place: linear `rgb` of the bare lip becomes the lip wearing the lipstick of
 * colour `lit` (litColour), given the lips' light and the lipstick's `coverage` there (0..1).
 */
export function shadeLinear(
  rgb: RGB,
  lips: LipLight,
  l: LipstickShader,
  lit: RGB,
  coverage: number,
): void {
  if (coverage <= 0) return;
  const f = l.finish;
  const { mean, high } = lips;
  const [r, g, b] = rgb;
  const y = luminance(r, g, b);
  // Where this pixel stands in the lips' light: its lines, shading and highlights.
  const s = mean > 0 ? Math.min(MAX_RELATIVE, y / mean) : 1;
  const shade = Math.max(0, 1 + (s - 1) * (s < 1 ? f.shade : f.highlights));
  const a = l.opacity * coverage;
  // White light on top of the lipstick: the lips' own highlights made shine, and a faint sheen.
  const glint = Math.min(2, Math.max(0, (y - mean) / Math.max(high - mean, 0.05 * mean)));
  const lift = coverage * mean * (f.specular * glint * glint + f.sheen * shade);
  for (let c = 0; c < 3; c++) rgb[c] = (1 - a) * rgb[c]! + a * shade * lit[c]! + lift;
}

/**
 * The colour (sRGB 0..255) that a lip pixel `under` takes with the lipstick on, where the lips'
 * light is `lips` (see lipLight) and the lipstick covers `coverage` (the soft mask, 0..1).
 */
export function lipstickPixel(under: RGB, lips: LipLight, p: LipstickParams, coverage = 1): RGB {
  const l = lipstickShader(p);
  const rgb = under.map(toLinear) as RGB;
  shadeLinear(rgb, lips, l, litColour(l, lips), Math.min(1, Math.max(0, coverage)));
  return rgb.map(fromLinear) as RGB;
}

/**
 * Every lip pixel of an RGBA box, in place: the alpha (0..255) of `mask`, an RGBA box of the same
 * size (the soft lip mask), says how much lipstick each one wears. Returns the lips' light
 * it used.
 */
export function applyLipstick(
  box: PixelBox,
  mask: ArrayLike<number>,
  outer: readonly Point[],
  inner: readonly Point[],
  p: LipstickParams,
): LipLight {
  const lips = lipLight(box, outer, inner);
  const l = lipstickShader(p);
  const lit = litColour(l, lips);
  const d = box.data as Uint8ClampedArray | number[];
  const rgb: RGB = [0, 0, 0];
  for (let o = 0, n = 4 * box.width * box.height; o < n; o += 4) {
    const cov = mask[o + 3]!;
    if (!cov) continue;
    rgb[0] = DECODE[d[o]!]!;
    rgb[1] = DECODE[d[o + 1]!]!;
    rgb[2] = DECODE[d[o + 2]!]!;
    shadeLinear(rgb, lips, l, lit, cov / 255);
    // Uint8ClampedArray rounds.
    d[o] = fromLinear(rgb[0]);
    d[o + 1] = fromLinear(rgb[1]);
    d[o + 2] = fromLinear(rgb[2]);
  }
  return lips;
}
