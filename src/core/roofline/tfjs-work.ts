/** Counts a TF.js graph model's work: its GraphDef walked with TF's ops (ops-tfjs.ts) and the run's dims. */
import { TFJS_OPS } from './ops-tfjs.ts';
import { tfjsGraph, type TfjsModelJson } from './tfjs-graph.ts';
import { countGraphWork, inputShapes, type GraphWork } from './work.ts';

/** `shards`: the weight files in manifest order, for the values of shape constants (never copied whole). */
export function countTfjsWork(modelJson: TfjsModelJson, shards: readonly Uint8Array[], dims: Record<string, number>): GraphWork {
  const graph = tfjsGraph(modelJson, shards);
  if (!graph) throw new Error('a TF.js layers model has no graph to count: only graph models are counted');
  return countGraphWork(graph, inputShapes(graph, dims), (node) => TFJS_OPS[node.op_type]);
}
