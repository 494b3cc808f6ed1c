/**
 * The light estimate (shared/light.ts) on synthetic faces: an ellipsoid "head" rendered Lambert-lit
 * (ambient + one key light, a coloured light on a neutral skin albedo) into an RGBA buffer, with
 * each skin patch's landmark where the ellipsoid's normal is the patch's assumed normal.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/lib/tryon/shared/geometry';
import { estimateLight, PATCHES, SKIN_ALBEDO, type Vec3 } from '../../src/lib/tryon/shared/light';

const W = 240;
const H = 240;
const C = { x: 120, y: 115 };
const [A, B, D] = [48, 62, 40]; // ellipsoid half width, half height, depth (px)

interface Light {
  key: Vec3; // towards the light, view space (x right, y up, z to the camera)
  keyIntensity?: number;
  ambient?: number;
  color?: Vec3;
  /** In-plane roll of the head, radians (positive: clockwise on screen). */
  roll?: number;
}

const norm = (v: Vec3): Vec3 => {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
};
const toSrgb = (c: number) =>
  Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055));

/** Face frame (x right, y up) to image offsets, rolled. */
const rolled = (x: number, y: number, roll: number) => ({
  dx: x * Math.cos(roll) + y * Math.sin(roll),
  dy: x * Math.sin(roll) - y * Math.cos(roll),
});

function render(light: Light): { rgba: Uint8ClampedArray; points: Point[] } {
  const { keyIntensity = 0.7, ambient = 0.3, color = [1, 1, 1], roll = 0 } = light;
  const L = norm(light.key);
  const rgba = new Uint8ClampedArray(W * H * 4);
  for (let py = 0; py < H; py++)
    for (let px = 0; px < W; px++) {
      // Image offset to the face's frame (undo the roll).
      const ix = px + 0.5 - C.x;
      const iy = py + 0.5 - C.y;
      const x = ix * Math.cos(roll) + iy * Math.sin(roll);
      const y = ix * Math.sin(roll) - iy * Math.cos(roll);
      const q = 1 - (x / A) ** 2 - (y / B) ** 2;
      let rgb: Vec3 = [0.05, 0.06, 0.07]; // dark background
      if (q > 0) {
        const z = D * Math.sqrt(q);
        const n = norm([x / A ** 2, y / B ** 2, z / D ** 2]);
        // The normal back into view space: rolled like the head (view y is up, image y down).
        const r = rolled(n[0], n[1], roll);
        const nv: Vec3 = [r.dx, -r.dy, n[2]];
        const shade =
          ambient + keyIntensity * Math.max(0, nv[0] * L[0] + nv[1] * L[1] + nv[2] * L[2]);
        rgb = [0, 1, 2].map((c) => Math.min(1, SKIN_ALBEDO[c]! * color[c]! * shade)) as Vec3;
      }
      rgba.set([...rgb.map(toSrgb), 255], 4 * (py * W + px));
    }
  // Landmarks: each patch where the ellipsoid's normal is the patch's; the face frame's points.
  const points: Point[] = Array.from({ length: 478 }, () => ({ ...C }));
  const place = (i: number, x: number, y: number) => {
    const { dx, dy } = rolled(x, y, roll);
    points[i] = { x: C.x + dx, y: C.y + dy };
  };
  for (const {
    landmark,
    normal: [nx, ny, nz],
  } of PATCHES) {
    const s = Math.sqrt(A * A * nx * nx + B * B * ny * ny + D * D * nz * nz);
    place(landmark, (A * A * nx) / s, (B * B * ny) / s);
  }
  place(234, -A, 0);
  place(454, A, 0);
  place(10, 0, B);
  place(152, 0, -B);
  return { rgba, points };
}

const estimate = (light: Light) => {
  const { rgba, points } = render(light);
  const e = estimateLight(rgba, W, H, points);
  if (!e) throw new Error('no estimate');
  return e;
};

describe('try-on light estimate', () => {
  it('points the key light to the lit side: left, right, above, in front', () => {
    const left = estimate({ key: [-0.7, 0.1, 0.7] });
    expect(left.key.direction[0]).toBeLessThan(-0.3);
    const right = estimate({ key: [0.7, 0.1, 0.7] });
    expect(right.key.direction[0]).toBeGreaterThan(0.3);
    const above = estimate({ key: [0, 0.7, 0.7] });
    expect(above.key.direction[1]).toBeGreaterThan(0.3);
    expect(Math.abs(above.key.direction[0])).toBeLessThan(0.1);
    const below = estimate({ key: [0, -0.6, 0.8] });
    expect(below.key.direction[1]).toBeLessThan(-0.2);
    const front = estimate({ key: [0, 0, 1] });
    expect(front.key.direction[2]).toBeGreaterThan(0.9);
    for (const e of [left, right, above, below, front]) {
      expect(Math.hypot(...e.key.direction)).toBeCloseTo(1, 6);
      expect(e.key.direction[2]).toBeGreaterThan(0);
      expect(e.patches).toBe(PATCHES.length);
    }
  });

  it('keeps the direction in view space when the head is rolled', () => {
    for (const roll of [-0.5, 0.4]) {
      const left = estimate({ key: [-0.7, 0, 0.7], roll });
      expect(left.key.direction[0], `roll ${roll}`).toBeLessThan(-0.3);
      expect(Math.abs(left.key.direction[1]), `roll ${roll}`).toBeLessThan(0.2);
      const above = estimate({ key: [0, 0.7, 0.7], roll });
      expect(above.key.direction[1], `roll ${roll}`).toBeGreaterThan(0.3);
      expect(Math.abs(above.key.direction[0]), `roll ${roll}`).toBeLessThan(0.2);
    }
  });

  it('reads a hard side light as a higher key/ambient ratio than a soft frontal one', () => {
    const hard = estimate({ key: [-0.8, 0, 0.6], keyIntensity: 0.9, ambient: 0.1 });
    const soft = estimate({ key: [0, 0, 1], keyIntensity: 0.2, ambient: 0.7 });
    expect(hard.ratio).toBeGreaterThan(2 * soft.ratio);
    expect(hard.ambientIntensity).toBeLessThan(soft.ambientIntensity);
    for (const e of [hard, soft]) {
      expect(e.ambientIntensity + e.key.intensity).toBeLessThanOrEqual(1 + 1e-9);
      expect(e.ambientIntensity).toBeGreaterThan(0);
    }
  });

  it('gives a warm ambient for a warm light, a cool one for a cool light, white for white', () => {
    const warm = estimate({ key: [0.3, 0.2, 0.9], color: [1, 0.8, 0.55] });
    expect(warm.color[0]).toBeCloseTo(1, 6);
    expect(warm.color[2]).toBeLessThan(0.75);
    expect(warm.ambient[0]).toBeGreaterThan(warm.ambient[2]);
    const cool = estimate({ key: [0.3, 0.2, 0.9], color: [0.7, 0.85, 1] });
    expect(cool.color[2]).toBeCloseTo(1, 6);
    expect(cool.color[0]).toBeLessThan(0.8);
    const white = estimate({ key: [0.3, 0.2, 0.9] });
    for (const c of white.color) expect(c).toBeGreaterThan(0.95);
    // A dimmer scene reads dimmer.
    const dim = estimate({ key: [0.3, 0.2, 0.9], keyIntensity: 0.25, ambient: 0.1 });
    expect(dim.ambientIntensity + dim.key.intensity).toBeLessThan(
      0.8 * (white.ambientIntensity + white.key.intensity),
    );
  });

  it('has no estimate without skin patches in the frame', () => {
    const { rgba, points } = render({ key: [0, 0, 1] });
    const away = points.map((p) => ({ x: p.x + 1000, y: p.y }));
    expect(estimateLight(rgba, W, H, away)).toBeNull();
  });
});
