/**
 * Turns onnxruntime's inference errors into a sentence that names the input most likely at fault
 * and the value that fixes it, by reading the failing node's wiring in the graph. The raw text is
 * kept (for a disclosure), with build-machine source paths cut to their file names.
 */
import { scrubRaw } from '../error-details.ts';
import type { SynthTensor } from '../inputs.ts';
import type { TensorSpec } from '../result.ts';
import { convWindow, inputsOfNode, upstream } from './graph-hints.ts';
import type { OnnxGraph } from './onnx-graph.ts';

export interface ExplainedError {
  message: string;
  /** onnxruntime's own words, without build paths. */
  raw: string;
  /** The input the message blames, when it names one. */
  input?: string;
}

type Fed = Pick<SynthTensor, 'name' | 'shape' | 'dtype'>;

const nodeNameOf = (raw: string) => /node\.?\s*Name:\s*'([^']*)'/i.exec(raw)?.[1] ?? null;

/** The symbolic dims along axes ≥ 1 of integer inputs: a sequence's length. */
function sequenceDims(specs: readonly TensorSpec[]): string[] {
  const dims = new Set<string>();
  for (const spec of specs) if (/int/.test(spec.dtype)) spec.shape.forEach((d, axis) => { if (axis > 0 && typeof d === 'string') dims.add(d); });
  return [...dims];
}

function indexOutOfRange(raw: string, graph: OnnxGraph | null, specs: readonly TensorSpec[]): Omit<ExplainedError, 'raw'> | null {
  const match = /idx=(-?\d+) must be within the inclusive range \[(-?\d+),\s*(-?\d+)\]/.exec(raw);
  if (!match) return null;
  const [idx, high] = [Number(match[1]), Number(match[3])];
  const rows = high + 1;
  const node = graph && nodeNameOf(raw) ? graph.nodes.find((n) => n.name === nodeNameOf(raw)) : undefined;
  const path = node && graph ? upstream(graph, node.inputs[1] ?? '') : null;
  const fed = path ? [...path.inputs] : [];
  const ids = fed.find((name) => !/position/i.test(name));
  // Arithmetic between the input and the index: the input's value is wrong, not its range.
  if (ids && path && ['Div', 'Sub', 'Add', 'Mul', 'Mod'].some((op) => path.ops.has(op))) {
    const rate = /(^|_)(sr|sample_?rate|sampling_?rate)$/i.test(ids);
    return {
      input: ids,
      message: `Input ${ids} leads to the index ${idx}, outside a table of ${rows} rows: this model does not take that value of ${ids}.${rate ? ` It is a sample rate: try 16000 (URL: in.${ids}=16000).` : ''}`,
    };
  }
  if (ids) {
    return {
      input: ids,
      message: `Input ${ids} holds the index ${idx}, but the table it indexes has ${rows} rows: fill ${ids} with int:0,${rows - 1} (URL: in.${ids}=int:0,${rows - 1}).`,
    };
  }
  const dims = sequenceDims(specs);
  const dim = dims[0];
  const position = fed[0] ?? specs.find((s) => /position/i.test(s.name))?.name;
  return {
    ...(position ? { input: position } : {}),
    message: `The sequence is longer than the model's ${rows} positions (index ${idx}): set ${dim ? `the dimension ${dim} to ${rows} or less (URL: dim.${dim}=${rows})` : `the sequence length to ${rows} or less`}.`,
  };
}

function invalidDims(raw: string, specs: readonly TensorSpec[]): Omit<ExplainedError, 'raw'> | null {
  const match = /invalid dimensions for input:\s*(\S+) for the following indices\s+index:\s*(\d+)\s+Got:\s*(\d+)\s+Expected:\s*(\d+)/i.exec(raw);
  if (match) {
    const [input, axis, got, expected] = [match[1]!, Number(match[2]), match[3], match[4]];
    const dim = specs.find((s) => s.name === input)?.shape[axis];
    const fix = typeof dim === 'string' ? ` (URL: dim.${dim}=${expected})` : '';
    return { input, message: `Input ${input} has ${got} along axis ${axis}; the model expects ${expected}: set it to ${expected}${fix}.` };
  }
  const rank = /invalid rank for input:\s*(\S+) Got:\s*(\d+) Expected:\s*(\d+)/i.exec(raw);
  if (rank) return { input: rank[1]!, message: `Input ${rank[1]} has ${rank[2]} dimensions; the model expects ${rank[3]}.` };
  const type = /Unexpected input data type\. Actual: \((\w+)\)\s*,\s*expected: \((\w+)\)/i.exec(raw);
  if (type) return { message: `An input has the type ${type[1]}; the model expects ${type[2]}.` };
  const missing = /input '([^']+)' is missing in 'feeds'/i.exec(raw);
  if (missing) return { input: missing[1]!, message: `The model needs the input ${missing[1]}, which was not given.` };
  return null;
}

/** A node that failed on shapes: blame the inputs that reach it, and say which dims to check. */
function nodeShape(raw: string, graph: OnnxGraph | null, feeds: readonly Fed[], specs: readonly TensorSpec[]): Omit<ExplainedError, 'raw'> | null {
  const name = nodeNameOf(raw);
  if (!graph || !name) return null;
  const found = inputsOfNode(graph, name);
  if (!found) return null;
  const { node, inputs } = found;
  const shapes = inputs.map((input) => `${input} [${feeds.find((f) => f.name === input)?.shape.join(', ') ?? '?'}]`).join(', ');
  const symbolic = [...new Set(specs.filter((s) => inputs.includes(s.name)).flatMap((s) => s.shape.filter((d): d is string => typeof d === 'string')))];
  const dimsText = symbolic.length > 0 ? ` Check the dimensions ${symbolic.join(', ')}.` : '';
  const input = inputs[0];
  if (/Conv|Pool|STFT/.test(node.op) && /kernel|pad|smaller|too small|Invalid input shape|output shape|negative/i.test(raw)) {
    const window = node.op === 'Conv' ? convWindow(graph, node) : null;
    const last = specs.find((s) => s.name === input)?.shape.at(-1);
    const fix = window ? ` It needs at least ${window} values along its last axis${typeof last === 'string' ? `: set dim.${last}=${window}` : ''}.` : ` Make it longer.${dimsText}`;
    return { ...(input ? { input } : {}), message: `Input ${inputs.join(', ')} is too short for ${node.op} node ${name}.${fix}` };
  }
  if (/broadcast|Incompatible dimensions|mismatch|shape|dimension/i.test(raw)) {
    return { ...(input ? { input } : {}), message: `A shape mismatch in ${node.op} node ${name}, fed by ${shapes || 'no input directly'}.${dimsText}` };
  }
  return null;
}

/** "Attempting to broadcast an axis by a dimension other than 1. 3 by 5": find whose dims those are. */
function broadcast(raw: string, feeds: readonly Fed[], specs: readonly TensorSpec[], dims: Record<string, number>): Omit<ExplainedError, 'raw'> | null {
  const match = /broadcast.*?(\d+) by (\d+)/i.exec(raw);
  if (!match) return null;
  const sizes = [Number(match[1]), Number(match[2])];
  const named = sizes.map((size) => Object.entries(dims).find(([, value]) => value === size)?.[0]);
  const owner = (dim: string | undefined) => specs.find((s) => dim !== undefined && s.shape.includes(dim))?.name;
  const [a, b] = named;
  if (a && b) {
    return { ...(owner(b) ? { input: owner(b)! } : {}), message: `A shape mismatch: the dimensions ${a} (${sizes[0]}) and ${b} (${sizes[1]}) meet in one operation and must agree: set dim.${b}=${sizes[0]} (inputs ${owner(a)} and ${owner(b)}).` };
  }
  const free = a ?? b;
  if (!free) return { message: `A shape mismatch inside the model (${sizes[0]} by ${sizes[1]}): check the inputs' shapes (${feeds.map((f) => `${f.name} [${f.shape.join(', ')}]`).join(', ')}).` };
  const limit = a ? sizes[1]! : sizes[0]!;
  return { ...(owner(free) ? { input: owner(free)! } : {}), message: `A shape mismatch: the dimension ${free} (${dims[free]}) meets a fixed size of ${limit} inside the model: set dim.${free}=${limit} (URL: dim.${free}=${limit}).` };
}

/** The values the feeds gave each symbolic dimension. */
function boundDims(feeds: readonly Fed[], specs: readonly TensorSpec[]): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const spec of specs) {
    const fed = feeds.find((f) => f.name === spec.name);
    spec.shape.forEach((d, axis) => { if (typeof d === 'string' && fed?.shape[axis] !== undefined) dims[d] = fed.shape[axis]!; });
  }
  return dims;
}

export function explainRunError(rawText: string, graph: OnnxGraph | null, feeds: readonly Fed[], specs: readonly TensorSpec[]): ExplainedError {
  const raw = scrubRaw(rawText);
  const found = indexOutOfRange(raw, graph, specs) ?? invalidDims(raw, specs) ?? nodeShape(raw, graph, feeds, specs)
    ?? broadcast(raw, feeds, specs, boundDims(feeds, specs));
  return found ? { ...found, raw } : { message: `The model failed on these inputs: ${raw.split('\n')[0]!.slice(0, 300)}`, raw };
}
