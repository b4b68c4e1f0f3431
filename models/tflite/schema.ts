/**
 * Table builders for the part of TFLite's schema (tensorflow/compiler/mlir/lite/schema/schema.fbs)
 * a small vision model needs, written by hand with the flatbuffers Builder API because flatc is
 * not available. Field ids are the declaration order of each table in schema.fbs; a union takes
 * two ids (its type byte, then its table).
 */
import { Builder } from 'flatbuffers';

export const FILE_IDENTIFIER = 'TFL3';
export const SCHEMA_VERSION = 3;

/** enum TensorType : byte. */
export const TensorType = { FLOAT32: 0, INT32: 2 } as const;
/** enum BuiltinOperator : int32. */
export const Op = { CONV_2D: 3, FULLY_CONNECTED: 9, SOFTMAX: 25, MEAN: 40 } as const;
/** union BuiltinOptions: the 1-based position of each options table in the union. */
export const Options = { Conv2DOptions: 1, Pool2DOptions: 5, FullyConnectedOptions: 8, SoftmaxOptions: 9, ReducerOptions: 27 } as const;
export const Padding = { SAME: 0, VALID: 1 } as const;
export const Activation = { NONE: 0, RELU: 1, RELU6: 3 } as const;

function int32Vector(b: Builder, values: readonly number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

function offsetVector(b: Builder, offsets: readonly number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

/** table Buffer { data:[ubyte] (force_align: 16); offset; size } */
export function buffer(b: Builder, data?: Uint8Array): number {
  let vector = 0;
  if (data && data.length > 0) {
    b.startVector(1, data.length, 16);
    for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]!);
    vector = b.endVector();
  }
  b.startObject(3);
  if (vector) b.addFieldOffset(0, vector, 0);
  return b.endObject();
}

/** table Tensor { shape 0; type 1; buffer 2; name 3; … } */
export function tensor(b: Builder, t: { shape: number[]; type: number; buffer: number; name: string }): number {
  const shape = int32Vector(b, t.shape);
  const name = b.createString(t.name);
  b.startObject(12);
  b.addFieldOffset(0, shape, 0);
  b.addFieldInt8(1, t.type, 0);
  b.addFieldInt32(2, t.buffer, 0);
  b.addFieldOffset(3, name, 0);
  return b.endObject();
}

/** table OperatorCode { deprecated_builtin_code 0 (byte); custom_code 1; version 2 = 1; builtin_code 3 } */
export function operatorCode(b: Builder, code: number, version = 1): number {
  b.startObject(4);
  b.addFieldInt8(0, Math.min(code, 127), 0);
  b.addFieldInt32(2, version, 1);
  b.addFieldInt32(3, code, 0);
  return b.endObject();
}

/** table Conv2DOptions { padding 0; stride_w 1; stride_h 2; fused_activation_function 3; dilation_w 4 = 1; dilation_h 5 = 1 } */
export function conv2dOptions(b: Builder, o: { padding: number; stride: number; activation: number }): number {
  b.startObject(7);
  b.addFieldInt8(0, o.padding, 0);
  b.addFieldInt32(1, o.stride, 0);
  b.addFieldInt32(2, o.stride, 0);
  b.addFieldInt8(3, o.activation, 0);
  return b.endObject();
}

/** table ReducerOptions { keep_dims 0 } */
export function reducerOptions(b: Builder, keepDims: boolean): number {
  b.startObject(1);
  b.addFieldInt8(0, keepDims ? 1 : 0, 0);
  return b.endObject();
}

/** table FullyConnectedOptions { fused_activation_function 0; weights_format 1; keep_num_dims 2; … } */
export function fullyConnectedOptions(b: Builder, activation: number): number {
  b.startObject(5);
  b.addFieldInt8(0, activation, 0);
  return b.endObject();
}

/** table SoftmaxOptions { beta 0 } */
export function softmaxOptions(b: Builder, beta: number): number {
  b.startObject(1);
  b.addFieldFloat32(0, beta, 0);
  return b.endObject();
}

/** table Operator { opcode_index 0; inputs 1; outputs 2; builtin_options_type 3; builtin_options 4; … } */
export function operator(b: Builder, o: { opcode: number; inputs: number[]; outputs: number[]; optionsType: number; options: number }): number {
  const inputs = int32Vector(b, o.inputs);
  const outputs = int32Vector(b, o.outputs);
  b.startObject(14);
  b.addFieldInt32(0, o.opcode, 0);
  b.addFieldOffset(1, inputs, 0);
  b.addFieldOffset(2, outputs, 0);
  b.addFieldInt8(3, o.optionsType, 0);
  b.addFieldOffset(4, o.options, 0);
  return b.endObject();
}

/** table SubGraph { tensors 0; inputs 1; outputs 2; operators 3; name 4 } */
export function subGraph(b: Builder, g: { tensors: number[]; inputs: number[]; outputs: number[]; operators: number[]; name: string }): number {
  const tensors = offsetVector(b, g.tensors);
  const inputs = int32Vector(b, g.inputs);
  const outputs = int32Vector(b, g.outputs);
  const operators = offsetVector(b, g.operators);
  const name = b.createString(g.name);
  b.startObject(6);
  b.addFieldOffset(0, tensors, 0);
  b.addFieldOffset(1, inputs, 0);
  b.addFieldOffset(2, outputs, 0);
  b.addFieldOffset(3, operators, 0);
  b.addFieldOffset(4, name, 0);
  return b.endObject();
}

/** table TensorMap { name 0; tensor_index 1 } */
function tensorMap(b: Builder, name: string, index: number): number {
  const n = b.createString(name);
  b.startObject(2);
  b.addFieldOffset(0, n, 0);
  b.addFieldInt32(1, index, 0);
  return b.endObject();
}

/** table SignatureDef { inputs 0; outputs 1; signature_key 2; deprecated_tag 3; subgraph_index 4 } */
export function signatureDef(b: Builder, s: { key: string; inputs: [string, number][]; outputs: [string, number][] }): number {
  const inputs = offsetVector(b, s.inputs.map(([n, i]) => tensorMap(b, n, i)));
  const outputs = offsetVector(b, s.outputs.map(([n, i]) => tensorMap(b, n, i)));
  const key = b.createString(s.key);
  b.startObject(5);
  b.addFieldOffset(0, inputs, 0);
  b.addFieldOffset(1, outputs, 0);
  b.addFieldOffset(2, key, 0);
  b.addFieldInt32(4, 0, 0);
  return b.endObject();
}

/** table Model { version 0; operator_codes 1; subgraphs 2; description 3; buffers 4; metadata_buffer 5; metadata 6; signature_defs 7 } */
export function model(b: Builder, m: { operatorCodes: number[]; subgraphs: number[]; description: string; buffers: number[]; signatures: number[] }): Uint8Array {
  const codes = offsetVector(b, m.operatorCodes);
  const subgraphs = offsetVector(b, m.subgraphs);
  const description = b.createString(m.description);
  const buffers = offsetVector(b, m.buffers);
  const signatures = offsetVector(b, m.signatures);
  b.startObject(10);
  b.addFieldInt32(0, SCHEMA_VERSION, 0);
  b.addFieldOffset(1, codes, 0);
  b.addFieldOffset(2, subgraphs, 0);
  b.addFieldOffset(3, description, 0);
  b.addFieldOffset(4, buffers, 0);
  b.addFieldOffset(7, signatures, 0);
  b.finish(b.endObject(), FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
