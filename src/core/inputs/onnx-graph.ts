/**
 * The app's one ONNX graph reader (`readOnnxProto`), and the view of it that input defaults,
 * error explanations and external data need: inputs with their declared shapes, initializers'
 * shapes (never their bytes), nodes and their wiring. The roofline's work count reads the same
 * decoded proto (core/roofline/onnx-work.ts). Parsed with the generator's protobufjs schema
 * (models/onnx), so one description of onnx.proto serves both writing and reading.
 */
import { decodeModel } from '../../../models/onnx/encode.ts';
import type { GraphProto, TensorProto, ValueInfoProto } from '../../../models/onnx/types.ts';
import type { Dim, TensorDType } from '../result.ts';

/** TensorProto.DataType numbers (onnx.proto) to onnxruntime-web's type names. */
const DTYPES: Record<number, TensorDType> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64',
  8: 'string', 9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64',
};

export interface GraphValue {
  name: string;
  dtype: TensorDType;
  shape: Dim[];
}

export interface GraphInitializer {
  name: string;
  dims: number[];
  /** Where its bytes are when they live outside the .onnx file. */
  external?: { location: string; offset: number; length: number | null };
}

export interface GraphNode {
  name: string;
  op: string;
  inputs: string[];
  outputs: string[];
  /** INT and INTS attributes only (kernel_shape, strides, dilations, axis…). */
  ints: Record<string, number[]>;
}

export interface OnnxGraph {
  /** Graph inputs that are not initializers: what a caller feeds. */
  inputs: GraphValue[];
  initializers: Map<string, GraphInitializer>;
  nodes: GraphNode[];
}

function valueOf(info: ValueInfoProto): GraphValue {
  const tensor = info.type?.tensor_type;
  const dims = tensor?.shape?.dim ?? [];
  return {
    name: info.name,
    dtype: DTYPES[tensor?.elem_type ?? 1] ?? 'float32',
    // An unnamed, unsized dimension gets a name to bind, as the ort runtime names it.
    shape: dims.map((d, axis) => d.dim_param ? d.dim_param : d.dim_value !== undefined ? Number(d.dim_value) : `${info.name}_dim${axis}`),
  };
}

function initializerOf(tensor: TensorProto): GraphInitializer {
  const init: GraphInitializer = { name: tensor.name, dims: (tensor.dims ?? []).map(Number) };
  if (tensor.data_location === 1 || (tensor.external_data?.length ?? 0) > 0) {
    const entries = new Map((tensor.external_data ?? []).map((e) => [e.key, e.value] as const));
    const length = entries.get('length');
    init.external = { location: entries.get('location') ?? '', offset: Number(entries.get('offset') ?? 0), length: length === undefined ? null : Number(length) };
  }
  return init;
}

export function graphOf(proto: GraphProto): OnnxGraph {
  const initializers = new Map((proto.initializer ?? []).map((t) => [t.name, initializerOf(t)] as const));
  return {
    inputs: (proto.input ?? []).filter((i) => !initializers.has(i.name)).map(valueOf),
    initializers,
    nodes: (proto.node ?? []).map((n, index) => ({
      name: n.name || `${n.op_type}_${index}`,
      op: n.op_type,
      inputs: n.input ?? [],
      outputs: n.output ?? [],
      ints: Object.fromEntries((n.attribute ?? []).filter((a) => a.i !== undefined || (a.ints?.length ?? 0) > 0)
        .map((a) => [a.name, a.ints?.length ? a.ints.map(Number) : [Number(a.i)]])),
    })),
  };
}

/**
 * Decodes an .onnx file's graph; null when it is not one protobufjs can read. Weight bytes stay
 * views into the file, so decoding a large model does not copy its weights.
 */
export function readOnnxProto(bytes: Uint8Array): GraphProto | null {
  try {
    return decodeModel(bytes).graph ?? null;
  } catch {
    return null;
  }
}

/** Parses an .onnx file's graph; null when it is not one protobufjs can read. */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraph | null {
  const proto = readOnnxProto(bytes);
  return proto ? graphOf(proto) : null;
}

/** The distinct external data files a graph's initializers name, in first-seen order. */
export function externalLocations(graph: OnnxGraph): string[] {
  const seen = new Set<string>();
  for (const init of graph.initializers.values()) if (init.external) seen.add(init.external.location);
  return [...seen];
}
