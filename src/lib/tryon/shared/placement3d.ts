/**
 * Where a 3D product sits on the head, in head space (millimetres, see head.ts), and the key
 * points it lands on in the frame. The scene (client/scene.ts) builds the same products in their
 * own anchor frames (three/products.ts) and puts them here; the tests check the key points
 * against the landmarks on real portraits.
 *
 * The offsets were read off the six portraits in ../shared/data/faces (landmarks in head space):
 * outer eye corners at y -6, z -22 from the nose bridge; brows at y 18; landmark 10 near the
 * hairline at y 42..54, z -8; the cheek sides by the ears 140 mm apart; the jaw under each ear at
 * (±66, -60, -70).
 */
import type { EarringParams, EyewearParams, HatParams } from '../../catalog/types';
import { distance, LM, type FaceGeometry, type Point } from './geometry';
import { headFrame, headToView, landmarkInHead, toFrame, type HeadFrame, type Vec3 } from './head';

export type Params3d = EyewearParams | HatParams | EarringParams;

export const is3d = (p: { kind: string }): p is Params3d => p.kind !== 'lipstick';

/** The head under a hat, hair included: width and depth at the band (mm). */
export interface HeadSize {
  widthMm: number;
  depthMm: number;
}

/** One copy of the product on the head (earrings: one per ear). */
export interface Seat {
  /** The product's anchor in head space (mm). */
  position: Vec3;
  /** Turns about the head's x axis then y axis (radians), applied to the product. */
  pitch: number;
  yaw: number;
  /** The wearer's side it is on, for a pair (the right one is the left one mirrored). */
  side?: 'right' | 'left';
  /** False when this side is turned away from the camera (the head hides it). */
  facing: boolean;
}

export interface Placement3d {
  kind: Params3d['kind'];
  head: HeadFrame;
  headSize: HeadSize;
  seats: Seat[];
  /** Named points in the frame's pixels, where the product meets the face (for tests and hints). */
  keys: Record<string, Point>;
  /**
   * The front half of a hat's band, from the wearer's right side to the left, in the frame's
   * pixels: the hat's lower edge as seen, below which the hair may fall over it.
   */
  band?: Point[];
}

/** Glasses rest on the nose just under the bridge landmark, in front of the skin. */
export const EYEWEAR_SEAT: Vec3 = [0, -4, 3];
/** A hat's band, at the front, sits this far below landmark 10 (near the hairline). */
export const BAND_BELOW_HAIRLINE_MM = 8;
/** Hats are worn tilted back: the band's front is higher than its back; a beanie more so. */
export const HAT_TILT = (-8 * Math.PI) / 180;
export const BEANIE_TILT = (-16 * Math.PI) / 180;
/** A beanie is pulled further down the forehead than a hat with a brim (mm). */
export const BEANIE_LOWER_MM = 6;
/** A pierced lobe, from the jaw point under the ear: out, up and back (mm). */
export const LOBE_FROM_JAW: Vec3 = [8, 5, -16];
/** Below this, the side of the head faces away from the camera (sine of the turn past profile). */
const FACING_LIMIT = -0.25;

export function headSizeOf(head: HeadFrame, g: FaceGeometry): HeadSize {
  const right = landmarkInHead(head, g.mesh[LM.rightFaceSide]!);
  const left = landmarkInHead(head, g.mesh[LM.leftFaceSide]!);
  const faceMm = Math.hypot(left[0] - right[0], left[1] - right[1], left[2] - right[2]);
  const widthMm = faceMm * 1.1; // the skull above the ears, and hair
  return { widthMm, depthMm: widthMm * 1.22 };
}

/** The lobe of the wearer's right (-1) or left (+1) ear, in head space. */
export function lobeInHead(head: HeadFrame, g: FaceGeometry, side: -1 | 1): Vec3 {
  const jaw = landmarkInHead(head, g.mesh[side < 0 ? LM.rightJawUnderEar : LM.leftJawUnderEar]!);
  return [jaw[0] + side * LOBE_FROM_JAW[0], jaw[1] + LOBE_FROM_JAW[1], jaw[2] + LOBE_FROM_JAW[2]];
}

export function place3d(g: FaceGeometry, p: Params3d): Placement3d {
  const head = headFrame(g.mesh);
  const headSize = headSizeOf(head, g);
  const px = (v: Vec3) => toFrame(headToView(head, v));
  // How much each side of the head faces the camera: the head's x axis in view space.
  const facing = (side: -1 | 1) => side * head.x[2] > FACING_LIMIT;
  switch (p.kind) {
    case 'eyewear': {
      const [x, y, z] = EYEWEAR_SEAT;
      const half = p.templeWidthMm / 2;
      return {
        kind: p.kind,
        head,
        headSize,
        seats: [{ position: EYEWEAR_SEAT, pitch: 0, yaw: 0, facing: true }],
        keys: {
          bridge: px(EYEWEAR_SEAT),
          frameRight: px([x - half, y, z]),
          frameLeft: px([x + half, y, z]),
        },
      };
    }
    case 'hat': {
      const hairline = landmarkInHead(head, g.mesh[LM.foreheadTop]!);
      const half = headSize.depthMm / 2;
      const beanie = p.style === 'beanie';
      const tilt = beanie ? BEANIE_TILT : HAT_TILT;
      const below = BAND_BELOW_HAIRLINE_MM + (beanie ? BEANIE_LOWER_MM : 0);
      // The band's front touches the forehead; its centre is half a head behind, tilted back.
      const front: Vec3 = [0, hairline[1] - below, hairline[2]];
      const centre: Vec3 = [0, front[1] + Math.sin(tilt) * half, front[2] - Math.cos(tilt) * half];
      const w = headSize.widthMm / 2;
      /** A point of the band at angle t round the head (0 at the front, π/2 at the left). */
      const around = (t: number): Vec3 => {
        const back = half * (1 - Math.cos(t)); // how far behind the front, along the tilted band
        return [
          w * Math.sin(t),
          front[1] + Math.sin(tilt) * back,
          front[2] - Math.cos(tilt) * back,
        ];
      };
      return {
        kind: p.kind,
        head,
        headSize,
        seats: [{ position: centre, pitch: tilt, yaw: 0, facing: true }],
        keys: {
          bandFront: px(front),
          bandRight: px(around(-Math.PI / 2)),
          bandLeft: px(around(Math.PI / 2)),
        },
        band: Array.from({ length: 17 }, (_, i) => px(around((Math.PI * (i - 8)) / 16))),
      };
    }
    case 'earring': {
      const seats = ([-1, 1] as const).map((s): Seat => ({
        position: lobeInHead(head, g, s),
        pitch: 0,
        yaw: 0,
        side: s < 0 ? 'right' : 'left',
        facing: facing(s),
      }));
      const keys: Record<string, Point> = {};
      for (const seat of seats) keys[`${seat.side}Lobe`] = px(seat.position);
      return { kind: p.kind, head, headSize, seats, keys };
    }
  }
}

/** The face width rule: a frame's front is as wide as the face at the cheeks, by the ears. */
export const faceWidthPx = (g: FaceGeometry) => distance(g.rightFaceSide, g.leftFaceSide);
