/**
 * What an ONNX graph says about the inputs it can take, read from its wiring rather than from
 * input names: the vocabulary of each embedding table (the rows of the Gather's initializer),
 * the longest sequence its position table allows, and the shortest signal its first convolution
 * accepts. Small and serialisable: the worker computes it, the page derives defaults from it.
 */
import type { GraphNode, OnnxGraph } from './onnx-graph.ts';

export interface GraphHints {
  /** Integer inputs that index an embedding table: the table's rows are the vocabulary. */
  vocab: Record<string, { rows: number; table: string }>;
  /** Learned position tables: a sequence longer than `rows` indexes past their end. */
  positions: { rows: number; table: string; input?: string }[];
  /** Float inputs whose first convolution needs at least `min` values along their last axis. */
  windows: Record<string, { min: number; node: string }>;
}

export const NO_HINTS: GraphHints = { vocab: {}, positions: [], windows: {} };

/** Ops that compute a shape from a tensor: data does not flow through them. */
const SHAPE_OPS = new Set(['Shape', 'Size']);
/** Ops a signal passes through on its way to the first convolution without changing length much. */
const SIGNAL_OPS = new Set(['Unsqueeze', 'Reshape', 'Cast', 'Pad', 'Mul', 'Div', 'Add', 'Sub', 'Identity', 'Squeeze', 'Expand']);

function producers(graph: OnnxGraph): Map<string, GraphNode> {
  const byOutput = new Map<string, GraphNode>();
  for (const node of graph.nodes) for (const out of node.outputs) byOutput.set(out, node);
  return byOutput;
}

/** Graph inputs whose values flow into `value` (not through Shape), and the ops on the way. */
export function upstream(graph: OnnxGraph, value: string, byOutput = producers(graph)): { inputs: Set<string>; ops: Set<string> } {
  const names = new Set(graph.inputs.map((i) => i.name));
  const inputs = new Set<string>();
  const ops = new Set<string>();
  const seen = new Set<string>();
  const stack = [value];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (names.has(name)) inputs.add(name);
    const node = byOutput.get(name);
    if (!node) continue;
    ops.add(node.op);
    if (!SHAPE_OPS.has(node.op)) stack.push(...node.inputs.filter(Boolean));
  }
  return { inputs, ops };
}

/** Graph inputs that reach a node's inputs: who to blame when that node fails. */
export function inputsOfNode(graph: OnnxGraph, nodeName: string): { node: GraphNode; inputs: string[] } | null {
  const node = graph.nodes.find((n) => n.name === nodeName);
  if (!node) return null;
  const byOutput = producers(graph);
  const inputs = new Set<string>();
  for (const value of node.inputs) for (const input of upstream(graph, value, byOutput).inputs) inputs.add(input);
  return { node, inputs: [...inputs] };
}

function embeddingHints(graph: OnnxGraph, hints: GraphHints): void {
  const byOutput = producers(graph);
  const integer = new Set(graph.inputs.filter((i) => /int/.test(i.dtype)).map((i) => i.name));
  for (const node of graph.nodes) {
    if (node.op !== 'Gather' || (node.ints.axis?.[0] ?? 0) !== 0) continue;
    const table = graph.initializers.get(node.inputs[0] ?? '');
    if (!table || table.dims.length !== 2) continue;
    const rows = table.dims[0]!;
    const { inputs, ops } = upstream(graph, node.inputs[1] ?? '', byOutput);
    const fed = [...inputs].filter((name) => integer.has(name));
    const byPosition = fed.find((name) => /position/i.test(name));
    if (byPosition || /pos/i.test(table.name) || (fed.length === 0 && (ops.has('Range') || ops.has('CumSum')))) {
      hints.positions.push({ rows, table: table.name, ...(byPosition ? { input: byPosition } : {}) });
    } else {
      for (const name of fed) {
        const known = hints.vocab[name];
        if (!known || rows < known.rows) hints.vocab[name] = { rows, table: table.name };
      }
    }
  }
}

/** The length a Conv needs along its last spatial axis: the dilated kernel, less its padding. */
export function convWindow(graph: OnnxGraph, conv: GraphNode): number {
  const weight = graph.initializers.get(conv.inputs[1] ?? '');
  const kernel = conv.ints.kernel_shape?.at(-1) ?? weight?.dims.at(-1) ?? 1;
  const dilation = conv.ints.dilations?.at(-1) ?? 1;
  const pads = conv.ints.pads ?? [];
  const padding = pads.length >= 2 ? (pads[pads.length / 2 - 1] ?? 0) + (pads.at(-1) ?? 0) : 0;
  return Math.max(1, (kernel - 1) * dilation + 1 - padding);
}

function windowHints(graph: OnnxGraph, hints: GraphHints): void {
  const consumers = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) for (const input of node.inputs) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  for (const input of graph.inputs) {
    if (!input.dtype.startsWith('float') || input.shape.length < 2 || input.shape.length > 3) continue;
    // Breadth-first along the signal: the first Conv it reaches sets the window.
    let frontier = [input.name];
    const seen = new Set<string>();
    for (let depth = 0; depth < 8 && frontier.length > 0 && !hints.windows[input.name]; depth++) {
      const next: string[] = [];
      for (const value of frontier) {
        for (const node of consumers.get(value) ?? []) {
          if (seen.has(node.name)) continue;
          seen.add(node.name);
          if (node.op === 'Conv' && node.inputs[0] === value) {
            hints.windows[input.name] = { min: convWindow(graph, node), node: node.name };
          } else if (SIGNAL_OPS.has(node.op)) {
            next.push(...node.outputs);
          }
        }
      }
      frontier = next;
    }
  }
}

export function graphHints(graph: OnnxGraph): GraphHints {
  const hints: GraphHints = { vocab: {}, positions: [], windows: {} };
  embeddingHints(graph, hints);
  windowHints(graph, hints);
  return hints;
}
