/**
 * Materials for the try-on models, and the small textures they use, made at run time from
 * numbers (DataTexture: no image files, no canvas, so it works in Node tests too).
 *
 * Visibility on any skin: a thin rose-gold or black frame over a darker face nearly vanished
 * in the 2D renderer. Here metals keep a floor on their lightness (a black metal becomes
 * gunmetal) and reflect the scene's environment strongly, and acetate has a clear coat, so every
 * frame carries bright highlights whatever is behind it.
 */
import * as THREE from 'three';
import { COLOURS } from '../../catalog/colours';

/** The colour with its HSL lightness (sRGB, as the catalog writes colours) raised to `min`. */
function atLeast(hex: string, min: number): THREE.Color {
  const c = new THREE.Color(hex);
  const hsl = { h: 0, s: 0, l: 0 };
  c.getHSL(hsl, THREE.SRGBColorSpace);
  if (hsl.l < min) c.setHSL(hsl.h, hsl.s, min, THREE.SRGBColorSpace);
  return c;
}

/** Whether two hex colours are close (sRGB distance, 0..255 per channel). */
export function near(a: string, b: string | undefined, within = 28): boolean {
  if (!b) return false;
  const [x, y] = [a, b].map((h) =>
    new THREE.Color(h).getRGB({ r: 0, g: 0, b: 0 }, THREE.SRGBColorSpace),
  ) as [THREE.RGB, THREE.RGB];
  const d = Math.hypot(x.r - y.r, x.g - y.g, x.b - y.b) * 255;
  return d <= within;
}

/** Gold, silver and rose gold: the catalog's metal colours. */
export function isMetalColour(hex: string): boolean {
  return ['gold', 'silver', 'rose-gold'].some((k) => near(hex, COLOURS[k]?.hex));
}

export function metal(hex: string): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({
    color: atLeast(hex, 0.28),
    metalness: 1,
    roughness: 0.24,
    envMapIntensity: 1.6,
  });
}

/** Acetate (moulded plastic) frames: a coloured body under a glossy clear coat. */
export function acetate(hex: string): THREE.MeshPhysicalMaterial {
  const tortoise = near(hex, COLOURS.tortoise?.hex, 12);
  return new THREE.MeshPhysicalMaterial({
    color: tortoise ? new THREE.Color('#ffffff') : atLeast(hex, 0.08),
    map: tortoise ? tortoiseTexture() : null,
    metalness: 0,
    roughness: 0.32,
    clearcoat: 1,
    clearcoatRoughness: 0.06,
    envMapIntensity: 0.9,
  });
}

/**
 * Lenses: the tint at the catalog's opacity, never fully invisible (a clear lens keeps a faint
 * reflection). Real transmission would need an extra render pass, too slow on a software
 * renderer; a glossy, clear-coated transparent surface reads the same over a camera picture.
 */
export function lens(tint: string, opacity: number): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({
    color: new THREE.Color(tint),
    metalness: 0,
    roughness: 0.04,
    clearcoat: 1,
    clearcoatRoughness: 0.03,
    ior: 1.5,
    specularIntensity: 1,
    envMapIntensity: 1.2,
    transparent: true,
    opacity: Math.min(0.92, Math.max(0.1, opacity)),
    depthWrite: false,
    side: THREE.DoubleSide,
  });
}

/** A cut stone: faceted (flat shading), glossy, bright in the environment. */
export function gem(hex: string): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({
    color: new THREE.Color(hex),
    metalness: 0,
    roughness: 0.05,
    clearcoat: 1,
    clearcoatRoughness: 0.02,
    ior: 2.0,
    specularIntensity: 1,
    envMapIntensity: 2,
    flatShading: true,
  });
}

export type Weave = 'knit' | 'twill' | 'felt' | 'straw';

/** Fabric: matte, no metal, both sides drawn (the inside of a crown shows under the brim).
 *  `repeat`: how many texture tiles across the geometry's uv (u, v). */
export function fabric(
  hex: string,
  weave: Weave,
  repeat: readonly [number, number],
): THREE.MeshStandardMaterial {
  const bump = weaveTexture(weave, 1, repeat);
  // Knit and straw show their pattern in the colour too; felt and twill only in the light.
  const coloured = weave === 'knit' || weave === 'straw';
  return new THREE.MeshStandardMaterial({
    color: new THREE.Color(hex),
    map: coloured ? weaveTexture(weave, 0.3, repeat) : null,
    bumpMap: bump,
    bumpScale: weave === 'felt' ? 0.6 : 1.5,
    roughness: 0.9,
    metalness: 0,
    side: THREE.DoubleSide,
  });
}

/* ------------------------------------------------------------------------------ textures */

/** A repeatable hash in [0, 1) for integer lattice points (deterministic pictures). */
function hash(x: number, y: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + seed * 982451653) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smooth value noise over a `period`-cell lattice that tiles. */
function noise(x: number, y: number, period: number, seed: number): number {
  const [x0, y0] = [Math.floor(x), Math.floor(y)];
  const [fx, fy] = [x - x0, y - y0];
  const s = (t: number) => t * t * (3 - 2 * t);
  const h = (i: number, j: number) => hash(i % period, j % period, seed);
  const top = h(x0, y0) + (h(x0 + 1, y0) - h(x0, y0)) * s(fx);
  const bottom = h(x0, y0 + 1) + (h(x0 + 1, y0 + 1) - h(x0, y0 + 1)) * s(fx);
  return top + (bottom - top) * s(fy);
}

function dataTexture(size: number, texel: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = texel(x, y);
      data.set([r * 255, g * 255, b * 255, 255], (y * size + x) * 4);
    }
  }
  const t = new THREE.DataTexture(data, size, size, THREE.RGBAFormat);
  t.wrapS = t.wrapT = THREE.RepeatWrapping;
  t.magFilter = THREE.LinearFilter;
  t.minFilter = THREE.LinearMipmapLinearFilter;
  t.generateMipmaps = true;
  t.needsUpdate = true;
  return t;
}

/**
 * One tile of a weave as grey levels: 1 − contrast .. 1. A knit tile is one rib wide and one
 * row of V stitches high; twill runs diagonally; straw is a basket weave; felt is fine noise.
 */
function weaveTexture(weave: Weave, contrast: number, repeat: readonly [number, number]) {
  const size = 32;
  const level = (x: number, y: number): number => {
    const [u, v] = [x / size, y / size];
    switch (weave) {
      case 'knit': {
        const rib = Math.pow(Math.abs(Math.sin(Math.PI * u)), 0.6);
        const stitch = 0.5 + 0.5 * Math.cos(2 * Math.PI * (v + Math.abs(u - 0.5)));
        return rib * (0.6 + 0.4 * stitch);
      }
      case 'twill':
        return 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * (u + v));
      case 'straw': {
        const cell = (Math.floor(u * 4) + Math.floor(v * 4)) % 2;
        const across = cell ? (v * 4) % 1 : (u * 4) % 1;
        return Math.sin(Math.PI * across) * (0.8 + 0.2 * noise(u * 16, v * 16, 16, 3));
      }
      case 'felt':
        return 0.6 * noise(u * 16, v * 16, 16, 1) + 0.4 * noise(u * 32, v * 32, 32, 2);
    }
  };
  const t = dataTexture(size, (x, y) => {
    const g = 1 - contrast + contrast * level(x, y);
    return [g, g, g];
  });
  t.repeat.set(repeat[0], repeat[1]);
  return t;
}

/** Tortoiseshell: amber patches in dark brown, in colour (sRGB); one tile per ~24 mm of rim. */
function tortoiseTexture() {
  const [dark, amber] = [new THREE.Color('#2a1407'), new THREE.Color('#b06a22')];
  const c = new THREE.Color();
  const rgb = { r: 0, g: 0, b: 0 };
  const t = dataTexture(64, (x, y) => {
    const n = 0.65 * noise(x / 8, y / 8, 8, 7) + 0.35 * noise(x / 4, y / 4, 16, 9);
    c.copy(dark).lerp(amber, THREE.MathUtils.smoothstep(n, 0.42, 0.7));
    c.getRGB(rgb, THREE.SRGBColorSpace);
    return [rgb.r, rgb.g, rgb.b];
  });
  t.colorSpace = THREE.SRGBColorSpace;
  return t;
}
