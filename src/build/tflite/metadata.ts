/**
 * TFLite model metadata (tflite-support metadata_schema.fbs, file identifier "M001"): MediaPipe
 * Tasks refuse a float-input model without it, because it says how to normalise the pixels.
 *
 * buildModelMetadata() writes a ModelMetadata flatbuffer with the `flatbuffers` Builder (slots
 * below). addMetadataToModel() adds it to a model WITHOUT re-serialising the model: a new root
 * Model table, buffers and metadata vectors are prepended to the untouched original bytes.
 * Flatbuffer offsets are relative and point forward, so old tables stay valid when the whole
 * model moves by a multiple of 16 bytes (Buffer.data is force_align 16).
 *
 * metadata_schema.fbs slots:
 *   ModelMetadata: 0 name, 1 description, 2 version, 3 subgraph_metadata, 4 author, 5 license,
 *                  6 associated_files, 7 min_parser_version
 *   SubGraphMetadata: 0 name, 1 description, 2 input_tensor_metadata, 3 output_tensor_metadata
 *   TensorMetadata: 0 name, 1 description, 2 dimension_names, 3 content, 4 process_units, 5 stats
 *   Content: 0 content_properties_type, 1 content_properties, 2 range
 *     (ContentProperties: 1 FeatureProperties, 2 ImageProperties)
 *   ImageProperties: 0 color_space (RGB = 1), 1 default_size (ImageSize: 0 width, 1 height)
 *   ProcessUnit: 0 options_type (1 NormalizationOptions), 1 options
 *   NormalizationOptions: 0 mean, 1 std;  Stats: 0 max, 1 min
 */
import { Builder } from 'flatbuffers';
import { FlatView } from './reader.ts';

export interface ImageInputSpec {
  name: string;
  width: number;
  height: number;
  /** pixel' = (pixel - mean) / std, per channel (one value = all channels). */
  mean: readonly number[];
  std: readonly number[];
  min: number;
  max: number;
}

export interface MetadataSpec {
  name: string;
  description?: string;
  input: ImageInputSpec;
  outputs: string[];
}

/** [0, 255] -> [0, 1] and [0, 255] -> [-1, 1]: the two normalisations the legacy models use. */
export const UNIT_RANGE = { mean: [0], std: [255], min: 0, max: 1 } as const;
export const SIGNED_RANGE = { mean: [127.5], std: [127.5], min: -1, max: 1 } as const;

const floats = (b: Builder, values: readonly number[]) => {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
  return b.endVector();
};
const offsets = (b: Builder, values: number[]) => {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i]!);
  return b.endVector();
};

export function buildModelMetadata(spec: MetadataSpec): Uint8Array {
  const b = new Builder(1024);
  const { input } = spec;
  const inName = b.createString(input.name);
  const inDesc = b.createString('Input image to be processed.');
  b.startObject(2);
  b.addFieldInt32(0, input.width, 0);
  b.addFieldInt32(1, input.height, 0);
  const size = b.endObject();
  b.startObject(2);
  b.addFieldInt8(0, 1, 0); // RGB
  b.addFieldOffset(1, size, 0);
  const imageProps = b.endObject();
  b.startObject(3);
  b.addFieldInt8(0, 2, 0); // ImageProperties
  b.addFieldOffset(1, imageProps, 0);
  const content = b.endObject();
  const mean = floats(b, input.mean);
  const std = floats(b, input.std);
  b.startObject(2);
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const norm = b.endObject();
  b.startObject(2);
  b.addFieldInt8(0, 1, 0); // NormalizationOptions
  b.addFieldOffset(1, norm, 0);
  const unit = b.endObject();
  const units = offsets(b, [unit]);
  const max = floats(b, [input.max]);
  const min = floats(b, [input.min]);
  b.startObject(2);
  b.addFieldOffset(0, max, 0);
  b.addFieldOffset(1, min, 0);
  const stats = b.endObject();
  b.startObject(7);
  b.addFieldOffset(0, inName, 0);
  b.addFieldOffset(1, inDesc, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  b.addFieldOffset(5, stats, 0);
  const inMeta = b.endObject();
  const outMetas = spec.outputs.map((name) => {
    const n = b.createString(name);
    b.startObject(0);
    const feature = b.endObject();
    b.startObject(3);
    b.addFieldInt8(0, 1, 0); // FeatureProperties
    b.addFieldOffset(1, feature, 0);
    const c = b.endObject();
    b.startObject(7);
    b.addFieldOffset(0, n, 0);
    b.addFieldOffset(3, c, 0);
    return b.endObject();
  });
  const inVec = offsets(b, [inMeta]);
  const outVec = offsets(b, outMetas);
  b.startObject(4);
  b.addFieldOffset(2, inVec, 0);
  b.addFieldOffset(3, outVec, 0);
  const subgraph = b.endObject();
  const subgraphs = offsets(b, [subgraph]);
  const name = b.createString(spec.name);
  const desc = b.createString(spec.description ?? 'MediaPipe model with metadata added at build.');
  const version = b.createString('v1');
  const author = b.createString('MediaPipe');
  const license = b.createString(
    'Apache License. Version 2.0 http://www.apache.org/licenses/LICENSE-2.0.',
  );
  const minParser = b.createString('1.0.0');
  b.startObject(8);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, desc, 0);
  b.addFieldOffset(2, version, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(4, author, 0);
  b.addFieldOffset(5, license, 0);
  b.addFieldOffset(7, minParser, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array().slice();
}

/** What a reader needs back from a ModelMetadata buffer (used by the tests and the build checks). */
export interface ParsedMetadata {
  identifier: string;
  name: string | null;
  inputs: {
    name: string | null;
    colorSpace: number;
    width: number;
    height: number;
    mean: number[];
    std: number[];
  }[];
  outputs: (string | null)[];
}

export function parseModelMetadata(bytes: Uint8Array): ParsedMetadata {
  const f = new FlatView(bytes);
  const root = f.root();
  const floatsAt = (table: number, id: number) => {
    const v = f.vec(table, id);
    return v ? Array.from({ length: v.len }, (_, i) => f.dv.getFloat32(v.start + 4 * i, true)) : [];
  };
  const sg = f.tables(root, 3)[0];
  const inputs = sg
    ? f.tables(sg, 2).map((t) => {
        const contentPos = f.field(t, 3);
        const content = contentPos ? f.deref(contentPos) : 0;
        const propsPos = content ? f.field(content, 1) : 0;
        const props = propsPos ? f.deref(propsPos) : 0;
        const sizePos = props ? f.field(props, 1) : 0;
        const size = sizePos ? f.deref(sizePos) : 0;
        const unit = f.tables(t, 4)[0];
        const optsPos = unit !== undefined ? f.field(unit, 1) : 0;
        const norm = optsPos ? f.deref(optsPos) : 0;
        return {
          name: f.str(t, 0),
          colorSpace: props ? f.i8Field(props, 0) : 0,
          width: size ? f.u32Field(size, 0) : 0,
          height: size ? f.u32Field(size, 1) : 0,
          mean: norm ? floatsAt(norm, 0) : [],
          std: norm ? floatsAt(norm, 1) : [],
        };
      })
    : [];
  return {
    identifier: new TextDecoder().decode(bytes.subarray(4, 8)),
    name: f.str(root, 0),
    inputs,
    outputs: sg ? f.tables(sg, 3).map((t) => f.str(t, 0)) : [],
  };
}

/** A little-endian byte writer whose offsets can be patched afterwards. */
class Writer {
  bytes: number[] = [];
  get pos() {
    return this.bytes.length;
  }
  align(n: number) {
    while (this.bytes.length % n) this.bytes.push(0);
  }
  u8(v: number) {
    this.bytes.push(v & 255);
  }
  u16(v: number) {
    this.u8(v);
    this.u8(v >> 8);
  }
  u32(v: number) {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  setU32(p: number, v: number) {
    for (let i = 0; i < 4; i++) this.bytes[p + i] = (v >>> (8 * i)) & 255;
  }
  raw(a: ArrayLike<number>) {
    for (let i = 0; i < a.length; i++) this.bytes.push(a[i]!);
  }
}

/** Adds TFLITE_METADATA (and min_runtime_version when missing) to a model that has none. */
export function addMetadataToModel(
  model: Uint8Array,
  metadata: Uint8Array,
  minRuntimeVersion = '1.14.0',
): Uint8Array {
  const f = new FlatView(model);
  const m = f.root();
  const oldMeta = f.tables(m, 6).map((t) => ({ pos: t, name: f.str(t, 0) }));
  if (oldMeta.some((x) => x.name === 'TFLITE_METADATA'))
    throw new Error('model already has TFLITE_METADATA');
  for (let id = 8; id < f.fieldCount(m); id++)
    if (f.field(m, id)) throw new Error(`unknown Model field ${id}`);
  const oldBuffers = f.tables(m, 4);
  const entries = [{ name: 'TFLITE_METADATA', data: metadata }];
  if (!oldMeta.some((x) => x.name === 'min_runtime_version')) {
    const v = new Uint8Array(16); // NUL-padded, as the TFLite converter writes it
    v.set(new TextEncoder().encode(minRuntimeVersion));
    entries.push({ name: 'min_runtime_version', data: v });
  }
  const present = (id: number) => id === 0 || id === 4 || id === 6 || !!f.field(m, id);

  // Offsets into the old model are (H + oldPos) - fieldPos, H being the header size; the header
  // size does not depend on H, so a first pass measures it.
  const build = (H: number) => {
    const w = new Writer();
    const fix: [at: number, old: boolean, target: number][] = [];
    w.u32(0);
    w.raw([...'TFL3'].map((c) => c.charCodeAt(0)));
    const vt = w.pos;
    w.u16(4 + 2 * 8);
    w.u16(4 + 4 * 8);
    for (let id = 0; id < 8; id++) w.u16(present(id) ? 4 + 4 * id : 0);
    w.align(4);
    const T = w.pos;
    w.setU32(0, T);
    w.u32(T - vt);
    const slot = (id: number) => T + 4 + 4 * id;
    for (let id = 0; id < 8; id++) w.u32(0);
    w.setU32(slot(0), f.u32Field(m, 0, 3));
    for (const id of [1, 2, 3, 5, 7]) {
      const p = f.field(m, id);
      if (p) fix.push([slot(id), true, f.deref(p)]);
    }
    w.align(4);
    fix.push([slot(4), false, w.pos]);
    w.u32(oldBuffers.length + entries.length);
    for (const b of oldBuffers) {
      fix.push([w.pos, true, b]);
      w.u32(0);
    }
    const bufSlots = entries.map(() => (w.u32(0), w.pos - 4));
    fix.push([slot(6), false, w.pos]);
    w.u32(oldMeta.length + entries.length);
    for (const x of oldMeta) {
      fix.push([w.pos, true, x.pos]);
      w.u32(0);
    }
    const metaSlots = entries.map(() => (w.u32(0), w.pos - 4));
    // Metadata tables share one vtable: name (offset 4), buffer (offset 8)
    const mvt = w.pos;
    w.u16(8);
    w.u16(12);
    w.u16(4);
    w.u16(8);
    const nameSlots = entries.map((_, i) => {
      w.align(4);
      const t = w.pos;
      fix.push([metaSlots[i]!, false, t]);
      w.u32(t - mvt);
      const nameSlot = w.pos;
      w.u32(0);
      w.u32(oldBuffers.length + i);
      return nameSlot;
    });
    entries.forEach((e, i) => {
      w.align(4);
      fix.push([nameSlots[i]!, false, w.pos]);
      const s = new TextEncoder().encode(e.name);
      w.u32(s.length);
      w.raw(s);
      w.u8(0);
    });
    // Buffer tables (one field: data)
    w.align(2);
    const bvt = w.pos;
    w.u16(6);
    w.u16(8);
    w.u16(4);
    const dataSlots = entries.map((_, i) => {
      w.align(4);
      const t = w.pos;
      fix.push([bufSlots[i]!, false, t]);
      w.u32(t - bvt);
      w.u32(0);
      return w.pos - 4;
    });
    entries.forEach((e, i) => {
      while ((w.pos + 4) % 16) w.u8(0); // the data itself 16-aligned
      fix.push([dataSlots[i]!, false, w.pos]);
      w.u32(e.data.length);
      w.raw(e.data);
    });
    w.align(64);
    for (const [at, old, target] of fix) {
      const abs = old ? H + target : target;
      if (H && abs <= at) throw new Error('backward offset');
      w.setU32(at, abs - at);
    }
    return w;
  };
  const H = build(0).pos;
  const w = build(H);
  if (w.pos !== H) throw new Error('header size changed');
  const out = new Uint8Array(H + model.length);
  out.set(w.bytes, 0);
  out.set(model, H);
  return out;
}
