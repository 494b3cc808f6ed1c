/**
 * Tests-only entry (tests/e2e/pages/landmarker.html): exposes the production landmarker module,
 * as the app builds it (worker, models, wasm, CSP), to end-to-end tests and bench:tryon, and the
 * live view's per-frame drawing (tracker, face geometry, renderer) for the bench's "total".
 */
import { catalog } from '../../../src/lib/shell/catalog';
import { createLandmarker, type FaceFrame } from '../../../src/lib/tryon/client/landmarker';
import { renderTryOn, sceneRequest, type ThreeInput } from '../../../src/lib/tryon/client/render';
import { createSceneRenderer } from '../../../src/lib/tryon/client/scene';
import { is3d } from '../../../src/lib/tryon/shared/placement3d';
import { faceGeometry, toPixels } from '../../../src/lib/tryon/shared/geometry';
import { FaceTracker } from '../../../src/lib/tryon/shared/tracker';

/**
 * One frame as TryOn.svelte draws it: smooth the landmarks, place the product, render it in 3D
 * (in the scene worker) and lay it over the frame. Resolves when the frame is drawn.
 */
async function createRenderer(productId = 'glasses-001') {
  const tracker = new FaceTracker();
  const product = catalog.get(productId)?.tryOn ?? null;
  const scene = await createSceneRenderer();
  /** The 3D render's own time per frame (the scene worker's round trip), ms. */
  const sceneMs: number[] = [];
  const draw = async (
    ctx: CanvasRenderingContext2D,
    source: HTMLCanvasElement,
    faces: FaceFrame[],
  ) => {
    const { width: w, height: h } = source;
    const pts = faces[0] ? toPixels(faces[0].landmarks, w, h) : null;
    const tracked = tracker.update(pts, performance.now());
    const face = tracked ? faceGeometry(tracked.points) : null;
    let three: ThreeInput = 'flat';
    if (face && product && is3d(product) && scene) {
      const request = { ...sceneRequest(face, product, w, h), live: true };
      const t = performance.now();
      three = { placement: request.placement, layers: await scene.render(request) };
      sceneMs.push(performance.now() - t);
    }
    renderTryOn(ctx, { source, width: w, height: h, mirrored: true, face, product, three });
    if (typeof three === 'object') for (const l of three.layers) l.bitmap.close();
  };
  return Object.assign(draw, { sceneMs });
}

declare global {
  interface Window {
    landmarkerLab: {
      createLandmarker: typeof createLandmarker;
      createRenderer: typeof createRenderer;
      createSceneRenderer: typeof createSceneRenderer;
      sceneRequest: typeof sceneRequest;
      faceGeometry: typeof faceGeometry;
      toPixels: typeof toPixels;
      product: (id: string) => ReturnType<typeof catalog.get>;
    };
  }
}

window.landmarkerLab = {
  createLandmarker,
  createRenderer,
  createSceneRenderer,
  sceneRequest,
  faceGeometry,
  toPixels,
  product: (id) => catalog.get(id),
};
document.documentElement.dataset.ready = 'lab';
