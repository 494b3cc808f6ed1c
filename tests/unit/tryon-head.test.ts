/**
 * The head's pose from 3D landmarks (shared/head.ts) and where the 3D products sit on it
 * (shared/placement3d.ts), on a synthetic head: the landmarks the two read, at the head-space
 * positions measured on the portraits in ../shared/data/faces, turned and projected to pixels.
 */
import { describe, expect, it } from 'vitest';
import type { EarringParams, EyewearParams, HatParams } from '../../src/lib/catalog/types';
import { distance, faceGeometry, LM, type Point3 } from '../../src/lib/tryon/shared/geometry';
import {
  headFrame,
  headToView,
  landmarkInHead,
  OUTER_EYE_DISTANCE_MM,
  viewToHead,
  type Vec3,
} from '../../src/lib/tryon/shared/head';
import { lobeInHead, place3d } from '../../src/lib/tryon/shared/placement3d';
import { radians } from '../../src/lib/tryon/shared/pose';

/** Head-space millimetres (origin at the nose bridge, +x to the wearer's left, +y up, +z out). */
const HEAD: Record<number, Vec3> = {
  [LM.noseBridge]: [0, 0, 0],
  [LM.rightEyeOuter]: [-45, -6, -22],
  [LM.leftEyeOuter]: [45, -6, -22],
  [LM.rightEyeInner]: [-15, -6, -12],
  [LM.leftEyeInner]: [15, -6, -12],
  [LM.rightEyeTop]: [-30, -1, -14],
  [LM.rightEyeBottom]: [-30, -11, -14],
  [LM.leftEyeTop]: [30, -1, -14],
  [LM.leftEyeBottom]: [30, -11, -14],
  [LM.noseTip]: [0, -42, 25],
  [LM.foreheadTop]: [0, 47, -8],
  [LM.chin]: [0, -115, -8],
  [LM.rightTemple]: [-70, -15, -71],
  [LM.leftTemple]: [70, -15, -71],
  [LM.rightFaceSide]: [-70, -30, -74],
  [LM.leftFaceSide]: [70, -30, -74],
  [LM.rightJawUnderEar]: [-66, -60, -70],
  [LM.leftJawUnderEar]: [66, -60, -70],
};

interface Pose {
  yaw?: number;
  roll?: number;
  pitch?: number;
  /** Pixels per millimetre, and where the nose bridge is in the frame. */
  scale?: number;
  at?: [number, number];
}

/** The rotation R = Rz(roll) Ry(yaw) Rx(pitch) of a head-space vector into view space. */
function rotate([x, y, z]: Vec3, { yaw = 0, roll = 0, pitch = 0 }: Pose): Vec3 {
  const [y1, z1] = [
    y * Math.cos(pitch) - z * Math.sin(pitch),
    y * Math.sin(pitch) + z * Math.cos(pitch),
  ];
  const [x2, z2] = [
    x * Math.cos(yaw) + z1 * Math.sin(yaw),
    -x * Math.sin(yaw) + z1 * Math.cos(yaw),
  ];
  return [x2 * Math.cos(roll) - y1 * Math.sin(roll), x2 * Math.sin(roll) + y1 * Math.cos(roll), z2];
}

/** 478 landmarks in pixels (z away from the camera), the unread ones at the nose bridge. */
function syntheticHead(pose: Pose = {}): Point3[] {
  const { scale = 3, at = [320, 200] } = pose;
  const pixel = (h: Vec3): Point3 => {
    const v = rotate(h, pose);
    return { x: at[0] + scale * v[0], y: at[1] - scale * v[1], z: -scale * v[2] };
  };
  const mesh = Array.from({ length: 478 }, () => pixel([0, 0, 0]));
  for (const [i, h] of Object.entries(HEAD)) mesh[Number(i)] = pixel(h);
  return mesh;
}

const close = (a: readonly number[], b: readonly number[], eps = 1e-6) =>
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, -Math.log10(eps)));

describe('head frame', () => {
  it('reads the turn and the scale back from the landmarks', () => {
    for (const pose of [{}, { yaw: radians(25) }, { roll: radians(-12), pitch: radians(10) }]) {
      const head = headFrame(syntheticHead({ ...pose, scale: 2.5 }));
      // The synthetic eyes are 90 mm apart: the ruler's own length.
      expect(head.pxPerMm).toBeCloseTo((2.5 * 90) / OUTER_EYE_DISTANCE_MM, 6);
      close(head.x, rotate([1, 0, 0], pose), 1e-6);
      close(head.y, rotate([0, 1, 0], pose), 1e-6);
      close(head.z, rotate([0, 0, 1], pose), 1e-6);
    }
  });

  it('maps head space to view space and back', () => {
    const head = headFrame(syntheticHead({ yaw: radians(-18), roll: radians(7), scale: 4 }));
    const p: Vec3 = [12, -30, 44];
    close(viewToHead(head, headToView(head, p)), p, 1e-9);
    // A landmark comes back where the synthetic head put it.
    const mesh = syntheticHead({ yaw: radians(-18), roll: radians(7), scale: 4 });
    close(landmarkInHead(head, mesh[LM.leftJawUnderEar]!), HEAD[LM.leftJawUnderEar]!, 1e-6);
  });
});

const glasses: EyewearParams = {
  kind: 'eyewear',
  frameShape: 'round',
  frameColour: '#222222',
  lensTint: '#333333',
  lensOpacity: 0.8,
  bridgeWidthMm: 18,
  templeWidthMm: 140,
  lensWidthMm: 52,
};
const hat: HatParams = {
  kind: 'hat',
  style: 'fedora',
  crownColour: '#333333',
  brimColour: '#333333',
  crownHeight: 0.5,
  brimWidth: 0.8,
};
const earrings: EarringParams = {
  kind: 'earring',
  style: 'drop',
  metalColour: '#c9a24a',
  sizeMm: 20,
};

describe('3D placement', () => {
  it('seats glasses on the nose bridge, at their true width', () => {
    const g = faceGeometry(syntheticHead({ scale: 3 }));
    const p = place3d(g, glasses);
    expect(distance(p.keys.bridge!, g.noseBridge)).toBeLessThan(0.08 * g.eyeDistance);
    expect(distance(p.keys.frameRight!, p.keys.frameLeft!)).toBeCloseTo(140 * 3, 3);
  });

  it('puts a hat band on the forehead, as wide as the head, and its front arc below it', () => {
    const g = faceGeometry(syntheticHead({ scale: 3, roll: radians(10) }));
    const p = place3d(g, hat);
    const face = distance(g.rightFaceSide, g.leftFaceSide);
    const band = distance(p.keys.bandRight!, p.keys.bandLeft!);
    expect(band).toBeGreaterThan(face);
    expect(band).toBeLessThan(1.35 * face);
    // Between the hairline landmark and the eyes, measured up the (rolled) face.
    const up = (q: { x: number; y: number }) =>
      -(q.x - g.noseBridge.x) * Math.sin(g.roll) - (q.y - g.noseBridge.y) * Math.cos(g.roll);
    expect(up(p.keys.bandFront!)).toBeLessThan(up(g.foreheadTop));
    expect(up(p.keys.bandFront!)).toBeGreaterThan(up(g.rightEyeOuter) + 20 * 3);
    expect(p.band).toHaveLength(17);
  });

  it('hangs earrings on the lobes and hides the one on the far side of a turned head', () => {
    const front = place3d(faceGeometry(syntheticHead()), earrings);
    expect(front.seats.map((s) => s.facing)).toEqual([true, true]);
    // Turned well past three-quarters: the wearer's left ear goes behind the head.
    const turned = faceGeometry(syntheticHead({ yaw: radians(60) }));
    const p = place3d(turned, earrings);
    expect(p.seats.map((s) => [s.side, s.facing])).toEqual([
      ['right', true],
      ['left', false],
    ]);
    // The drawn lobe projects near the 2D lobe estimate the face geometry gives.
    const g = faceGeometry(syntheticHead({ scale: 3 }));
    const q = place3d(g, earrings);
    const faceWidth = distance(g.rightFaceSide, g.leftFaceSide);
    expect(distance(q.keys.rightLobe!, g.rightEarLobe)).toBeLessThan(0.06 * faceWidth);
    expect(distance(q.keys.leftLobe!, g.leftEarLobe)).toBeLessThan(0.06 * faceWidth);
    expect(lobeInHead(q.head, g, 1)[0]).toBeGreaterThan(HEAD[LM.leftJawUnderEar]![0]);
  });
});
