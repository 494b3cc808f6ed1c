/**
 * The head as a rigid body in the frame: where it is, how it is turned and how many pixels a
 * millimetre is, read from the 3D landmarks themselves, so that a 3D product placed with it lands
 * on the same pixels the landmarks mark (whatever the camera's lens).
 *
 * View space: pixels, x to the right, y up (the image's y flipped), z towards the viewer (the
 * landmarks' z, which grows away from the camera, flipped; MediaPipe gives z in the scale of x).
 * Head space: millimetres, origin at the nose bridge (landmark 168), +x to the wearer's left, +y
 * up the face, +z out of the face. The ruler is the outer eye corners' distance in 3D, so a turn
 * does not shrink it. On the portraits in ../shared/data/faces these axes agree with MediaPipe's
 * facial transformation matrix within 10° (tests/e2e/tryon-3d.spec.ts).
 */
import { LM, type Point3 } from './geometry';

/** Adult outer eye corner to outer eye corner, mm: our ruler for millimetres on the face. */
export const OUTER_EYE_DISTANCE_MM = 90;

export type Vec3 = [number, number, number];

export interface HeadFrame {
  /** The nose bridge, in view space. */
  origin: Vec3;
  /** Unit head axes in view space: to the wearer's left, up the face, out of the face. */
  x: Vec3;
  y: Vec3;
  z: Vec3;
  /** View-space pixels per millimetre. */
  pxPerMm: number;
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const norm = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);
const unit = (a: Vec3): Vec3 => scale(a, 1 / (norm(a) || 1));
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** A landmark in pixels (z in pixels too, away from the camera) to view space. */
export const toViewSpace = (p: Point3): Vec3 => [p.x, -p.y, -p.z];
/** View space back to the frame's pixels (x, y). */
export const toFrame = (v: Vec3) => ({ x: v[0], y: -v[1] });

export function headFrame(points: readonly Point3[]): HeadFrame {
  const at = (i: number) => {
    const p = points[i];
    if (!p) throw new Error(`landmark ${i} missing: need the 478-point mesh`);
    return toViewSpace(p);
  };
  const eyes = sub(at(LM.leftEyeOuter), at(LM.rightEyeOuter));
  const x = unit(eyes);
  // Chin to forehead top, made square to the eye line: both lie in the face's midplane.
  const up = sub(at(LM.foreheadTop), at(LM.chin));
  const y = unit(sub(up, scale(x, dot(up, x))));
  return {
    origin: at(LM.noseBridge),
    x,
    y,
    z: cross(x, y),
    pxPerMm: norm(eyes) / OUTER_EYE_DISTANCE_MM,
  };
}

/** A head-space point (mm) to view space (px). */
export function headToView(f: HeadFrame, [hx, hy, hz]: Vec3): Vec3 {
  const s = f.pxPerMm;
  return [0, 1, 2].map(
    (i) => f.origin[i]! + s * (hx * f.x[i]! + hy * f.y[i]! + hz * f.z[i]!),
  ) as Vec3;
}

/** A view-space point (px) to head space (mm). */
export function viewToHead(f: HeadFrame, v: Vec3): Vec3 {
  const d = sub(v, f.origin);
  const s = f.pxPerMm;
  return [dot(d, f.x) / s, dot(d, f.y) / s, dot(d, f.z) / s];
}

/** A landmark (pixels, z away from the camera) in head space. */
export const landmarkInHead = (f: HeadFrame, p: Point3) => viewToHead(f, toViewSpace(p));
