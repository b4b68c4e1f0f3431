/**
 * Default inputs for a model, each with its reason: first what the graph itself says (embedding
 * tables, position tables, the first convolution's window, an image processor's size), then the
 * input's name, dtype and shape. The page shows the reasons; the user may override any of it.
 */
import { defaultDimValue, symbolicDims } from '../dims.ts';
import type { ModelIO, TensorSpec } from '../result.ts';
import type { GraphHints } from './graph-hints.ts';

export interface Reasoned<T> {
  value: T;
  reason: string;
}

export interface InputPlan {
  /** Symbolic dimension → value. */
  dims: Record<string, Reasoned<number>>;
  /** Input name → fill text (see fill.ts). */
  fills: Record<string, Reasoned<string>>;
}

export interface PlanContext {
  hints?: GraphHints;
  /** The image size of a folder's preprocessor_config.json. */
  imageSize?: { height: number; width: number };
  /** Token ids' range where no embedding table says it. */
  vocabSize: number;
}

const STATE = /(^|[._])(state|states|h0|c0|h|c|hn|cn)($|[._\d])|hidden|^memory|cache/i;
const SAMPLE_RATE = /(^|_)(sr|sample_?rate|sampling_?rate)$/i;
const PAST = /past|^cache/i;

const isInteger = (spec: TensorSpec) => /int/.test(spec.dtype);
const elements = (spec: TensorSpec) => spec.shape.every((d) => typeof d === 'number') ? spec.shape.reduce<number>((a, d) => a * (d as number), 1) : null;

function fillFor(spec: TensorSpec, context: PlanContext): Reasoned<string> {
  const name = spec.name;
  if (spec.dtype === 'bool') return { value: 'zeros', reason: 'boolean input: false' };
  if (PAST.test(name)) return { value: 'zeros', reason: 'past key/values: an empty cache' };
  if (spec.dtype.startsWith('float')) {
    if (STATE.test(name)) return { value: 'zeros', reason: 'recurrent state: zeros, as at the start of a stream' };
    return { value: 'uniform:0,1', reason: 'random in [0, 1)' };
  }
  if (SAMPLE_RATE.test(name) && (elements(spec) ?? 2) <= 1) return { value: '16000', reason: 'a sample rate: 16000 Hz' };
  if (STATE.test(name)) return { value: 'zeros', reason: 'recurrent state: zeros' };
  const key = name.toLowerCase();
  if (key.includes('mask')) return { value: 'ones', reason: 'attention mask: every position attended' };
  if (key.includes('token_type') || key.includes('segment')) return { value: 'zeros', reason: 'token types: one segment' };
  if (key.includes('position')) return { value: 'arange', reason: 'positions 0..n-1' };
  const table = context.hints?.vocab[name];
  if (table) return { value: `int:0,${table.rows - 1}`, reason: `from the embedding table: ${table.rows} tokens` };
  return { value: `int:0,${context.vocabSize - 1}`, reason: `token ids below the vocabulary size ${context.vocabSize} (no embedding table found in the graph)` };
}

/** "past_sequence_length + 1" and the like: ORT exports name some dims by a sum. */
function sumOf(name: string, dims: Record<string, Reasoned<number>>): number | null {
  if (!name.includes('+')) return null;
  let total = 0;
  for (const term of name.split('+').map((t) => t.trim())) {
    const value = /^\d+$/.test(term) ? Number(term) : dims[term]?.value;
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

/** Symbolic dims found only in past_key_values-like inputs: the cache's length, 0. */
function pastOnlyDims(io: ModelIO): Set<string> {
  const inPast = new Set<string>();
  const elsewhere = new Set<string>();
  for (const input of io.inputs) {
    for (const d of input.shape) if (typeof d === 'string') (PAST.test(input.name) ? inPast : elsewhere).add(d);
  }
  return new Set([...inPast].filter((d) => !elsewhere.has(d)));
}

function dimsFor(io: ModelIO, context: PlanContext): Record<string, Reasoned<number>> {
  const dims: Record<string, Reasoned<number>> = {};
  const past = pastOnlyDims(io);
  const names = symbolicDims(io);
  for (const name of names) {
    const key = name.toLowerCase();
    if (past.has(name)) dims[name] = { value: 0, reason: 'cache length: an empty cache' };
    else if (context.imageSize && /height|^h$/.test(key)) dims[name] = { value: context.imageSize.height, reason: 'from preprocessor_config.json' };
    else if (context.imageSize && /width|^w$/.test(key)) dims[name] = { value: context.imageSize.width, reason: 'from preprocessor_config.json' };
    else dims[name] = { value: defaultDimValue(name), reason: `by its name "${name}"` };
  }
  // The longest sequence learned position tables allow.
  const rows = Math.min(...(context.hints?.positions ?? []).map((p) => p.rows));
  if (Number.isFinite(rows)) {
    for (const input of io.inputs.filter(isInteger)) {
      input.shape.forEach((d, axis) => {
        const dim = typeof d === 'string' ? dims[d] : undefined;
        if (dim && axis > 0 && !past.has(d as string) && dim.value > rows) dims[d as string] = { value: rows, reason: `from the position table: ${rows} positions` };
      });
    }
  }
  // A signal at least as long as its first convolution's window.
  for (const [inputName, window] of Object.entries(context.hints?.windows ?? {})) {
    const last = io.inputs.find((i) => i.name === inputName)?.shape.at(-1);
    const dim = typeof last === 'string' ? dims[last] : undefined;
    if (dim && dim.value < window.min) dims[last as string] = { value: window.min, reason: `the first convolution's window: ${window.min} values` };
  }
  for (const name of names) {
    const total = sumOf(name, dims);
    if (total !== null) dims[name] = { value: total, reason: 'the sum its name gives' };
    else if (/total/i.test(name)) {
      const parts = names.filter((n) => n !== name && name.toLowerCase().includes(n.toLowerCase().replace(/^past_/, '')));
      const sum = parts.reduce((a, n) => a + (dims[n]?.value ?? 0), 0);
      if (parts.length > 0) dims[name] = { value: sum, reason: `past + new: ${parts.join(' + ')}` };
    }
  }
  return dims;
}

export function planInputs(io: ModelIO, context: PlanContext): InputPlan {
  return {
    dims: dimsFor(io, context),
    fills: Object.fromEntries(io.inputs.map((spec) => [spec.name, fillFor(spec, context)])),
  };
}
