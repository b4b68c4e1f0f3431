import { onnxRoot } from './schema.ts';
import type { ModelProto } from './types.ts';

/** Serialises a model to the ONNX protobuf wire format. */
export function encodeModel(model: ModelProto): Uint8Array {
  const type = onnxRoot().lookupType('onnx.ModelProto');
  return type.encode(model).finish();
}

/** Parses an ONNX file back into plain objects; used by tests and the param counter. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const type = onnxRoot().lookupType('onnx.ModelProto');
  const message = type.decode(bytes);
  return type.toObject(message, { longs: Number, defaults: false, arrays: true }) as ModelProto;
}
