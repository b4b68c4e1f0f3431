/**
 * The part of an ONNX graph that counting work needs: nodes, initializer shapes (and the values
 * of small integer constants, which decide Reshape and Slice shapes), and the graph inputs. It is
 * structural, so both a decoded file and the generator's in-memory graph fit it.
 */

/** onnx.proto TensorProto.DataType → bytes per element (0 where unknown or packed). */
const ELEMENT_BYTES: Record<number, number> = {
  1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 9: 1, 10: 2, 11: 8, 12: 4, 13: 8, 16: 2,
};

export function elementBytes(dataType: number): number {
  return ELEMENT_BYTES[dataType] ?? 4;
}

export interface AttributeLike {
  name: string;
  f?: number;
  i?: number | bigint | { toNumber(): number };
  ints?: Array<number | bigint | { toNumber(): number }>;
  floats?: number[];
  s?: Uint8Array;
  /** A list of strings (TF's fused_ops). */
  strings?: string[];
  t?: TensorLike;
}

export interface TensorLike {
  name: string;
  dims: Array<number | bigint | { toNumber(): number }>;
  data_type: number;
  raw_data?: Uint8Array;
  int64_data?: Array<number | bigint | { toNumber(): number }>;
  int32_data?: number[];
  float_data?: number[];
}

export interface GraphLike {
  node: Array<{ op_type: string; input: string[]; output: string[]; attribute?: AttributeLike[]; domain?: string }>;
  initializer: TensorLike[];
  input: Array<{ name: string; type?: { tensor_type?: { elem_type?: number; shape?: { dim?: Array<{ dim_value?: unknown; dim_param?: string }> } } } }>;
}

/** What is known about one value while walking the graph. */
export interface Known {
  shape: number[];
  dataType: number;
  /** Elements of small integer tensors (shapes, axes, indices), for shape arithmetic. */
  values?: number[];
}

/** Integer values are kept only for tensors this small: shape arithmetic, never weights. */
const MAX_TRACKED_VALUES = 64;

export const toNumber = (v: number | bigint | { toNumber(): number }): number =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.toNumber();

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The values of a small integer or float tensor, when they are stored in the file. */
export function tensorValues(tensor: TensorLike): number[] | undefined {
  const count = product(tensor.dims.map(toNumber));
  if (count > MAX_TRACKED_VALUES) return undefined;
  if (tensor.int64_data && tensor.int64_data.length > 0) return tensor.int64_data.map(toNumber);
  if (tensor.int32_data && tensor.int32_data.length > 0) return [...tensor.int32_data];
  if (tensor.float_data && tensor.float_data.length > 0) return [...tensor.float_data];
  const raw = tensor.raw_data;
  if (!raw || raw.length === 0) return undefined;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    switch (tensor.data_type) {
      case 7: values.push(Number(view.getBigInt64(i * 8, true))); break;
      case 6: values.push(view.getInt32(i * 4, true)); break;
      case 1: values.push(view.getFloat32(i * 4, true)); break;
      case 9: case 2: values.push(view.getUint8(i)); break;
      case 3: values.push(view.getInt8(i)); break;
      default: return undefined;
    }
  }
  return values;
}

export function knownFromTensor(tensor: TensorLike): Known {
  const shape = tensor.dims.map(toNumber);
  const values = tensorValues(tensor);
  return { shape, dataType: tensor.data_type, ...(values ? { values } : {}) };
}

export function keepValues(shape: readonly number[], values: number[] | undefined): number[] | undefined {
  return values && values.length === product(shape) && values.length <= MAX_TRACKED_VALUES ? values : undefined;
}

/** Attributes by name, with int64s as numbers. */
export function attributes(list: AttributeLike[] = []): Map<string, AttributeLike> {
  return new Map(list.map((a) => [a.name, a]));
}

export function intAttr(attrs: Map<string, AttributeLike>, name: string, fallback: number): number {
  const a = attrs.get(name);
  return a?.i !== undefined ? toNumber(a.i) : fallback;
}

export function intsAttr(attrs: Map<string, AttributeLike>, name: string): number[] | undefined {
  const a = attrs.get(name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(toNumber) : undefined;
}
