import type { GraphProto, ModelProto } from '../onnx/types.ts';

/**
 * Parameters = elements of all initializers. The generator stores constants
 * (shapes, scalars, quantisation scales) as Constant nodes, so initializers
 * are exactly the learned tensors. Graphs nested in If/Loop attributes count too.
 */
export function graphParameterCount(graph: GraphProto): number {
  let total = 0;
  for (const tensor of graph.initializer ?? []) total += (tensor.dims ?? []).reduce((a, b) => a * Number(b), 1);
  for (const node of graph.node ?? []) {
    for (const attr of node.attribute ?? []) if (attr.g) total += graphParameterCount(attr.g);
  }
  return total;
}

export function parameterCount(models: ModelProto[]): number {
  return models.reduce((sum, m) => sum + graphParameterCount(m.graph), 0);
}
