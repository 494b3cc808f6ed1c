/** A synthetic 478-point face for the try-on unit tests: only the points the geometry reads. */
import { LIPS_INNER, LIPS_OUTER, LM, type Point3 } from '../../src/lib/tryon/shared/geometry';

export interface FaceSpec {
  /** Normalised frame position of the point between the eyes. */
  cx?: number;
  cy?: number;
  /** Outer eye corner distance, as a share of the frame width. */
  eyes?: number;
  /** Roll in radians (positive turns clockwise on screen). */
  roll?: number;
  /** Nose tip shift along the face, as a share of the half face width (-1..1). */
  noseShift?: number;
  /** Frame aspect (width / height): keeps the face round in pixels. */
  aspect?: number;
}

export function syntheticFace(spec: FaceSpec = {}): Point3[] {
  const { cx = 0.5, cy = 0.45, eyes = 0.3, roll = 0, noseShift = 0, aspect = 4 / 3 } = spec;
  const pts: Point3[] = Array.from({ length: 478 }, () => ({ x: cx, y: cy, z: 0 }));
  // Local units: outer eye corner distance = 1; x to the person's left (image right), y down.
  const local: Record<number, [number, number]> = {
    [LM.rightEyeOuter]: [-0.5, 0],
    [LM.rightEyeInner]: [-0.18, 0],
    [LM.leftEyeInner]: [0.18, 0],
    [LM.leftEyeOuter]: [0.5, 0],
    [LM.rightEyeTop]: [-0.34, -0.05],
    [LM.rightEyeBottom]: [-0.34, 0.05],
    [LM.leftEyeTop]: [0.34, -0.05],
    [LM.leftEyeBottom]: [0.34, 0.05],
    [LM.noseBridge]: [0, 0],
    [LM.noseTip]: [noseShift * 0.78, 0.45],
    [LM.foreheadTop]: [0, -0.7],
    [LM.chin]: [0, 1.1],
    [LM.rightTemple]: [-0.76, -0.1],
    [LM.leftTemple]: [0.76, -0.1],
    [LM.rightFaceSide]: [-0.78, 0.1],
    [LM.leftFaceSide]: [0.78, 0.1],
    [LM.rightJawUnderEar]: [-0.74, 0.45],
    [LM.leftJawUnderEar]: [0.74, 0.45],
  };
  // Lips: outer ellipse (0.5 x 0.22) and inner (0.4 x 0.06) centred at y = 0.72.
  LIPS_OUTER.forEach((i, k) => {
    const a = Math.PI + (2 * Math.PI * k) / LIPS_OUTER.length;
    local[i] = [0.25 * Math.cos(a), 0.72 + 0.11 * Math.sin(a)];
  });
  LIPS_INNER.forEach((i, k) => {
    const a = Math.PI + (2 * Math.PI * k) / LIPS_INNER.length;
    local[i] = [0.2 * Math.cos(a), 0.72 + 0.03 * Math.sin(a)];
  });
  const c = Math.cos(roll);
  const s = Math.sin(roll);
  for (const [i, [x, y]] of Object.entries(local)) {
    const px = (x * c - y * s) * eyes;
    const py = (x * s + y * c) * eyes * aspect;
    pts[Number(i)] = { x: cx + px, y: cy + py, z: 0 };
  }
  return pts;
}
