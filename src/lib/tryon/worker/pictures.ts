/**
 * The picture worker's work (picture.worker.ts): try-on products' catalog pictures drawn from
 * their 3D models (three/picture.ts), on one WebGL renderer on an OffscreenCanvas kept for every
 * picture (a context, the environment map and the compiled shaders are the costly part; each
 * picture after the first is a draw and an encode).
 */
import * as THREE from 'three';
import { renderProductPicture } from '../three/picture';
import type { ModelledParams } from '../shared/pictures';

export interface RenderedPicture {
  /** WebP (PNG where the browser cannot encode WebP). */
  picture: Blob;
  /** How long the draw and the encode took in the worker, in milliseconds. */
  ms: number;
}

export interface PictureWorkerApi {
  /** The product's picture, `size` pixels square; null where this browser has no WebGL in a
   *  worker (OffscreenCanvas): the page then keeps its drawn pictures. */
  render(params: ModelledParams, size: number): Promise<RenderedPicture | null>;
}

export function createPictureWorkerApi(): PictureWorkerApi {
  /** undefined: not tried yet; null: no WebGL here. */
  let renderer: THREE.WebGLRenderer | null | undefined;

  function open(size: number): THREE.WebGLRenderer | null {
    if (renderer !== undefined) return renderer;
    try {
      const canvas = new OffscreenCanvas(size, size);
      // A lost context (the GPU process restarted) is made again for the next picture.
      canvas.addEventListener('webglcontextlost', () => close());
      // Asked for first, so that a browser without it says nothing (three logs an error).
      const context = canvas.getContext('webgl2', {
        alpha: false,
        antialias: true,
        depth: true,
        stencil: false,
        preserveDrawingBuffer: true,
      });
      renderer = context
        ? new THREE.WebGLRenderer({ canvas, context, antialias: true, preserveDrawingBuffer: true })
        : null;
    } catch {
      renderer = null;
    }
    return renderer;
  }

  function close() {
    renderer?.dispose();
    renderer = undefined;
  }

  return {
    async render(params, size) {
      const r = open(size);
      if (!r) return null;
      const start = performance.now();
      try {
        const picture = await renderProductPicture(params, size, r, { type: 'image/webp' });
        return { picture, ms: performance.now() - start };
      } catch (e) {
        close(); // start afresh next time
        throw e;
      }
    },
  };
}
