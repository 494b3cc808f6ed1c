/** Worker entry: try-on's 3D products are rendered here (three.js on an OffscreenCanvas). */
import { expose, transfer } from 'comlink';
import { TryOnScene, type SceneLayers, type SceneRequest } from '../three/scene';

let scene: TryOnScene | null = null;

const api = {
  /** False where this worker has no WebGL: the page then renders on its own thread. */
  open(): boolean {
    scene ??= TryOnScene.create();
    return !!scene;
  },
  render(request: SceneRequest): SceneLayers {
    scene ??= TryOnScene.create();
    if (!scene) throw new Error('No WebGL in the scene worker.');
    const layers = scene.renderLayers(request);
    return transfer(
      layers,
      layers.map((l) => l.bitmap),
    );
  },
  close(): void {
    scene?.dispose();
    scene = null;
  },
};

export type SceneWorkerApi = typeof api;
expose(api);
