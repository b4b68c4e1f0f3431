/**
 * Counts an ONNX model's work from its bytes: the app's one ONNX reader decodes the graph (no
 * session, nothing runs), and the counter walks it with the run's dims bound.
 */
import { readOnnxProto } from '../inputs/onnx-graph.ts';
import type { GraphLike } from './graph.ts';
import { countGraphWork, inputShapes, type GraphWork } from './work.ts';

export function countOnnxWork(bytes: Uint8Array, dims: Record<string, number>): GraphWork {
  const proto = readOnnxProto(bytes);
  if (!proto) throw new Error('the graph could not be read, so its work is not counted');
  // GraphProto as protobufjs decodes it has every field GraphLike names (int64s as Long or number).
  const graph = proto as unknown as GraphLike;
  return countGraphWork(graph, inputShapes(graph, dims));
}
