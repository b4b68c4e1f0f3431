/**
 * A TF.js graph model (model.json: a TensorFlow GraphDef in JSON, weights in binary shards) as
 * the structural graph the work counter walks (graph.ts): Const nodes become initializers (their
 * shapes from the weights manifest, the values of small integer ones read from the shards, since
 * they decide Reshape, Transpose and axis arguments), Placeholders the inputs, and every other
 * node keeps its TF op name for ops-tfjs.ts. Layers models (Keras topology) are not graphs.
 */
import { product, type AttributeLike, type GraphLike, type TensorLike } from './graph.ts';

interface TfAttr {
  i?: string | number;
  f?: number;
  b?: boolean;
  s?: string;
  type?: string;
  list?: { i?: Array<string | number>; s?: string[] };
  shape?: { dim?: Array<{ size?: string | number }>; unknownRank?: boolean };
  tensor?: { dtype?: string; tensorShape?: { dim?: Array<{ size?: string | number }> } };
}

interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

export interface TfjsModelJson {
  modelTopology?: { node?: TfNode[] } | Record<string, unknown>;
  weightsManifest?: Array<{ paths: string[]; weights: ManifestWeight[] }>;
}

/** TF dtypes (DT_* in GraphDef, short names in the manifest) → onnx.proto data types. */
const DATA_TYPE: Record<string, number> = {
  DT_FLOAT: 1, float32: 1, DT_HALF: 10, float16: 10, DT_INT32: 6, int32: 6, DT_INT64: 7, DT_BOOL: 9, bool: 9,
  DT_UINT8: 2, uint8: 2, DT_INT8: 3, DT_UINT16: 4, uint16: 4, DT_INT16: 5, DT_DOUBLE: 11,
};
const STORED_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, int8: 1 };
/** Values are kept for integer tensors this small (graph.ts keeps no more). */
const MAX_VALUES = 64;

/** Outputs a TF op has beyond the first, referenced as `name:1`, `name:2`…. */
function outputCount(node: TfNode): number {
  const n = Number(node.attr?.num_split?.i ?? node.attr?.num?.i ?? 0);
  if (n > 0) return n;
  return node.op.startsWith('FusedBatchNorm') ? 6 : 1;
}

const decodeBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** GraphDef JSON attributes as the handlers read ONNX ones: ints, lists, strings as bytes, booleans as 0/1. */
function attributesOf(attr: Record<string, TfAttr> = {}): AttributeLike[] {
  return Object.entries(attr).flatMap(([name, a]): AttributeLike[] => {
    if (a.list?.i) return [{ name, ints: a.list.i.map(Number) }];
    if (a.list?.s) return [{ name, strings: a.list.s.map((s) => new TextDecoder().decode(decodeBase64(s))) }];
    if (a.i !== undefined) return [{ name, i: Number(a.i) }];
    if (a.b !== undefined) return [{ name, i: a.b ? 1 : 0 }];
    if (a.f !== undefined) return [{ name, f: a.f }];
    if (a.s !== undefined) return [{ name, s: decodeBase64(a.s) }];
    return [];
  });
}

/** "x:0" and "x" name one value; "^x" is a control edge, which carries none. */
const valueName = (ref: string): string => ref.replace(/:0$/, '');

/** `length` bytes at `offset` of the shards taken end to end, or null past their end. */
function bytesAt(shards: readonly Uint8Array[], offset: number, length: number): Uint8Array | null {
  const out = new Uint8Array(length);
  let filled = 0;
  let start = 0;
  for (const shard of shards) {
    const end = start + shard.byteLength;
    if (end > offset + filled && filled < length) {
      const from = offset + filled - start;
      const piece = shard.subarray(from, Math.min(shard.byteLength, from + length - filled));
      out.set(piece, filled);
      filled += piece.byteLength;
    }
    start = end;
  }
  return filled === length ? out : null;
}

/** The small integer constants' values, read from the shards (a tensor may straddle two). */
function smallIntegers(manifest: ManifestWeight[], shards: readonly Uint8Array[]): Map<string, number[]> {
  const values = new Map<string, number[]>();
  let offset = 0;
  for (const w of manifest) {
    const stored = w.quantization?.dtype ?? w.dtype;
    const bytes = STORED_BYTES[stored];
    if (bytes === undefined) break; // A string tensor: its size is not in the manifest, so later offsets are unknown.
    const count = product(w.shape);
    const data = stored === 'int32' && count <= MAX_VALUES ? bytesAt(shards, offset, count * 4) : null;
    if (data) {
      const view = new DataView(data.buffer);
      values.set(w.name, Array.from({ length: count }, (_, i) => view.getInt32(i * 4, true)));
    }
    offset += count * bytes;
  }
  return values;
}

/** The graph of a TF.js graph model; null for a layers model. `shards`: the weight files in manifest order. */
export function tfjsGraph(modelJson: TfjsModelJson, shards: readonly Uint8Array[]): GraphLike | null {
  const nodes = (modelJson.modelTopology as { node?: TfNode[] } | undefined)?.node;
  if (!Array.isArray(nodes)) return null;
  const manifest = (modelJson.weightsManifest ?? []).flatMap((group) => group.weights);
  const shapes = new Map(manifest.map((w) => [w.name, w] as const));
  const ints = smallIntegers(manifest, shards);
  const graph: GraphLike = { node: [], initializer: [], input: [] };
  for (const node of nodes) {
    if (node.op === 'Const') {
      const declared = shapes.get(node.name);
      const dims = declared?.shape ?? (node.attr?.value?.tensor?.tensorShape?.dim ?? []).map((d) => Number(d.size ?? 1));
      const values = ints.get(node.name);
      const tensor: TensorLike = { name: node.name, dims, data_type: DATA_TYPE[declared?.dtype ?? node.attr?.dtype?.type ?? ''] ?? 1, ...(values ? { int32_data: values } : {}) };
      graph.initializer.push(tensor);
    } else if (node.op === 'Placeholder') {
      // Unknown dims take the names the TF.js runtime gives them (batch, then <input>_dim<axis>), so a run's dims bind them.
      const dim = (node.attr?.shape?.shape?.dim ?? []).map((d, axis) => {
        const size = Number(d.size ?? -1);
        return size >= 0 ? { dim_value: size } : { dim_param: axis === 0 ? 'batch' : `${node.name}_dim${axis}` };
      });
      graph.input.push({ name: node.name, type: { tensor_type: { elem_type: DATA_TYPE[node.attr?.dtype?.type ?? ''] ?? 1, shape: { dim } } } });
    } else if (node.op !== 'NoOp') {
      const count = outputCount(node);
      graph.node.push({
        op_type: node.op,
        input: (node.input ?? []).filter((ref) => !ref.startsWith('^')).map(valueName),
        output: Array.from({ length: count }, (_, i) => (i === 0 ? node.name : `${node.name}:${i}`)),
        attribute: attributesOf(node.attr),
      });
    }
  }
  return graph;
}
