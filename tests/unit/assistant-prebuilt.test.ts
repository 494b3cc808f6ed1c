// The intent model trained at build time: the same build twice gives the same bytes, and the
// shipped file loads (as the worker loads it) and answers FAQ questions without training.
import { describe, expect, it } from 'vitest';
import { wordVectorTable } from '../../src/build/word-vectors';
import { decodeWordVectors } from '../../src/lib/assistant/shared/word-vectors';
import { AssistantCore, MODEL_VERSION, examplesHash } from '../../src/lib/assistant/worker/core';
import {
  builtInExamples,
  builtInModel,
  decodePrebuilt,
  encodePrebuilt,
  prebuiltModelFile,
  trainPrebuilt,
} from '../../src/lib/assistant/worker/prebuilt';

function tableBytes(): ArrayBuffer {
  const table = wordVectorTable();
  return table.buffer.slice(table.byteOffset, table.byteOffset + table.byteLength) as ArrayBuffer;
}
const vectors = () => decodeWordVectors(tableBytes());

describe('prebuilt assistant model', () => {
  it('round-trips a snapshot through its file format (int8 weights, a scale per row)', () => {
    const weights = Float32Array.from([1, -2, 0.5, 3]).buffer;
    const meta = {
      version: MODEL_VERSION,
      hash: 'abc',
      intents: ['a', 'b'],
      rows: 1,
      classes: 2,
      backend: 'wasm',
      ms: 0,
      vectors: null,
    };
    const back = decodePrebuilt(encodePrebuilt({ meta, weights }).slice().buffer);
    expect(back.meta).toEqual(meta);
    const got = [...new Float32Array(back.weights)];
    [1, -2, 0.5, 3].forEach((w, i) => expect(got[i]).toBeCloseTo(w, 1));
    expect(() => decodePrebuilt(new Uint8Array(16).buffer)).toThrow(/not a prebuilt/);
  });

  it('is named by the model version and the built-in examples’ hash', () => {
    expect(builtInModel().file).toBe(prebuiltModelFile(examplesHash(builtInExamples())));
    expect(builtInModel().file).toMatch(/^assistant\/model-v\d+-[0-9a-f]{16}\.bin$/);
  });

  it('gives byte-identical files from two builds, which load and answer FAQ questions', async () => {
    const first = await trainPrebuilt(builtInExamples(), tableBytes());
    const second = await trainPrebuilt(builtInExamples(), tableBytes());
    expect(second.length).toBe(first.length);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const snapshot = decodePrebuilt(first.slice().buffer);
    expect(snapshot.meta.ms).toBe(0);
    const core = new AssistantCore(vectors());
    expect(core.load(builtInExamples(), snapshot)).toBe(true);
    const top = (q: string) => core.rank(q).best[0]!.intent;
    expect(top('How many days until a parcel gets to me?')).toBe('shipping-time');
    expect(top('do you do gift wrapping for presents?')).toBe('gift-wrap');
    expect(top('where is my order')).toBe('order-status');
    expect(top('what time do you open on sunday')).toBe('store-hours');
    expect(top('退货运费谁出')).toBe('return-shipping-cost');
    // Another set of examples (a shop's imported FAQ) does not fit: the device trains then.
    expect(new AssistantCore(vectors()).load(builtInExamples().slice(1), snapshot)).toBe(false);
    // Nor without the word-vector table it was trained with.
    expect(new AssistantCore(null).load(builtInExamples(), snapshot)).toBe(false);
  }, 240_000);
});
