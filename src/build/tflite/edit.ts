/**
 * Appends tensors and operators to the main subgraph of a .tflite model and changes its outputs,
 * without a generated schema: a flatbuffers Builder writes a new Model, SubGraph, the grown
 * vectors and the new tables into a head that is PREPENDED to the untouched original bytes. Old
 * tables are referenced by "virtual" offsets (-position), which the Builder turns into forward
 * offsets into the old region.
 * Slots (tensorflow/lite/schema/schema.fbs):
 *   Operator: 0 opcode_index, 1 inputs, 2 outputs, 3 builtin_options_type, 4 builtin_options
 *   OperatorCode: 0 deprecated_builtin_code (byte), 1 custom_code, 2 version, 3 builtin_code
 */
import { Builder } from 'flatbuffers';
import { FlatView } from './reader.ts';

export const OP = { ADD: 0, CONCATENATION: 2, FULLY_CONNECTED: 9, MUL: 18, RESHAPE: 22 } as const;
export const OPTIONS = {
  FullyConnectedOptions: 8,
  ConcatenationOptions: 10,
  AddOptions: 11,
  ReshapeOptions: 17,
  MulOptions: 21,
} as const;
export const TENSOR = { FLOAT32: 0, INT32: 2 } as const;

type OptionsBuilder = (b: Builder) => number;

interface NewTensor {
  name: string;
  type: number;
  shape: number[];
  buffer: number;
}
interface NewOp {
  code: number;
  inputs: number[];
  outputs: number[];
  optionsType: number;
  options: OptionsBuilder;
}

/** The editable view of the graph that an edit callback receives. */
export class GraphEdit {
  readonly newTensors: NewTensor[] = [];
  readonly newOps: NewOp[] = [];
  readonly newBuffers: Uint8Array[] = [];
  outputs: number[];
  constructor(
    readonly inputs: number[],
    outputs: number[],
    private readonly oldTensorCount: number,
    private readonly oldBufferCount: number,
  ) {
    this.outputs = outputs;
  }
  constTensor(name: string, type: number, shape: number[], data: Int32Array | Float32Array) {
    this.newBuffers.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const buffer = this.oldBufferCount + this.newBuffers.length - 1;
    this.newTensors.push({ name, type, shape, buffer });
    return this.oldTensorCount + this.newTensors.length - 1;
  }
  tensor(name: string, shape: number[], type: number = TENSOR.FLOAT32) {
    this.newTensors.push({ name, type, shape, buffer: 0 });
    return this.oldTensorCount + this.newTensors.length - 1;
  }
  op(
    code: number,
    inputs: number[],
    outputs: number[],
    optionsType: number,
    options: OptionsBuilder,
  ) {
    this.newOps.push({ code, inputs, outputs, optionsType, options });
  }
}

const ints = (b: Builder, values: ArrayLike<number>) => {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
};
const offsets = (b: Builder, values: number[]) => {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i]!);
  return b.endVector();
};

export function editModel(model: Uint8Array, edit: (g: GraphEdit) => void): Uint8Array {
  const f = new FlatView(model);
  const m = f.root();
  const subgraphs = f.tables(m, 2);
  if (subgraphs.length !== 1) throw new Error('only single-subgraph models are handled');
  if (f.field(m, 7)) throw new Error('models with signature_defs are not handled');
  for (let id = 8; id < f.fieldCount(m); id++)
    if (f.field(m, id)) throw new Error(`unknown Model field ${id}`);
  const sg = subgraphs[0]!;
  const oldTensors = f.tables(sg, 0);
  const oldOps = f.tables(sg, 3);
  const oldBuffers = f.tables(m, 4);
  const oldCodes = f.tables(m, 1);
  const codeOf = (t: number) => Math.max(f.i8Field(t, 0), f.field(t, 3) ? f.i32(f.field(t, 3)) : 0);
  const codes = oldCodes.map(codeOf);

  const g = new GraphEdit(f.ints(sg, 1), f.ints(sg, 2), oldTensors.length, oldBuffers.length);
  edit(g);
  const addedCodes: number[] = [];
  const opIndex = (code: number) => {
    let i = codes.indexOf(code);
    if (i < 0) {
      i = codes.length;
      codes.push(code);
      addedCodes.push(code);
    }
    return i;
  };

  const b = new Builder(1 << 16);
  const old = (pos: number) => -pos; // virtual offset of a table in the old region
  const newBuffers = g.newBuffers.map((data) => {
    b.startVector(1, data.length, 16);
    for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]!);
    const v = b.endVector();
    b.startObject(1);
    b.addFieldOffset(0, v, 0);
    return b.endObject();
  });
  b.prep(16, 0); // minalign >= 16, so the old region stays 16-aligned after the head
  const buffersVec = offsets(b, [...oldBuffers.map(old), ...newBuffers]);
  const newTensors = g.newTensors.map((t) => {
    const shape = ints(b, t.shape);
    const name = b.createString(t.name);
    b.startObject(4);
    b.addFieldOffset(0, shape, 0);
    b.addFieldInt8(1, t.type, 0);
    b.addFieldInt32(2, t.buffer, 0);
    b.addFieldOffset(3, name, 0);
    return b.endObject();
  });
  const tensorsVec = offsets(b, [...oldTensors.map(old), ...newTensors]);
  const newOps = g.newOps.map((o) => {
    const ins = ints(b, o.inputs);
    const outs = ints(b, o.outputs);
    const opts = o.options(b);
    b.startObject(5);
    b.addFieldInt32(0, opIndex(o.code), 0);
    b.addFieldOffset(1, ins, 0);
    b.addFieldOffset(2, outs, 0);
    b.addFieldInt8(3, o.optionsType, 0);
    b.addFieldOffset(4, opts, 0);
    return b.endObject();
  });
  const opsVec = offsets(b, [...oldOps.map(old), ...newOps]);
  const newCodes = addedCodes.map((c) => {
    b.startObject(4);
    b.addFieldInt8(0, Math.min(c, 127), 0);
    b.addFieldInt32(2, 1, 0);
    b.addFieldInt32(3, c, 0);
    return b.endObject();
  });
  const codesVec = offsets(b, [...oldCodes.map(old), ...newCodes]);
  const outputsVec = ints(b, g.outputs);
  const sgFields = f.fieldCount(sg);
  for (let id = 6; id < sgFields; id++)
    if (f.field(sg, id)) throw new Error(`unknown SubGraph field ${id}`);
  b.startObject(Math.max(5, sgFields));
  b.addFieldOffset(0, tensorsVec, 0);
  if (f.field(sg, 1)) b.addFieldOffset(1, old(f.deref(f.field(sg, 1))), 0);
  b.addFieldOffset(2, outputsVec, 0);
  b.addFieldOffset(3, opsVec, 0);
  if (f.field(sg, 4)) b.addFieldOffset(4, old(f.deref(f.field(sg, 4))), 0);
  if (sgFields > 5 && f.field(sg, 5)) b.addFieldInt32(5, f.i32(f.field(sg, 5)), 0);
  const newSg = b.endObject();
  const sgVec = offsets(b, [newSg]);
  b.startObject(8);
  b.addFieldInt32(0, f.u32Field(m, 0, 3), 0);
  b.addFieldOffset(1, codesVec, 0);
  b.addFieldOffset(2, sgVec, 0);
  for (const id of [3, 5, 6])
    if (f.field(m, id)) b.addFieldOffset(id, old(f.deref(f.field(m, id))), 0);
  b.addFieldOffset(4, buffersVec, 0);
  b.finish(b.endObject(), 'TFL3');
  const head = b.asUint8Array();
  if (head.length % 16) throw new Error(`head not 16-aligned: ${head.length}`);
  const out = new Uint8Array(head.length + model.length);
  out.set(head, 0);
  out.set(model, head.length);
  return out;
}

// Builtin options tables (only the fields we set).
export const noOptions: OptionsBuilder = (b) => {
  b.startObject(1); // fused_activation_function NONE (the default)
  return b.endObject();
};
export const axisOptions =
  (axis: number): OptionsBuilder =>
  (b) => {
    b.startObject(2);
    b.addFieldInt32(0, axis, 0);
    return b.endObject();
  };
export const reshapeOptions =
  (shape: number[]): OptionsBuilder =>
  (b) => {
    const v = ints(b, shape);
    b.startObject(1);
    b.addFieldOffset(0, v, 0);
    return b.endObject();
  };
