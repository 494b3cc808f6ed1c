/** Worker entry: MediaPipe's FaceLandmarker runs here, off the UI thread. */
import { expose, transfer } from 'comlink';
import {
  openFaceLandmarker,
  type FaceLandmarkerCore,
  type LandmarkerInit,
} from './face-landmarker';

let core: FaceLandmarkerCore | null = null;

const api = {
  async init(init: LandmarkerInit): Promise<void> {
    core?.close();
    core = await openFaceLandmarker(init);
  },
  detect(frame: ImageBitmap, timestampMs?: number) {
    try {
      if (!core) throw new Error('The landmarker is not open.');
      const packed = core.detect(frame, timestampMs);
      return transfer(packed, [packed.points.buffer, packed.matrices.buffer]);
    } finally {
      frame.close(); // the bitmap was transferred to us; free its pixels at once
    }
  },
  close(): void {
    core?.close();
    core = null;
  },
};

export type LandmarkerWorkerApi = typeof api;
expose(api);
