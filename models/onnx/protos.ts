import { AttributeType } from './types.ts';
import type { AttributeProto, DataType, GraphProto, TensorProto, ValueInfoProto } from './types.ts';

/** Small constructors for the proto objects in types.ts. */

/** A dimension: a fixed size or a symbolic name such as "batch". */
export type Dim = number | string;

/** Attribute values: numbers are INT, arrays INTS; wrap floats to say so. */
export type AttrValue =
  | number
  | number[]
  | string
  | { float: number }
  | { floats: number[] }
  | { tensor: TensorProto }
  | { graph: GraphProto };

export function rawBytes(view: ArrayBufferView): Uint8Array {
  // Typed arrays are little-endian on every platform we run on, as raw_data requires.
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function attribute(name: string, value: AttrValue): AttributeProto {
  if (typeof value === 'number') return { name, type: AttributeType.INT, i: value };
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if ('float' in value) return { name, type: AttributeType.FLOAT, f: value.float };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  if ('tensor' in value) return { name, type: AttributeType.TENSOR, t: value.tensor };
  return { name, type: AttributeType.GRAPH, g: value.graph };
}

export function valueInfo(name: string, elemType: DataType, shape: Dim[]): ValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

