/**
 * Worker entry: try-on products' catalog pictures, rendered from their 3D models off the UI
 * thread (pictures.ts). Page side: tryon/client/pictures.ts, behind a WorkerBridge that shuts it
 * down when idle.
 */
import { expose } from 'comlink';
import { createPictureWorkerApi } from './pictures';

export type { PictureWorkerApi } from './pictures';
expose(createPictureWorkerApi());
