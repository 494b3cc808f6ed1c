/**
 * The try-on products as parametric 3D models (three.js), built from the catalog's try-on
 * parameters: glasses and sunglasses (eyewear.ts), hats (hats.ts) and earrings (earrings.ts).
 * The same model is drawn over the camera or photo and in the product's catalog picture
 * (picture.ts). Lipstick stays a 2D layer (client/render.ts).
 *
 * Every model is in millimetres, in its own anchor frame, with +x to the wearer's LEFT, +y up
 * and +z out of the face towards the camera:
 * - eyewear: the middle of the bridge where it rests on the nose (face landmark 168);
 * - hats: the centre of the band ring on the head's vertical axis, y = 0 at the band's lower edge;
 * - earrings: the piercing point in the lobe.
 * The renderer places (and scales) the anchor; nothing here knows about faces or pixels.
 */
import type * as THREE from 'three';
import type { EarringParams, EyewearParams, HatParams } from '../../catalog/types';
import { buildEarring } from './earrings';
import { buildEyewear } from './eyewear';
import { buildHat } from './hats';

/** The head (with hair) at the hat band: its width (ear to ear) and depth (front to back). */
export interface HeadSize {
  widthMm: number;
  depthMm: number;
}

/** An adult head with a little hair: for pictures, and where no head was measured. */
export const DEFAULT_HEAD: HeadSize = { widthMm: 160, depthMm: 200 };

export interface ProductModel {
  /** In millimetres, in the product's own anchor frame (see above). */
  group: THREE.Group;
  /** Drops/hoops: the children that swing; the renderer rotates each about its pivot (the
   *  lobe, the pendant's origin) so it hangs along world -y. */
  pendants: THREE.Object3D[];
  /** Frees the model's geometries, materials and textures. */
  dispose(): void;
}

export function buildProduct(
  p: EyewearParams | HatParams | EarringParams,
  head: HeadSize,
): ProductModel {
  let group: THREE.Group;
  let pendants: THREE.Object3D[] = [];
  switch (p.kind) {
    case 'eyewear':
      group = buildEyewear(p);
      break;
    case 'hat':
      group = buildHat(p, head);
      break;
    case 'earring':
      ({ group, pendants } = buildEarring(p));
      break;
  }
  return { group, pendants, dispose: () => disposeTree(group) };
}

/** What a tree of meshes holds on the GPU: each geometry, material and texture once. */
export function resourcesOf(root: THREE.Object3D) {
  const geometries = new Set<THREE.BufferGeometry>();
  const materials = new Set<THREE.Material>();
  const textures = new Set<THREE.Texture>();
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    geometries.add(mesh.geometry);
    for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      materials.add(m);
      for (const value of Object.values(m)) {
        if ((value as THREE.Texture | null)?.isTexture) textures.add(value as THREE.Texture);
      }
    }
  });
  return { geometries, materials, textures };
}

function disposeTree(root: THREE.Object3D) {
  const { geometries, materials, textures } = resourcesOf(root);
  for (const g of geometries) g.dispose();
  for (const m of materials) m.dispose();
  for (const t of textures) t.dispose();
}

/** Triangles drawn for the whole model (the budget on a software renderer). */
export function triangleCount(root: THREE.Object3D): number {
  let n = 0;
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    const g = mesh.geometry;
    n += (g.index ? g.index.count : g.getAttribute('position').count) / 3;
  });
  return n;
}
