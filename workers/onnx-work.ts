/**
 * Counts an ONNX model's work from its bytes (protobuf parse only: no session, nothing runs).
 * Weight bytes stay views into the file, so parsing a large model does not copy its weights.
 */
import { decodeModel } from '../models/onnx/encode.ts';
import type { GraphLike } from '../src/core/roofline/graph.ts';
import { countGraphWork, inputShapes, type GraphWork } from '../src/core/roofline/work.ts';

export function countOnnxWork(bytes: Uint8Array, dims: Record<string, number>): GraphWork {
  const graph = decodeModel(bytes).graph as unknown as GraphLike;
  return countGraphWork(graph, inputShapes(graph, dims));
}
