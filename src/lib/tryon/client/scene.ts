/**
 * Renders try-on's 3D products off the UI thread: three.js in a worker on an OffscreenCanvas
 * (worker/scene.worker.ts), else on the page where a worker has no WebGL, else nowhere (null: the
 * flat drawings in render.ts stand in). three.js is loaded only when this is first called.
 *
 *   const scene = await createSceneRenderer();
 *   const layers = await scene?.render(sceneRequest(face, product, width, height, look));
 */
import { WorkerBridge } from '../../workers/bridge';
import type { SceneLayers, SceneRequest } from '../three/scene';
import type { SceneWorkerApi } from '../worker/scene.worker';

export interface SceneRenderer {
  render(request: SceneRequest): Promise<SceneLayers>;
  close(): void;
}

export async function createSceneRenderer(): Promise<SceneRenderer | null> {
  if (typeof Worker !== 'undefined') {
    const bridge = new WorkerBridge<SceneWorkerApi>(
      () => new Worker(new URL('../worker/scene.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      if (await bridge.call((api) => api.open()))
        return {
          render: (request) => bridge.call((api) => api.render(request)),
          close: () => bridge.terminate(),
        };
    } catch (e) {
      console.warn('Try on: the scene worker did not start; rendering on the page', e);
    }
    bridge.terminate();
  }
  const { TryOnScene } = await import('../three/scene');
  const scene = TryOnScene.create();
  if (!scene) return null;
  return {
    render: (request) => Promise.resolve(scene.renderLayers(request)),
    close: () => scene.dispose(),
  };
}
