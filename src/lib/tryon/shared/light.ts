/**
 * The light on the shopper's face, so that a product can be lit like the face it is drawn on:
 * an ambient colour and a key light (direction and strength), estimated from the face itself.
 *
 * The face is the one object in the frame whose shape and colour we roughly know. Skin patches
 * around the face (cheeks, forehead, chin) have known rough normals in the face's own frame
 * (turned with the head's roll in the image). Patches that are not skin-coloured (a beard, a
 * fringe, a glasses frame over them) are left out. Each patch's linear luminance is fitted,
 * Lambert style, as  I = c (s + (1 - s) nz / mean nz) + nx gx + ny gy  (least squares; patches
 * the key would leave in shadow are dropped and the fit redone). The brighter side faces the
 * light: (gx, gy) is the key's sideways part. How the mean level c splits into ambient and the
 * key's frontal part a face cannot tell (its patches all face the camera about as much), so the
 * contrast decides: flat light is taken as mostly ambient, a hard side light as mostly key; the
 * key/ambient ratio is a rough guide, not a measurement.
 * The colour is the skin's mean (linear RGB) over a neutral skin albedo, put on the warm-white-
 * cool line of real lights: a white-balance-ish estimate, only as good as "skin is about this
 * colour" (a very fair or very dark skin reads as a brighter or dimmer light, a pink skin as a
 * slightly cool light).
 *
 * View space: x to the frame's right, y up, z towards the camera, in the frame as given (a view
 * that shows the frame mirrored flips x). Pure: runs in Node, a worker and a page alike.
 */
import type { Point } from './geometry';
import { chromaDistance, faceFrame2D, skinModel, type ColourModel } from './hair';

export type Vec3 = [number, number, number];

export interface LightEstimate {
  /** The light's colour, linear RGB with its largest channel 1. */
  color: Vec3;
  /** Ambient light: colour x ambient intensity, linear RGB 0..1 (an AmbientLight's colour). */
  ambient: Vec3;
  /** Ambient intensity, 0..1 (relative to a neutral skin's albedo; with the key, at most 1). */
  ambientIntensity: number;
  key: {
    /** Unit vector towards the key light, view space (x right, y up, z towards the camera). */
    direction: Vec3;
    /** Key intensity, same units as ambientIntensity. */
    intensity: number;
  };
  /** key / ambient intensity: 0 for flat light, large for a hard side light. */
  ratio: number;
  /** Skin patches used by the fit (of PATCHES.length). */
  patches: number;
}

/**
 * Skin patches and their rough normals in the face's frame (x towards the image-right side of the
 * face, y up, z out of the face): a generic adult face, near enough for the sign and rough size.
 * Right/left in the landmark names are the person's own, so on an unmirrored frame the person's
 * right cheek (50) is on the image's left: x < 0.
 */
export const PATCHES: readonly { landmark: number; normal: Vec3 }[] = [
  { landmark: 151, normal: [0, 0.45, 0.89] }, // forehead centre
  { landmark: 108, normal: [-0.35, 0.4, 0.85] }, // forehead, right
  { landmark: 337, normal: [0.35, 0.4, 0.85] }, // forehead, left
  { landmark: 117, normal: [-0.45, 0.1, 0.89] }, // under the right eye
  { landmark: 346, normal: [0.45, 0.1, 0.89] },
  { landmark: 50, normal: [-0.55, -0.05, 0.83] }, // right cheek
  { landmark: 280, normal: [0.55, -0.05, 0.83] },
  { landmark: 123, normal: [-0.75, 0, 0.66] }, // outer cheek, right
  { landmark: 352, normal: [0.75, 0, 0.66] },
  { landmark: 205, normal: [-0.4, -0.2, 0.89] }, // beside the nose's wing
  { landmark: 425, normal: [0.4, -0.2, 0.89] },
  { landmark: 199, normal: [0, -0.45, 0.89] }, // chin
  { landmark: 175, normal: [0, -0.75, 0.66] }, // under the chin's front
];

/** How far (in the skin's chroma spreads) a patch pixel may be from the face's skin colour. */
const SKIN_CHROMA = 3;

/** A mid skin tone's albedo in linear RGB (sRGB about 205, 150, 125): the "white" of skin. */
export const SKIN_ALBEDO: Vec3 = [0.61, 0.305, 0.205];
const luma = (c: Vec3) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];

const SRGB_TO_LINEAR = Float64Array.from({ length: 256 }, (_, i) => {
  const c = i / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** Solves A x = b (Gaussian elimination, partial pivoting); null if singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (Math.abs(M[p]![c]!) < 1e-12) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j++) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

interface Sample {
  normal: Vec3;
  lum: number;
}

/** Mean nz of the patches, and the share of a face's mean level assumed to be ambient. */
const MEAN_NZ = PATCHES.reduce((sum, p) => sum + p.normal[2], 0) / PATCHES.length;
const FRONT_AMBIENT = 0.4;

/**
 * Least squares I = c (s + (1 - s) nz / mean nz) + nx gx + ny gy: the mean level and the key's
 * lateral part. The patches' nz hardly varies, so how much of the level is ambient (s) and how
 * much the key's frontal part cannot be told by a fit: s is assumed, so that a patch turned away
 * from the camera is a little darker, as an outer cheek is, even when its pair on the other side
 * is hidden (under hair) and cannot balance it.
 */
function fit(samples: Sample[]): { c: number; gx: number; gy: number } | null {
  const A = Array.from({ length: 3 }, () => [0, 0, 0]);
  const b = [0, 0, 0];
  for (const s of samples) {
    const front = FRONT_AMBIENT + ((1 - FRONT_AMBIENT) * s.normal[2]) / MEAN_NZ;
    const row = [front, s.normal[0], s.normal[1]];
    for (let i = 0; i < 3; i++) {
      b[i]! += row[i]! * s.lum;
      for (let j = 0; j < 3; j++) A[i]![j]! += row[i]! * row[j]!;
    }
  }
  const x = solve(A, b);
  return x ? { c: x[0]!, gx: x[1]!, gy: x[2]! } : null;
}

/**
 * The key in 3-D from the fit: the mean level c = ambient + key_z * mean nz is split by the
 * contrast (a prior, not a measurement): flat light is mostly ambient, a hard side light mostly
 * key.
 */
function keyFrom(m: { c: number; gx: number; gy: number }) {
  const c = Math.max(1e-6, m.c);
  const lateral = Math.hypot(m.gx, m.gy);
  const share = Math.min(0.6, Math.max(0.15, 0.6 - 0.5 * (lateral / c)));
  const ambient = share * c;
  const gz = Math.max((c - ambient) / MEAN_NZ, 0.15 * lateral); // never from behind the face
  return { ambient, g: [m.gx, m.gy, gz] as Vec3 };
}

/** Warm (candle, tungsten) and cool (shade, overcast) ends of the lights we expect, and white. */
const WARM: Vec3 = [1, 0.78, 0.55];
const COOL: Vec3 = [0.72, 0.85, 1];

/**
 * A white balance (linear RGB gains) as a light colour on the warm-white-cool line: real lights
 * are not magenta or green, and a skin's own tint (read as the light's) is kept in check.
 * Largest channel 1.
 */
export function onLightLocus(rgb: Vec3): Vec3 {
  const k = Math.log(Math.max(1e-6, rgb[0]) / Math.max(1e-6, rgb[2]));
  const kWarm = Math.log(WARM[0] / WARM[2]);
  const kCool = Math.log(COOL[0] / COOL[2]);
  const [end, t] = k >= 0 ? [WARM, Math.min(1, k / kWarm)] : [COOL, Math.min(1, k / kCool)];
  const c = [0, 1, 2].map((i) => 1 + (end[i]! - 1) * t) as Vec3;
  const top = Math.max(...c);
  return c.map((v) => v / top) as Vec3;
}

/**
 * The light from a frame's RGBA pixels (width x height) and the 478 landmarks in the same
 * pixels; null when too few skin patches are inside the frame.
 */
export function estimateLight(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  points: readonly Point[],
): LightEstimate | null {
  const face = faceFrame2D(points);
  let skin: ColourModel;
  try {
    skin = skinModel(rgba, width, height, points, face.width);
  } catch {
    return null; // no skin in the frame
  }
  const radius = Math.max(1, 0.035 * face.width);
  const samples: Sample[] = [];
  const colour: Vec3 = [0, 0, 0];
  let colourN = 0;
  for (const { landmark, normal } of PATCHES) {
    const p = points[landmark];
    if (!p) continue;
    const px: Vec3[] = [];
    let inside = 0;
    for (let y = Math.floor(p.y - radius); y <= Math.ceil(p.y + radius); y++)
      for (let x = Math.floor(p.x - radius); x <= Math.ceil(p.x + radius); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        if ((x - p.x) ** 2 + (y - p.y) ** 2 > radius * radius + 0.5) continue;
        inside++;
        const k = 4 * (y * width + x);
        // Skin only: a beard, a fringe or a glasses frame over the patch is not lit skin.
        if (chromaDistance(skin, rgba[k]!, rgba[k + 1]!, rgba[k + 2]!) > SKIN_CHROMA) continue;
        px.push([
          SRGB_TO_LINEAR[rgba[k]!]!,
          SRGB_TO_LINEAR[rgba[k + 1]!]!,
          SRGB_TO_LINEAR[rgba[k + 2]!]!,
        ]);
      }
    if (!px.length || px.length < inside / 2) continue;
    // The patch's median luminance (robust to a stray hair, a highlight, an eyelash).
    const lums = px.map(luma).sort((a, b) => a - b);
    const lum = lums[lums.length >> 1]!;
    for (const c of px) for (let i = 0; i < 3; i++) colour[i]! += c[i]!;
    colourN += px.length;
    // The patch normal turned from the face's frame into view space (image y grows down).
    const [nx, ny, nz] = normal;
    const ix = nx * face.ux + ny * face.vx;
    const iy = nx * face.uy + ny * face.vy;
    samples.push({ normal: [ix, -iy, nz], lum });
  }
  if (samples.length < 6 || !colourN) return null;

  let model = fit(samples);
  if (!model) return null;
  let light = keyFrom(model);
  // Lambert clips at 0: patches turned away from the key see the ambient only; refit without them.
  for (let pass = 0; pass < 2; pass++) {
    const g = light.g;
    const lit = samples.filter(
      (s) => s.normal[0] * g[0] + s.normal[1] * g[1] + s.normal[2] * g[2] > 0,
    );
    if (lit.length === samples.length || lit.length < 6) break;
    model = fit(lit) ?? model;
    light = keyFrom(model);
  }
  const [gx, gy, gz] = light.g;
  let key = Math.hypot(gx, gy, gz);
  let ambient = light.ambient;
  const direction: Vec3 = [gx / key, gy / key, gz / key];

  // White balance: mean skin over the neutral skin albedo, largest channel 1, clamped.
  const mean = colour.map((c) => c / colourN) as Vec3;
  const ratio = mean.map((c, i) => c / SKIN_ALBEDO[i]!) as Vec3;
  const color = onLightLocus(ratio);
  // Intensities relative to a neutral skin's luminance; ambient + key at most 1.
  const albedo = luma(SKIN_ALBEDO);
  ambient /= albedo;
  key /= albedo;
  const total = ambient + key;
  if (total > 1) {
    ambient /= total;
    key /= total;
  }
  ambient = Math.max(0.05, ambient);
  return {
    color,
    ambient: color.map((c) => c * ambient) as Vec3,
    ambientIntensity: ambient,
    key: { direction, intensity: key },
    ratio: key / ambient,
    patches: samples.length,
  };
}
