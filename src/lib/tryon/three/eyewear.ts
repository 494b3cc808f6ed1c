/**
 * Glasses and sunglasses as a 3D model, made from the catalog parameters: each rim is a profile
 * swept round the lens outline (the outlines of the 2D renderer, client/render.ts, flipped to
 * y up), lenses are gently domed surfaces inside them, and the end pieces turn back into hinge
 * blocks from which the temples run to the ears and bend down behind them.
 *
 * Anchor frame (products.ts): millimetres, origin at the middle of the bridge where it rests on
 * the nose (landmark 168), +x the wearer's left, +y up, +z out of the face. Frames are wire
 * (metal: thin round rims, nose pads) when the shape is aviator or the colour is a metal one;
 * otherwise moulded acetate (flat, thicker rims). Every rim is at least 1.6 mm thick.
 */
import * as THREE from 'three';
import type { EyewearParams } from '../../catalog/types';
import { circleSection, grid, resample, roundedSection, sweep, type Section } from './geometry';
import { LENS_ASPECT } from '../shared/placement';
import { acetate, isMetalColour, lens, metal } from './materials';

type FrameShape = EyewearParams['frameShape'];

/** Lens centres sit this far below the bridge's resting point (mm). */
export const LENS_Y = -2;
/** Temples: straight back this far behind the hinge, then down 25° for the last 25 mm. */
const TEMPLE_STRAIGHT_MM = 76;
const TEMPLE_DROP_MM = 25;
const TEMPLE_DROP = THREE.MathUtils.degToRad(25);
/** Height of the hinges and temples (mm, the temples run from here down to y = -3). */
const HINGE_Y = 2;
/** Points round each lens outline (and rim). */
const OUTLINE_POINTS = 64;

export function isWireFrame(p: EyewearParams): boolean {
  return p.frameShape === 'aviator' || isMetalColour(p.frameColour);
}

/**
 * One lens outline, centred on (0, 0), counter-clockwise, exactly w × h, evenly spaced.
 * `out` is +1 when the temple side is +x. Drawn in canvas terms (y down), as render.ts does.
 */
export function lensOutline(shape: FrameShape, w: number, h: number, out: number) {
  const [x0, x1, y0, y1] = [-w / 2, w / 2, -h / 2, h / 2];
  const outer = out > 0 ? x1 : x0;
  const inner = out > 0 ? x0 : x1;
  const s = new THREE.Shape();
  const roundRect = (r: number) => {
    s.moveTo(x0 + r, y0);
    s.lineTo(x1 - r, y0);
    s.quadraticCurveTo(x1, y0, x1, y0 + r);
    s.lineTo(x1, y1 - r);
    s.quadraticCurveTo(x1, y1, x1 - r, y1);
    s.lineTo(x0 + r, y1);
    s.quadraticCurveTo(x0, y1, x0, y1 - r);
    s.lineTo(x0, y0 + r);
    s.quadraticCurveTo(x0, y0, x0 + r, y0);
  };
  switch (shape) {
    case 'round':
    case 'oval':
      s.absellipse(0, 0, w / 2, h / 2, 0, 2 * Math.PI, false, 0);
      break;
    case 'rectangle':
      roundRect(Math.min(w, h) * 0.18);
      break;
    case 'square':
      roundRect(Math.min(w, h) * 0.12);
      break;
    case 'cat-eye':
      // Upswept outer corner, narrower inner bottom.
      s.moveTo(inner, y0 + h * 0.15);
      s.quadraticCurveTo(0, y0 - h * 0.05, outer + out * w * 0.06, y0 - h * 0.12);
      s.quadraticCurveTo(outer, y1 * 0.6, out * w * 0.1, y1);
      s.quadraticCurveTo(inner, y1, inner, y0 + h * 0.15);
      break;
    case 'aviator':
      // Teardrop: a nearly straight brow, deepest towards the nose.
      s.moveTo(inner, y0 + h * 0.05);
      s.quadraticCurveTo(0, y0 - h * 0.08, outer, y0);
      s.bezierCurveTo(
        outer + out * w * 0.04,
        y0 + h * 0.55,
        out * w * 0.25,
        y1,
        -out * w * 0.05,
        y1,
      );
      s.bezierCurveTo(inner - out * w * 0.02, y1, inner, y0 + h * 0.55, inner, y0 + h * 0.05);
      break;
  }
  // y up, evenly spaced, then exactly w × h about the centre (a cat-eye's wing is in its width).
  const pts = s.getSpacedPoints(256).map((p) => new THREE.Vector3(p.x, -p.y, 0));
  if (pts[0]!.distanceTo(pts[pts.length - 1]!) < 1e-6) pts.pop();
  if (THREE.ShapeUtils.isClockWise(pts.map((p) => new THREE.Vector2(p.x, p.y)))) pts.reverse();
  const even = resample(pts, OUTLINE_POINTS, true);
  const box = new THREE.Box3().setFromPoints(even);
  const c = box.getCenter(new THREE.Vector3());
  const size = box.getSize(new THREE.Vector3());
  return even.map(
    (p) => new THREE.Vector3(((p.x - c.x) * w) / size.x, ((p.y - c.y) * h) / size.y, 0),
  );
}

/** Outward normal (in the x-y plane) of a counter-clockwise outline at each point. */
function outwardNormals(pts: readonly THREE.Vector3[]) {
  const n = pts.length;
  return pts.map((_, i) => {
    const t = pts[(i + 1) % n]!.clone().sub(pts[(i - 1 + n) % n]!);
    return new THREE.Vector3(t.y, -t.x, 0).normalize();
  });
}

/** The outline point on one side (sign of x) nearest to height y: where parts join a rim. */
function edgeAt(pts: readonly THREE.Vector3[], y: number, side: number) {
  let best = 0;
  pts.forEach((p, i) => {
    const q = pts[best]!;
    const ok = Math.sign(p.x) === side;
    if (ok && (Math.sign(q.x) !== side || Math.abs(p.y - y) < Math.abs(q.y - y))) best = i;
  });
  return best;
}

export function buildEyewear(p: EyewearParams): THREE.Group {
  const wire = isWireFrame(p);
  const [L, B, T] = [p.lensWidthMm, p.bridgeWidthMm, p.templeWidthMm];
  const H = L * LENS_ASPECT[p.frameShape];
  const half = T / 2;
  // What each side has beyond the lens for rim and end piece (4..7 mm in the catalog).
  const slack = half - (B / 2 + L);
  const rimW = wire ? 1.8 : THREE.MathUtils.clamp(slack - 1.5, 1.8, 3.2);
  const rimDepth = wire ? 1.8 : 4;
  const groove = wire ? 0.3 : 0.6; // how far the lens edge sits inside the rim
  const zc = wire ? 1.5 : 2; // the rims' middle plane
  // Face form: the front curves back a little towards the hinges.
  const bend = (x: number) => -2.5 * (x / half) ** 2;

  const frameMat = wire ? metal(p.frameColour) : acetate(p.frameColour);
  const lensMat = lens(p.lensTint, p.lensOpacity);
  const rimSection: Section = wire
    ? circleSection(rimW / 2, 8)
    : roundedSection(rimW / 2, rimDepth / 2, 0.9, 3);
  const barSection: Section = wire ? circleSection(0.8, 6) : roundedSection(1.2, 2.2, 0.8, 3);

  const group = new THREE.Group();
  group.name = 'eyewear';
  const add = (name: string, geometry: THREE.BufferGeometry, material: THREE.Material) => {
    const mesh = new THREE.Mesh(geometry, material);
    mesh.name = name;
    group.add(mesh);
    return mesh;
  };
  const bent = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z + bend(x));

  for (const side of [1, -1]) {
    const name = side > 0 ? 'left' : 'right';
    const cx = side * (B / 2 + L / 2);
    const outline = lensOutline(p.frameShape, L, H, side);
    const normals = outwardNormals(outline);
    const offset = rimW / 2 - groove;
    const rimAt = (i: number, extra = 0) => {
      const q = outline[i]!;
      const n = normals[i]!;
      return bent(cx + q.x + n.x * (offset + extra), LENS_Y + q.y + n.y * (offset + extra), zc);
    };

    // The rim, swept round the outline.
    const rimPath = outline.map((_, i) => rimAt(i));
    add(`rim-${name}`, sweep(rimPath, rimSection, { closed: true, axis: Z }), frameMat);

    // The lens: domed by 1.2 mm at the centre, its edge in the rim's groove.
    const lensGeometry = grid(
      OUTLINE_POINTS,
      4,
      (u, v, out) => {
        const q = outline[Math.round(u * OUTLINE_POINTS) % OUTLINE_POINTS]!;
        const x = cx + q.x * v;
        out.set(x, LENS_Y + q.y * v, zc + 1.2 * (1 - v * v) + bend(x));
      },
      true,
    );
    add(`lens-${name}`, lensGeometry, lensMat).renderOrder = 2;

    // End piece: from the rim's upper outer corner out to the hinge, turning back round the
    // corner; then the hinge block, whose outer face is the front's full width.
    const e = rimAt(edgeAt(outline, H * 0.25, side));
    const hx = side * (half - 1.2);
    const zFront = zc + bend(half);
    const corner = new THREE.QuadraticBezierCurve3(
      e,
      new THREE.Vector3(hx, HINGE_Y, zFront),
      new THREE.Vector3(hx, HINGE_Y, zFront - 4),
    );
    add(
      `endpiece-${name}`,
      sweep(corner.getSpacedPoints(10), barSection, { closed: false, axis: Y }),
      frameMat,
    );
    const hinge = add(`hinge-${name}`, new THREE.BoxGeometry(2.4, 4.4, 5), frameMat);
    hinge.position.set(hx, HINGE_Y, zFront - 5.5);

    // Temple: straight back (drifting 4 mm inwards, down to y = -3), then down behind the ear.
    const start = new THREE.Vector3(hx, HINGE_Y, zFront - 4);
    const knee = new THREE.Vector3(hx - side * 4, -3, start.z - TEMPLE_STRAIGHT_MM);
    const drop = new THREE.Vector3(0, -Math.sin(TEMPLE_DROP), -Math.cos(TEMPLE_DROP));
    const tip = knee.clone().addScaledVector(drop, TEMPLE_DROP_MM);
    tip.x -= side;
    const templeCurve = new THREE.CatmullRomCurve3(
      [
        start,
        start.clone().lerp(knee, 0.5),
        knee.clone().add(new THREE.Vector3(0, 0, 8)),
        knee.clone().addScaledVector(drop, 8),
        tip,
      ],
      false,
      'centripetal',
    );
    const templePath = templeCurve.getSpacedPoints(32);
    if (wire) {
      // A wire temple with an acetate ear sock over its last 30 mm.
      const sockFrom = Math.round(32 * 0.7);
      add(
        `temple-${name}`,
        sweep(templePath.slice(0, sockFrom + 2), circleSection(0.75, 6), {
          closed: false,
          axis: X,
        }),
        frameMat,
      );
      add(
        `templetip-${name}`,
        sweep(templePath.slice(sockFrom), roundedSection(1.5, 1.1, 0.8, 3), {
          closed: false,
          axis: X,
          scale: (t) => 1 - 0.25 * t,
        }),
        acetate(darker(p.frameColour)),
      );
    } else {
      add(
        `temple-${name}`,
        sweep(templePath, roundedSection(2.4, 1.0, 0.8, 3), {
          closed: false,
          axis: X,
          scale: (t) => 1 - 0.35 * t,
        }),
        frameMat,
      );
    }

    if (wire) {
      // Nose pads on short arms, behind the lower inner rim, facing the sides of the nose.
      const k = edgeAt(outline, -H * 0.12, -side);
      const from = rimAt(k);
      const pad = new THREE.Vector3(from.x - side * 1.5, from.y - 2, -1.5);
      add(
        `padarm-${name}`,
        sweep([from, new THREE.Vector3(from.x, from.y - 1.5, 0), pad], circleSection(0.45, 5), {
          closed: false,
          axis: X,
        }),
        frameMat,
      );
      const padMesh = add(`nosepad-${name}`, new THREE.SphereGeometry(1, 10, 6), padMaterial());
      padMesh.position.copy(pad).add(new THREE.Vector3(-side * 0.6, -2, 0));
      padMesh.scale.set(0.7, 5, 3);
      padMesh.rotation.y = side * 0.5;
    }
  }

  // The bridge, arched over the nose between the rims' inner edges.
  const bridgeAt = (y: number, rise: number) => {
    const ends = [1, -1].map((side) => {
      const outline = lensOutline(p.frameShape, L, H, side);
      const q = outline[edgeAt(outline, y, -side)]!;
      return bent(side * (B / 2 + L / 2) + q.x - side * (rimW / 2 - groove), LENS_Y + y, zc);
    });
    const [a, b] = [ends[0]!, ends[1]!];
    const mid = new THREE.Vector3(0, Math.max(a.y, b.y) + rise, zc);
    return new THREE.QuadraticBezierCurve3(a, mid, b).getSpacedPoints(12);
  };
  add('bridge', sweep(bridgeAt(H * 0.2, 3), barSection, { closed: false, axis: Z }), frameMat);
  // Aviators have a second, straight brow bar.
  if (p.frameShape === 'aviator') {
    add(
      'bridge-brow',
      sweep(bridgeAt(H / 2 - 2, 0.5), barSection, { closed: false, axis: Z }),
      frameMat,
    );
  }
  return group;
}

const X = new THREE.Vector3(1, 0, 0);
const Y = new THREE.Vector3(0, 1, 0);
const Z = new THREE.Vector3(0, 0, 1);

function darker(hex: string): string {
  return '#' + new THREE.Color(hex).multiplyScalar(0.55).getHexString();
}

/** Clear silicone nose pads. */
function padMaterial() {
  return new THREE.MeshPhysicalMaterial({
    color: new THREE.Color('#eef2f2'),
    roughness: 0.2,
    transparent: true,
    opacity: 0.6,
    clearcoat: 1,
  });
}
