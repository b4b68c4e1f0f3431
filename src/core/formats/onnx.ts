/**
 * ONNX: a protobuf ModelProto. Exporters write ir_version (field 1, varint) first, then the
 * producer (fields 2, 3) and the graph (7); Core ML's .mlmodel is also a protobuf starting with a
 * varint, so the walk also checks that the first fields are ModelProto's (numbers up to 25, the
 * producer printable). Its external data (.onnx_data, .onnx.data) is a part, not a model.
 */
import { extension, printableShare } from './bytes.ts';
import { inspectOnnx } from './onnx-inspect.ts';
import { fields, WireError } from './protobuf.ts';
import type { Contents, FileSample, FormatModule } from './types.ts';

/** ModelProto's field numbers and their wire types (onnx.proto). */
const MODEL_FIELDS: Record<number, number> = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2 };

function looksLikeModelProto(head: Uint8Array): boolean {
  if (head[0] !== 0x08) return false;
  let seen = 0;
  try {
    for (const f of fields(head.subarray(0, 4096), true)) {
      if (MODEL_FIELDS[f.field] !== f.wire) return false;
      if (f.field === 1 && (f.value < 1 || f.value > 30)) return false;
      if ((f.field === 2 || f.field === 3) && printableShare(f.bytes) < 1) return false;
      if (++seen >= 4) break;
    }
  } catch (error) {
    if (error instanceof WireError) return false;
    throw error;
  }
  return seen > 0;
}

export function onnxContents(inspection: ReturnType<typeof inspectOnnx>): Contents {
  const opset = inspection.opsets['ai.onnx'];
  const notes = [
    ...(opset !== undefined ? [`opset ${opset}`] : []),
    `${inspection.nodes} nodes`,
    ...(inspection.externalData.length > 0 ? [`external data: ${inspection.externalData.join(', ')}`] : []),
    ...(inspection.truncated ? ['read from the first bytes only'] : []),
  ];
  return {
    ...(inspection.producer ? { producer: [inspection.producer, inspection.producerVersion].filter(Boolean).join(' ') } : {}),
    ...(inspection.irVersion !== undefined ? { version: `IR ${inspection.irVersion}` } : {}),
    tensors: inspection.initializers,
    parameters: inspection.parameters,
    notes,
  };
}

export const onnx: FormatModule = {
  alsoRunsIn: ['onnxruntime (native and mobile)', 'TensorRT', 'OpenVINO'],
  id: 'onnx',
  label: 'ONNX model',
  kind: 'model',
  runtime: 'ort',
  match: ({ head, name }: FileSample) => extension(name) !== '.mlmodel' && looksLikeModelProto(head),
  describe: ({ head, size }) => onnxContents(inspectOnnx(head, head.length < size)),
};

export const onnxExternalData: FormatModule = {
  id: 'onnx-external-data',
  label: 'ONNX external data (weights of an .onnx file)',
  kind: 'part',
  runtime: 'ort',
  match: ({ name }) => /\.onnx[._]data$|\.onnx\.data\d*$|\.onnx_data\d*$/i.test(name),
  why: 'This file holds only the weights of an ONNX model; the graph is in the .onnx file that names it. Drop both together (or the folder).',
};
