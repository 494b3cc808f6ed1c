/**
 * The shapes the try-on models are built from. three's TubeGeometry sweeps only circles, and
 * acetate rims and temples are flat bars with rounded edges, so sweep() takes any cross-section;
 * grid() makes the curved surfaces (crowns, brims, visors, lenses) from a function of (u, v).
 * All sizes are millimetres. Normals are computed here, so callers only place points.
 */
import * as THREE from 'three';

/** A cross-section point (u, v): u across the path (sideways), v along the section's axis. */
export type Section = readonly (readonly [number, number])[];

/** A rounded rectangle, counter-clockwise, half sizes `hu` × `hv`, corners of radius `r`. */
export function roundedSection(hu: number, hv: number, r: number, perCorner = 3): Section {
  const rr = Math.min(r, hu, hv);
  const corners: [number, number, number][] = [
    [hu - rr, hv - rr, 0],
    [-hu + rr, hv - rr, Math.PI / 2],
    [-hu + rr, -hv + rr, Math.PI],
    [hu - rr, -hv + rr, (3 * Math.PI) / 2],
  ];
  const out: [number, number][] = [];
  for (const [cx, cy, a0] of corners) {
    for (let k = 0; k < perCorner; k++) {
      const a = a0 + ((Math.PI / 2) * k) / (perCorner - 1);
      out.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
    }
  }
  return out;
}

/** A circle of radius r, counter-clockwise. */
export function circleSection(r: number, n = 8): Section {
  return Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n;
    return [r * Math.cos(a), r * Math.sin(a)] as const;
  });
}

export interface SweepOptions {
  closed: boolean;
  /** The direction each section's v axis keeps (anti-)parallel to: z for a rim in the x-y
   *  plane, x for a temple running back along -z. Must never be parallel to the path. */
  axis: THREE.Vector3;
  /** Scale of the section at t ∈ [0, 1] along the path (tapering temples). */
  scale?: (t: number) => number;
}

/**
 * The section swept along the path: section point (u, v) sits at P + u·U + v·V, with T the
 * path's tangent, U = T × axis and V = T × U, so (U, V, T) is right-handed and a
 * counter-clockwise section gives outward-facing triangles. Open paths get flat end caps; a
 * closed path repeats its first ring at the end (for the texture) with shared smooth normals.
 */
export function sweep(path: readonly THREE.Vector3[], section: Section, o: SweepOptions) {
  const n = path.length;
  const m = section.length;
  const rings = o.closed ? n + 1 : n;
  const pos: number[] = [];
  const uv: number[] = [];
  const index: number[] = [];
  let along = 0;
  const T = new THREE.Vector3();
  const U = new THREE.Vector3();
  const V = new THREE.Vector3();
  for (let r = 0; r < rings; r++) {
    const i = r % n;
    const prev = path[o.closed ? (i - 1 + n) % n : Math.max(0, i - 1)]!;
    const next = path[o.closed ? (i + 1) % n : Math.min(n - 1, i + 1)]!;
    T.subVectors(next, prev).normalize();
    U.crossVectors(T, o.axis).normalize();
    V.crossVectors(T, U);
    const s = o.scale ? o.scale(r / (rings - 1)) : 1;
    const p = path[i]!;
    if (r > 0) along += p.distanceTo(path[r - 1]!);
    section.forEach(([u, v], j) => {
      pos.push(
        p.x + s * (u * U.x + v * V.x),
        p.y + s * (u * U.y + v * V.y),
        p.z + s * (u * U.z + v * V.z),
      );
      // Texture coordinates: one unit per 24 mm along the path, once round the section.
      uv.push(along / 24, j / m);
    });
  }
  for (let r = 0; r < rings - 1; r++) {
    for (let j = 0; j < m; j++) {
      const j1 = (j + 1) % m;
      const a = r * m + j;
      const b = (r + 1) * m + j;
      const c = (r + 1) * m + j1;
      const d = r * m + j1;
      index.push(a, d, b, b, d, c);
    }
  }
  if (!o.closed) {
    // End caps: a fan round each end ring's centre (the path point).
    for (const [ring, flip] of [
      [0, true],
      [n - 1, false],
    ] as const) {
      const centre = pos.length / 3;
      const p = path[ring]!;
      pos.push(p.x, p.y, p.z);
      uv.push(ring === 0 ? 0 : along / 24, 0.5);
      for (let j = 0; j < m; j++) {
        const a = ring * m + j;
        const b = ring * m + ((j + 1) % m);
        if (flip) index.push(centre, b, a);
        else index.push(centre, a, b);
      }
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.setIndex(index);
  g.computeVertexNormals();
  if (o.closed) shareNormals(g, (j) => [j, n * m + j], m);
  return g;
}

/** Gives each pair of seam vertices (the same place twice) their average normal. */
function shareNormals(
  g: THREE.BufferGeometry,
  pair: (k: number) => [number, number],
  count: number,
) {
  const normal = g.getAttribute('normal') as THREE.BufferAttribute;
  const v = new THREE.Vector3();
  for (let k = 0; k < count; k++) {
    const [a, b] = pair(k);
    v.set(
      normal.getX(a) + normal.getX(b),
      normal.getY(a) + normal.getY(b),
      normal.getZ(a) + normal.getZ(b),
    ).normalize();
    normal.setXYZ(a, v.x, v.y, v.z);
    normal.setXYZ(b, v.x, v.y, v.z);
  }
}

/**
 * A surface over a (nu + 1) × (nv + 1) grid of points placed by `at(u, v, out)`, u and v in
 * [0, 1], with uv coordinates (u, v). `closedU`: u = 1 is the same place as u = 0 (a crown
 * round the head); the seam keeps its own vertices for the texture but shares smooth normals.
 */
export function grid(
  nu: number,
  nv: number,
  at: (u: number, v: number, out: THREE.Vector3) => void,
  closedU: boolean,
): THREE.BufferGeometry {
  const pos: number[] = [];
  const uv: number[] = [];
  const index: number[] = [];
  const p = new THREE.Vector3();
  for (let i = 0; i <= nu; i++) {
    for (let j = 0; j <= nv; j++) {
      at(closedU && i === nu ? 0 : i / nu, j / nv, p);
      pos.push(p.x, p.y, p.z);
      uv.push(i / nu, j / nv);
    }
  }
  const w = nv + 1;
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      const a = i * w + j;
      const b = (i + 1) * w + j;
      index.push(a, b, b + 1, a, b + 1, a + 1);
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.setIndex(index);
  g.computeVertexNormals();
  if (closedU) shareNormals(g, (j) => [j, nu * w + j], nv + 1);
  return g;
}

/** `count` points evenly spaced by arc length along a polyline (closed: back to the start). */
export function resample(
  points: readonly THREE.Vector3[],
  count: number,
  closed: boolean,
): THREE.Vector3[] {
  const pts = closed ? [...points, points[0]!] : [...points];
  const lengths = [0];
  for (let i = 1; i < pts.length; i++) {
    lengths.push(lengths[i - 1]! + pts[i]!.distanceTo(pts[i - 1]!));
  }
  const total = lengths[lengths.length - 1]!;
  const out: THREE.Vector3[] = [];
  const steps = closed ? count : count - 1;
  let k = 1;
  for (let s = 0; s < count; s++) {
    const d = (total * s) / steps;
    while (k < pts.length - 1 && lengths[k]! < d) k++;
    const seg = lengths[k]! - lengths[k - 1]!;
    const t = seg > 0 ? (d - lengths[k - 1]!) / seg : 0;
    out.push(pts[k - 1]!.clone().lerp(pts[k]!, t));
  }
  return out;
}
