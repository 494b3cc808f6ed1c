/**
 * The parametric 3D try-on products (src/lib/tryon/three): real geometry, measured with bounding
 * boxes in each product's anchor frame (mm, +x the wearer's left, +y up, +z forward), over the
 * generator's ranges; triangle budgets; and dispose() freeing everything.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import type { EarringParams, EyewearParams, HatParams } from '../../src/lib/catalog/types';
import { isWireFrame, LENS_Y } from '../../src/lib/tryon/three/eyewear';
import { bandRadii, brimReachMm, crownTopMm, HEAD_TOP } from '../../src/lib/tryon/three/hats';
import {
  buildProduct,
  DEFAULT_HEAD,
  resourcesOf,
  triangleCount,
  type HeadSize,
  type ProductModel,
} from '../../src/lib/tryon/three/products';

type Params = EyewearParams | HatParams | EarringParams;

const box = (o: THREE.Object3D) => {
  o.updateMatrixWorld(true);
  return new THREE.Box3().setFromObject(o);
};
const part = (m: ProductModel, name: string) => {
  const o = m.group.getObjectByName(name);
  if (!o) throw new Error(`no ${name}`);
  return o;
};
/** The union of the boxes of the meshes whose names start with one of the prefixes. */
const partsBox = (m: ProductModel, prefixes: string[]) => {
  const b = new THREE.Box3();
  m.group.updateMatrixWorld(true);
  m.group.traverse((o) => {
    if ((o as THREE.Mesh).isMesh && prefixes.some((p) => o.name.startsWith(p))) {
      b.union(new THREE.Box3().setFromObject(o));
    }
  });
  return b;
};

/* ------------------------------------------------------------------------------- eyewear */

const SHAPES: EyewearParams['frameShape'][] = [
  'round',
  'oval',
  'rectangle',
  'square',
  'cat-eye',
  'aviator',
];
/** The generator's lens widths per shape (generator/eyewear.ts). */
const LENS_RANGE: Record<EyewearParams['frameShape'], [number, number]> = {
  round: [44, 50],
  aviator: [55, 60],
  oval: [48, 56],
  rectangle: [48, 56],
  square: [48, 56],
  'cat-eye': [48, 56],
};
/** Black acetate, gold wire, rose-gold wire, tortoise acetate; clear and dark lenses. */
const FRAMES = [
  { frameColour: '#1f1f1f', lensTint: '#e6f0f5', lensOpacity: 0.02 },
  { frameColour: '#c9a24a', lensTint: '#8a8d91', lensOpacity: 0.85 },
  { frameColour: '#d4a08a', lensTint: '#f2e3a6', lensOpacity: 0.08 },
  { frameColour: '#7b4a26', lensTint: '#7a5236', lensOpacity: 0.6 },
];

function eyewearCases(): EyewearParams[] {
  const out: EyewearParams[] = [];
  for (const frameShape of SHAPES) {
    const [lo, hi] = LENS_RANGE[frameShape];
    FRAMES.forEach((f, k) => {
      const small = k % 2 === 0;
      const lensWidthMm = small ? lo : hi;
      const bridgeWidthMm = small ? 15 : 21;
      const extra = [8, 14, 11, 8][k]!;
      out.push({
        kind: 'eyewear',
        frameShape,
        ...f,
        lensWidthMm,
        bridgeWidthMm,
        templeWidthMm: 2 * lensWidthMm + bridgeWidthMm + extra,
      });
    });
  }
  return out;
}

describe('eyewear', () => {
  const name = (p: EyewearParams) =>
    `${p.frameShape} ${p.frameColour} ${p.lensWidthMm}-${p.bridgeWidthMm}-${p.templeWidthMm}`;

  it.each(eyewearCases().map((p) => [name(p), p] as const))('%s has real geometry', (_, p) => {
    const m = buildProduct(p, DEFAULT_HEAD);
    const all = box(m.group);
    // The front is the product's width, temple to temple.
    expect(all.max.x - all.min.x).toBeGreaterThan(p.templeWidthMm * 0.97);
    expect(all.max.x - all.min.x).toBeLessThan(p.templeWidthMm * 1.03);
    expect(all.max.x).toBeCloseTo(-all.min.x, 1);
    // Lenses centred on ±(bridge/2 + lens/2), a touch below the bridge.
    const offset = p.bridgeWidthMm / 2 + p.lensWidthMm / 2;
    for (const [side, sign] of [
      ['left', 1],
      ['right', -1],
    ] as const) {
      const lens = box(part(m, `lens-${side}`));
      const c = lens.getCenter(new THREE.Vector3());
      expect(c.x).toBeCloseTo(sign * offset, 1);
      expect(c.y).toBeCloseTo(LENS_Y, 1);
      expect(lens.max.x - lens.min.x).toBeCloseTo(p.lensWidthMm, 0);
      // Temples run back to the ears, at about the hinge's x.
      const temple = partsBox(m, [`temple-${side}`, `templetip-${side}`]);
      expect(temple.min.z).toBeLessThanOrEqual(-80);
      expect(Math.abs(temple.max.x + temple.min.x) / 2).toBeGreaterThan(p.templeWidthMm / 2 - 8);
      expect(temple.max.y).toBeLessThan(6);
    }
    // The front (rims, lenses, bridge) lies just in front of the nose bridge.
    const front = partsBox(m, ['rim-', 'lens-', 'bridge']);
    expect(front.min.z).toBeGreaterThanOrEqual(-5);
    expect(front.max.z).toBeLessThanOrEqual(8);
    // Every rim at least 1.6 mm thick, front to back (acetate thicker than wire).
    const rimDepth = box(part(m, 'rim-left'));
    const depthAtCentre = rimDepth.max.z - rimDepth.min.z;
    expect(depthAtCentre).toBeGreaterThanOrEqual(1.6);
    // Wire frames have nose pads; acetate ones do not.
    expect(!!m.group.getObjectByName('nosepad-left')).toBe(isWireFrame(p));
    m.dispose();
  });

  it('makes aviators and metal colours wire frames, other colours acetate', () => {
    const base = eyewearCases()[0]!;
    expect(isWireFrame({ ...base, frameShape: 'aviator', frameColour: '#1f1f1f' })).toBe(true);
    expect(isWireFrame({ ...base, frameShape: 'round', frameColour: '#d4a08a' })).toBe(true);
    expect(isWireFrame({ ...base, frameShape: 'round', frameColour: '#1f1f1f' })).toBe(false);
  });

  it('keeps clear lenses faintly visible and dark lenses dark', () => {
    const [clear, dark] = [eyewearCases()[0]!, eyewearCases()[1]!];
    const opacity = (p: EyewearParams) => {
      const mesh = part(buildProduct(p, DEFAULT_HEAD), 'lens-left') as THREE.Mesh;
      return (mesh.material as THREE.MeshPhysicalMaterial).opacity;
    };
    expect(opacity(clear)).toBeGreaterThan(0.05);
    expect(opacity(clear)).toBeLessThan(0.2);
    expect(opacity(dark)).toBeGreaterThan(0.8);
  });
});

/* ---------------------------------------------------------------------------------- hats */

/** The generator's ranges per style (generator/hats.ts). */
const HAT_RANGE: Record<HatParams['style'], { crown: [number, number]; brim: [number, number] }> = {
  cap: { crown: [0.35, 0.45], brim: [0.5, 0.7] },
  fedora: { crown: [0.5, 0.6], brim: [0.8, 1.0] },
  beanie: { crown: [0.45, 0.6], brim: [0, 0] },
  bucket: { crown: [0.38, 0.48], brim: [0.7, 0.9] },
  'sun-hat': { crown: [0.4, 0.5], brim: [1.0, 1.2] },
};
const HEADS: HeadSize[] = [
  DEFAULT_HEAD,
  { widthMm: 145, depthMm: 185 },
  { widthMm: 170, depthMm: 215 },
];

function hatCases(): [string, HatParams, HeadSize][] {
  const out: [string, HatParams, HeadSize][] = [];
  for (const [style, r] of Object.entries(HAT_RANGE) as [
    HatParams['style'],
    (typeof HAT_RANGE)['cap'],
  ][]) {
    for (const [k, head] of HEADS.entries()) {
      const crownHeight = r.crown[k % 2]!;
      const brimWidth = r.brim[(k + 1) % 2]!;
      const p: HatParams = {
        kind: 'hat',
        style,
        crownColour: '#7a5236',
        brimColour: '#1f1f1f',
        crownHeight,
        brimWidth,
      };
      if (k === 1) p.bandColour = '#c62f2f';
      out.push([
        `${style} ${crownHeight}/${brimWidth} on ${head.widthMm}×${head.depthMm}`,
        p,
        head,
      ]);
    }
  }
  return out;
}

describe('hats', () => {
  it.each(hatCases())('%s fits the head and has its shape', (_, p, head) => {
    const m = buildProduct(p, head);
    const { a, b } = bandRadii(head);
    const all = box(m.group);

    // The band ring: the crown's lowest ring is the head's ellipse plus 2 mm of ease.
    const crown = part(m, 'crown') as THREE.Mesh;
    const pos = crown.geometry.getAttribute('position');
    let ring = 0;
    for (let i = 0; i < pos.count; i++) {
      if (pos.getY(i) > 0.5) continue;
      ring++;
      const [x, z] = [pos.getX(i), pos.getZ(i)];
      const onHead = (x / (head.widthMm / 2)) ** 2 + (z / (head.depthMm / 2)) ** 2;
      expect(onHead).toBeGreaterThan(1); // never inside the head
      expect((x / a) ** 2 + (z / b) ** 2).toBeCloseTo(1, 2);
    }
    expect(ring).toBeGreaterThan(32);
    expect(all.min.y).toBeLessThan(1); // the hat comes down to the band

    // The crown rises to the mapped height and clears the top of the head.
    const top = crownTopMm(p, head);
    expect(all.max.y).toBeGreaterThan(top - 2);
    expect(all.max.y).toBeLessThan(top + 2);
    expect(top).toBeGreaterThan(HEAD_TOP * head.depthMm);

    const reach = brimReachMm(p, head);
    switch (p.style) {
      case 'cap': {
        const visor = partsBox(m, ['visor']);
        expect(visor.min.z).toBeGreaterThanOrEqual(0);
        expect(visor.max.z).toBeGreaterThan(b + reach - 3);
        expect(reach).toBeGreaterThan(55);
        expect(reach).toBeLessThan(85);
        // Nothing sticks out at the back or sides beyond the band.
        expect(all.min.z).toBeGreaterThan(-b - 3);
        expect(all.max.x).toBeLessThan(a + 3);
        break;
      }
      case 'beanie':
        expect(all.max.x).toBeLessThanOrEqual(a + 15);
        expect(-all.min.x).toBeLessThanOrEqual(a + 15);
        expect(all.max.z).toBeLessThanOrEqual(b + 15);
        expect(m.group.getObjectByName('cuff')).toBeDefined();
        break;
      default: {
        // Fedora, bucket, sun hat: a brim all round, brimWidth × head width wide in all.
        const width = all.max.x - all.min.x;
        const expected = 2 * a + p.brimWidth * head.widthMm;
        expect(width).toBeGreaterThan(expected - 2);
        expect(width).toBeLessThan(expected + 6);
        expect(all.max.z - all.min.z).toBeGreaterThan(2 * b + p.brimWidth * head.widthMm - 2);
        const brim = box(part(m, 'brim'));
        if (p.style === 'bucket') expect(brim.min.y).toBeLessThan(-0.3 * reach); // sloped down
        if (p.style === 'fedora') {
          // Curled up at the sides, down at the front.
          expect(brim.max.y).toBeGreaterThan(10);
          expect(brim.min.y).toBeLessThan(-5);
        }
      }
    }
    m.dispose();
  });

  it('makes a taller crown from a larger crownHeight', () => {
    const p = hatCases()[3]![1];
    const low = crownTopMm({ ...p, crownHeight: 0.3 }, DEFAULT_HEAD);
    const high = crownTopMm({ ...p, crownHeight: 0.8 }, DEFAULT_HEAD);
    expect(high - low).toBeCloseTo(50, 5); // 10 mm for each 0.1
  });
});

/* ------------------------------------------------------------------------------ earrings */

const EARRINGS: EarringParams[] = [
  { kind: 'earring', style: 'stud', metalColour: '#c9a24a', sizeMm: 4 },
  { kind: 'earring', style: 'stud', metalColour: '#b8bcc2', stoneColour: '#c62f2f', sizeMm: 9 },
  { kind: 'earring', style: 'hoop', metalColour: '#d4a08a', sizeMm: 14 },
  { kind: 'earring', style: 'hoop', metalColour: '#c9a24a', stoneColour: '#1f1f1f', sizeMm: 40 },
  { kind: 'earring', style: 'drop', metalColour: '#b8bcc2', stoneColour: '#f5f3ee', sizeMm: 20 },
  { kind: 'earring', style: 'drop', metalColour: '#c9a24a', stoneColour: '#2f6fd6', sizeMm: 45 },
  { kind: 'earring', style: 'drop', metalColour: '#d4a08a', sizeMm: 30 },
];

describe('earrings', () => {
  it.each(EARRINGS.map((p) => [`${p.style} ${p.sizeMm} mm ${p.stoneColour ?? ''}`, p] as const))(
    '%s',
    (_, p) => {
      const m = buildProduct(p, DEFAULT_HEAD);
      const all = box(m.group);
      if (p.style === 'stud') {
        expect(all.max.x - all.min.x).toBeCloseTo(p.sizeMm, 0);
        expect(all.max.y - all.min.y).toBeCloseTo(p.sizeMm, 0);
        expect(all.max.z).toBeGreaterThan(0.5); // the face of the stud looks at the camera
        expect(m.pendants).toEqual([]);
      } else {
        expect(all.min.y).toBeLessThan(0);
        expect(m.pendants.length).toBeGreaterThan(0);
        for (const pendant of m.pendants) {
          // Each pendant's pivot is the piercing, and all of it hangs below.
          expect(pendant.position.length()).toBe(0);
          const b = box(pendant);
          expect(b.max.y).toBeLessThan(1.7);
          // A drop is sizeMm long; a hoop sizeMm across, its wire through the lobe.
          expect(b.min.y).toBeGreaterThanOrEqual(-p.sizeMm - 0.5);
          expect(b.min.y).toBeLessThan(-0.9 * p.sizeMm);
        }
        if (p.style === 'hoop') {
          // Tilted towards the camera: wide enough to read as a hoop from the front.
          const b = box(m.pendants[0]!);
          expect(b.max.x - b.min.x).toBeGreaterThan(0.7 * p.sizeMm);
        }
      }
      m.dispose();
    },
  );
});

/* ---------------------------------------------------------------- every catalog product */

describe('every try-on product in the catalog', () => {
  const products = generateCatalog()
    .map((p) => p.tryOn)
    .filter((t): t is Params => !!t && t.kind !== 'lipstick');
  const BUDGET = { eyewear: 8000, hat: 10000, earring: 3000 };

  it('covers every style and frame shape', () => {
    const kinds = new Set(
      products.map((p) =>
        p.kind === 'eyewear' ? p.frameShape : p.kind === 'hat' ? p.style : `earring ${p.style}`,
      ),
    );
    expect(kinds.size).toBe(6 + 5 + 3);
  });

  it('stays within the triangle budgets (software WebGL)', () => {
    const worst = { eyewear: 0, hat: 0, earring: 0 };
    for (const p of [...products, ...eyewearCases(), ...hatCases().map((c) => c[1]), ...EARRINGS]) {
      const m = buildProduct(p, DEFAULT_HEAD);
      worst[p.kind] = Math.max(worst[p.kind], triangleCount(m.group));
      m.dispose();
    }
    for (const kind of ['eyewear', 'hat', 'earring'] as const) {
      expect(worst[kind], kind).toBeLessThan(BUDGET[kind]);
      expect(worst[kind], kind).toBeGreaterThan(BUDGET[kind] / 20);
    }
  });

  it('dispose() frees every geometry, material and texture', () => {
    for (const p of products) {
      const m = buildProduct(p, DEFAULT_HEAD);
      const { geometries, materials, textures } = resourcesOf(m.group);
      expect(geometries.size).toBeGreaterThan(0);
      let freed = 0;
      const count = () => freed++;
      for (const g of geometries) g.addEventListener('dispose', count);
      for (const x of materials) x.addEventListener('dispose', count);
      for (const t of textures) t.addEventListener('dispose', count);
      // The meshes hold no geometry or material that resourcesOf missed.
      let meshes = 0;
      m.group.traverse((o) => {
        if (!(o as THREE.Mesh).isMesh) return;
        meshes++;
        expect(geometries.has((o as THREE.Mesh).geometry)).toBe(true);
      });
      expect(meshes).toBeGreaterThan(0);
      m.dispose();
      expect(freed).toBe(geometries.size + materials.size + textures.size);
    }
  });
});
