/**
 * The 3D layer of Try on: one three.js scene, rendered over the frame with an orthographic camera
 * in the frame's own pixels, so that a head-space millimetre lands where the landmarks say
 * (shared/head.ts). It runs in the scene worker (worker/scene.worker.ts) on an OffscreenCanvas,
 * or on the page where a worker has no WebGL. It holds:
 *  - the product, built from its catalog parameters (three/products.ts), seated by placement3d;
 *  - an invisible head (depth only) that hides temples, a hat's inside and the far earring;
 *  - light from the frame (shared/light.ts): a hemisphere for the ambient colour, a key light
 *    from the estimated direction, and a room environment for reflections on metal and lenses.
 * Loaded with three.js only when Try on draws a 3D product; one renderer serves every canvas.
 */
import * as THREE from 'three';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import type { LightEstimate } from '../shared/light';
import type { Params3d, Placement3d } from '../shared/placement3d';
import { buildProduct, type ProductModel } from './products';

/** The invisible head: an ellipsoid just inside the face's sides, behind the face (head space). */
const OCCLUDER = { centre: [0, 5, -100] as const, radii: [0.47, 125, 95] as const };
/** Soft light from the upper left, where the frame gives no estimate. */
export type SceneLight = Pick<LightEstimate, 'color' | 'ambientIntensity' | 'key'>;
const DEFAULT_LIGHT: SceneLight = {
  color: [1, 1, 1],
  ambientIntensity: 0.6,
  key: { direction: [-0.3, 0.5, 0.8], intensity: 0.4 },
};
/** Light estimates are relative to skin's albedo; three's lights want these gains to match. */
const AMBIENT_GAIN = 0.9;
const KEY_GAIN = 3.5;
/** Rough cloth takes little from the room's reflections, or a white hat turns flat white. */
const CLOTH_ENVIRONMENT = 0.3;

/**
 * Which part of the product to draw: all of it, or the part behind or in front of the face's
 * plane (a hat's crown and band at the sides and back vs its brim or visor at the front), so that
 * the frame's hair can go between the two.
 */
export type ScenePart = 'whole' | 'behind' | 'front';
/** The face's plane for ScenePart: this far in front of the nose bridge (mm). */
const FACE_PLANE_MM = 5;

/** The layer canvas grows and shrinks in steps of this many pixels; a margin round the box. */
const BOX_STEP = 64;
const BOX_PAD = 4;

/** What to draw: the product, where it sits (placement3d, computed on the page), the light. */
export interface SceneRequest {
  product: Params3d;
  placement: Placement3d;
  width: number;
  height: number;
  light?: SceneLight;
  /** Earrings the hair covers, not drawn. */
  hidden?: readonly ('right' | 'left')[];
  /** Draw it in two parts, behind and in front of the face's plane (see ScenePart). */
  split?: boolean;
  /**
   * A live camera frame: drawn fast (no multisampling, at most LIVE_PIXELS pixels, scaled up on
   * the page) rather than fine as a photo is; software WebGL pays per sample drawn.
   */
  live?: boolean;
}

/** A rendered part of the product (transparent elsewhere): the piece of the frame at (x, y). */
export interface SceneLayer {
  bitmap: ImageBitmap;
  /** Where it goes in the frame, and its size there (the bitmap may be smaller: live frames). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A live frame's layer has at most this many pixels (a close face's hat is scaled down). */
export const LIVE_PIXELS = 32_000;

/** A WebGL canvas with its renderer and the room's reflections made for it. */
interface Surface {
  renderer: THREE.WebGLRenderer;
  canvas: OffscreenCanvas;
  environment: THREE.Texture;
}

function openSurface(antialias: boolean): Surface {
  const canvas = new OffscreenCanvas(1, 1);
  const renderer = new THREE.WebGLRenderer({ canvas, alpha: true, antialias });
  renderer.setClearColor(0x000000, 0);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.toneMapping = THREE.NeutralToneMapping;
  const pmrem = new THREE.PMREMGenerator(renderer);
  const room = new RoomEnvironment();
  const environment = pmrem.fromScene(room, 0.04).texture;
  room.dispose();
  pmrem.dispose();
  return { renderer, canvas, environment };
}

function closeSurface(s: Surface | null): void {
  s?.environment.dispose();
  s?.renderer.dispose();
}

/** The whole product, or its part behind the face's plane then the part in front. */
export type SceneLayers = SceneLayer[];

/** Each material's bump map, kept while a live frame goes without it. */
const BUMPS = new WeakMap<THREE.Material, THREE.Texture>();

export class TryOnScene {
  /** Multisampled, for photos and snapshots. */
  readonly #fine: Surface;
  /** Plain, for live frames; opened on the first one. */
  #fast: Surface | null = null;
  readonly #scene = new THREE.Scene();
  readonly #camera = new THREE.OrthographicCamera(0, 1, 0, -1, 1, 20000);
  readonly #head = new THREE.Group();
  readonly #occluder: THREE.Mesh;
  readonly #hemisphere = new THREE.HemisphereLight(0xffffff, 0x404040, 1);
  readonly #key = new THREE.DirectionalLight(0xffffff, 1.5);
  /** Whether the model's bump maps are on (#fineDetail). */
  #bumps = true;
  /** The product's model, and the head width (mm) a hat was made for. */
  #model: { key: string; model: ProductModel; headWidthMm: number } | null = null;

  /** Null where WebGL (on an OffscreenCanvas) is not available. */
  static create(): TryOnScene | null {
    if (typeof OffscreenCanvas === 'undefined') return null;
    try {
      return new TryOnScene(openSurface(true));
    } catch (e) {
      console.warn('Try on: no WebGL here', e);
      return null;
    }
  }

  /** The product's layers for one frame, as bitmaps (transferable to the page). */
  renderLayers(r: SceneRequest): SceneLayers {
    const surface = r.live ? (this.#fast ??= openSurface(false)) : this.#fine;
    const parts: ScenePart[] = r.split ? ['behind', 'front'] : ['whole'];
    return parts.map((part) => {
      const box = this.#render(surface, r, part);
      return { bitmap: surface.canvas.transferToImageBitmap(), ...box };
    });
  }

  private constructor(fine: Surface) {
    this.#fine = fine;
    this.#camera.position.set(0, 0, 10000);
    this.#head.matrixAutoUpdate = false;
    const occluder = new THREE.Mesh(
      new THREE.SphereGeometry(1, 32, 24),
      new THREE.MeshBasicMaterial({ colorWrite: false }),
    );
    occluder.renderOrder = -1; // depth first, so the product behind it is not drawn
    this.#occluder = occluder;
    this.#head.add(occluder);
    this.#scene.add(this.#head, this.#hemisphere, this.#key, this.#key.target);
  }

  /** Draws the product on this face into the layer canvas (earrings hidden by hair left out). */
  #render(surface: Surface, r: SceneRequest, part: ScenePart) {
    const { placement, product, light = DEFAULT_LIGHT, hidden: hiddenByHair = [] } = r;
    const { head, headSize } = placement;
    const s = head.pxPerMm;
    const [x, y, z, o] = [head.x, head.y, head.z, head.origin];
    this.#head.matrix.set(
      x[0] * s, y[0] * s, z[0] * s, o[0],
      x[1] * s, y[1] * s, z[1] * s, o[1],
      x[2] * s, y[2] * s, z[2] * s, o[2],
      0, 0, 0, 1,
    ); // prettier-ignore
    this.#head.matrixWorldNeedsUpdate = true;
    const widthMm = headSize.widthMm / 1.1; // the face's, not the hair's
    this.#occluder.position.set(...OCCLUDER.centre);
    this.#occluder.scale.set(OCCLUDER.radii[0] * widthMm, OCCLUDER.radii[1], OCCLUDER.radii[2]);

    this.#light(light);
    const model = this.#modelFor(product, placement);
    this.#fineDetail(model, !r.live);
    // One copy per seat: earrings are a pair, the rest one.
    const copies = model.group.children as THREE.Object3D[];
    placement.seats.forEach((seat, i) => {
      const copy = copies[i]!;
      copy.position.set(...seat.position);
      copy.rotation.set(seat.pitch, seat.yaw, 0, 'YXZ');
      // A hat made for another head is scaled to this one; the right earring mirrors the left.
      copy.scale.setScalar(
        product.kind === 'hat' ? headSize.widthMm / this.#model!.headWidthMm : 1,
      );
      if (seat.side === 'right') copy.scale.x *= -1;
      copy.visible = seat.facing && !(seat.side && hiddenByHair.includes(seat.side));
    });
    this.#scene.updateMatrixWorld(true);
    this.#hang(model.pendants);
    const { renderer } = surface;
    this.#scene.environment = surface.environment;
    this.#clip(renderer, part, placement);
    const box = this.#frame(surface, model.group, r.width, r.height, r.live);
    if (box.width > 0 && box.height > 0) renderer.render(this.#scene, this.#camera);
    else renderer.clear();
    return box;
  }

  /**
   * Points the camera at the product's box only (software WebGL pays per pixel drawn): the
   * layer canvas is that box, in steps of BOX_STEP pixels so it is seldom resized.
   */
  #frame(surface: Surface, group: THREE.Object3D, width: number, height: number, live = false) {
    const b = new THREE.Box3().setFromObject(group);
    const x = Math.max(0, Math.floor(b.min.x) - BOX_PAD);
    const y = Math.max(0, Math.floor(-b.max.y) - BOX_PAD);
    const right = Math.min(width, Math.ceil(b.max.x) + BOX_PAD);
    const bottom = Math.min(height, Math.ceil(-b.min.y) + BOX_PAD);
    const step = (v: number) => Math.max(BOX_STEP, Math.ceil(v / BOX_STEP) * BOX_STEP);
    const [w, h] = [step(right - x), step(bottom - y)];
    // Live, a big box is drawn at a lower resolution and scaled up on the page.
    const k = live ? Math.min(1, Math.sqrt(LIVE_PIXELS / (w * h))) : 1;
    const [pw, ph] = [Math.ceil(w * k), Math.ceil(h * k)];
    const { canvas, renderer } = surface;
    if (canvas.width !== pw || canvas.height !== ph) renderer.setSize(pw, ph, false);
    this.#camera.left = x;
    this.#camera.right = x + w;
    this.#camera.top = -y;
    this.#camera.bottom = -(y + h);
    this.#camera.updateProjectionMatrix();
    return { x, y, width: right > x ? w : 0, height: bottom > y ? h : 0 };
  }

  /** Three clips what lies on the negative side of each plane. */
  #clip(renderer: THREE.WebGLRenderer, part: ScenePart, { head }: Placement3d): void {
    if (part === 'whole') {
      renderer.clippingPlanes = [];
      return;
    }
    const normal = new THREE.Vector3(...head.z);
    const at = new THREE.Vector3(...head.origin).addScaledVector(
      normal,
      FACE_PLANE_MM * head.pxPerMm,
    );
    const plane = new THREE.Plane().setFromNormalAndCoplanarPoint(normal, at);
    renderer.clippingPlanes = [part === 'front' ? plane : plane.negate()];
  }

  dispose(): void {
    this.#model?.model.dispose();
    this.#model = null;
    this.#occluder.geometry.dispose();
    (this.#occluder.material as THREE.Material).dispose();
    this.#scene.environment = null;
    closeSurface(this.#fine);
    closeSurface(this.#fast);
    this.#fast = null;
  }

  #light(l: Pick<LightEstimate, 'color' | 'ambientIntensity' | 'key'>): void {
    // The estimate's colour is linear RGB, as three's lights take it.
    this.#hemisphere.color.setRGB(...l.color, THREE.LinearSRGBColorSpace);
    this.#hemisphere.groundColor.copy(this.#hemisphere.color).multiplyScalar(0.35);
    this.#hemisphere.intensity = AMBIENT_GAIN * l.ambientIntensity;
    this.#key.color.copy(this.#hemisphere.color);
    this.#key.intensity = KEY_GAIN * l.key.intensity;
    this.#key.position.set(...l.key.direction).multiplyScalar(1000);
    this.#scene.environmentIntensity = 0.7 * Math.min(1, l.ambientIntensity + l.key.intensity);
  }

  /**
   * The product's model, one copy per seat, built when the product changes. A hat is built for
   * the head it first sits on and scaled after that: rebuilding it for each small change of a live
   * head's measured size cost more than the whole render.
   */
  #modelFor(p: Params3d, placement: Placement3d): ProductModel {
    const key = JSON.stringify(p);
    if (this.#model?.key === key) return this.#model.model;
    if (this.#model) {
      this.#head.remove(this.#model.model.group);
      this.#model.model.dispose();
    }
    const copies = placement.seats.map(() => buildProduct(p, placement.headSize));
    for (const c of copies)
      c.group.traverse((o) => {
        const m = (o as THREE.Mesh).material;
        if (m instanceof THREE.MeshStandardMaterial && m.roughness > 0.6)
          m.envMapIntensity = CLOTH_ENVIRONMENT;
      });
    const group = new THREE.Group();
    for (const c of copies) group.add(c.group);
    const model: ProductModel = {
      group,
      pendants: copies.flatMap((c) => c.pendants),
      dispose: () => copies.forEach((c) => c.dispose()),
    };
    this.#head.add(group);
    this.#model = { key, model, headWidthMm: placement.headSize.widthMm };
    this.#bumps = true; // as built
    return model;
  }

  /**
   * Bump maps (a hat's weave) on for photos, off for live frames: in software WebGL they cost
   * more than the rest of a hat's render, and a weave is lost in a moving picture anyway.
   */
  #fineDetail(model: ProductModel, on: boolean): void {
    if (this.#bumps === on) return;
    this.#bumps = on;
    model.group.traverse((o) => {
      const m = (o as THREE.Mesh).material;
      if (!(m instanceof THREE.MeshStandardMaterial)) return;
      if (m.bumpMap) BUMPS.set(m, m.bumpMap);
      const bump = on ? (BUMPS.get(m) ?? null) : null;
      if (m.bumpMap !== bump) {
        m.bumpMap = bump;
        m.needsUpdate = true;
      }
    });
  }

  /** Pendants hang straight down, turned with the head only about the vertical. */
  #hang(pendants: readonly THREE.Object3D[]): void {
    const parent = new THREE.Quaternion();
    const upright = new THREE.Quaternion();
    const scratch = new THREE.Vector3();
    for (const pendant of pendants) {
      if (!pendant.parent) continue;
      pendant.parent.matrixWorld.decompose(scratch, parent, new THREE.Vector3());
      const facing = new THREE.Vector3(0, 0, 1).applyQuaternion(parent);
      upright.setFromAxisAngle(new THREE.Vector3(0, 1, 0), Math.atan2(facing.x, facing.z));
      pendant.quaternion.copy(parent.invert().multiply(upright));
      pendant.updateMatrixWorld(true);
    }
  }
}
