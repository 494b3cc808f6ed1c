import { describe, expect, it } from 'vitest';
import type {
  EarringParams,
  EyewearParams,
  HatParams,
  LipstickParams,
} from '../../src/lib/catalog/types';
import { generateCatalog } from '../../src/lib/catalog/generate';
import {
  distance,
  faceGeometry,
  NOSE_YAW_GAIN,
  toPixels,
} from '../../src/lib/tryon/shared/geometry';
import { checkFaces } from '../../src/lib/tryon/shared/checks';
import { matrixFromPose, radians } from '../../src/lib/tryon/shared/pose';
import {
  OUTER_EYE_DISTANCE_MM,
  place,
  placeEarrings,
  placeGlasses,
  placeHat,
  placeLipstick,
} from '../../src/lib/tryon/shared/placement';
import { syntheticFace, type FaceSpec } from './tryon-face';

const W = 640;
const H = 480;
const geometryOf = (spec: FaceSpec = {}) => faceGeometry(toPixels(syntheticFace(spec), W, H));

const glasses: EyewearParams = {
  kind: 'eyewear',
  frameShape: 'round',
  frameColour: '#222222',
  lensTint: '#333333',
  lensOpacity: 0.8,
  bridgeWidthMm: 18,
  templeWidthMm: 135,
  lensWidthMm: 52,
};
const hat: HatParams = {
  kind: 'hat',
  style: 'fedora',
  crownColour: '#553322',
  brimColour: '#553322',
  crownHeight: 0.5,
  brimWidth: 0.4,
};
const earring: EarringParams = {
  kind: 'earring',
  style: 'hoop',
  metalColour: '#d4af37',
  sizeMm: 20,
};
const lipstick: LipstickParams = {
  kind: 'lipstick',
  colour: '#b0123a',
  finish: 'gloss',
  opacity: 0.6,
};

describe('try-on placement: glasses', () => {
  it('centres the lenses between the eyes, scaled from the eye distance', () => {
    const g = geometryOf({ eyes: 0.25 });
    const p = placeGlasses(g, glasses);
    const eyesMid = (g.rightEyeCentre.x + g.leftEyeCentre.x) / 2;
    expect(p.centre.x).toBeCloseTo(eyesMid, 6);
    expect(p.centre.y).toBeGreaterThanOrEqual(g.rightEyeCentre.y);
    expect(p.centre.y - g.rightEyeCentre.y).toBeLessThan(g.eyeDistance * 0.05);
    expect(p.pxPerMmX).toBeCloseTo(g.eyeDistance / OUTER_EYE_DISTANCE_MM, 9);
    // Twice the face, twice the glasses.
    const big = placeGlasses(geometryOf({ eyes: 0.5 }), glasses);
    expect(big.pxPerMmX / p.pxPerMmX).toBeCloseTo(2, 6);
    // The front is wider than the eyes; the hinges sit outside the eye corners.
    expect(p.temples[0]!.from.x).toBeLessThan(g.rightEyeOuter.x);
    expect(p.temples[1]!.from.x).toBeGreaterThan(g.leftEyeOuter.x);
    expect(p.temples.every((t) => t.visible)).toBe(true);
  });

  it('follows the roll of the head', () => {
    const g = geometryOf({ roll: radians(15) });
    const p = placeGlasses(g, glasses);
    expect(p.roll).toBeCloseTo(radians(15), 6);
    // The hinges' line has the same slope as the eye line.
    const [r, l] = p.temples;
    expect(Math.atan2(l!.from.y - r!.from.y, l!.from.x - r!.from.x)).toBeCloseTo(radians(15), 6);
  });

  it('foreshortens across a turned face and hides the far temple', () => {
    const front = placeGlasses(geometryOf(), glasses);
    const turned = placeGlasses(geometryOf({ noseShift: 0.7 }), glasses);
    // Heights keep their size: the vertical scale grows against the horizontal one.
    const yaw = Math.asin(0.7 / NOSE_YAW_GAIN);
    expect(turned.pxPerMmY / turned.pxPerMmX).toBeCloseTo(1 / Math.cos(yaw), 6);
    expect(front.pxPerMmY).toBeCloseTo(front.pxPerMmX, 9);
    // The nose points towards the person's left: their left temple is behind the head.
    expect(turned.temples.map((t) => t.visible)).toEqual([true, false]);
    const other = placeGlasses(geometryOf({ noseShift: -0.7 }), glasses);
    expect(other.temples.map((t) => t.visible)).toEqual([false, true]);
    // A slight turn hides nothing.
    expect(
      placeGlasses(geometryOf({ noseShift: 0.1 }), glasses).temples.every((t) => t.visible),
    ).toBe(true);
  });

  it('gives each frame shape its own lens height', () => {
    const g = geometryOf();
    const round = placeGlasses(g, glasses);
    const rect = placeGlasses(g, { ...glasses, frameShape: 'rectangle' });
    expect(rect.lensHeightMm).toBeLessThan(round.lensHeightMm);
    expect(round.lensWidthMm).toBe(52);
  });
});

describe('try-on placement: hats, earrings, lipstick', () => {
  it('sets the hat band above the forehead, crown and brim from the catalog', () => {
    const g = geometryOf();
    const p = placeHat(g, hat);
    // The band sits at the top of the forehead; the crown rises well above it.
    expect(Math.abs(p.band.y - g.foreheadTop.y)).toBeLessThan(0.05 * g.faceHeight);
    expect(p.band.x).toBeCloseTo(g.foreheadTop.x, 6);
    expect(p.crownHeight).toBeGreaterThan(0.5 * g.faceHeight);
    expect(placeHat(g, { ...hat, crownHeight: 0.8 }).crownHeight).toBeCloseTo(
      (p.crownHeight * 0.8) / 0.5,
      6,
    );
    expect(p.brimWidth).toBeCloseTo(p.headWidth * 1.4, 6);
    expect(p.headWidth).toBeGreaterThan(g.faceWidth);
    const beanie = placeHat(g, { ...hat, style: 'beanie', brimWidth: 0 });
    expect(beanie.brimWidth).toBeCloseTo(beanie.headWidth, 6);
  });

  it('gives the catalog hats with a contrast band their band colour', () => {
    const hats = generateCatalog().filter((p) => p.tryOn?.kind === 'hat');
    const banded = hats.filter((p) => / band, by /.test(p.name.en));
    expect(banded.length).toBeGreaterThan(0);
    for (const p of hats)
      expect(!!(p.tryOn as HatParams).bandColour, p.name.en).toBe(banded.includes(p));
  });

  it('hangs earrings at the lobes, sized in mm, far ear hidden', () => {
    const g = geometryOf();
    const p = placeEarrings(g, earring);
    expect(p.ears.map((e) => e.at)).toEqual([g.rightEarLobe, g.leftEarLobe]);
    expect(p.ears.every((e) => e.visible)).toBe(true);
    expect(p.size).toBeCloseTo((20 * g.eyeDistance) / OUTER_EYE_DISTANCE_MM, 6);
    const turned = placeEarrings(geometryOf({ noseShift: -0.7 }), earring);
    expect(turned.ears.map((e) => e.visible)).toEqual([false, true]);
  });

  it('fills the outer lip contour and leaves the mouth opening', () => {
    const g = geometryOf();
    const p = placeLipstick(g, lipstick);
    expect(p.outer).toEqual(g.lipsOuter);
    expect(p.inner).toEqual(g.lipsInner);
  });

  it('places every try-on product of the catalog', () => {
    const g = geometryOf();
    const withTryOn = generateCatalog().filter((p) => p.tryOn);
    expect(withTryOn.length).toBeGreaterThan(20);
    for (const product of withTryOn) {
      const p = place(g, product.tryOn!);
      expect(p.params).toBe(product.tryOn);
      if (p.kind === 'eyewear') {
        // Lenses of a catalog frame reach past the eye corners but stay on the face.
        const front = p.frontWidthMm * p.pxPerMmX;
        expect(front).toBeGreaterThan(g.eyeDistance);
        expect(front).toBeLessThan(g.faceWidth * 1.3);
      }
    }
  });
});

describe('try-on face checks', () => {
  const face = (spec: FaceSpec = {}, pose = { roll: 0, yaw: 0, pitch: 0 }) => ({
    landmarks: syntheticFace(spec),
    matrix: matrixFromPose(pose),
  });

  it('accepts one clear, frontal face', () => {
    const c = checkFaces([face()], W, H);
    expect(c.ok).toBe(true);
    if (c.ok)
      expect(distance(c.geometry.rightEyeOuter, c.geometry.leftEyeOuter)).toBeGreaterThan(0);
  });

  it('names each problem', () => {
    expect(checkFaces([], W, H)).toEqual({ ok: false, issue: 'noFace' });
    expect(checkFaces([face(), face({ cx: 0.2 })], W, H)).toEqual({
      ok: false,
      issue: 'severalFaces',
    });
    expect(checkFaces([face({ eyes: 0.03 })], W, H)).toMatchObject({
      ok: false,
      issue: 'tooSmall',
    });
    // The nose at the cheek's outline: turned too far even without a matrix.
    expect(checkFaces([{ ...face({ noseShift: 0.95 }), matrix: [] }], W, H)).toMatchObject({
      ok: false,
      issue: 'tooTurned',
    });
    expect(checkFaces([{ ...face({ noseShift: 0.5 }), matrix: [] }], W, H).ok).toBe(true);
    expect(
      checkFaces([face({ noseShift: 0.8 }, { roll: 0, yaw: radians(45), pitch: 0 })], W, H),
    ).toMatchObject({
      ok: false,
      issue: 'tooTurned',
    });
    expect(checkFaces([face({}, { roll: 0, yaw: radians(50), pitch: 0 })], W, H)).toMatchObject({
      ok: false,
      issue: 'tooTurned',
    });
    expect(checkFaces([face({}, { roll: 0, yaw: 0, pitch: radians(45) })], W, H)).toMatchObject({
      ok: false,
      issue: 'tooTurned',
    });
    // Roll alone is fine: glasses follow a tilted head.
    expect(
      checkFaces([face({ roll: radians(30) }, { roll: radians(30), yaw: 0, pitch: 0 })], W, H).ok,
    ).toBe(true);
  });
});
