/**
 * A try-on product's catalog picture, drawn from the same 3D model the try-on renders: a studio
 * three-quarter view on a neutral background, lit by three's RoomEnvironment (image-based
 * light, so metals and lenses reflect something) and one key light. Browser only (WebGL).
 */
import * as THREE from 'three';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import type { EarringParams, EyewearParams, HatParams } from '../../catalog/types';
import { buildProduct, DEFAULT_HEAD, type ProductModel } from './products';

export interface PictureOptions {
  /** Default 'image/webp' (browsers without WebP encoding give PNG). */
  type?: 'image/png' | 'image/webp';
  background?: string;
}

/** Where the camera looks from: degrees round towards the wearer's left, and above. */
const VIEW: Record<'eyewear' | 'hat' | 'earring', { azimuth: number; elevation: number }> = {
  eyewear: { azimuth: 28, elevation: 12 },
  hat: { azimuth: 30, elevation: 16 },
  earring: { azimuth: 18, elevation: 6 },
};

/** One environment map per renderer that is passed in (reused across pictures). */
const environments = new WeakMap<THREE.WebGLRenderer, THREE.Texture>();

/**
 * Draws the product `size` × `size` pixels and returns the picture. `renderer`: pass one to
 * reuse across many pictures (each WebGL context is costly and browsers cap how many live at
 * once); its canvas is resized for the picture and set back afterwards. Without one, a renderer
 * on an OffscreenCanvas is made and released.
 */
export async function renderProductPicture(
  p: EyewearParams | HatParams | EarringParams,
  size: number,
  renderer?: THREE.WebGLRenderer,
  options: PictureOptions = {},
): Promise<Blob> {
  const own = !renderer;
  const r =
    renderer ??
    new THREE.WebGLRenderer({
      canvas: new OffscreenCanvas(size, size),
      antialias: true,
      preserveDrawingBuffer: true,
    });
  const before = r.getSize(new THREE.Vector2());
  const ratio = r.getPixelRatio();
  const models: ProductModel[] = [];
  let environment: THREE.Texture | undefined = own ? undefined : environments.get(r);
  try {
    r.setPixelRatio(1);
    r.setSize(size, size, false);
    r.outputColorSpace = THREE.SRGBColorSpace;
    r.toneMapping = THREE.NeutralToneMapping;
    r.toneMappingExposure = 1;

    if (!environment) {
      const pmrem = new THREE.PMREMGenerator(r);
      environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
      pmrem.dispose();
      if (!own) environments.set(r, environment);
    }
    const scene = new THREE.Scene();
    scene.background = new THREE.Color(options.background ?? '#f3f2ef');
    scene.environment = environment;
    const key = new THREE.DirectionalLight(0xffffff, 1.2);
    key.position.set(0.6, 1, 0.9);
    scene.add(key);

    // The product; earrings as a pair, the second mirrored (the other ear).
    const model = buildProduct(p, DEFAULT_HEAD);
    models.push(model);
    scene.add(model.group);
    if (p.kind === 'earring') {
      const other = buildProduct(p, DEFAULT_HEAD);
      models.push(other);
      const gap = Math.max(12, p.sizeMm * (p.style === 'stud' ? 1.6 : 1.1));
      model.group.position.x = gap / 2;
      other.group.position.x = -gap / 2;
      other.group.scale.x = -1;
      scene.add(other.group);
    }

    // Frame the whole model: a narrow lens from the view's direction, fitting its bounds.
    scene.updateMatrixWorld(true);
    const bounds = new THREE.Box3();
    for (const m of models) bounds.union(new THREE.Box3().setFromObject(m.group));
    const sphere = bounds.getBoundingSphere(new THREE.Sphere());
    const view = VIEW[p.kind];
    const [az, el] = [view.azimuth, view.elevation].map(THREE.MathUtils.degToRad) as [
      number,
      number,
    ];
    const fov = 28;
    const distance = (sphere.radius / Math.sin(THREE.MathUtils.degToRad(fov / 2))) * 1.04;
    const camera = new THREE.PerspectiveCamera(fov, 1, distance / 20, distance * 4);
    const dir = new THREE.Vector3(
      Math.sin(az) * Math.cos(el),
      Math.sin(el),
      Math.cos(az) * Math.cos(el),
    );
    camera.position.copy(sphere.center).addScaledVector(dir, distance);
    camera.lookAt(sphere.center);

    r.render(scene, camera);
    return await toBlob(r.domElement as BlobCanvas | OffscreenCanvas, options.type);
  } finally {
    for (const m of models) m.dispose();
    if (own) {
      environment?.dispose();
      r.dispose();
      r.forceContextLoss();
    } else {
      r.setPixelRatio(ratio);
      r.setSize(before.x, before.y, false);
    }
  }
}

/** What is used of an HTMLCanvasElement, written out so this also type-checks in a worker
 *  (no DOM types there; tsconfig.worker.json), where the canvas is an OffscreenCanvas. */
interface BlobCanvas {
  toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void;
}

function toBlob(canvas: BlobCanvas | OffscreenCanvas, type = 'image/webp'): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality: 0.9 });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('product picture failed'))), type, 0.9),
  );
}
