/**
 * Head pose from MediaPipe's facial transformation matrix (4x4, column-major: element (row r,
 * column c) is m[4c + r]). Its rotation part R = Rz(roll) · Ry(yaw) · Rx(pitch) turns the canonical
 * face into camera space; we read the three angles back (radians).
 */
export interface Pose {
  roll: number;
  yaw: number;
  pitch: number;
}

export function poseFromMatrix(m: readonly number[]): Pose {
  if (m.length !== 16) throw new Error('a 4x4 matrix has 16 numbers');
  const r = (row: number, col: number) => m[4 * col + row]!;
  // Columns may carry a uniform scale: normalise it out.
  const sx = Math.hypot(r(0, 0), r(1, 0), r(2, 0)) || 1;
  const sy = Math.hypot(r(0, 1), r(1, 1), r(2, 1)) || 1;
  const sz = Math.hypot(r(0, 2), r(1, 2), r(2, 2)) || 1;
  const r20 = r(2, 0) / sx;
  const yaw = Math.asin(Math.max(-1, Math.min(1, -r20)));
  return {
    yaw,
    pitch: Math.atan2(r(2, 1) / sy, r(2, 2) / sz),
    roll: Math.atan2(r(1, 0) / sx, r(0, 0) / sx),
  };
}

/** The matrix of a pose (with a translation), the inverse of poseFromMatrix; for tests and tools. */
export function matrixFromPose(
  { roll, yaw, pitch }: Pose,
  t: [number, number, number] = [0, 0, -50],
) {
  const [cr, sr, cy, sy, cp, sp] = [
    Math.cos(roll),
    Math.sin(roll),
    Math.cos(yaw),
    Math.sin(yaw),
    Math.cos(pitch),
    Math.sin(pitch),
  ];
  // R = Rz(roll) Ry(yaw) Rx(pitch), row by row.
  const R = [
    [cr * cy, cr * sy * sp - sr * cp, cr * sy * cp + sr * sp],
    [sr * cy, sr * sy * sp + cr * cp, sr * sy * cp - cr * sp],
    [-sy, cy * sp, cy * cp],
  ];
  const m = new Array<number>(16).fill(0);
  for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) m[4 * c + r] = R[r]![c]!;
  m[12] = t[0];
  m[13] = t[1];
  m[14] = t[2];
  m[15] = 1;
  return m;
}

export const degrees = (radians: number) => (radians * 180) / Math.PI;
export const radians = (deg: number) => (deg * Math.PI) / 180;
