/**
 * Hats as 3D models: a crown turned round the head (an elliptical lathe: the band ring is the
 * head's own ellipse, so the hat fits the head it is placed on), a brim spreading from the band,
 * and each style's details (fedora pinches and ribbon, cap panels, button and visor, beanie
 * cuff and knit, bucket stitching, the sun hat's floppy brim). Brims have two faces and a
 * rolled edge, so they have thickness when seen edge-on.
 *
 * Anchor frame (products.ts): millimetres, origin at the centre of the band ring, y = 0 at the
 * band's lower edge, +x the wearer's left, +y up, +z forward.
 *
 * Sizes from the catalog's relative parameters:
 * - crown top: the head rises about 0.42 × its depth above the band line (80 mm on the
 *   portraits' heads, the band sitting on the forehead), so a crownHeight of 0.3 (the catalog's
 *   least) is a crown that just clears it (plus 4 mm); each 0.1 more adds 10 mm (fedora 0.55 ≈
 *   113 mm, cap 0.4 ≈ 98 mm on a 200 mm deep head): crownTopMm().
 * - brim: reaches brimWidth × head width / 2 out from the band all round (the 2D placement's
 *   rule: the brim's full width is the head's width × (1 + brimWidth)); the cap's visor instead
 *   reaches 35 + 55 × brimWidth mm forward (≈ 68 mm at 0.6); a beanie has none: brimReachMm().
 */
import * as THREE from 'three';
import type { HatParams } from '../../catalog/types';
import { circleSection, grid, resample, sweep } from './geometry';
import { fabric, type Weave } from './materials';
import type { HeadSize } from './products';

/** The band ring's half-axes: the head's, plus 2 mm of ease. */
export function bandRadii(head: HeadSize): { a: number; b: number } {
  return { a: head.widthMm / 2 + 2, b: head.depthMm / 2 + 2 };
}

/** How far the top of the head rises above the band line, as a share of the head's depth. */
export const HEAD_TOP = 0.42;

export function crownTopMm(p: HatParams, head: HeadSize): number {
  const c = THREE.MathUtils.clamp(p.crownHeight, 0.25, 0.9);
  return HEAD_TOP * head.depthMm + 4 + 100 * (c - 0.3);
}

export function brimReachMm(p: HatParams, head: HeadSize): number {
  const w = Math.max(0, p.brimWidth);
  if (p.style === 'beanie') return 0;
  if (p.style === 'cap') return 35 + 55 * w;
  return 0.5 * w * head.widthMm;
}

const AROUND = 64; // crown segments round the head
const WEAVE: Record<HatParams['style'], Weave> = {
  cap: 'twill',
  fedora: 'felt',
  beanie: 'knit',
  bucket: 'twill',
  'sun-hat': 'straw',
};

type Deform = (p: THREE.Vector3, theta: number) => void;

export function buildHat(p: HatParams, head: HeadSize): THREE.Group {
  const { a, b } = bandRadii(head);
  const H = crownTopMm(p, head);
  const reach = brimReachMm(p, head);
  const group = new THREE.Group();
  group.name = 'hat';
  const add = (name: string, geometry: THREE.BufferGeometry, material: THREE.Material) => {
    const mesh = new THREE.Mesh(geometry, material);
    mesh.name = name;
    group.add(mesh);
    return mesh;
  };
  const weave = WEAVE[p.style];
  // Texture tiles round the crown and up its profile: about one tile per 10-25 mm.
  const tiles: Record<Weave, [number, number]> = {
    knit: [56, 40],
    twill: [48, 24],
    felt: [10, 5],
    straw: [20, 10],
  };
  const crownMat = fabric(p.crownColour, weave, tiles[weave]);
  const brimMat = () => fabric(p.brimColour, weave, [tiles[weave][0], 4]);

  /** A crown (or band) from a profile of (r along the x half-axis, y), round the ellipse. */
  const lathe = (profile: THREE.Vector3[], deform?: Deform, offset = 0) =>
    grid(
      AROUND,
      profile.length - 1,
      (u, v, out) => {
        const q = profile[Math.round(v * (profile.length - 1))]!;
        const theta = 2 * Math.PI * u;
        const r = q.x + offset;
        out.set(r * Math.sin(theta), q.y, ((r * b) / a) * Math.cos(theta));
        deform?.(out, theta);
      },
      true,
    );

  switch (p.style) {
    case 'fedora': {
      const top = 0.9 * a;
      const profile = path(
        [[a, 0], [top, H - 12], ...arc(top - 12, H - 12, 12, 0, Math.PI / 2, 6), [0, H]],
        28,
      );
      const dent = 0.14 * H;
      const deform: Deform = (q, theta) => {
        // Front pinches: the upper crown squeezed in either side of the front.
        const t = Math.atan2(Math.sin(theta), Math.cos(theta));
        const high = Math.max(0, (q.y - 0.3 * H) / (0.7 * H)) ** 2;
        const g = (d: number) => Math.exp(-((d / 0.32) ** 2));
        const pinch = 0.16 * high * (g(t - 0.55) + g(t + 0.55));
        q.x *= 1 - pinch;
        q.z *= 1 - pinch;
        // The centre dent, a crease from front to back, deepest in the middle.
        const w = THREE.MathUtils.smoothstep(q.y, H - 14, H);
        const across = Math.exp(-((q.x / (0.3 * a)) ** 2));
        const along = Math.sqrt(Math.max(0, 1 - (q.z / (0.9 * b)) ** 2));
        q.y -= dent * w * across * along;
      };
      add('crown', lathe(profile, deform), crownMat);
      const bandH = Math.min(32, 0.24 * H);
      const wallR = (y: number) => a - ((a - top) * y) / (H - 12);
      addRibbon(add, lathe, p.bandColour ?? shade(p.crownColour, 0.45), wallR, bandH, {
        bow: [0.8, 14],
        at: -0.25 * b,
        turn: -0.25,
      });
      addBrim(add, brimMat(), a, b, reach, 72, 2, (theta, s) => {
        const f = s / Math.max(1, reach);
        const [sin, cos] = [Math.sin(theta), Math.cos(theta)];
        // Curled up at the sides, snapped down at the front, a little down at the back.
        return (
          0.28 * reach * f * f * sin * sin -
          0.16 * s * Math.max(0, cos) ** 2 -
          0.04 * s * Math.max(0, -cos) ** 2
        );
      });
      break;
    }
    case 'cap': {
      const Hc = H - 2.5; // the button adds the rest
      const profile = superDome(a, Hc, 2.6, 24);
      add('crown', lathe(profile), crownMat);
      const button = add(
        'button',
        new THREE.SphereGeometry(5, 12, 4, 0, 2 * Math.PI, 0, Math.PI / 2),
        crownMat,
      );
      button.position.y = Hc - 0.5;
      button.scale.y = 0.6;
      // Six panels: seams down the crown every 60°, from the button to the band.
      const seamMat = fabric(shade(p.crownColour, 0.8), 'twill', [4, 1]);
      const seamProfile = resample(profile, 16, false);
      for (let k = 0; k < 6; k++) {
        const theta = (k * Math.PI) / 3;
        const [sin, cos] = [Math.sin(theta), Math.cos(theta)];
        const seam = seamProfile.map(
          (q) => new THREE.Vector3((q.x + 0.5) * sin, q.y + 0.5, (((q.x + 0.5) * b) / a) * cos),
        );
        const axis = new THREE.Vector3((b / a) * cos, 0, -sin).normalize();
        add(`seam-${k}`, sweep(seam, circleSection(0.55, 4), { closed: false, axis }), seamMat);
      }
      addVisor(add, brimMat(), a, b, reach);
      break;
    }
    case 'beanie': {
      const profile = superDome(a, H, 2.2, 28);
      add('crown', lathe(profile), crownMat);
      // The turned-up cuff: folded under at the band, a rounded top edge tucked to the crown.
      const cuffH = Math.min(45, 0.32 * H);
      const crownR = a * (1 - (cuffH / H) ** 2.2) ** (1 / 2.2);
      const cuff = path(
        [
          ...arc(a + 2.5, 2.5, 2.5, Math.PI, 2 * Math.PI, 6),
          [a + 4.5, cuffH - 2],
          ...arc(a + 2.5, cuffH - 2, 2, 0, Math.PI / 2, 4),
          [crownR + 0.3, cuffH - 0.5],
        ],
        16,
      );
      add('cuff', lathe(cuff), fabric(p.brimColour, 'knit', [56, 10]));
      break;
    }
    case 'bucket': {
      // A soft, tapered crown with a well-rounded top edge (not a top hat).
      const top = 0.78 * a;
      const profile = path(
        [[a, 0], [top, H - 22], ...arc(top - 22, H - 22, 22, 0, Math.PI / 2, 8), [0, H]],
        28,
      );
      add('crown', lathe(profile), crownMat);
      const lift = (_theta: number, s: number) =>
        -0.6 * s - 0.1 * reach * (s / Math.max(1, reach)) ** 2;
      addBrim(add, brimMat(), a, b, reach, 72, 2, lift);
      // Rows of stitching round the brim.
      const stitchMat = fabric(shade(p.brimColour, 0.75), 'twill', [40, 1]);
      [0.3, 0.6, 0.88].forEach((f, k) => {
        const s = f * reach;
        const ring = ellipseRing(a + s, b + s, (theta) => lift(theta, s) + 0.35, 72);
        add(`stitch-${k}`, new THREE.TubeGeometry(ring, 72, 0.4, 3, true), stitchMat);
      });
      break;
    }
    case 'sun-hat': {
      const top = 0.94 * a;
      const profile = path(
        [[a, 0], [top, H - 18], ...arc(top - 18, H - 18, 18, 0, Math.PI / 2, 8), [0, H]],
        28,
      );
      add('crown', lathe(profile), crownMat);
      const bandH = Math.min(28, 0.2 * H);
      const wallR = (y: number) => a - ((a - top) * y) / (H - 18);
      addRibbon(add, lathe, p.bandColour ?? shade(p.crownColour, 0.7), wallR, bandH, {
        bow: [0.9, 18],
        at: -0.3 * b,
        turn: -0.3,
      });
      addBrim(add, brimMat(), a, b, reach, 96, 1.6, (theta, s) => {
        const f = s / Math.max(1, reach);
        // Floppy: drooping more towards the edge, in soft waves.
        return -0.08 * s - 0.16 * reach * f * f + 10 * f * f * Math.sin(5 * theta + 0.4);
      });
      break;
    }
  }
  return group;
}

type Add = (name: string, g: THREE.BufferGeometry, m: THREE.Material) => THREE.Mesh;

/** A brim all round: top and underside `thick` apart and a rolled edge; y = lift(θ, s). */
function addBrim(
  add: Add,
  material: THREE.Material,
  a: number,
  b: number,
  reach: number,
  around: number,
  thick: number,
  lift: (theta: number, s: number) => number,
) {
  if (reach <= 0) return;
  const face = (dy: number) =>
    grid(
      around,
      6,
      (u, v, out) => {
        const theta = 2 * Math.PI * u;
        const s = v * reach;
        out.set((a + s) * Math.sin(theta), lift(theta, s) + dy, (b + s) * Math.cos(theta));
      },
      true,
    );
  add('brim', face(0), material);
  add('brim-under', face(-thick), material);
  const edge = ellipseRing(a + reach, b + reach, (theta) => lift(theta, reach) - thick / 2, around);
  add('brim-edge', new THREE.TubeGeometry(edge, around, thick / 2 + 0.3, 5, true), material);
}

/**
 * A ribbon round the crown's foot (`wallR`: the crown's radius at a height), `bandH` high, with a
 * flat bow on the wearer's right: `bow` is its height (share of the band) and length, `at` its z.
 */
function addRibbon(
  add: Add,
  lathe: (profile: THREE.Vector3[], deform?: Deform, offset?: number) => THREE.BufferGeometry,
  colour: string,
  wallR: (y: number) => number,
  bandH: number,
  o: { bow: [number, number]; at: number; turn: number },
) {
  const ribbon = ribbonMaterial(colour);
  const band = path(
    [
      [wallR(0), 0.5],
      [wallR(bandH), bandH],
    ],
    2,
  );
  add('band', lathe(band, undefined, 1), ribbon);
  const bow = add('bow', new THREE.BoxGeometry(3, bandH * o.bow[0], o.bow[1]), ribbon);
  bow.position.set(wallR(bandH / 2) + 2, bandH / 2, o.at);
  bow.rotation.y = o.turn;
}

/** The cap's visor: forward of the band only, arched from side to side, dipping about 23°. */
function addVisor(add: Add, material: THREE.Material, a: number, b: number, reach: number) {
  const XW = 0.9 * a;
  const at = (u: number, v: number, dy: number, out: THREE.Vector3) => {
    const x = u * XW;
    const zb = b * Math.sqrt(Math.max(0, 1 - (x / a) ** 2));
    const dz = v * reach * Math.pow(Math.max(0, 1 - u * u), 0.4);
    return out.set(x, -0.42 * dz - 9 * u * u * (dz / reach) + dy, zb + dz);
  };
  const face = (dy: number) => grid(24, 8, (u, v, out) => at(2 * u - 1, v, dy, out), false);
  add('visor', face(0), material);
  add('visor-under', face(-2.5), material);
  const tip = Array.from({ length: 25 }, (_, i) => at(-1 + i / 12, 1, -1.25, new THREE.Vector3()));
  add(
    'visor-edge',
    new THREE.TubeGeometry(new THREE.CatmullRomCurve3(tip), 32, 1.25, 5, false),
    material,
  );
}

/** Points (r, y) as an even polyline of n + 1 points. */
function path(points: readonly (readonly [number, number])[], n: number): THREE.Vector3[] {
  return resample(
    points.map(([r, y]) => new THREE.Vector3(r, y, 0)),
    n + 1,
    false,
  );
}

function arc(cx: number, cy: number, r: number, a0: number, a1: number, steps: number) {
  return Array.from({ length: steps + 1 }, (_, k) => {
    const t = a0 + ((a1 - a0) * k) / steps;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)] as const;
  });
}

/** A superellipse dome (exponent e: 2 is an ellipse, higher is squarer) from (a, 0) to (0, h). */
function superDome(a: number, h: number, e: number, n: number): THREE.Vector3[] {
  const pts = Array.from({ length: 121 }, (_, k) => {
    const phi = (k / 120) * (Math.PI / 2);
    return new THREE.Vector3(a * Math.cos(phi) ** (2 / e), h * Math.sin(phi) ** (2 / e), 0);
  });
  return resample(pts, n + 1, false);
}

/** A closed ring round the ellipse (a, b) at height y(θ). */
function ellipseRing(a: number, b: number, y: (theta: number) => number, n: number) {
  const pts = Array.from({ length: n }, (_, k) => {
    const theta = (2 * Math.PI * k) / n;
    return new THREE.Vector3(a * Math.sin(theta), y(theta), b * Math.cos(theta));
  });
  return new THREE.CatmullRomCurve3(pts, true);
}

/** Grosgrain ribbon: a little sheen, no weave texture. */
function ribbonMaterial(hex: string) {
  return new THREE.MeshStandardMaterial({
    color: new THREE.Color(hex),
    roughness: 0.55,
    metalness: 0,
    side: THREE.DoubleSide,
  });
}

function shade(hex: string, k: number): string {
  return '#' + new THREE.Color(hex).multiplyScalar(k).getHexString();
}
