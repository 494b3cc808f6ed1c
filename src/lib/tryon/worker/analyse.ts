/**
 * What try-on needs from a frame besides the landmarks, for one face: where the hair is (so a
 * fringe falls over a brim and hair hides an earring on a covered ear; shared/hair.ts) and the
 * light on the face (shared/light.ts). Runs in the landmarker's worker (or on the main thread).
 *
 * The frame is first drawn at ANALYSIS_SIZE pixels on its long side: the segmenter's own input is
 * 256x256, so the mask is no coarser than the model, and the colour work stays small. The
 * segmenter (its own wasm module instance, segmenter.ts) opens on the first hair request only.
 */
import { estimateLight, type LightEstimate } from '../shared/light';
import { hairMask, type HairMask } from '../shared/hair';
import type { Point } from '../shared/geometry';
import { openSegmenter, type SegmenterCore, type SegmenterInit } from './segmenter';

export const ANALYSIS_SIZE = 256;

export interface AnalyseWant {
  hair: boolean;
  light: boolean;
}

export interface FrameAnalysis {
  /**
   * Hair alpha over the whole frame as given (frame px = mask px x scale; a view that shows the
   * frame mirrored mirrors the mask too), absent unless asked for.
   */
  hair?: HairMask;
  light?: LightEstimate | null;
  /** Where the time went, ms (segment includes opening the segmenter on the first call). */
  ms: { segment: number; hair: number; light: number; total: number };
}

export interface FrameAnalyser {
  analyse(frame: ImageBitmap, landmarks: Float32Array, want: AnalyseWant): Promise<FrameAnalysis>;
  close(): void;
}

const POINTS = 478;

export function createFrameAnalyser(init: SegmenterInit): FrameAnalyser {
  let segmenter: Promise<SegmenterCore> | null = null;
  let canvas: OffscreenCanvas | null = null;
  let closed = false;
  return {
    async analyse(frame, landmarks, want) {
      if (closed) throw new Error('The analyser is closed.');
      if (landmarks.length < POINTS * 3) throw new Error(`Expected ${POINTS} landmarks`);
      const t0 = performance.now();
      const s = ANALYSIS_SIZE / Math.max(frame.width, frame.height);
      const w = Math.max(1, Math.round(frame.width * Math.min(1, s)));
      const h = Math.max(1, Math.round(frame.height * Math.min(1, s)));
      if (!canvas || canvas.width !== w || canvas.height !== h) canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d', { willReadFrequently: true });
      if (!g) throw new Error('No 2D canvas in this context.');
      g.drawImage(frame, 0, 0, w, h);
      const rgba = g.getImageData(0, 0, w, h).data;
      const points: Point[] = new Array(POINTS);
      for (let i = 0; i < POINTS; i++)
        points[i] = { x: landmarks[3 * i]! * w, y: landmarks[3 * i + 1]! * h };
      const out: FrameAnalysis = { ms: { segment: 0, hair: 0, light: 0, total: 0 } };
      if (want.light) {
        const a = performance.now();
        out.light = estimateLight(rgba, w, h, points);
        out.ms.light = performance.now() - a;
      }
      if (want.hair) {
        const a = performance.now();
        segmenter ??= openSegmenter(init).catch((error: unknown) => {
          segmenter = null; // a later request tries again
          throw error;
        });
        const person = (await segmenter).segment(canvas);
        if (person.width !== w || person.height !== h)
          throw new Error(`Mask ${person.width}x${person.height} for a ${w}x${h} image`);
        const b = performance.now();
        out.hair = hairMask(
          { width: w, height: h, rgba, person: person.confidence, points },
          frame.width,
          frame.height,
        );
        out.ms.segment = b - a;
        out.ms.hair = performance.now() - b;
      }
      out.ms.total = performance.now() - t0;
      return out;
    },
    close() {
      closed = true;
      void segmenter?.then((core) => core.close()).catch(() => undefined);
      segmenter = null;
    },
  };
}
