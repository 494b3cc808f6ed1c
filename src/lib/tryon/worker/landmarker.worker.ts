/** Worker entry: MediaPipe face landmarks, and hair and light for a face, off the UI thread. */
import { expose, transfer } from 'comlink';
import { createFrameAnalyser, type AnalyseWant, type FrameAnalyser } from './analyse';
import { MEDIAPIPE_FILES } from './assets';
import {
  openFaceLandmarker,
  type FaceLandmarkerCore,
  type LandmarkerInit,
} from './face-landmarker';

let core: FaceLandmarkerCore | null = null;
let analyser: FrameAnalyser | null = null;

const api = {
  async init(init: LandmarkerInit): Promise<void> {
    core?.close();
    analyser?.close();
    core = await openFaceLandmarker(init);
    // The segmenter's model sits beside the face model; it opens on the first hair request.
    analyser = createFrameAnalyser({
      wasmLoaderUrl: init.wasmLoaderUrl,
      wasmBinaryUrl: init.wasmBinaryUrl,
      modelUrl: new URL(MEDIAPIPE_FILES.selfieSegmenter, init.modelUrl).href,
    });
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
  /** Hair mask and light for one face (its 478 landmarks, normalised x, y, z) in `frame`. */
  async analyse(frame: ImageBitmap, landmarks: Float32Array, want: AnalyseWant) {
    try {
      if (!analyser) throw new Error('The landmarker is not open.');
      const result = await analyser.analyse(frame, landmarks, want);
      return transfer(result, result.hair ? [result.hair.alpha.buffer] : []);
    } finally {
      frame.close();
    }
  },
  close(): void {
    core?.close();
    core = null;
    analyser?.close();
    analyser = null;
  },
};

export type LandmarkerWorkerApi = typeof api;
expose(api);
