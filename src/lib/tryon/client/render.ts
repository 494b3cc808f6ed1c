/**
 * Canvas renderers, one per product type, drawing a placement (shared/placement.ts) over the
 * frame. Everything is drawn in the source frame's pixel space; a mirrored camera view flips the
 * whole canvas once, so the maths never needs to know.
 */
import type { TryOnParams } from '../../catalog/types';
import type { FaceGeometry, Point } from '../shared/geometry';
import {
  lipstickLayers,
  place,
  type EarringPlacement,
  type GlassesPlacement,
  type HatPlacement,
  type LipstickPlacement,
} from '../shared/placement';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface RenderInput {
  source: CanvasImageSource;
  width: number;
  height: number;
  mirrored: boolean;
  /** The face to dress, or null to show the bare frame. */
  face: FaceGeometry | null;
  product: TryOnParams | null;
}

export function renderTryOn(ctx: Ctx, input: RenderInput): void {
  const { width, height, mirrored } = input;
  ctx.save();
  ctx.setTransform(mirrored ? -1 : 1, 0, 0, 1, mirrored ? width : 0, 0);
  ctx.drawImage(input.source, 0, 0, width, height);
  if (input.face && input.product) drawPlacement(ctx, place(input.face, input.product));
  ctx.restore();
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

/** A scratch canvas for the lips, reused from frame to frame (grown when needed). */
let scratch: OffscreenCanvas | HTMLCanvasElement | null = null;
function lipLayer(w: number, h: number): OffscreenCanvas | HTMLCanvasElement {
  if (!scratch || scratch.width < w || scratch.height < h) {
    const [cw, ch] = [Math.max(w, scratch?.width ?? 0), Math.max(h, scratch?.height ?? 0)];
    if (typeof OffscreenCanvas !== 'undefined') scratch = new OffscreenCanvas(cw, ch);
    else {
      scratch = document.createElement('canvas');
      scratch.width = cw;
      scratch.height = ch;
    }
  }
  return scratch;
}

function drawLipstick(ctx: Ctx, p: LipstickPlacement) {
  const { params } = p;
  const width = Math.hypot(p.outer[10]!.x - p.outer[0]!.x, p.outer[10]!.y - p.outer[0]!.y);
  // Soft edges: lipstick follows the lip line, it is not a sticker. The blur runs on a small layer
  // around the mouth only (a blur filter on the whole frame costs tens of ms per frame).
  const blur = Math.max(0.5, width * 0.012);
  const pad = Math.ceil(blur * 3) + 2;
  const xs = p.outer.map((q) => q.x);
  const ys = p.outer.map((q) => q.y);
  const x0 = Math.floor(Math.min(...xs)) - pad;
  const y0 = Math.floor(Math.min(...ys)) - pad;
  const w = Math.ceil(Math.max(...xs)) - x0 + pad;
  const h = Math.ceil(Math.max(...ys)) - y0 + pad;
  const layer = lipLayer(w, h);
  const l = layer.getContext('2d') as Ctx | null;
  if (!l) return;
  l.setTransform(1, 0, 0, 1, 0, 0);
  l.clearRect(0, 0, layer.width, layer.height);
  l.filter = `blur(${blur.toFixed(1)}px)`;
  l.translate(-x0, -y0);
  l.beginPath();
  smoothContour(l, p.outer);
  smoothContour(l, p.inner);
  l.fillStyle = params.colour;
  l.fill('evenodd');
  l.filter = 'none';
  // Multiply keeps the lips' own texture and shading; a normal layer on top sets the colour.
  const layers = lipstickLayers(params);
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = layers.multiply;
  ctx.drawImage(layer, 0, 0, w, h, x0, y0, w, h);
  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = layers.normal;
  ctx.drawImage(layer, 0, 0, w, h, x0, y0, w, h);
  ctx.globalAlpha = 1;
  if (p.highlight) {
    const { centre, rx, ry, roll } = p.highlight;
    ctx.save();
    ctx.translate(centre.x, centre.y);
    ctx.rotate(roll);
    ctx.scale(1, ry / rx);
    const glow = ctx.createRadialGradient(0, 0, 0, 0, 0, rx);
    glow.addColorStop(0, 'rgb(255 255 255 / 55%)');
    glow.addColorStop(1, 'rgb(255 255 255 / 0%)');
    ctx.globalCompositeOperation = 'screen';
    ctx.globalAlpha = 1;
    ctx.fillStyle = glow;
    ctx.beginPath();
    ctx.arc(0, 0, rx, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }
}

/** Key points in canvas pixels (mirroring applied), for tests and assistive hints. */
export function anchorsOf(face: FaceGeometry, width: number, mirrored: boolean) {
  const f = (p: Point) => [Math.round(mirrored ? width - p.x : p.x), Math.round(p.y)];
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
  };
}
