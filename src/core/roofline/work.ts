/**
 * The work of one inference, counted from the graph: FLOPs, bytes moved and their ratio (the
 * arithmetic intensity of the roofline model, Williams, Waterman & Patterson, "Roofline: an
 * insightful visual performance model", CACM 52(4), 2009).
 *
 * Bytes moved are those of an unfused execution: every weight read once, and every node reading
 * its activation inputs and writing its outputs once. Fused kernels move less, so the intensity
 * here is a lower bound and the memory roof it implies is pessimistic.
 */
import { attributes, elementBytes, knownFromTensor, product, toNumber, type GraphLike, type Known } from './graph.ts';
import { HANDLERS, type Handler } from './ops.ts';

export interface GraphWork {
  /** Multiply-accumulates of convolutions and matrix products. */
  macs: number;
  /** All floating-point operations: 2 per MAC plus the elementwise and reduction work. */
  flops: number;
  weightBytes: number;
  activationBytes: number;
  /** weightBytes + activationBytes. */
  bytes: number;
  /** flops / bytes. */
  intensity: number;
  nodes: number;
  /** Nodes whose shapes were known, so their work is in the totals. */
  countedNodes: number;
  /** Op types that could not be counted, with how many nodes each. */
  uncounted: Record<string, number>;
  /** FLOPs by op type, largest first when listed. */
  flopsByOp: Record<string, number>;
}

/** Graph input shapes with symbolic dims bound from `dims` (unbound ones become 1). */
export function inputShapes(graph: GraphLike, dims: Record<string, number>): Record<string, Known> {
  const inits = new Set(graph.initializer.map((t) => t.name));
  const shapes: Record<string, Known> = {};
  for (const input of graph.input) {
    if (inits.has(input.name)) continue;
    const tensor = input.type?.tensor_type;
    const shape = (tensor?.shape?.dim ?? []).map((d) =>
      d.dim_value !== undefined && d.dim_value !== null ? toNumber(d.dim_value as number) : dims[d.dim_param ?? ''] ?? 1);
    shapes[input.name] = { shape, dataType: tensor?.elem_type ?? 1 };
  }
  return shapes;
}

const bytesOf = (k: Known): number => product(k.shape) * elementBytes(k.dataType);

type GraphNode = GraphLike['node'][number];

/** ONNX's default domain only: an op of another domain is another op, whatever its name. */
const onnxHandler = (node: GraphNode): Handler | undefined =>
  (node.domain ?? '') === '' || node.domain === 'ai.onnx' ? HANDLERS[node.op_type] : undefined;

/** `handlerFor` says how each node's op is counted: ONNX's ops by default, TF's for TF.js graphs. */
export function countGraphWork(graph: GraphLike, inputs: Record<string, Known>, handlerFor: (node: GraphNode) => Handler | undefined = onnxHandler): GraphWork {
  const known = new Map<string, Known>(Object.entries(inputs));
  const weights = new Set<string>();
  let weightBytes = 0;
  for (const tensor of graph.initializer) {
    const k = knownFromTensor(tensor);
    known.set(tensor.name, k);
    weights.add(tensor.name);
    weightBytes += bytesOf(k);
  }
  let macs = 0;
  let otherFlops = 0;
  let activationBytes = 0;
  let countedNodes = 0;
  const uncounted: Record<string, number> = {};
  const flopsByOp: Record<string, number> = {};
  for (const node of graph.node) {
    const handler = handlerFor(node);
    const ins = node.input.map((name) => (name === '' ? undefined : known.get(name)));
    const work = handler?.({ inputs: ins, attrs: attributes(node.attribute), outputCount: node.output.length });
    if (!work || work.outputs.every((o) => o === undefined)) {
      uncounted[node.op_type] = (uncounted[node.op_type] ?? 0) + 1;
      continue;
    }
    countedNodes++;
    node.output.forEach((name, i) => {
      const out = work.outputs[i];
      if (out && name) {
        known.set(name, out);
        activationBytes += bytesOf(out);
      }
    });
    node.input.forEach((name, i) => {
      const x = ins[i];
      if (x && name && !weights.has(name)) activationBytes += bytesOf(x);
    });
    const flops = 2 * (work.macs ?? 0) + (work.flops ?? 0);
    macs += work.macs ?? 0;
    otherFlops += work.flops ?? 0;
    if (flops > 0) flopsByOp[node.op_type] = (flopsByOp[node.op_type] ?? 0) + flops;
  }
  const flops = 2 * macs + otherFlops;
  const bytes = weightBytes + activationBytes;
  return {
    macs, flops, weightBytes, activationBytes, bytes, intensity: bytes > 0 ? flops / bytes : 0,
    nodes: graph.node.length, countedNodes, uncounted, flopsByOp,
  };
}
