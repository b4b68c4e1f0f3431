import type { GraphProto, NodeProto, TensorProto } from '../onnx/types.ts';

/** Reading ONNX attributes and constant tensors for the TF.js conversion. */

export const attrInts = (node: NodeProto, name: string): number[] => node.attribute.find((a) => a.name === name)?.ints ?? [];
export const attrInt = (node: NodeProto, name: string, fallback: number): number => node.attribute.find((a) => a.name === name)?.i ?? fallback;

export function floats(tensor: TensorProto): Float32Array {
  const copy = tensor.raw_data.slice();
  return new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}

function int64s(tensor: TensorProto): number[] {
  const copy = tensor.raw_data.slice();
  return Array.from(new BigInt64Array(copy.buffer, copy.byteOffset, copy.byteLength / 8), Number);
}

/** A Constant node's value: float data or int64 numbers, with its dims. */
export interface ConstantValue {
  dims: number[];
  floats?: Float32Array;
  ints?: number[];
}

export function constantValues(graph: GraphProto): Map<string, ConstantValue> {
  const found = new Map<string, ConstantValue>();
  for (const node of graph.node) {
    const t = node.op_type === 'Constant' ? node.attribute[0]?.t : undefined;
    if (!t || !node.output[0]) continue;
    if (t.data_type === 1) found.set(node.output[0], { dims: t.dims, floats: floats(t) });
    if (t.data_type === 7) found.set(node.output[0], { dims: t.dims, ints: int64s(t) });
  }
  return found;
}

/** ONNX [O, I/g, kh, kw] → TF [kh, kw, I/g, O]; depthwise [C, 1, kh, kw] → [kh, kw, C, 1]. */
export function convFilter(weight: TensorProto, depthwise: boolean): { values: Float32Array; shape: number[] } {
  const [o = 0, i = 0, kh = 0, kw = 0] = weight.dims;
  const source = floats(weight);
  const values = new Float32Array(source.length);
  for (let oc = 0; oc < o; oc++) {
    for (let ic = 0; ic < i; ic++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          const to = depthwise ? ((y * kw + x) * o + oc) * i + ic : ((y * kw + x) * i + ic) * o + oc;
          values[to] = source[((oc * i + ic) * kh + y) * kw + x] as number;
        }
      }
    }
  }
  return { values, shape: depthwise ? [kh, kw, o, i] : [kh, kw, i, o] };
}

/** Broadcast of two logical shapes (numpy rules); -1 is an unknown (batch) size. */
export function broadcast(a: number[], b: number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    return x === 1 ? y : x;
  });
}

/** ONNX Reshape target: 0 copies the input dim, -1 takes the rest (the batch stays unknown). */
export function reshapeTarget(input: number[], target: number[]): number[] {
  const dims = target.map((d, i) => (d === 0 ? (input[i] ?? 1) : d));
  const known = (xs: number[]) => xs.filter((d) => d > 0).reduce((a, b) => a * b, 1);
  const free = dims.findIndex((d, i) => d === -1 && i > 0);
  if (free >= 0) dims[free] = known(input.slice(1)) / known(dims.slice(1).filter((_, i) => i + 1 !== free));
  return dims;
}
