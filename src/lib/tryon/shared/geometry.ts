/**
 * Named places on MediaPipe's 478-point face mesh (468 FaceMesh points + 10 iris points).
 * Indices follow the canonical topology; "right"/"left" are the person's own sides, so on an
 * unmirrored photo the person's right eye is on the image's left.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Point3 extends Point {
  z: number;
}

export const LM = {
  rightEyeOuter: 33,
  rightEyeInner: 133,
  leftEyeInner: 362,
  leftEyeOuter: 263,
  rightEyeTop: 159,
  rightEyeBottom: 145,
  leftEyeTop: 386,
  leftEyeBottom: 374,
  noseBridge: 168,
  noseTip: 1,
  foreheadTop: 10,
  chin: 152,
  /** Temples, where glasses' arms run to the ears. */
  rightTemple: 127,
  leftTemple: 356,
  /** Widest points of the face at eye level (the cheek contour beside the ears). */
  rightFaceSide: 234,
  leftFaceSide: 454,
  /** The jaw contour just under each ear, above the lobe's attachment. */
  rightJawUnderEar: 132,
  leftJawUnderEar: 361,
  upperLipInner: 13,
  lowerLipInner: 14,
  upperLipOuter: 0,
  lowerLipOuter: 17,
  mouthRight: 61,
  mouthLeft: 291,
} as const;

/** The outer lip contour, clockwise from the mouth's right corner (61). */
export const LIPS_OUTER = [
  61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146,
] as const;
/** The inner lip contour (the mouth opening), same direction from 78. */
export const LIPS_INNER = [
  78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95,
] as const;

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const lerp = (a: Point, b: Point, t: number): Point => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});

/** Normalised landmarks (0..1; z in the scale of x) to pixels of a width x height frame. */
export function toPixels(landmarks: readonly Point3[], width: number, height: number): Point3[] {
  return landmarks.map((p) => ({ x: p.x * width, y: p.y * height, z: p.z * width }));
}

/** Everything the placements need, in pixels. */
export interface FaceGeometry {
  rightEyeOuter: Point;
  leftEyeOuter: Point;
  rightEyeInner: Point;
  leftEyeInner: Point;
  rightEyeCentre: Point;
  leftEyeCentre: Point;
  noseBridge: Point;
  noseTip: Point;
  foreheadTop: Point;
  chin: Point;
  rightTemple: Point;
  leftTemple: Point;
  rightFaceSide: Point;
  leftFaceSide: Point;
  rightEarLobe: Point;
  leftEarLobe: Point;
  lipsOuter: Point[];
  lipsInner: Point[];
  /** Outer eye corner to outer eye corner. */
  eyeDistance: number;
  /** Cheek side to cheek side at eye level. */
  faceWidth: number;
  /** Forehead top to chin. */
  faceHeight: number;
  /** Image-plane roll of the eye line, radians (0 = level; positive turns clockwise on screen). */
  roll: number;
  /** The whole mesh in pixels (z in pixels too, away from the camera; 0 where not known). */
  mesh: readonly Point3[];
}

export function faceGeometry(px: readonly (Point | Point3)[]): FaceGeometry {
  const at = (i: number) => {
    const p = px[i];
    if (!p) throw new Error(`landmark ${i} missing: need the 478-point mesh`);
    return p;
  };
  const rightEyeOuter = at(LM.rightEyeOuter);
  const leftEyeOuter = at(LM.leftEyeOuter);
  const rightEyeInner = at(LM.rightEyeInner);
  const leftEyeInner = at(LM.leftEyeInner);
  const rightFaceSide = at(LM.rightFaceSide);
  const leftFaceSide = at(LM.leftFaceSide);
  const foreheadTop = at(LM.foreheadTop);
  const chin = at(LM.chin);
  const faceWidth = distance(rightFaceSide, leftFaceSide);
  const centre = midpoint(rightFaceSide, leftFaceSide);
  const roll = Math.atan2(leftEyeOuter.y - rightEyeOuter.y, leftEyeOuter.x - rightEyeOuter.x);
  // The mesh stops at the cheek: a lobe hangs just outside the jaw point under the ear, a little
  // higher ("up" is perpendicular to the eye line, so it follows the head's roll). Placed by eye
  // on the portraits in ../shared/data/faces whose ears show (8 mm out, 5 mm up).
  const lobe = (jaw: Point, side: Point): Point => {
    const ox = side.x - centre.x;
    const oy = side.y - centre.y;
    const len = Math.hypot(ox, oy) || 1;
    return {
      x: jaw.x + (ox / len) * faceWidth * 0.057 + Math.sin(roll) * faceWidth * 0.036,
      y: jaw.y + (oy / len) * faceWidth * 0.057 - Math.cos(roll) * faceWidth * 0.036,
    };
  };
  return {
    rightEyeOuter,
    leftEyeOuter,
    rightEyeInner,
    leftEyeInner,
    rightEyeCentre: midpoint(
      midpoint(rightEyeOuter, rightEyeInner),
      midpoint(at(LM.rightEyeTop), at(LM.rightEyeBottom)),
    ),
    leftEyeCentre: midpoint(
      midpoint(leftEyeOuter, leftEyeInner),
      midpoint(at(LM.leftEyeTop), at(LM.leftEyeBottom)),
    ),
    noseBridge: at(LM.noseBridge),
    noseTip: at(LM.noseTip),
    foreheadTop,
    chin,
    rightTemple: at(LM.rightTemple),
    leftTemple: at(LM.leftTemple),
    rightFaceSide,
    leftFaceSide,
    rightEarLobe: lobe(at(LM.rightJawUnderEar), rightFaceSide),
    leftEarLobe: lobe(at(LM.leftJawUnderEar), leftFaceSide),
    lipsOuter: LIPS_OUTER.map(at),
    lipsInner: LIPS_INNER.map(at),
    eyeDistance: distance(rightEyeOuter, leftEyeOuter),
    faceWidth,
    faceHeight: distance(foreheadTop, chin),
    roll,
    mesh: px.map((p) => ({ x: p.x, y: p.y, z: 'z' in p ? p.z : 0 })),
  };
}

/**
 * The nose tip stands out in front of the cheeks, so its offset from the face's middle grows
 * about twice as fast as the head's yaw: on the turned faces among the portraits in
 * ../shared/data/faces the raw reading is about twice the facial transformation matrix's yaw.
 */
export const NOSE_YAW_GAIN = 2;

/** Where the nose tip sits between the cheek sides: -1 at the right cheek, 0 centred, 1 at the left. */
export function noseOffset(g: Pick<FaceGeometry, 'rightFaceSide' | 'leftFaceSide' | 'noseTip'>) {
  const a = g.rightFaceSide;
  const b = g.leftFaceSide;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  const t = ((g.noseTip.x - a.x) * dx + (g.noseTip.y - a.y) * dy) / len2; // 0..1 along the face
  return 2 * t - 1;
}

/**
 * Yaw from the nose tip's place between the cheek sides, in radians: 0 when centred, positive
 * when the nose points towards the person's left cheek (their left side is then the far one).
 * Read from the image alone, so its sign holds on mirrored and unmirrored frames alike.
 */
export function imageYaw(g: Pick<FaceGeometry, 'rightFaceSide' | 'leftFaceSide' | 'noseTip'>) {
  return Math.asin(Math.max(-1, Math.min(1, noseOffset(g) / NOSE_YAW_GAIN)));
}
