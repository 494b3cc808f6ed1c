/**
 * The hair mask (shared/hair.ts) on synthetic portraits: a skin-coloured face ellipse with its
 * oval, skin-sample and brow landmarks, hair around it, an exposed ear on one side, hair over the
 * other ear, a shirt below the chin and a background the "segmenter" leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/lib/tryon/shared/geometry';
import {
  FACE_OVAL,
  SKIN_SAMPLES,
  hairAlpha,
  hairCovers,
  hairMask,
  type HairInput,
} from '../../src/lib/tryon/shared/hair';

type RGB = [number, number, number];

interface Scene {
  skin?: RGB;
  hair?: RGB;
  /** A fringe over the upper forehead (inside the face oval). */
  fringe?: boolean;
  /** Brightness of the exposed ear relative to the face (a shaded ear). */
  earShade?: number;
}

const W = 200;
const H = 180;
const C = { x: 100, y: 95 }; // face centre
const A = 34; // face half width
const B = 44; // face half height

const inEllipse = (x: number, y: number, cx: number, cy: number, a: number, b: number) =>
  ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1;

/** The landmarks hair.ts reads: the oval around the ellipse, skin samples and brows inside. */
function facePoints(): Point[] {
  const pts: Point[] = Array.from({ length: 478 }, () => ({ ...C }));
  FACE_OVAL.forEach((i, k) => {
    const t = -Math.PI / 2 + (2 * Math.PI * k) / FACE_OVAL.length; // 10 at the top, clockwise
    pts[i] = { x: C.x + A * Math.cos(t), y: C.y + B * Math.sin(t) };
  });
  SKIN_SAMPLES.forEach((i, k) => {
    const t = (2 * Math.PI * k) / SKIN_SAMPLES.length;
    pts[i] = { x: C.x + 0.5 * A * Math.cos(t), y: C.y + 0.2 * B + 0.4 * B * Math.sin(t) };
  });
  [105, 66, 107].forEach((i, k) => (pts[i] = { x: C.x - 0.5 * A + 6 * k, y: C.y - 0.3 * B }));
  [334, 296, 336].forEach((i, k) => (pts[i] = { x: C.x + 0.5 * A - 6 * k, y: C.y - 0.3 * B }));
  return pts;
}

/** A small deterministic noise (skin and hair are not flat colours). */
const noise = (x: number, y: number) => (((x * 73856093) ^ (y * 19349663)) % 17) - 8;

function scene(spec: Scene = {}): HairInput & { earLeft: Point; earRight: Point } {
  const { skin = [212, 160, 134], hair = [58, 40, 30], fringe = false, earShade = 0.85 } = spec;
  const rgba = new Uint8ClampedArray(W * H * 4);
  const person = new Float32Array(W * H);
  // Ears: on the image's left an exposed, skin-coloured ear; on the right hair falls over it.
  const earLeft = { x: C.x - A - 5, y: C.y + 8 };
  const earRight = { x: C.x + A + 5, y: C.y + 8 };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      let c: RGB = [110, 140, 170]; // background (not a person)
      let p = 0;
      const face = inEllipse(x, y, C.x, C.y, A, B);
      const hairBlob =
        inEllipse(x, y, C.x, C.y - 14, A * 1.4, B * 1.05) ||
        // long on the image's right side, over that ear, down to the jaw
        (x > C.x && x < C.x + A + 16 && y > C.y - 20 && y < C.y + 30);
      const ear = inEllipse(x, y, earLeft.x, earLeft.y, 7, 12);
      if (y > C.y + B - 6 && Math.abs(x - C.x) < 60) {
        c = y > C.y + B + 12 ? [40, 60, 150] : skin; // neck, then a blue shirt
        p = 1;
      }
      if (hairBlob) [c, p] = [hair, 1];
      if (ear) [c, p] = [skin.map((v) => v * earShade) as RGB, 1];
      if (face) {
        [c, p] = [skin, 1];
        // Eyebrows: dark, inside the oval.
        if (Math.abs(y - (C.y - 0.3 * B)) < 2 && Math.abs(Math.abs(x - C.x) - 0.4 * A) < 8)
          c = [50, 35, 28];
        if (fringe && y < C.y - 0.62 * B) c = hair;
      }
      const n = p ? noise(x, y) : 0;
      rgba.set([c[0] + n, c[1] + n, c[2] + n, 255], 4 * i);
      person[i] = p;
    }
  return { width: W, height: H, rgba, person, points: facePoints(), earLeft, earRight };
}

const at = (alpha: Uint8Array, x: number, y: number) => alpha[Math.round(y) * W + Math.round(x)]!;

describe('try-on hair mask', () => {
  it('is hair above the forehead and beside the face, not on the face, background or shirt', () => {
    const s = scene();
    const alpha = hairAlpha(s);
    expect(at(alpha, C.x, C.y - B - 8)).toBeGreaterThan(200); // above the forehead
    expect(at(alpha, C.x + A + 10, C.y - 10)).toBeGreaterThan(200); // beside the face
    expect(at(alpha, C.x, C.y)).toBe(0); // nose
    expect(at(alpha, C.x - 0.5 * A, C.y + 0.1 * B)).toBe(0); // cheek
    expect(at(alpha, C.x - 0.4 * A, C.y - 0.3 * B)).toBe(0); // dark eyebrow inside the oval
    expect(at(alpha, 5, 5)).toBe(0); // background
    expect(at(alpha, C.x, C.y + B + 25)).toBe(0); // blue shirt below the chin
    // Soft edges: something between 0 and 255 along the hair's border.
    expect([...alpha].some((v) => v > 20 && v < 235)).toBe(true);
  });

  it('judges the hair-covered ear covered and the exposed (skin-coloured) ear not', () => {
    for (const earShade of [1, 0.85, 0.65]) {
      const s = scene({ earShade });
      const mask = hairMask(s, W, H);
      expect(hairCovers(mask, s.earRight, 5), `shade ${earShade}`).toBeGreaterThan(0.8);
      expect(hairCovers(mask, s.earLeft, 5), `shade ${earShade}`).toBeLessThan(0.1);
    }
  });

  it('finds a fringe over the upper forehead', () => {
    const alpha = hairAlpha(scene({ fringe: true }));
    expect(at(alpha, C.x, C.y - 0.8 * B)).toBeGreaterThan(200);
    expect(at(alpha, C.x, C.y - 0.9 * B)).toBeGreaterThan(200);
    expect(at(alpha, C.x, C.y)).toBe(0);
    // Without a fringe the upper forehead is skin.
    expect(at(hairAlpha(scene()), C.x, C.y - 0.8 * B)).toBe(0);
  });

  it('tells blond, grey and red hair from fair and dark skin', () => {
    const cases: [string, RGB, RGB][] = [
      ['blond on fair', [205, 172, 112], [236, 196, 176]],
      ['grey on fair', [172, 170, 168], [236, 196, 176]],
      ['red on fair', [170, 78, 40], [236, 196, 176]],
      ['black on dark', [22, 18, 17], [120, 78, 56]],
      ['grey on dark', [175, 173, 170], [120, 78, 56]],
    ];
    for (const [name, hair, skin] of cases) {
      const s = scene({ hair, skin });
      const mask = hairMask(s, W, H);
      expect(at(mask.alpha, C.x, C.y - B - 8), name).toBeGreaterThan(200);
      expect(hairCovers(mask, s.earRight, 5), name).toBeGreaterThan(0.7);
      expect(hairCovers(mask, s.earLeft, 5), name).toBeLessThan(0.1);
      expect(at(mask.alpha, C.x, C.y), name).toBe(0);
    }
  });

  it('maps frame pixels to the mask: a mask at half the frame size', () => {
    const s = scene();
    const mask = hairMask(s, 2 * W, 2 * H);
    expect(mask).toMatchObject({ width: W, height: H, scaleX: 2, scaleY: 2 });
    const frame = (p: Point) => ({ x: 2 * p.x, y: 2 * p.y });
    expect(hairCovers(mask, frame(s.earRight), 10)).toBeGreaterThan(0.8);
    expect(hairCovers(mask, frame(s.earLeft), 10)).toBeLessThan(0.1);
    expect(hairCovers(mask, { x: -50, y: -50 }, 10)).toBe(0);
    expect(hairCovers(mask, frame({ x: C.x, y: C.y - B - 8 }), 0.1)).toBeGreaterThan(0.8);
  });

  it("is no hair beyond about one face width from the face's sides, nor below the chin", () => {
    const s = scene();
    // Hair-coloured person pixels far to the side (a bag strap, a second person) and below the
    // chin (a brown jumper) are not hair.
    const rgba = new Uint8ClampedArray(s.rgba as Uint8ClampedArray);
    const person = new Float32Array(s.person as Float32Array);
    const paint = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          rgba.set([58, 40, 30, 255], 4 * (y * W + x));
          person[y * W + x] = 1;
        }
    };
    paint(0, 12, 60, 100);
    paint(60, 140, C.y + B + 12, H);
    // A smaller face (points scaled to half about its centre): one face width is about 33 px.
    const points = s.points.map((p) => ({ x: C.x + (p.x - C.x) / 2, y: C.y + (p.y - C.y) / 2 }));
    const alpha = hairAlpha({ ...s, rgba, person, points });
    expect(at(alpha, 5, 80)).toBe(0);
    expect(at(alpha, 40, 70)).toBe(0);
    expect(at(alpha, C.x + 40, C.y - 10)).toBeGreaterThan(200);
    expect(at(alpha, C.x, C.y + B + 20)).toBe(0);
  });

  it('is no hair where a dark collar shows under a bare ear (hair hangs from above)', () => {
    const s = scene();
    const rgba = new Uint8ClampedArray(s.rgba as Uint8ClampedArray);
    const person = new Float32Array(s.person as Float32Array);
    // A collar the hair's colour beside the jaw, above the chin line, under the exposed ear.
    for (let y = C.y + 24; y < C.y + 40; y++)
      for (let x = C.x - A - 8; x < C.x - A + 2; x++) {
        rgba.set([58, 40, 30, 255], 4 * (y * W + x));
        person[y * W + x] = 1;
      }
    const alpha = hairAlpha({ ...s, rgba, person });
    expect(at(alpha, C.x - A - 3, C.y + 32)).toBe(0);
    // The same colour hanging from the hair above it is hair (the covered ear's side).
    expect(at(alpha, C.x + A + 8, C.y + 20)).toBeGreaterThan(200);
  });
});
