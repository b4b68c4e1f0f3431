/**
 * How one input is filled, as a short text that reads the same in the UI, the URL (`in.NAME=`),
 * share links and history: `zeros`, `ones`, `arange`, `16000` (a constant), `uniform:0,1`,
 * `normal:0,1`, `int:0,999` (whole numbers, both ends included), `npy:name.npy` (a file's data).
 */
import { toFloat16Array } from '../../../models/core/float16.ts';
import { elementCount } from '../dims.ts';
import { fillData, inputSeed, integerArray, type SynthTensor, type TensorData } from '../inputs.ts';
import type { TensorDType } from '../result.ts';
import { mulberry32 } from '../rng.ts';

export type InputFill =
  | { kind: 'zeros' } | { kind: 'ones' } | { kind: 'arange' }
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'int'; low: number; high: number }
  | { kind: 'npy'; file: string };

export const FILL_HELP = 'zeros, ones, arange, a number, uniform:a,b, normal:mean,std, int:low,high or npy:file.npy';

const PAIRED = { uniform: ['low', 'high'], normal: ['mean', 'std'], int: ['low', 'high'] } as const;

/** Parses a fill; a message in words when it is not one. */
export function parseFill(text: string): InputFill | string {
  const t = text.trim();
  if (t === 'zeros' || t === 'false') return { kind: 'zeros' };
  if (t === 'ones' || t === 'true') return { kind: 'ones' };
  if (t === 'arange') return { kind: 'arange' };
  if (t.startsWith('npy:') && t.length > 4) return { kind: 'npy', file: t.slice(4) };
  const constant = t.startsWith('const:') ? t.slice(6) : t;
  if (constant !== '' && Number.isFinite(Number(constant))) return { kind: 'constant', value: Number(constant) };
  const match = /^(uniform|normal|int):(-?[\d.e+-]+),(-?[\d.e+-]+)$/.exec(t);
  if (match) {
    const kind = match[1] as keyof typeof PAIRED;
    const [a, b] = [Number(match[2]), Number(match[3])];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      if (kind === 'normal') return b >= 0 ? { kind, mean: a, std: b } : `"${t}": the standard deviation must be ≥ 0.`;
      if (kind === 'int' && !(Number.isInteger(a) && Number.isInteger(b))) return `"${t}": int needs whole numbers.`;
      return a <= b ? { kind, low: a, high: b } : `"${t}": the low end must not exceed the high end.`;
    }
  }
  return `"${t}" is not a fill: use ${FILL_HELP}.`;
}

export function formatFill(fill: InputFill): string {
  switch (fill.kind) {
    case 'constant': return String(fill.value);
    case 'uniform': case 'int': return `${fill.kind}:${fill.low},${fill.high}`;
    case 'normal': return `normal:${fill.mean},${fill.std}`;
    case 'npy': return `npy:${fill.file}`;
    default: return fill.kind;
  }
}

/** Box–Muller: one standard normal draw from two uniforms. */
function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function valueSource(fill: InputFill, shape: readonly number[], random: () => number): (i: number) => number {
  const last = Math.max(1, shape.at(-1) ?? 1);
  switch (fill.kind) {
    case 'zeros': return () => 0;
    case 'ones': return () => 1;
    case 'arange': return (i) => i % last;
    case 'constant': return () => fill.value;
    case 'uniform': return () => fill.low + random() * (fill.high - fill.low);
    case 'normal': return () => fill.mean + fill.std * gaussian(random);
    case 'int': return () => fill.low + Math.floor(random() * (fill.high - fill.low + 1));
    case 'npy': throw new Error(`The data of ${fill.file} must be given with the run.`);
  }
}

/** A tensor of `shape` filled as asked, deterministic per seed and input name. */
export function synthesizeFilled(name: string, dtype: TensorDType, shape: number[], fill: InputFill, seed: number): SynthTensor {
  const n = elementCount(shape);
  const value = valueSource(fill, shape, mulberry32(inputSeed(seed, name)));
  let data: TensorData;
  if (dtype === 'float16') {
    const values = new Float32Array(n);
    fillData(values, value);
    data = toFloat16Array(values);
  } else if (dtype === 'float32' || dtype === 'float64') {
    data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
    fillData(data, value);
  } else {
    data = integerArray(dtype, n);
    // Integer tensors take whole numbers; bool takes 0 or 1.
    fillData(data, dtype === 'bool' ? (i) => (value(i) ? 1 : 0) : (i) => Math.round(value(i)));
  }
  return { name, dtype, shape, data };
}
