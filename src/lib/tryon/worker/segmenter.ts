/**
 * MediaPipe Tasks' ImageSegmenter on our own files: the selfie segmentation model our build makes
 * (selfie_segmenter.tflite: 256x256 float input, one sigmoid "person" channel, src/build/) on
 * the same ES-module wasm loader and CPU delegate as the face landmarker (face-landmarker.ts).
 *
 * Every tasks-vision task runs on its own wasm module instance: createFromOptions() calls the
 * global ModuleFactory once and then clears it, so the factory is set again before each task
 * opens (the loader module itself is imported, and its wasm fetched and compiled, once).
 */
import { ImageSegmenter } from '@mediapipe/tasks-vision';
import { loadWasmFactory } from './face-landmarker';

export interface SegmenterInit {
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  modelUrl: string;
}

/** A person mask: confidence 0..1 per pixel, row-major, at the size of the image segmented. */
export interface PersonMask {
  width: number;
  height: number;
  confidence: Float32Array;
}

export interface SegmenterCore {
  /** The person mask of `image`, at the image's size (pass a small image: the mask is copied). */
  segment(image: TexImageSource): PersonMask;
  close(): void;
}

export async function openSegmenter(init: SegmenterInit): Promise<SegmenterCore> {
  const response = await fetch(init.modelUrl);
  if (!response.ok) throw new Error(`Segmentation model unavailable (${response.status})`);
  const model = new Uint8Array(await response.arrayBuffer());
  await loadWasmFactory(init.wasmLoaderUrl);
  const segmenter = await ImageSegmenter.createFromOptions(
    { wasmLoaderPath: '', wasmBinaryPath: init.wasmBinaryUrl },
    {
      baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
      runningMode: 'IMAGE',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
    },
  );
  return {
    segment(image) {
      const out: { mask?: PersonMask } = {};
      segmenter.segment(image, (result) => {
        const m = result.confidenceMasks?.[0];
        if (!m) return;
        // The mask's memory belongs to the graph until the callback returns: copy it.
        out.mask = { width: m.width, height: m.height, confidence: m.getAsFloat32Array().slice() };
      });
      if (!out.mask) throw new Error('The segmenter returned no mask.');
      return out.mask;
    },
    close() {
      segmenter.close();
    },
  };
}
