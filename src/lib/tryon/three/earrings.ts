/**
 * Earrings as 3D models: a stud (a bezel with a faceted stone, or a polished dome), a hoop and a
 * drop (a small stud, a chain and a stone). What swings is a pendant: a group whose origin is
 * the piercing, with the jewellery hanging below it along -y, which the renderer turns about the
 * lobe so that it hangs under gravity whatever the head's tilt.
 *
 * Anchor frame (products.ts): millimetres, origin at the piercing point in the lobe, +x the
 * wearer's left, +y up, +z out towards the camera. A hoop hangs in a plane turned 60° from the
 * side of the head towards the camera (a real hoop, seen from the front, is nearly edge-on and
 * reads as a line); it turns towards +x here, and a renderer may mirror the copy for the other
 * ear (scale.x = -1, as picture.ts does). The tilt is on a child, so setting a pendant's own
 * rotation keeps it.
 */
import * as THREE from 'three';
import type { EarringParams } from '../../catalog/types';
import { gem, metal, near } from './materials';

export function buildEarring(p: EarringParams): { group: THREE.Group; pendants: THREE.Object3D[] } {
  const group = new THREE.Group();
  group.name = 'earring';
  const gold = metal(p.metalColour);
  const stone = p.stoneColour ? stoneMaterial(p.stoneColour) : null;
  const mesh = (
    name: string,
    g: THREE.BufferGeometry,
    m: THREE.Material,
    parent: THREE.Object3D,
  ) => {
    const x = new THREE.Mesh(g, m);
    x.name = name;
    parent.add(x);
    return x;
  };
  // The post through the lobe, behind the front.
  const post = mesh('post', new THREE.CylinderGeometry(0.4, 0.4, 7, 6), gold, group);
  post.rotation.x = Math.PI / 2;
  post.position.z = -3.5;

  const size = Math.max(2, p.sizeMm);
  const pendants: THREE.Object3D[] = [];

  if (p.style === 'stud') {
    const R = size / 2;
    const t = Math.max(0.35, size * 0.07);
    mesh('bezel', new THREE.TorusGeometry(R - t, t, 6, 28), gold, group);
    const dome = mesh(
      stone ? 'stone' : 'dome',
      new THREE.SphereGeometry(
        R - t * 0.8,
        stone ? 8 : 20,
        stone ? 3 : 6,
        0,
        2 * Math.PI,
        0,
        Math.PI / 2,
      ),
      stone ?? gold,
      group,
    );
    dome.rotation.x = Math.PI / 2; // the dome's pole (+y) faces +z
    dome.scale.y = stone ? 0.65 : 0.5;
  } else if (p.style === 'hoop') {
    const hoop = pendant('hoop');
    const t = THREE.MathUtils.clamp(size * 0.045, 0.7, 1.6);
    const R = size / 2 - t; // the tube's centre line; the outside is sizeMm across
    const ring = mesh('ring', new THREE.TorusGeometry(R, t, 10, 48), gold, hoop);
    const tilt = new THREE.Object3D();
    tilt.position.y = -R;
    tilt.rotation.y = Math.PI / 6; // 60° from the side of the head, towards the camera
    hoop.add(tilt);
    tilt.add(ring);
    if (stone) {
      // A row of small stones set along the front of the lower arc.
      for (let k = -2; k <= 2; k++) {
        const a = -Math.PI / 2 + k * 0.32;
        const s = mesh(`stone-${k + 2}`, new THREE.SphereGeometry(t * 0.9, 6, 4), stone, tilt);
        s.position.set(R * Math.cos(a), R * Math.sin(a), t * 0.7);
      }
    }
    pendants.push(hoop);
  } else {
    // Drop: a small stud at the lobe; below it, a chain and a stone, `sizeMm` long in all.
    const knob = mesh(
      'knob',
      new THREE.SphereGeometry(Math.max(1.5, size * 0.06), 12, 4, 0, 2 * Math.PI, 0, Math.PI / 2),
      gold,
      group,
    );
    knob.rotation.x = Math.PI / 2;
    const drop = pendant('drop');
    const chainLen = size * 0.42;
    let y = -1.4;
    let k = 0;
    while (y > -chainLen) {
      const link = mesh(`link-${k}`, new THREE.TorusGeometry(0.75, 0.22, 4, 10), gold, drop);
      link.scale.y = 1.35;
      link.position.y = y - 0.75;
      link.rotation.y = k % 2 ? Math.PI / 2 : 0;
      y -= 1.7;
      k++;
    }
    const len = size + y; // what is left for the stone
    const pearl = !!p.stoneColour && near(p.stoneColour, '#f5f3ee', 40);
    const body = mesh(
      'stone',
      pearl ? new THREE.SphereGeometry(len / 2, 16, 10) : teardrop(len, !!stone),
      stone ?? gold,
      drop,
    );
    body.position.y = pearl ? y - len / 2 : y;
    pendants.push(drop);
  }
  return { group, pendants };

  function pendant(name: string) {
    const g = new THREE.Group();
    g.name = name;
    group.add(g);
    return g;
  }
}

/** A teardrop `len` long hanging from its point at y = 0: faceted for a stone, smooth in metal. */
function teardrop(len: number, faceted: boolean) {
  const n = 12;
  const pts = Array.from({ length: n + 1 }, (_, k) => {
    const phi = (k / n) * Math.PI;
    const r = 0.34 * len * Math.sin(phi) * Math.sqrt(Math.sin(phi / 2));
    return new THREE.Vector2(Math.max(1e-3, r), (-len * (1 - Math.cos(phi))) / 2);
  });
  return new THREE.LatheGeometry(pts.reverse(), faceted ? 10 : 18);
}

/** A cut stone, or a pearl for white. */
function stoneMaterial(hex: string): THREE.Material {
  if (!near(hex, '#f5f3ee', 40)) return gem(hex);
  return new THREE.MeshPhysicalMaterial({
    color: new THREE.Color(hex),
    roughness: 0.25,
    metalness: 0,
    clearcoat: 1,
    clearcoatRoughness: 0.15,
    iridescence: 0.4,
    sheen: 0.5,
  });
}
