import { describe, expect, it } from 'vitest';
import {
  faceGeometry,
  imageYaw,
  NOSE_YAW_GAIN,
  LIPS_INNER,
  LIPS_OUTER,
  toPixels,
} from '../../src/lib/tryon/shared/geometry';
import { OneEuroFilter, PointsFilter } from '../../src/lib/tryon/shared/one-euro';
import { degrees, matrixFromPose, poseFromMatrix, radians } from '../../src/lib/tryon/shared/pose';
import { FaceTracker } from '../../src/lib/tryon/shared/tracker';
import { syntheticFace } from './tryon-face';

const W = 640;
const H = 480;
const geometryOf = (spec = {}) => faceGeometry(toPixels(syntheticFace(spec), W, H));

describe('try-on face geometry', () => {
  it('reads eye corners, face size and lips from the 478-point mesh', () => {
    const g = geometryOf({ eyes: 0.25 });
    expect(g.eyeDistance).toBeCloseTo(0.25 * W, 6);
    expect(g.roll).toBeCloseTo(0, 9);
    expect(g.rightEyeOuter.x).toBeLessThan(g.leftEyeOuter.x);
    expect(g.faceHeight).toBeGreaterThan(g.eyeDistance);
    expect(g.lipsOuter).toHaveLength(20);
    expect(g.lipsInner).toHaveLength(20);
    expect(new Set([...LIPS_OUTER, ...LIPS_INNER]).size).toBe(40);
    // The eye centres sit between each eye's corners.
    expect(g.rightEyeCentre.x).toBeGreaterThan(g.rightEyeOuter.x);
    expect(g.rightEyeCentre.x).toBeLessThan(g.rightEyeInner.x);
  });

  it('puts the ear lobes outside and below the jaw under each ear', () => {
    const g = geometryOf();
    expect(g.rightEarLobe.x).toBeLessThan(g.rightFaceSide.x + 1);
    expect(g.leftEarLobe.x).toBeGreaterThan(g.leftFaceSide.x - 1);
    expect(g.rightEarLobe.y).toBeGreaterThan(g.rightEyeOuter.y);
    expect(g.leftEarLobe.y).toBeCloseTo(g.rightEarLobe.y, 6);
  });

  it('measures roll from the eye line', () => {
    expect(degrees(geometryOf({ roll: radians(20) }).roll)).toBeCloseTo(20, 6);
    expect(degrees(geometryOf({ roll: radians(-15) }).roll)).toBeCloseTo(-15, 6);
  });

  it('reads yaw from the nose between the cheeks, with a sign that mirroring keeps', () => {
    expect(imageYaw(geometryOf())).toBeCloseTo(0, 9);
    // The nose a quarter of the way to the cheek: 2t-1 = 0.5, halved for the nose's depth.
    const turned = geometryOf({ noseShift: 0.5 });
    expect(imageYaw(turned)).toBeCloseTo(Math.asin(0.5 / NOSE_YAW_GAIN), 9);
    expect(imageYaw(geometryOf({ noseShift: -0.5 }))).toBeLessThan(0);
    // Mirrored frame: x -> W - x. The person's sides swap places in the image, yaw stays.
    const mirrored = faceGeometry(
      toPixels(syntheticFace({ noseShift: 0.5 }), W, H).map((p) => ({ x: W - p.x, y: p.y })),
    );
    expect(imageYaw(mirrored)).toBeCloseTo(imageYaw(turned), 9);
  });

  it('needs all 478 points', () => {
    expect(() => faceGeometry(toPixels(syntheticFace().slice(0, 100), W, H))).toThrow(/478/);
  });
});

describe('try-on pose from the facial transformation matrix', () => {
  it('reads back roll, yaw and pitch', () => {
    for (const pose of [
      { roll: 0, yaw: 0, pitch: 0 },
      { roll: radians(10), yaw: radians(-25), pitch: radians(12) },
      { roll: radians(-30), yaw: radians(40), pitch: radians(-20) },
    ]) {
      const back = poseFromMatrix(matrixFromPose(pose));
      expect(back.roll).toBeCloseTo(pose.roll, 9);
      expect(back.yaw).toBeCloseTo(pose.yaw, 9);
      expect(back.pitch).toBeCloseTo(pose.pitch, 9);
    }
  });

  it('ignores a uniform scale and rejects a wrong size', () => {
    const m = matrixFromPose({ roll: 0.2, yaw: 0.3, pitch: -0.1 }).map((v, i) =>
      i < 12 ? v * 1.7 : v,
    );
    expect(poseFromMatrix(m).yaw).toBeCloseTo(0.3, 9);
    expect(() => poseFromMatrix([1, 0, 0])).toThrow();
  });
});

describe('try-on One Euro filter', () => {
  it('passes a constant through and follows a step', () => {
    const f = new OneEuroFilter();
    for (let t = 0; t < 500; t += 33) expect(f.filter(5, t)).toBe(5);
    let v = 0;
    for (let t = 533; t < 3000; t += 33) v = f.filter(10, t);
    expect(v).toBeGreaterThan(9.9);
  });

  it('damps jitter on a still point', () => {
    const f = new OneEuroFilter({ minCutoff: 1, beta: 0 });
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 4;
    const raw: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 100 + noise();
      raw.push(x);
      out.push(f.filter(x, i * 33));
    }
    const spread = (a: number[]) => {
      const tail = a.slice(50);
      const m = tail.reduce((s, x) => s + x, 0) / tail.length;
      return Math.sqrt(tail.reduce((s, x) => s + (x - m) ** 2, 0) / tail.length);
    };
    expect(spread(out)).toBeLessThan(spread(raw) / 2);
  });

  it('lags less on fast motion with a higher beta', () => {
    const lag = (beta: number) => {
      const f = new OneEuroFilter({ minCutoff: 1, beta });
      let y = 0;
      for (let i = 0; i <= 30; i++) y = f.filter(i * 20, i * 33);
      return 600 - y;
    };
    expect(lag(0.05)).toBeLessThan(lag(0) / 2);
  });

  it('starts afresh after reset, and filters points coordinate by coordinate', () => {
    const f = new OneEuroFilter();
    f.filter(0, 0);
    f.filter(100, 33);
    f.reset();
    expect(f.filter(50, 66)).toBe(50);
    const pf = new PointsFilter();
    expect(pf.filter([{ x: 1, y: 2 }], 0)).toEqual([{ x: 1, y: 2 }]);
    const next = pf.filter([{ x: 11, y: 2 }], 33)[0]!;
    expect(next.x).toBeGreaterThan(1);
    expect(next.x).toBeLessThan(11);
    expect(next.y).toBe(2);
  });
});

describe('try-on face tracker', () => {
  const pts = [{ x: 10, y: 10, z: 0 }];
  it('holds the last pose briefly, then resets when the face is lost', () => {
    const t = new FaceTracker({ holdMs: 300 });
    expect(t.update(pts, 0)).toEqual({ points: pts, held: false });
    expect(t.update(null, 200)).toEqual({ points: pts, held: true });
    expect(t.update(null, 400)).toBeNull();
    // After the reset a new face is taken as it is, not smoothed towards the old one.
    expect(t.update([{ x: 200, y: 50, z: 0 }], 433)).toEqual({
      points: [{ x: 200, y: 50, z: 0 }],
      held: false,
    });
  });

  it('smooths a moving face', () => {
    const t = new FaceTracker();
    t.update([{ x: 0, y: 0, z: 0 }], 0);
    const moved = t.update([{ x: 30, y: 0, z: 0 }], 33)!;
    expect(moved.points[0]!.x).toBeGreaterThan(0);
    expect(moved.points[0]!.x).toBeLessThan(30);
  });
});
