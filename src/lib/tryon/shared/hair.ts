/**
 * Where the shopper's hair is, so that a fringe can fall over a hat's brim and hair can hide an
 * earring on a covered ear. No npm package ships a hair segmentation model, so this is an honest
 * approximation from what we have:
 *
 *   hair = person (the selfie segmenter's mask)
 *          AND NOT inside the face oval (MediaPipe's FACEMESH_FACE_OVAL silhouette)
 *          AND a colour unlike the face's own skin (sampled on the cheeks, forehead and chin)
 *              and like the hair's own (sampled on the crown, above the forehead),
 *   limited to a band around the head: above the chin line, within one face width of the face's
 *   sides at eye level (half a face width at the chin), up to one face height above the forehead.
 *
 * An exposed ear is skin-coloured, so it is not hair. Below the eyes hair must hang from hair
 * above it, so a dark collar under a bare ear or neck, or a beard under the cheek, is not hair.
 * Inside the oval only the upper forehead may be hair (a fringe), and only where the colour is
 * far from the skin's and like the hair's, so eyebrows, eyes and shadows never are. A hat on the
 * crown is sampled as "the hair" and hides what the hair would. With nothing but skin on the crown
 * (a bald head), only what is not skin-coloured above the forehead counts.
 *
 * Colours are compared in a luminance-chroma space: ln(luma) and the two colour differences
 * (R - Y, B - Y) divided by the luma (so a cheek in shadow keeps its chroma), each measured in
 * units of the samples' own robust spread, with floors (shading changes luma a lot).
 *
 * What it cannot do: hair of the skin's own colour and brightness (light strands on a fair face,
 * blond highlights) reads as skin; hair below the chin line is left out; a black jacket touching
 * black hair that hangs down to it is taken for hair.
 *
 * Pure: pixels and points in, an alpha mask out (Node unit tests, the worker, the main thread).
 */
import type { Point } from './geometry';

/** FACEMESH_FACE_OVAL, in order around the face: forehead top (10), its left side, chin (152)... */
export const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148,
  176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;

/** Skin samples: cheeks (apple, under the eye, beside the nose, outer), forehead, chin. */
export const SKIN_SAMPLES = [
  50, 280, 101, 330, 205, 425, 117, 346, 123, 352, 151, 108, 337, 9, 199, 175,
] as const;

/** Top of each eyebrow (right, left): a fringe is looked for only above these. */
const BROW_TOPS = [105, 66, 107, 334, 296, 336] as const;

const FOREHEAD = 10;
const CHIN = 152;
const RIGHT_SIDE = 234;
const LEFT_SIDE = 454;

export interface HairInput {
  /** Size of the analysis grid: the RGBA pixels, the person mask and the points share it. */
  width: number;
  height: number;
  /** Frame pixels at the grid size, RGBA row by row (ImageData.data). */
  rgba: ArrayLike<number>;
  /** Person confidence 0..1 at the grid size (the selfie segmenter's mask). */
  person: ArrayLike<number>;
  /** The 478 face landmarks, in grid pixels. */
  points: readonly Point[];
}

/** An alpha mask of the hair covering the whole frame: frame px = mask px x scale. */
export interface HairMask {
  width: number;
  height: number;
  /** 0 (not hair) .. 255 (hair), row by row, soft at the edges. */
  alpha: Uint8Array;
  /** Frame pixels per mask pixel, across and down. */
  scaleX: number;
  scaleY: number;
}

/** The face's own frame in the image: centre, unit axes (x to the image-right side, y up). */
export interface FaceFrame2D {
  centre: Point;
  ux: number;
  uy: number;
  vx: number;
  vy: number;
  width: number;
  height: number;
}

export function faceFrame2D(points: readonly Point[]): FaceFrame2D {
  const at = (i: number) => {
    const p = points[i];
    if (!p) throw new Error(`landmark ${i} missing: need the 478-point mesh`);
    return p;
  };
  const r = at(RIGHT_SIDE);
  const l = at(LEFT_SIDE);
  const top = at(FOREHEAD);
  const chin = at(CHIN);
  const width = Math.hypot(l.x - r.x, l.y - r.y) || 1;
  const ux = (l.x - r.x) / width;
  const uy = (l.y - r.y) / width;
  // Up is perpendicular to the cheek line, on the forehead's side (image y grows down).
  let vx = uy;
  let vy = -ux;
  if (vx * (top.x - chin.x) + vy * (top.y - chin.y) < 0) [vx, vy] = [-vx, -vy];
  return {
    centre: { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 },
    ux,
    uy,
    vx,
    vy,
    width,
    height: Math.hypot(top.x - chin.x, top.y - chin.y) || 1,
  };
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Colour features: ln(luma), (R - Y) / Y and (B - Y) / Y, softened near black. */
const SOFT = 24;
function features(r: number, g: number, b: number, out: Float64Array, k: number) {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  out[k] = Math.log(y + SOFT);
  out[k + 1] = (r - y) / (y + SOFT);
  out[k + 2] = (b - y) / (y + SOFT);
}

/** A colour model: median and robust spread of each feature over some pixels. */
export interface ColourModel {
  median: [number, number, number];
  spread: [number, number, number];
  samples: number;
}

/** Spread floors: shading moves ln(luma) a lot, chroma little; hair varies more than skin. */
const SKIN_FLOOR: [number, number, number] = [0.3, 0.045, 0.045];
const HAIR_FLOOR: [number, number, number] = [0.4, 0.07, 0.07];

/** Median of a typed array (sorted in place: numeric, no comparator). */
function median(values: Float64Array): number {
  const s = values.sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** At most this many pixels make a colour model (evenly spread): medians need no more. */
const MODEL_SAMPLES = 512;

function colourModel(
  cols: [number[], number[], number[]],
  floor: [number, number, number],
): ColourModel {
  const n = cols[0].length;
  const stride = Math.max(1, n / MODEL_SAMPLES);
  const take = Math.min(n, MODEL_SAMPLES);
  const med: [number, number, number] = [0, 0, 0];
  const spread: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const col = cols[c]!;
    const v = new Float64Array(take);
    for (let k = 0; k < take; k++) v[k] = col[Math.floor(k * stride)]!;
    const m = median(v.slice());
    for (let k = 0; k < take; k++) v[k] = Math.abs(v[k]! - m);
    med[c] = m;
    // 1.4826 x the median absolute deviation: the standard deviation of a normal distribution.
    spread[c] = Math.max(floor[c]!, 1.4826 * median(v));
  }
  return { median: med, spread, samples: n };
}

/** Pixels within 3% of the face width of each skin sample landmark, as a colour model. */
export function skinModel(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  points: readonly Point[],
  faceWidth: number,
): ColourModel {
  const radius = Math.max(1, 0.03 * faceWidth);
  const cols: [number[], number[], number[]] = [[], [], []];
  const f = new Float64Array(3);
  for (const i of SKIN_SAMPLES) {
    const p = points[i];
    if (!p) continue;
    const x0 = Math.max(0, Math.floor(p.x - radius));
    const x1 = Math.min(width - 1, Math.ceil(p.x + radius));
    const y0 = Math.max(0, Math.floor(p.y - radius));
    const y1 = Math.min(height - 1, Math.ceil(p.y + radius));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        if ((x - p.x) ** 2 + (y - p.y) ** 2 > radius * radius + 0.5) continue;
        const k = 4 * (y * width + x);
        features(rgba[k]!, rgba[k + 1]!, rgba[k + 2]!, f, 0);
        for (let c = 0; c < 3; c++) cols[c]!.push(f[c]!);
      }
  }
  if (!cols[0].length) throw new Error('No skin samples inside the frame.');
  return colourModel(cols, SKIN_FLOOR);
}

/** Distance of features f (at offset k) from a model, in units of its spread. */
function modelDistance(model: ColourModel, f: Float64Array, k = 0): number {
  let d2 = 0;
  for (let c = 0; c < 3; c++) d2 += ((f[k + c]! - model.median[c]!) / model.spread[c]!) ** 2;
  return Math.sqrt(d2);
}

/** Distance of a colour from a model (e.g. the skin's), in units of its spread. */
export function skinDistance(model: ColourModel, r: number, g: number, b: number): number {
  const f = new Float64Array(3);
  features(r, g, b, f, 0);
  return modelDistance(model, f);
}

/** Distance of a colour's chroma alone (not its luma: shading) from a model, in its spreads. */
export function chromaDistance(model: ColourModel, r: number, g: number, b: number): number {
  const f = new Float64Array(3);
  features(r, g, b, f, 0);
  return Math.hypot(
    (f[1]! - model.median[1]) / model.spread[1],
    (f[2]! - model.median[2]) / model.spread[2],
  );
}

/** Signed distance from a polygon's edge: positive outside, negative inside (pixels). */
function signedDistance(poly: readonly Point[], x: number, y: number): number {
  let inside = false;
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const t = Math.min(
      1,
      Math.max(0, ((x - a.x) * ex + (y - a.y) * ey) / (ex * ex + ey * ey || 1)),
    );
    best = Math.min(best, (x - a.x - t * ex) ** 2 + (y - a.y - t * ey) ** 2);
  }
  return inside ? -Math.sqrt(best) : Math.sqrt(best);
}

/** Skin distances (in its spreads) where "not skin" starts and is sure; stricter for a fringe. */
const NOT_SKIN: [number, number] = [2, 3.5];
const FRINGE_NOT_SKIN: [number, number] = [3, 4.5];
/** Hair distances (in hair spreads) where "like the hair" fades out. */
const HAIR_LIKE: [number, number] = [2.5, 4];
/** The crown, where the hair's own colour is sampled: above the forehead, over the face's width. */
const CROWN = { halfWidth: 0.45, from: 0.02, to: 0.5 };

/**
 * The hair mask on the analysis grid (HairInput), as alpha 0..255. The scale to frame pixels is
 * the caller's (HairMask): the grid is the frame, resized.
 *
 * Clothes and the segmenter's mistakes (a background it took for the person) are not skin either,
 * so hair must also look like the hair sampled on the crown: not skin and like the hair, or a shade
 * off the skin but nearer the hair than the skin (auburn on a fair face). With no hair on the
 * crown, whatever is not skin above the forehead top counts (a hat), and nothing lower down.
 */
export function hairAlpha(input: HairInput): Uint8Array {
  const { width: w, height: h, rgba, person, points } = input;
  const face = faceFrame2D(points);
  const oval = FACE_OVAL.map((i) => points[i]!);
  const skin = skinModel(rgba, w, h, points, face.width);
  const W = face.width;
  const H = face.height;
  const { ux, uy, vx, vy } = face;
  const cx = face.centre.x;
  const cy = face.centre.y;
  const bOf = (p: Point) => (p.x - cx) * vx + (p.y - cy) * vy;
  const chinB = bOf(points[CHIN]!);
  const topB = bOf(points[FOREHEAD]!);
  const browB = Math.max(...BROW_TOPS.map((i) => bOf(points[i]!)));
  const eyeB = (bOf(points[33]!) + bOf(points[263]!)) / 2;
  // A fringe: inside the oval, above the brows by a third of the way to the forehead top.
  const fringeB = browB + (topB - browB) / 3;
  const maxB = topB + H;
  const feather = Math.max(1, 0.02 * W);
  /** How far beside the face hair may reach: one face width down to the eyes, half at the chin. */
  const reach = (b: number) =>
    W / 2 + W * (b >= eyeB ? 1 : 0.5 + (0.5 * (b - chinB)) / (eyeB - chinB || 1));
  const ovalBox = {
    x0: Math.min(...oval.map((p) => p.x)) - feather,
    x1: Math.max(...oval.map((p) => p.x)) + feather,
    y0: Math.min(...oval.map((p) => p.y)) - feather,
    y1: Math.max(...oval.map((p) => p.y)) + feather,
  };
  const outsideOval = (x: number, y: number) =>
    x < ovalBox.x0 || x > ovalBox.x1 || y < ovalBox.y0 || y > ovalBox.y1
      ? 1
      : smoothstep(-feather, feather, signedDistance(oval, x, y));

  // Only the band's bounding box can hold hair.
  const maxA = reach(eyeB);
  const corners = [
    [-maxA, chinB],
    [maxA, chinB],
    [-maxA, maxB],
    [maxA, maxB],
  ].map(([a, b]) => ({ x: cx + a! * ux + b! * vx, y: cy + a! * uy + b! * vy }));
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(...corners.map((c) => c.x))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(...corners.map((c) => c.y))));

  // Features and skin distance of every person pixel in the box, once.
  const f = new Float64Array(3);
  const feats = new Float64Array(3 * w * h);
  const dSkin = new Float32Array(w * h).fill(-1);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (person[i]! < 0.05) continue;
      const k = 4 * i;
      features(rgba[k]!, rgba[k + 1]!, rgba[k + 2]!, feats, 3 * i);
      dSkin[i] = modelDistance(skin, feats, 3 * i);
    }

  // The hair's own colour, from the crown: person, outside the oval, clearly not skin.
  const crown: [number[], number[], number[]] = [[], [], []];
  let crownArea = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const a = dx * ux + dy * uy;
      const b = dx * vx + dy * vy;
      if (Math.abs(a) > CROWN.halfWidth * W || b < topB + CROWN.from * H || b > topB + CROWN.to * H)
        continue;
      crownArea++;
      const i = y * w + x;
      if (person[i]! < 0.7 || dSkin[i]! < NOT_SKIN[0] + 0.5) continue;
      if (outsideOval(x + 0.5, y + 0.5) < 1) continue;
      for (let c = 0; c < 3; c++) crown[c]!.push(feats[3 * i + c]!);
    }
  const hair =
    crown[0].length >= Math.max(12, 0.05 * crownArea) ? colourModel(crown, HAIR_FLOOR) : null;

  const raw = new Float32Array(w * h);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      const ds = dSkin[i]!;
      if (ds < 0) continue; // not the person
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const a = dx * ux + dy * uy;
      const b = dx * vx + dy * vy;
      const band =
        smoothstep(chinB, chinB + 2 * feather, b) *
        (1 - smoothstep(reach(b) - 4 * feather, reach(b), Math.abs(a))) *
        (1 - smoothstep(maxB - 4 * feather, maxB, b));
      if (band <= 0) continue;
      const notSkin = smoothstep(NOT_SKIN[0], NOT_SKIN[1], ds);
      let colour: number;
      let fringe = 0;
      if (hair) {
        f[0] = feats[3 * i]!;
        f[1] = feats[3 * i + 1]!;
        f[2] = feats[3 * i + 2]!;
        const dh = modelDistance(hair, f);
        const hairLike = 1 - smoothstep(HAIR_LIKE[0], HAIR_LIKE[1], dh);
        // Like the hair, and not skin or a shade off the skin but nearer the hair.
        colour = hairLike * Math.max(notSkin, smoothstep(0, 1, ds - dh) * smoothstep(1, 2, ds));
        fringe = hairLike * smoothstep(FRINGE_NOT_SKIN[0], FRINGE_NOT_SKIN[1], ds);
      } else {
        // No hair on the crown: whatever is not skin above the forehead (a hat) still hides.
        colour = notSkin * smoothstep(topB, topB + 2 * feather, b);
      }
      if (colour <= 0 && fringe <= 0) continue;
      const outside = outsideOval(x + 0.5, y + 0.5);
      let v = colour * outside;
      if (outside < 1 && b > fringeB)
        v = Math.max(v, fringe * smoothstep(fringeB, fringeB + feather, b));
      raw[i] = person[i]! * band * v;
    }
  hangsFromAbove(raw, w, h, { x0, x1, y0, y1 }, face, eyeB);
  // Soft edges: a 3x3 box blur.
  const alpha = new Uint8Array(w * h);
  for (let y = Math.max(0, y0 - 1); y <= Math.min(h - 1, y1 + 1); y++)
    for (let x = Math.max(0, x0 - 1); x <= Math.min(w - 1, x1 + 1); x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          sum += raw[yy * w + xx]!;
          n++;
        }
      }
      alpha[y * w + x] = Math.round((255 * sum) / n);
    }
  return alpha;
}

/**
 * Below the eyes, hair hangs from above: a pixel keeps its hair value only up to the most hair
 * among its three neighbours on the head's up side (processed from the top down, so it spreads
 * down along strands, up to 45 degrees off vertical). A dark collar or a jacket below a skin-
 * coloured neck or ear, or a beard below the cheek, is then not taken for hair over the ear.
 */
function hangsFromAbove(
  raw: Float32Array,
  w: number,
  h: number,
  box: { x0: number; x1: number; y0: number; y1: number },
  face: FaceFrame2D,
  eyeB: number,
) {
  const { vx, vy } = face;
  const cx = face.centre.x;
  const cy = face.centre.y;
  // Walk the grid's axis nearest the head's down direction; "up" neighbours are one step back.
  const rows = Math.abs(vy) >= Math.abs(vx);
  const sign = rows ? (vy < 0 ? 1 : -1) : vx < 0 ? 1 : -1; // +1: down is +y (or +x)
  const [o0, o1] = rows ? [box.y0, box.y1] : [box.x0, box.x1];
  const [q0, q1] = rows ? [box.x0, box.x1] : [box.y0, box.y1];
  for (let step = 1; step <= o1 - o0; step++) {
    const o = sign > 0 ? o0 + step : o1 - step;
    const back = o - sign;
    for (let q = q0; q <= q1; q++) {
      const [x, y] = rows ? [q, o] : [o, q];
      const i = y * w + x;
      if (raw[i]! <= 0) continue;
      if ((x + 0.5 - cx) * vx + (y + 0.5 - cy) * vy >= eyeB) continue;
      let above = 0;
      for (let d = -1; d <= 1; d++) {
        const qq = q + d;
        if (qq < q0 || qq > q1) continue;
        const [xx, yy] = rows ? [qq, back] : [back, qq];
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        above = Math.max(above, raw[yy * w + xx]!);
      }
      raw[i] = Math.min(raw[i]!, above);
    }
  }
}

/** hairAlpha() with its transform to a frame of frameWidth x frameHeight pixels. */
export function hairMask(input: HairInput, frameWidth: number, frameHeight: number): HairMask {
  return {
    width: input.width,
    height: input.height,
    alpha: hairAlpha(input),
    scaleX: frameWidth / input.width,
    scaleY: frameHeight / input.height,
  };
}

/**
 * The share of hair (0..1) in the disc of `radiusPx` frame pixels around `point` (frame pixels):
 * e.g. hairCovers(mask, geometry.leftEarLobe, 0.04 * faceWidth) > 0.5 means hair hides that ear.
 */
export function hairCovers(mask: HairMask, point: Point, radiusPx: number): number {
  const cx = point.x / mask.scaleX;
  const cy = point.y / mask.scaleY;
  const rx = Math.max(0.5, radiusPx / mask.scaleX);
  const ry = Math.max(0.5, radiusPx / mask.scaleY);
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++)
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      if (((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 > 1) continue;
      n++; // outside the frame counts as not hair
      if (x >= 0 && y >= 0 && x < mask.width && y < mask.height)
        sum += mask.alpha[y * mask.width + x]!;
    }
  if (!n) {
    const x = Math.floor(cx);
    const y = Math.floor(cy);
    return x >= 0 && y >= 0 && x < mask.width && y < mask.height
      ? mask.alpha[y * mask.width + x]! / 255
      : 0;
  }
  return sum / (255 * n);
}
