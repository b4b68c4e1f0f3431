/**
 * Netron-level facts about an ONNX model, read from its protobuf without building a session:
 * opset, producer, the op-type histogram, parameter count, initializer bytes by dtype and the
 * external data files it names. Field numbers are those of onnx/onnx.proto (ModelProto,
 * GraphProto, NodeProto, TensorProto); raw weights are skipped as views, never copied.
 */
import { addTo } from './bytes.ts';
import { fields, packedVarints, WireError } from './protobuf.ts';

/** TensorProto.DataType → name and bytes per element (onnx.proto). */
const DATA_TYPES: Record<number, [string, number]> = {
  1: ['float32', 4], 2: ['uint8', 1], 3: ['int8', 1], 4: ['uint16', 2], 5: ['int16', 2], 6: ['int32', 4],
  7: ['int64', 8], 8: ['string', 0], 9: ['bool', 1], 10: ['float16', 2], 11: ['float64', 8], 12: ['uint32', 4],
  13: ['uint64', 8], 14: ['complex64', 8], 15: ['complex128', 16], 16: ['bfloat16', 2], 17: ['float8e4m3fn', 1],
  18: ['float8e4m3fnuz', 1], 19: ['float8e5m2', 1], 20: ['float8e5m2fnuz', 1], 21: ['uint4', 0.5], 22: ['int4', 0.5],
  23: ['float4e2m1', 0.5],
};

export interface OnnxInspection {
  irVersion?: number;
  producer?: string;
  producerVersion?: string;
  /** domain ('' is ai.onnx) → opset version. */
  opsets: Record<string, number>;
  graphName?: string;
  nodes: number;
  /** op type (domain-qualified outside ai.onnx) → count, most frequent first. */
  ops: Record<string, number>;
  initializers: number;
  parameters: number;
  /** dtype → bytes of initializers of that dtype. */
  initializerBytes: Record<string, number>;
  /** Files the initializers' external data names (relative locations). */
  externalData: string[];
  /** Whether the model ended before the graph did: facts are then partial. */
  truncated: boolean;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function readNode(bytes: Uint8Array, ops: Record<string, number>): void {
  let op = '';
  let domain = '';
  for (const f of fields(bytes)) {
    if (f.field === 4 && f.wire === 2) op = text(f.bytes);
    else if (f.field === 7 && f.wire === 2) domain = text(f.bytes);
  }
  addTo(ops, domain && domain !== 'ai.onnx' ? `${domain}.${op}` : op, 1);
}

function readInitializer(bytes: Uint8Array, out: OnnxInspection): void {
  const dims: number[] = [];
  let type = 0;
  for (const f of fields(bytes)) {
    if (f.field === 1) {
      if (f.wire === 0) dims.push(f.value);
      else if (f.wire === 2) dims.push(...packedVarints(f.bytes));
    } else if (f.field === 2 && f.wire === 0) type = f.value;
    else if (f.field === 13 && f.wire === 2) {
      let key = '';
      let value = '';
      for (const entry of fields(f.bytes)) {
        if (entry.field === 1) key = text(entry.bytes);
        else if (entry.field === 2) value = text(entry.bytes);
      }
      if (key === 'location' && !out.externalData.includes(value)) out.externalData.push(value);
    }
  }
  const count = dims.reduce((n, d) => n * d, 1);
  const [name, size] = DATA_TYPES[type] ?? [`type ${type}`, 0];
  out.initializers++;
  out.parameters += count;
  addTo(out.initializerBytes, name, Math.ceil(count * size));
}

function readGraph(bytes: Uint8Array, out: OnnxInspection, partial: boolean): void {
  for (const f of fields(bytes, partial)) {
    if (f.wire !== 2) continue;
    // A field cut off by the end of the bytes is not read: the facts say they are partial.
    const complete = f.bytes.length === f.value;
    if (!complete) {
      out.truncated = true;
      return;
    }
    if (f.field === 1) {
      out.nodes++;
      readNode(f.bytes, out.ops);
    } else if (f.field === 5) readInitializer(f.bytes, out);
    else if (f.field === 2) out.graphName = text(f.bytes);
  }
}

function sortedByCount(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Inspects an ONNX ModelProto; `partial` allows bytes that end early (a header sample). */
export function inspectOnnx(bytes: Uint8Array, partial = false): OnnxInspection {
  const out: OnnxInspection = {
    opsets: {}, nodes: 0, ops: {}, initializers: 0, parameters: 0, initializerBytes: {}, externalData: [], truncated: false,
  };
  try {
    for (const f of fields(bytes, partial)) {
      if (f.field === 1 && f.wire === 0) out.irVersion = f.value;
      else if (f.field === 2 && f.wire === 2) out.producer = text(f.bytes);
      else if (f.field === 3 && f.wire === 2) out.producerVersion = text(f.bytes);
      else if (f.field === 7 && f.wire === 2) readGraph(f.bytes, out, partial || f.bytes.length < f.value);
      else if (f.field === 8 && f.wire === 2) {
        let domain = '';
        let version = 0;
        for (const o of fields(f.bytes)) {
          if (o.field === 1) domain = text(o.bytes);
          else if (o.field === 2) version = o.value;
        }
        out.opsets[domain || 'ai.onnx'] = version;
      }
    }
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    out.truncated = true;
  }
  out.ops = sortedByCount(out.ops);
  out.initializerBytes = sortedByCount(out.initializerBytes);
  return out;
}
