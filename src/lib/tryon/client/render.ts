/**
 * Draws a try-on picture: the frame, then the product. Eyewear, hats and earrings are 3D models,
 * rendered off the UI thread (client/scene.ts) from the request made here (sceneRequest) and laid
 * over the frame with a soft shadow under frames and brims, and the hair laid back over hats and
 * earrings where it falls in front of them; lipstick is painted on the lips here. Where WebGL is
 * missing, the flat canvas drawings below stand in for the 3D models.
 * Everything is drawn in the source frame's pixel space; a mirrored camera view flips the whole
 * canvas once, so the maths never needs to know.
 */
import type { TryOnParams } from '../../catalog/types';
import type { FaceGeometry, Point } from '../shared/geometry';
import { hairCovers, type HairMask } from '../shared/hair';
import type { LightEstimate } from '../shared/light';
import { is3d, place3d, type Placement3d } from '../shared/placement3d';
import { applyLipstick } from '../shared/lipstick';
import {
  place,
  type EarringPlacement,
  type GlassesPlacement,
  type HatPlacement,
  type LipstickPlacement,
} from '../shared/placement';
import type { SceneLayer, SceneLayers, SceneRequest } from '../three/scene';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
type Layer = HTMLCanvasElement | OffscreenCanvas;

/** What the frame says about itself, beyond the face: its light and its hair. */
export interface FrameLook {
  light?: LightEstimate;
  hair?: HairMask;
}

/**
 * A 3D product's rendered layers with the placement they were made for; 'pending' while they
 * are on their way (the bare frame shows), 'flat' where there is no WebGL (drawn in 2D).
 */
export type ThreeInput = { placement: Placement3d; layers: SceneLayers } | 'pending' | 'flat';

export interface RenderInput {
  source: CanvasImageSource;
  width: number;
  height: number;
  mirrored: boolean;
  /** The face to dress, or null to show the bare frame. */
  face: FaceGeometry | null;
  product: TryOnParams | null;
  /** For a 3D product; absent: drawn flat. */
  three?: ThreeInput;
  look?: FrameLook;
}

export interface Rendered {
  /** Where the 3D product meets the face, in canvas pixels (mirroring applied). */
  keys?: Record<string, [number, number]>;
}

/** Share of hair around a lobe above which the earring is not drawn: hair hides that ear. */
export const HAIR_HIDES_EAR = 0.5;

/**
 * What the scene must draw for this face: the product seated by placement3d, the frame's light,
 * earrings the hair hides left out (and their key points with them, as those of an ear turned
 * away), and a hat split round the hair when there is a hair mask.
 */
export function sceneRequest(
  face: FaceGeometry,
  product: TryOnParams & { kind: 'eyewear' | 'hat' | 'earring' },
  width: number,
  height: number,
  look: FrameLook = {},
): SceneRequest & { hidden: ('right' | 'left')[] } {
  const placement = place3d(face, product);
  const hidden = hiddenEars(face, product, look.hair);
  for (const seat of placement.seats)
    if (seat.side && (!seat.facing || hidden.includes(seat.side)))
      delete placement.keys[`${seat.side}Lobe`];
  return {
    product,
    placement,
    width,
    height,
    light: look.light,
    hidden,
    split: !!look.hair && product.kind === 'hat',
  };
}

export function renderTryOn(ctx: Ctx, input: RenderInput): Rendered {
  const { width, height, mirrored, face, product, three, look } = input;
  const rendered: Rendered = {};
  ctx.save();
  ctx.setTransform(mirrored ? -1 : 1, 0, 0, 1, mirrored ? width : 0, 0);
  ctx.drawImage(input.source, 0, 0, width, height);
  if (face && product) {
    if (!is3d(product) || !three || three === 'flat') drawPlacement(ctx, place(face, product));
    else if (three !== 'pending') {
      // A split hat: the part behind the face's plane, the hair falling over it, then the brim.
      const [first, front] = three.layers;
      const p = three.placement;
      if (first) {
        contactShadow(ctx, first, p);
        ctx.drawImage(first.bitmap, first.x, first.y, first.width, first.height);
      }
      if (look?.hair && p.kind !== 'eyewear')
        hairInFront(ctx, input.source, look.hair, p, width, height);
      if (front) ctx.drawImage(front.bitmap, front.x, front.y, front.width, front.height);
      rendered.keys = Object.fromEntries(
        Object.entries(p.keys).map(([k, q]) => [
          k,
          [Math.round(mirrored ? width - q.x : q.x), Math.round(q.y)],
        ]),
      );
    }
  }
  ctx.restore();
  return rendered;
}

/** Ears the hair covers, when the product is earrings. */
export function hiddenEars(
  face: FaceGeometry,
  product: TryOnParams,
  hair: HairMask | undefined,
): ('right' | 'left')[] {
  if (!hair || product.kind !== 'earring') return [];
  const r = 0.04 * face.faceWidth;
  return (
    [
      ['right', face.rightEarLobe],
      ['left', face.leftEarLobe],
    ] as const
  )
    .filter(([, lobe]) => hairCovers(hair, lobe, r) > HAIR_HIDES_EAR)
    .map(([side]) => side);
}

/** Soft shadows on the face: under frames, and under a hat's brim or band on the forehead. */
const SHADOW = {
  eyewear: { blurMm: 1.5, dropMm: 2.5, alpha: 0.3 },
  hat: { blurMm: 5, dropMm: 8, alpha: 0.35 },
} as const;

/** The layer darkened, blurred and a little lower, over the face only. */
function contactShadow(ctx: Ctx, layer: SceneLayer, p: Placement3d) {
  const { x: lx, y: ly, width, height } = layer;
  if (p.kind === 'earring') return;
  const s = p.head.pxPerMm;
  const k = p.keys;
  let box: [number, number, number, number]; // x0, y0, x1, y1 of the face it may fall on
  if (p.kind === 'eyewear') {
    const xs = [k.frameRight!.x, k.frameLeft!.x];
    const ys = [k.frameRight!.y, k.frameLeft!.y, k.bridge!.y];
    const pad = 40 * s;
    box = [
      Math.min(...xs) - pad,
      Math.min(...ys) - pad,
      Math.max(...xs) + pad,
      Math.max(...ys) + pad,
    ];
  } else {
    // Within the head's width, from the band down over the forehead.
    const band = p.band ?? [];
    const xs = band.map((q) => q.x);
    const ys = band.map((q) => q.y);
    box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys) + 30 * s];
  }
  const { blurMm, dropMm, alpha } = SHADOW[p.kind];
  const drop = dropMm * s;
  // From the layer's corner (lx, ly), in frame pixels; the bitmap has q of its pixels per one.
  const x0 = Math.max(0, Math.floor(box[0] - lx));
  const y0 = Math.max(0, Math.floor(box[1] - ly));
  const x1 = Math.min(width, Math.ceil(box[2] - lx));
  const y1 = Math.min(height, Math.ceil(box[3] - ly));
  if (x1 <= x0 || y1 <= y0) return;
  const q = layer.bitmap.width / width;
  ctx.save();
  ctx.translate(lx, ly);
  ctx.beginPath();
  ctx.rect(x0, y0, x1 - x0, y1 - y0);
  ctx.clip();
  ctx.filter = `blur(${(blurMm * s).toFixed(1)}px) brightness(0)`;
  ctx.globalAlpha = alpha;
  // The source a shadow's height above the box, so what casts it from there is included.
  const sy = Math.max(0, Math.floor(y0 - drop));
  const [sw, sh] = [x1 - x0, y1 - sy];
  ctx.drawImage(layer.bitmap, x0 * q, sy * q, sw * q, sh * q, x0, sy + drop, sw, sh);
  ctx.restore();
}

/** Scratch canvases, reused from frame to frame (grown when needed). */
const scratches = new Map<string, Layer>();
function scratch(name: string, w: number, h: number): Layer {
  let c = scratches.get(name);
  if (!c || c.width < w || c.height < h) {
    const [cw, ch] = [Math.max(w, c?.width ?? 0), Math.max(h, c?.height ?? 0)];
    if (typeof OffscreenCanvas !== 'undefined') c = new OffscreenCanvas(cw, ch);
    else {
      c = document.createElement('canvas');
      c.width = cw;
      c.height = ch;
    }
    scratches.set(name, c);
  }
  return c;
}
const context = (c: Layer) => c.getContext('2d') as Ctx | null;

/**
 * The hair mask as a canvas's alpha, made once per mask: a live view draws every display frame,
 * while a new mask comes about once a second.
 */
let hairCanvas: { hair: HairMask; canvas: Layer } | null = null;
function hairMaskCanvas(hair: HairMask): Layer | null {
  if (hairCanvas?.hair === hair) return hairCanvas.canvas;
  const canvas = scratch('hair-mask', hair.width, hair.height);
  const m = context(canvas);
  if (!m) return null;
  const image = new ImageData(hair.width, hair.height);
  for (let i = 0; i < hair.alpha.length; i++) image.data[4 * i + 3] = hair.alpha[i]!;
  m.putImageData(image, 0, 0);
  hairCanvas = { hair, canvas };
  return canvas;
}

/**
 * The frame's own hair, laid back over the product where hair falls in front of it: below a
 * hat's band (a fringe over the band, hair over the crown and brim at the sides and back) and
 * around the ear lobes.
 */
function hairInFront(
  ctx: Ctx,
  source: CanvasImageSource,
  hair: HairMask,
  p: Placement3d,
  width: number,
  height: number,
) {
  const mask = hairMaskCanvas(hair);
  const layer = scratch('hair', width, height);
  const l = context(layer);
  if (!mask || !l) return;
  l.save();
  l.setTransform(1, 0, 0, 1, 0, 0);
  l.clearRect(0, 0, width, height);
  l.beginPath();
  if (p.kind === 'hat' && p.band) {
    // Below the band's front half as it is seen, down to the frame's bottom.
    const band = p.band;
    l.moveTo(band[0]!.x, height);
    for (const q of band) l.lineTo(q.x, q.y);
    l.lineTo(band.at(-1)!.x, height);
  } else {
    const r = 25 * p.head.pxPerMm;
    for (const key of ['rightLobe', 'leftLobe']) {
      const c = p.keys[key];
      if (!c) continue;
      l.moveTo(c.x + r, c.y + 2 * r);
      l.ellipse(c.x, c.y + r, r, 2 * r, 0, 0, 2 * Math.PI);
    }
  }
  l.clip();
  l.drawImage(source, 0, 0, width, height);
  l.globalCompositeOperation = 'destination-in';
  l.drawImage(mask, 0, 0, hair.width, hair.height, 0, 0, width, height);
  l.restore();
  ctx.drawImage(layer, 0, 0, width, height, 0, 0, width, height);
}

export function drawPlacement(ctx: Ctx, p: ReturnType<typeof place>): void {
  ctx.save();
  switch (p.kind) {
    case 'eyewear':
      drawGlasses(ctx, p);
      break;
    case 'hat':
      drawHat(ctx, p);
      break;
    case 'earring':
      drawEarrings(ctx, p);
      break;
    case 'lipstick':
      drawLipstick(ctx, p);
      break;
  }
  ctx.restore();
}

/* ------------------------------------------------------------------ glasses and sunglasses */

/** One lens outline in millimetres, centred at (cx, 0); `out` is +1 when the outer side is +x. */
function lensPath(
  ctx: Ctx,
  shape: GlassesPlacement['params']['frameShape'],
  cx: number,
  w: number,
  h: number,
  out: number,
) {
  const [x0, x1, y0, y1] = [cx - w / 2, cx + w / 2, -h / 2, h / 2];
  ctx.beginPath();
  switch (shape) {
    case 'round':
    case 'oval':
      ctx.ellipse(cx, 0, w / 2, h / 2, 0, 0, 2 * Math.PI);
      break;
    case 'rectangle':
      ctx.roundRect(x0, y0, w, h, Math.min(w, h) * 0.18);
      break;
    case 'square':
      ctx.roundRect(x0, y0, w, h, Math.min(w, h) * 0.12);
      break;
    case 'cat-eye': {
      // Upswept outer corner, narrower inner bottom.
      const outer = out > 0 ? x1 : x0;
      const inner = out > 0 ? x0 : x1;
      ctx.moveTo(inner, y0 + h * 0.15);
      ctx.quadraticCurveTo(cx, y0 - h * 0.05, outer + out * w * 0.06, y0 - h * 0.12);
      ctx.quadraticCurveTo(outer, y1 * 0.6, cx + out * w * 0.1, y1);
      ctx.quadraticCurveTo(inner, y1, inner, y0 + h * 0.15);
      break;
    }
    case 'aviator': {
      // Teardrop: a nearly straight brow, the lens swelling down and deepest towards the nose.
      const outer = out > 0 ? x1 : x0;
      const inner = out > 0 ? x0 : x1;
      ctx.moveTo(inner, y0 + h * 0.05);
      ctx.quadraticCurveTo(cx, y0 - h * 0.08, outer, y0);
      ctx.bezierCurveTo(
        outer + out * w * 0.04,
        y0 + h * 0.55,
        cx + out * w * 0.25,
        y1,
        cx - out * w * 0.05,
        y1,
      );
      ctx.bezierCurveTo(inner - out * w * 0.02, y1, inner, y0 + h * 0.55, inner, y0 + h * 0.05);
      break;
    }
  }
  ctx.closePath();
}

function drawGlasses(ctx: Ctx, p: GlassesPlacement) {
  const { params } = p;
  const frameMm = params.lensOpacity > 0.3 ? 2.4 : 1.8;
  // Temples first: they run behind the front, towards the ears; the far one is hidden.
  ctx.strokeStyle = params.frameColour;
  ctx.lineCap = 'round';
  ctx.lineWidth = frameMm * 1.2 * p.pxPerMmY;
  for (const t of p.temples) {
    if (!t.visible) continue;
    ctx.beginPath();
    ctx.moveTo(t.from.x, t.from.y);
    ctx.lineTo(t.to.x, t.to.y);
    ctx.stroke();
  }

  ctx.translate(p.centre.x, p.centre.y);
  ctx.rotate(p.roll);
  ctx.scale(p.pxPerMmX, p.pxPerMmY);
  const offset = p.bridgeWidthMm / 2 + p.lensWidthMm / 2;
  const [w, h] = [p.lensWidthMm, p.lensHeightMm];
  for (const side of [-1, 1]) {
    lensPath(ctx, params.frameShape, side * offset, w, h, side);
    // Lenses: the catalog's tint at its opacity (clear lenses get a faint sheen).
    ctx.globalAlpha = Math.max(params.lensOpacity, 0.05);
    ctx.fillStyle = params.lensTint;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = params.frameColour;
    ctx.lineWidth = frameMm;
    ctx.stroke();
  }
  ctx.lineWidth = frameMm;
  ctx.beginPath();
  // The bridge, arched over the nose.
  ctx.moveTo(-p.bridgeWidthMm / 2 - 0.5, -h * 0.18);
  ctx.quadraticCurveTo(0, -h * 0.42, p.bridgeWidthMm / 2 + 0.5, -h * 0.18);
  // End pieces, from each lens to its hinge.
  const edge = offset + w / 2;
  const hinge = p.frontWidthMm / 2;
  ctx.moveTo(-edge + 0.5, -h * 0.25);
  ctx.lineTo(-hinge, -4);
  ctx.moveTo(edge - 0.5, -h * 0.25);
  ctx.lineTo(hinge, -4);
  ctx.stroke();
}

/* ------------------------------------------------------------------------------------ hats */

function drawHat(ctx: Ctx, p: HatPlacement) {
  const { params } = p;
  const hw = p.headWidth / 2;
  const ch = p.crownHeight;
  ctx.translate(p.band.x, p.band.y);
  ctx.rotate(p.roll);
  ctx.lineJoin = 'round';
  const shade = 'rgb(0 0 0 / 18%)';

  const brim = () => {
    if (params.style === 'beanie') return;
    ctx.fillStyle = params.brimColour;
    ctx.beginPath();
    if (params.style === 'cap') {
      // A visor to the front: a flat half-ellipse below the band.
      ctx.ellipse(0, 0, hw * 0.92, p.brimDepth * 0.9, 0, 0, Math.PI);
    } else if (params.style === 'bucket') {
      const bw = p.brimWidth / 2;
      ctx.moveTo(-hw, -p.brimDepth * 0.2);
      ctx.lineTo(hw, -p.brimDepth * 0.2);
      ctx.lineTo(bw, p.brimDepth);
      ctx.lineTo(-bw, p.brimDepth);
    } else {
      ctx.ellipse(0, 0, p.brimWidth / 2, p.brimDepth, 0, 0, 2 * Math.PI);
    }
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = shade;
    ctx.lineWidth = Math.max(1, hw * 0.02);
    ctx.stroke();
  };

  const crown = () => {
    ctx.fillStyle = params.crownColour;
    ctx.beginPath();
    switch (params.style) {
      case 'fedora':
        // Tapered sides and a pinched top.
        ctx.moveTo(-hw * 0.92, 0);
        ctx.lineTo(-hw * 0.78, -ch * 0.92);
        ctx.quadraticCurveTo(0, -ch * 1.1, hw * 0.78, -ch * 0.92);
        ctx.lineTo(hw * 0.92, 0);
        break;
      case 'bucket':
        ctx.moveTo(-hw, 0);
        ctx.lineTo(-hw * 0.8, -ch);
        ctx.lineTo(hw * 0.8, -ch);
        ctx.lineTo(hw, 0);
        break;
      default:
        // Cap, beanie and sun hat: a dome.
        ctx.moveTo(-hw, 0);
        ctx.bezierCurveTo(-hw, -ch * 1.3, hw, -ch * 1.3, hw, 0);
    }
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = shade;
    ctx.lineWidth = Math.max(1, hw * 0.02);
    ctx.stroke();
    // The band (a beanie's turned-up cuff) where the crown meets the brim.
    const band = params.style === 'beanie' ? ch * 0.28 : ch * 0.12;
    ctx.fillStyle =
      params.bandColour ?? (params.style === 'beanie' ? params.crownColour : params.brimColour);
    ctx.fillRect(-hw * 0.98, -band, hw * 1.96, band);
    ctx.fillStyle = shade;
    ctx.fillRect(-hw * 0.98, -band, hw * 1.96, Math.max(1, band * 0.15));
  };

  // A wide brim shows behind the crown at the back and over the forehead at the front.
  if (params.style === 'cap') {
    crown();
    brim();
  } else {
    brim();
    crown();
  }
}

/* -------------------------------------------------------------------------------- earrings */

function drawEarrings(ctx: Ctx, p: EarringPlacement) {
  const { params, size } = p;
  const metal = params.metalColour;
  for (const ear of p.ears) {
    if (!ear.visible) continue;
    ctx.save();
    ctx.translate(ear.at.x, ear.at.y);
    ctx.rotate(p.roll);
    ctx.fillStyle = metal;
    ctx.strokeStyle = metal;
    if (params.style === 'stud') {
      disc(ctx, { x: 0, y: 0 }, size / 2, params.stoneColour ?? metal);
    } else if (params.style === 'hoop') {
      ctx.lineWidth = Math.max(1.5, size * 0.1);
      ctx.beginPath();
      ctx.arc(0, size / 2, size / 2, 0, 2 * Math.PI);
      ctx.stroke();
    } else {
      // Drop: a small stud, a short chain, and the stone hanging below.
      disc(ctx, { x: 0, y: 0 }, Math.max(1.5, size * 0.1), metal);
      ctx.lineWidth = Math.max(1, size * 0.04);
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.lineTo(0, size * 0.55);
      ctx.stroke();
      ctx.beginPath();
      const r = size * 0.22;
      ctx.moveTo(0, size * 0.5);
      ctx.bezierCurveTo(r * 1.4, size * 0.75, r, size, 0, size);
      ctx.bezierCurveTo(-r, size, -r * 1.4, size * 0.75, 0, size * 0.5);
      ctx.fillStyle = params.stoneColour ?? metal;
      ctx.fill();
      ctx.lineWidth = Math.max(1, size * 0.03);
      ctx.stroke();
    }
    ctx.restore();
  }
}

function disc(ctx: Ctx, at: Point, r: number, fill: string) {
  ctx.beginPath();
  ctx.arc(at.x, at.y, Math.max(1.5, r), 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = Math.max(1, r * 0.25);
  ctx.stroke();
  // A glint, so metal reads as metal.
  ctx.beginPath();
  ctx.arc(at.x - r * 0.3, at.y - r * 0.3, Math.max(0.6, r * 0.25), 0, 2 * Math.PI);
  ctx.fillStyle = 'rgb(255 255 255 / 70%)';
  ctx.fill();
}

/* -------------------------------------------------------------------------------- lipstick */

/** A smooth closed curve through the points (quadratic curves between midpoints). */
function smoothContour(ctx: Ctx, pts: readonly Point[]) {
  const n = pts.length;
  const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const start = mid(pts[n - 1]!, pts[0]!);
  ctx.moveTo(start.x, start.y);
  for (let i = 0; i < n; i++) {
    const m = mid(pts[i]!, pts[(i + 1) % n]!);
    ctx.quadraticCurveTo(pts[i]!.x, pts[i]!.y, m.x, m.y);
  }
  ctx.closePath();
}

/**
 * The lipstick, pixel by pixel (shared/lipstick.ts): the frame's pixels in the box around the
 * mouth are read, coloured where the soft lip mask covers them, and written back. Read and write
 * ignore the canvas's transform (a mirrored camera view flips it), so all of it happens in the
 * canvas's own pixels: the lip contours are carried there by the transform first.
 */
function drawLipstick(ctx: Ctx, p: LipstickPlacement) {
  const t = ctx.getTransform();
  const toCanvas = (q: Point): Point => ({
    x: t.a * q.x + t.c * q.y + t.e,
    y: t.b * q.x + t.d * q.y + t.f,
  });
  const outer = p.outer.map(toCanvas);
  const inner = p.inner.map(toCanvas);
  const mouth = Math.hypot(outer[10]!.x - outer[0]!.x, outer[10]!.y - outer[0]!.y);
  // Soft edges: lipstick follows the lip line, it is not a sticker.
  const blur = Math.max(0.5, mouth * 0.012);
  const pad = Math.ceil(blur * 3) + 2;
  const xs = outer.map((q) => q.x);
  const ys = outer.map((q) => q.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad);
  const w = Math.min(ctx.canvas.width, Math.ceil(Math.max(...xs)) + pad) - x0;
  const h = Math.min(ctx.canvas.height, Math.ceil(Math.max(...ys)) + pad) - y0;
  if (w <= 0 || h <= 0) return;
  // The mask: the lips (outer contour less the mouth's opening), blurred a little.
  const layer = scratch('lips', w, h);
  const l = layer.getContext('2d', { willReadFrequently: true }) as Ctx | null;
  if (!l) return;
  l.setTransform(1, 0, 0, 1, 0, 0);
  l.clearRect(0, 0, w, h);
  l.filter = `blur(${blur.toFixed(1)}px)`;
  l.translate(-x0, -y0);
  l.beginPath();
  smoothContour(l, outer);
  smoothContour(l, inner);
  l.fillStyle = '#000';
  l.fill('evenodd');
  l.filter = 'none';
  const mask = l.getImageData(0, 0, w, h).data;
  const frame = ctx.getImageData(x0, y0, w, h);
  const box = { data: frame.data, width: w, height: h, origin: { x: x0, y: y0 } };
  applyLipstick(box, mask, outer, inner, p.params);
  ctx.putImageData(frame, x0, y0);
}

/** Key points in canvas pixels (mirroring applied), for tests and assistive hints. */
export function anchorsOf(face: FaceGeometry, width: number, mirrored: boolean) {
  const f = (p: Point) => [Math.round(mirrored ? width - p.x : p.x), Math.round(p.y)];
  const tenth = (v: number) => Math.round(10 * v) / 10;
  const g = (p: Point) => [tenth(mirrored ? width - p.x : p.x), tenth(p.y)];
  const lips = face.lipsOuter;
  const inner = face.lipsInner;
  return {
    rightEyeOuter: f(face.rightEyeOuter),
    leftEyeOuter: f(face.leftEyeOuter),
    rightEye: f(face.rightEyeCentre),
    leftEye: f(face.leftEyeCentre),
    // Middle of each lip's body: between the outer and inner contour at the centre line.
    upperLip: f({ x: (lips[5]!.x + inner[5]!.x) / 2, y: (lips[5]!.y + inner[5]!.y) / 2 }),
    lowerLip: f({ x: (lips[15]!.x + inner[15]!.x) / 2, y: (lips[15]!.y + inner[15]!.y) / 2 }),
    chin: f(face.chin),
    noseBridge: f(face.noseBridge),
    foreheadTop: f(face.foreheadTop),
    rightBrow: f(face.mesh[BROWS[0]]!),
    leftBrow: f(face.mesh[BROWS[1]]!),
    rightFaceSide: f(face.rightFaceSide),
    leftFaceSide: f(face.leftFaceSide),
    rightLobe: f(face.rightEarLobe),
    leftLobe: f(face.leftEarLobe),
    // The lips' contours (to a tenth of a pixel), for a test to find the lips' mean as drawn.
    lipsOuter: lips.map(g),
    lipsInner: inner.map(g),
  };
}

/** The top of each brow's arch (the wearer's right, then left). */
const BROWS = [105, 334] as const;
