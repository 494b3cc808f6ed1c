/**
 * Tests-only entry (tests/e2e/pages/landmarker.html): exposes the production landmarker module,
 * as the app builds it (worker, models, wasm, CSP), to end-to-end tests and bench:tryon, and the
 * live view's per-frame drawing (tracker, face geometry, renderer) for the bench's "total".
 */
import { catalog } from '../../../src/lib/shell/catalog';
import { createLandmarker, type FaceFrame } from '../../../src/lib/tryon/client/landmarker';
import { renderTryOn } from '../../../src/lib/tryon/client/render';
import { faceGeometry } from '../../../src/lib/tryon/shared/geometry';
import { FaceTracker } from '../../../src/lib/tryon/shared/tracker';

/** One frame as TryOn.svelte draws it: smooth the landmarks, place the product, draw. */
function createRenderer(productId = 'glasses-001') {
  const tracker = new FaceTracker();
  const product = catalog.get(productId)?.tryOn ?? null;
  return (ctx: CanvasRenderingContext2D, source: HTMLCanvasElement, faces: FaceFrame[]) => {
    const { width: w, height: h } = source;
    const pts = faces[0]?.landmarks.map((p) => ({ x: p.x * w, y: p.y * h })) ?? null;
    const tracked = tracker.update(pts, performance.now());
    const face = tracked ? faceGeometry(tracked.points) : null;
    renderTryOn(ctx, { source, width: w, height: h, mirrored: true, face, product });
  };
}

declare global {
  interface Window {
    landmarkerLab: {
      createLandmarker: typeof createLandmarker;
      createRenderer: typeof createRenderer;
    };
  }
}

window.landmarkerLab = { createLandmarker, createRenderer };
document.documentElement.dataset.ready = 'lab';
