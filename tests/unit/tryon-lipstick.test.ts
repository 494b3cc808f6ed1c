import { describe, expect, it } from 'vitest';
import type { LipstickParams } from '../../src/lib/catalog/types';
import type { Point } from '../../src/lib/tryon/shared/geometry';
import {
  applyLipstick,
  fromLinear,
  lipLight,
  lipSpans,
  lipstickPixel,
  luminance,
  toLinear,
  type LipLight,
  type RGB,
} from '../../src/lib/tryon/shared/lipstick';
import { lipstickOver } from '../../src/lib/tryon/shared/placement';

const red: LipstickParams = { kind: 'lipstick', colour: '#c01030', finish: 'matte', opacity: 0.8 };
const dist = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(...a.map((x, i) => x - b[i]!));
/** Linear luminance of an sRGB colour. */
const lum = (c: RGB) => luminance(...(c.map(toLinear) as RGB));
const lightOf = (mean: RGB, high: RGB): LipLight => ({ mean: lum(mean), high: lum(high) });

/** Hue angle (degrees) of an sRGB colour. */
function hue([r, g, b]: RGB): number {
  const h = (Math.atan2(Math.sqrt(3) * (g - b), 2 * r - g - b) * 180) / Math.PI;
  return (h + 360) % 360;
}

describe('try-on lipstick: linear light', () => {
  it('decodes and encodes sRGB within a fifth of a level', () => {
    for (let v = 0; v < 256; v++) expect(Math.abs(fromLinear(toLinear(v)) - v)).toBeLessThan(0.2);
    expect(toLinear(0)).toBe(0);
    expect(toLinear(255)).toBe(1);
    expect(fromLinear(2)).toBe(255);
    expect(fromLinear(-1)).toBe(0);
  });
});

describe('try-on lipstick: the lips', () => {
  // A 10x6 box at (100, 50): lips from x 101 to 109, y 51 to 55, the mouth's opening a slit.
  const outer: Point[] = [
    { x: 101, y: 51 },
    { x: 109, y: 51 },
    { x: 109, y: 55 },
    { x: 101, y: 55 },
  ];
  const inner: Point[] = [
    { x: 103, y: 52.2 },
    { x: 107, y: 52.2 },
    { x: 107, y: 53.8 },
    { x: 103, y: 53.8 },
  ];
  const origin = { x: 100, y: 50 };

  it('takes the pixels inside the outer contour and outside the opening', () => {
    const rows = lipSpans(outer, inner, origin, 10, 6);
    expect(rows[0]).toEqual([]);
    expect(rows[1]).toEqual([[1, 9]]);
    expect(rows[2]).toEqual([
      [1, 3],
      [7, 9],
    ]);
    expect(rows[3]).toEqual(rows[2]);
    expect(rows[4]).toEqual([[1, 9]]);
    expect(rows[5]).toEqual([]);
  });

  it("finds the lips' mean and highlight level, skin and mouth left out", () => {
    const data = new Uint8ClampedArray(4 * 60);
    const rows = lipSpans(outer, inner, origin, 10, 6);
    for (let i = 0; i < 60; i++) data.set([255, 255, 255, 255], 4 * i); // skin and teeth: white
    let n = 0;
    rows.forEach((spans, j) => {
      for (const [a, b] of spans)
        for (let i = a; i < b; i++)
          data.set(n++ % 10 ? [120, 60, 60, 255] : [250, 200, 200, 255], 4 * (10 * j + i));
    });
    const light = lipLight({ data, width: 10, height: 6, origin }, outer, inner);
    const [dark, shine] = [lum([120, 60, 60]), lum([250, 200, 200])];
    const shines = Math.ceil(n / 10);
    expect(light.mean).toBeCloseTo((dark * (n - shines) + shine * shines) / n, 6);
    expect(light.high).toBe(shine);
    expect(lipLight({ data, width: 10, height: 6, origin }, [], [])).toEqual({ mean: 0, high: 0 });
  });

  it('colours only where the mask covers, in proportion', () => {
    const data = new Uint8ClampedArray(4 * 60).fill(200);
    const mask = new Uint8ClampedArray(4 * 60);
    mask[4 * 15 + 3] = 255; // row 1, column 5: fully covered
    mask[4 * 35 + 3] = 128; // row 3, column 5: half
    const before = data.slice();
    const light = applyLipstick({ data, width: 10, height: 6, origin }, mask, outer, inner, red);
    const px = (i: number) => [...data.slice(4 * i, 4 * i + 3)] as RGB;
    expect(px(15)).toEqual(lipstickPixel([200, 200, 200], light, red, 1).map(Math.round));
    expect(px(35)).toEqual(lipstickPixel([200, 200, 200], light, red, 128 / 255).map(Math.round));
    for (const i of [0, 14, 16, 25, 59]) expect(px(i)).toEqual([...before.slice(4 * i, 4 * i + 3)]);
    expect(data[4 * 15 + 3]).toBe(200); // alpha untouched
  });
});

describe('try-on lipstick: the colour, the light and the finish', () => {
  const lip: RGB = [200, 120, 120];
  const lips = lightOf(lip, [235, 170, 170]);

  it("moves the lips to the lipstick's colour, more for matte, and leaves them at 0 coverage", () => {
    const target: RGB = [0xc0, 0x10, 0x30];
    const matte = lipstickOver(lip, lips, red);
    const satin = lipstickOver(lip, lips, { ...red, finish: 'satin' });
    expect(dist(matte, target)).toBeLessThan(dist(lip, target) / 2);
    expect(dist(matte, target)).toBeLessThan(dist(satin, target));
    expect(Math.abs(hue(matte) - hue(target))).toBeLessThan(10);
    expect(lipstickPixel(lip, lips, red, 0)).toEqual(lip.map((v) => fromLinear(toLinear(v))));
    expect(dist(lipstickOver(lip, lips, { ...red, opacity: 0 }), lip)).toBeLessThan(0.5);
  });

  it('keeps the lines and shading: darker lip pixels stay darker, in proportion', () => {
    const line: RGB = [140, 70, 70];
    for (const finish of ['matte', 'satin', 'gloss'] as const) {
      const p = { ...red, finish };
      const [onLip, onLine] = [lipstickOver(lip, lips, p), lipstickOver(line, lips, p)];
      for (let i = 0; i < 3; i++) expect(onLine[i]!, finish).toBeLessThan(onLip[i]!);
      // A line half as bright as the lips stays well darker under the lipstick.
      expect(lum(onLine) / lum(onLip), finish).toBeLessThan(0.75);
    }
    // Matte is a little flatter than gloss.
    const ratio = (finish: LipstickParams['finish']) =>
      lum(lipstickOver(line, lips, { ...red, finish })) /
      lum(lipstickOver(lip, lips, { ...red, finish }));
    expect(ratio('matte')).toBeGreaterThan(ratio('gloss'));
  });

  it("gloss makes the lips' own highlights shine; matte dulls them", () => {
    const highlight: RGB = [245, 190, 190];
    const rise = (finish: LipstickParams['finish']) =>
      lum(lipstickOver(highlight, lips, { ...red, finish })) /
      lum(lipstickOver(lip, lips, { ...red, finish }));
    const bare = lum(highlight) / lum(lip);
    expect(rise('matte')).toBeLessThan(bare);
    expect(rise('satin')).toBeGreaterThan(rise('matte'));
    expect(rise('gloss')).toBeGreaterThan(bare);
    // The shine is whiter than the lipstick around it: less saturated.
    const g = lipstickOver(highlight, lips, { ...red, finish: 'gloss' });
    const sat = ([r, gg, b]: RGB) => (Math.max(r, gg, b) - Math.min(r, gg, b)) / Math.max(r, gg, b);
    expect(sat(g)).toBeLessThan(sat(lipstickOver(lip, lips, { ...red, finish: 'gloss' })));
  });

  it('shows the same shade on light and dark lips, in their own light', () => {
    const light: RGB = [210, 140, 140];
    const dark: RGB = [90, 45, 45];
    const opaque = { ...red, opacity: 1 };
    const onLight = lipstickOver(light, lightOf(light, light), opaque);
    const onDark = lipstickOver(dark, lightOf(dark, dark), opaque);
    // The lipstick's hue on both, darker where the lips are in less light.
    expect(Math.abs(hue(onLight) - hue([0xc0, 0x10, 0x30]))).toBeLessThan(8);
    expect(Math.abs(hue(onDark) - hue([0xc0, 0x10, 0x30]))).toBeLessThan(8);
    expect(lum(onDark)).toBeLessThan(lum(onLight));
    expect(lum(onDark)).toBeGreaterThan(lum(onLight) / 4);
  });
});
