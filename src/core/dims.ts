import type { Dim, ModelIO } from './result.ts';

/**
 * Defaults for symbolic dimensions, matched on the lower-cased name. Chosen to match what the
 * domain's reference exports feed: one image or sequence at a time, BERT's 128-token benchmark
 * length, ImageNet's 224 px, 16 kHz audio for one second, and Whisper's 3000 mel frames.
 */
const DEFAULT_DIMS: ReadonlyArray<[RegExp, number]> = [
  [/^(batch|batch_size|n|b|num_images|num_texts)$/, 1],
  [/past/, 0],
  [/(sequence|seq|token|text|length|decoder)/, 128],
  [/(height|width|^h$|^w$|size)/, 224],
  [/(channel|^c$)/, 3],
  [/(audio|sample|wave)/, 16000],
  [/(frame|time|mel)/, 3000],
];

export const MAX_DIM = 1 << 20;

export function defaultDimValue(name: string): number {
  const key = name.toLowerCase();
  for (const [pattern, value] of DEFAULT_DIMS) if (pattern.test(key)) return value;
  return 1;
}

/** The symbolic dimension names of a model's inputs, in first-seen order. */
export function symbolicDims(io: ModelIO): string[] {
  const names = new Set<string>();
  for (const input of io.inputs) for (const d of input.shape) if (typeof d === 'string') names.add(d);
  return [...names];
}

export function defaultDims(io: ModelIO): Record<string, number> {
  return Object.fromEntries(symbolicDims(io).map((name) => [name, defaultDimValue(name)]));
}

export type DimParse = { ok: true; value: number } | { ok: false; error: string };

/** Parses what a user typed for a dimension: a whole number from 0 to MAX_DIM. */
export function parseDimValue(text: string): DimParse {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'Enter a whole number, such as 1 or 128.' };
  const value = Number(trimmed);
  if (value > MAX_DIM) return { ok: false, error: `At most ${MAX_DIM}.` };
  return { ok: true, value };
}

/** Binds symbolic dims; throws naming the first unbound one. */
export function resolveShape(shape: readonly Dim[], dims: Record<string, number>): number[] {
  return shape.map((d) => {
    if (typeof d === 'number') return d;
    const value = dims[d];
    if (value === undefined) throw new Error(`No value for the dimension "${d}".`);
    return value;
  });
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
