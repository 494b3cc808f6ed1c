/**
 * A minimal read-only view of a .tflite flatbuffer, enough to inspect tensors and metadata and to
 * locate tables for editing. Field ids follow tensorflow/lite/schema/schema.fbs:
 *   Model: 0 version, 1 operator_codes, 2 subgraphs, 3 description, 4 buffers, 5 metadata_buffer,
 *          6 metadata, 7 signature_defs
 *   SubGraph: 0 tensors, 1 inputs, 2 outputs, 3 operators, 4 name
 *   Tensor: 0 shape, 1 type, 2 buffer, 3 name;  Metadata: 0 name, 1 buffer;  Buffer: 0 data
 */
export class FlatView {
  readonly dv: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16 = (p: number) => this.dv.getUint16(p, true);
  u32 = (p: number) => this.dv.getUint32(p, true);
  i32 = (p: number) => this.dv.getInt32(p, true);
  root = () => this.u32(0);
  /** Absolute position of a table field, or 0 when absent. */
  field(table: number, id: number): number {
    const vt = table - this.i32(table);
    const o = 4 + 2 * id;
    if (o >= this.u16(vt)) return 0;
    const off = this.u16(vt + o);
    return off ? table + off : 0;
  }
  /** Number of field slots in a table's vtable. */
  fieldCount(table: number): number {
    return (this.u16(table - this.i32(table)) - 4) / 2;
  }
  deref = (p: number) => p + this.u32(p);
  vec(table: number, id: number): { len: number; start: number } | null {
    const p = this.field(table, id);
    if (!p) return null;
    const v = this.deref(p);
    return { len: this.u32(v), start: v + 4 };
  }
  tables(table: number, id: number): number[] {
    const v = this.vec(table, id);
    return v ? Array.from({ length: v.len }, (_, i) => this.deref(v.start + 4 * i)) : [];
  }
  str(table: number, id: number): string | null {
    const v = this.vec(table, id);
    return v ? new TextDecoder().decode(this.bytes.subarray(v.start, v.start + v.len)) : null;
  }
  ints(table: number, id: number): number[] {
    const v = this.vec(table, id);
    return v ? Array.from({ length: v.len }, (_, i) => this.i32(v.start + 4 * i)) : [];
  }
  bytesOf(table: number, id: number): Uint8Array | null {
    const v = this.vec(table, id);
    return v ? this.bytes.subarray(v.start, v.start + v.len) : null;
  }
  u32Field(table: number, id: number, fallback = 0): number {
    const p = this.field(table, id);
    return p ? this.u32(p) : fallback;
  }
  i8Field(table: number, id: number, fallback = 0): number {
    const p = this.field(table, id);
    return p ? this.dv.getInt8(p) : fallback;
  }
}

const TENSOR_TYPES = ['FLOAT32', 'FLOAT16', 'INT32', 'UINT8', 'INT64', 'STRING', 'BOOL', 'INT16'];

export interface TensorInfo {
  index: number;
  name: string | null;
  shape: number[];
  type: string;
}

export interface ModelInfo {
  identifier: string;
  version: number;
  subgraphs: number;
  buffers: number;
  operators: number;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** Model.metadata entries with the bytes of the buffer each points at. */
  metadata: { name: string | null; data: Uint8Array }[];
}

export function inspectModel(model: Uint8Array): ModelInfo {
  const f = new FlatView(model);
  const m = f.root();
  const sg = f.tables(m, 2)[0];
  if (sg === undefined) throw new Error('model has no subgraph');
  const tensors = f.tables(sg, 0);
  const describe = (index: number): TensorInfo => {
    const t = tensors[index]!;
    return {
      index,
      name: f.str(t, 3),
      shape: f.ints(t, 0),
      type: TENSOR_TYPES[f.i8Field(t, 1)] ?? `type${f.i8Field(t, 1)}`,
    };
  };
  const buffers = f.tables(m, 4);
  return {
    identifier: new TextDecoder().decode(model.subarray(4, 8)),
    version: f.u32Field(m, 0),
    subgraphs: f.tables(m, 2).length,
    buffers: buffers.length,
    operators: f.tables(sg, 3).length,
    inputs: f.ints(sg, 1).map(describe),
    outputs: f.ints(sg, 2).map(describe),
    metadata: f.tables(m, 6).map((t) => {
      const buffer = buffers[f.u32Field(t, 1)];
      return { name: f.str(t, 0), data: (buffer && f.bytesOf(buffer, 0)) || new Uint8Array() };
    }),
  };
}
