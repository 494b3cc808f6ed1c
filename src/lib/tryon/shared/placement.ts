/**
 * Where and how big each product type sits on a face, in the frame's pixels, from the catalog's
 * own try-on parameters. Pure maths: the canvas renderers (client/render.ts) only draw it.
 */
import type { EarringParams, EyewearParams, HatParams, LipstickParams } from '../../catalog/types';
import { imageYaw, midpoint, type FaceGeometry, type Point } from './geometry';
import { OUTER_EYE_DISTANCE_MM } from './head';
import { lipstickPixel, type LipLight, type RGB } from './lipstick';

export { OUTER_EYE_DISTANCE_MM };
/** Past this turn (radians) the far temple and far ear are behind the face. */
export const HIDE_FAR_SIDE = (14 * Math.PI) / 180;

/** A point `dx` along the eye line and `dy` down across it, from `origin` (pixels). */
export function along(origin: Point, roll: number, dx: number, dy: number): Point {
  const c = Math.cos(roll);
  const s = Math.sin(roll);
  return { x: origin.x + dx * c - dy * s, y: origin.y + dx * s + dy * c };
}

/** The head's scale and turn, shared by every product. */
export interface FaceFrameOfReference {
  roll: number;
  /** Image yaw: positive when the person's left side is the far one. */
  yaw: number;
  /** Pixels per millimetre across the face (foreshortened by the turn) and up it. */
  pxPerMmX: number;
  pxPerMmY: number;
}

export function frameOfReference(g: FaceGeometry): FaceFrameOfReference {
  const yaw = imageYaw(g);
  const pxPerMmX = g.eyeDistance / OUTER_EYE_DISTANCE_MM;
  // The eye distance shrinks by cos(yaw) when the head turns; heights do not.
  return { roll: g.roll, yaw, pxPerMmX, pxPerMmY: pxPerMmX / Math.max(Math.cos(yaw), 0.5) };
}

export interface GlassesPlacement {
  kind: 'eyewear';
  /** Between the lenses; the local x axis runs to the person's left along the eye line. */
  centre: Point;
  roll: number;
  pxPerMmX: number;
  pxPerMmY: number;
  /** Millimetres in the frame's own coordinates (the renderer scales them). */
  lensWidthMm: number;
  lensHeightMm: number;
  bridgeWidthMm: number;
  frontWidthMm: number;
  /** Person's right then left: from the hinge to the temple, visible unless behind the head. */
  temples: { from: Point; to: Point; visible: boolean }[];
  params: EyewearParams;
}

/** Lens height ÷ width per frame shape (the flat drawing and the 3D model share them). */
export const LENS_ASPECT: Record<EyewearParams['frameShape'], number> = {
  round: 0.92,
  oval: 0.72,
  rectangle: 0.62,
  square: 0.85,
  'cat-eye': 0.7,
  aviator: 0.9,
};

export function placeGlasses(g: FaceGeometry, p: EyewearParams): GlassesPlacement {
  const f = frameOfReference(g);
  // Lenses centre on the eyes, a touch below the eye line (frames rest on the nose).
  const eyes = midpoint(g.rightEyeCentre, g.leftEyeCentre);
  const centre = along(eyes, f.roll, 0, 1.5 * f.pxPerMmY);
  const half = (p.templeWidthMm / 2) * f.pxPerMmX;
  const hingeR = along(centre, f.roll, -half, -4 * f.pxPerMmY);
  const hingeL = along(centre, f.roll, half, -4 * f.pxPerMmY);
  return {
    kind: 'eyewear',
    centre,
    roll: f.roll,
    pxPerMmX: f.pxPerMmX,
    pxPerMmY: f.pxPerMmY,
    lensWidthMm: p.lensWidthMm,
    lensHeightMm: p.lensWidthMm * LENS_ASPECT[p.frameShape],
    bridgeWidthMm: p.bridgeWidthMm,
    frontWidthMm: p.templeWidthMm,
    temples: [
      { from: hingeR, to: g.rightTemple, visible: f.yaw > -HIDE_FAR_SIDE },
      { from: hingeL, to: g.leftTemple, visible: f.yaw < HIDE_FAR_SIDE },
    ],
    params: p,
  };
}

export interface HatPlacement {
  kind: 'hat';
  /** Middle of the hat band, where crown meets brim; local y runs down the face. */
  band: Point;
  roll: number;
  yaw: number;
  /** Pixels: the head's width at the band, the crown's height, the brim's full width and depth. */
  headWidth: number;
  crownHeight: number;
  brimWidth: number;
  brimDepth: number;
  params: HatParams;
}

export function placeHat(g: FaceGeometry, p: HatParams): HatPlacement {
  const f = frameOfReference(g);
  // The top mesh point sits near the hairline; a hat comes down just over it, and covers a head
  // (hair included) that is wider and taller than the face mesh.
  const band = along(g.foreheadTop, f.roll, 0, 0.03 * g.faceHeight);
  const headWidth = g.faceWidth * 1.3;
  return {
    kind: 'hat',
    band,
    roll: f.roll,
    yaw: f.yaw,
    headWidth,
    crownHeight: p.crownHeight * g.faceHeight * 1.15,
    brimWidth: headWidth * (1 + p.brimWidth),
    brimDepth: g.faceHeight * (0.06 + 0.1 * p.brimWidth),
    params: p,
  };
}

export interface EarringPlacement {
  kind: 'earring';
  /** Person's right ear then left: the lobe, and whether it is in view. */
  ears: { at: Point; visible: boolean }[];
  roll: number;
  /** The piece's size in pixels. */
  size: number;
  params: EarringParams;
}

export function placeEarrings(g: FaceGeometry, p: EarringParams): EarringPlacement {
  const f = frameOfReference(g);
  return {
    kind: 'earring',
    ears: [
      { at: g.rightEarLobe, visible: f.yaw > -HIDE_FAR_SIDE },
      { at: g.leftEarLobe, visible: f.yaw < HIDE_FAR_SIDE },
    ],
    roll: f.roll,
    size: p.sizeMm * f.pxPerMmY,
    params: p,
  };
}

export interface LipstickPlacement {
  kind: 'lipstick';
  /** Filled with even-odd: the outer contour coloured, the mouth opening left clear. */
  outer: Point[];
  inner: Point[];
  params: LipstickParams;
}

/** The lips to colour; the colour itself is worked out per pixel (shared/lipstick.ts). */
export function placeLipstick(g: FaceGeometry, p: LipstickParams): LipstickPlacement {
  return { kind: 'lipstick', outer: g.lipsOuter, inner: g.lipsInner, params: p };
}

export type { RGB };

/**
 * The colour a lip pixel `under` (sRGB 0..255) takes where the lipstick fully covers it, in the
 * lips' light `lips` (lipLight over the bare lips): what the renderer draws there.
 */
export function lipstickOver(under: RGB, lips: LipLight, p: LipstickParams): RGB {
  return lipstickPixel(under, lips, p, 1);
}

export type Placement = GlassesPlacement | HatPlacement | EarringPlacement | LipstickPlacement;

export function place(
  g: FaceGeometry,
  p: EyewearParams | HatParams | EarringParams | LipstickParams,
): Placement {
  switch (p.kind) {
    case 'eyewear':
      return placeGlasses(g, p);
    case 'hat':
      return placeHat(g, p);
    case 'earring':
      return placeEarrings(g, p);
    case 'lipstick':
      return placeLipstick(g, p);
  }
}
