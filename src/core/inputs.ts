import { toFloat16Array } from '../../models/core/float16.ts';
import { mulberry32 } from './rng.ts';
import { elementCount, resolveShape } from './dims.ts';
import type { TensorDType, TensorSpec } from './result.ts';

export type TensorData =
  | Float32Array | Float64Array | Uint16Array | Int8Array | Uint8Array | Int16Array
  | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

export interface SynthTensor {
  name: string;
  dtype: TensorDType;
  shape: number[];
  data: TensorData;
}

/** How an input is filled, decided from its name and dtype. */
export type InputRole = 'float' | 'token-ids' | 'mask' | 'token-types' | 'positions';

export function inputRole(name: string, dtype: TensorDType): InputRole {
  if (dtype.startsWith('float')) return 'float';
  const key = name.toLowerCase();
  if (key.includes('mask')) return 'mask';
  if (key.includes('token_type') || key.includes('segment')) return 'token-types';
  if (key.includes('position')) return 'positions';
  return 'token-ids';
}

/** Per-input seed, so adding an input to a model leaves the others' data unchanged. */
export function inputSeed(seed: number, name: string): number {
  let h = seed >>> 0 ^ 0x9e3779b9;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function integerArray(dtype: TensorDType, n: number): TensorData {
  switch (dtype) {
    case 'int64': return new BigInt64Array(n);
    case 'uint64': return new BigUint64Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'int16': return new Int16Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint8': case 'bool': return new Uint8Array(n);
    default: throw new Error(`Cannot synthesize inputs of type ${dtype}.`);
  }
}

export function fillData(data: TensorData, value: (i: number) => number): void {
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < data.length; i++) data[i] = BigInt(value(i));
  } else {
    for (let i = 0; i < data.length; i++) data[i] = value(i);
  }
}

/**
 * Deterministic inputs for one tensor: floats uniform in [0, 1); token ids uniform in
 * [0, vocabSize); masks ones; token types zeros; positions 0..L-1 along the last axis.
 */
export function synthesizeInput(
  spec: TensorSpec, dims: Record<string, number>, seed: number, vocabSize: number,
): SynthTensor {
  const shape = resolveShape(spec.shape, dims);
  const n = elementCount(shape);
  const random = mulberry32(inputSeed(seed, spec.name));
  const role = inputRole(spec.name, spec.dtype);
  let data: TensorData;
  if (spec.dtype === 'float32' || spec.dtype === 'float64') {
    data = spec.dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
    fillData(data, () => random());
  } else if (spec.dtype === 'float16') {
    const values = new Float32Array(n);
    fillData(values, () => random());
    data = toFloat16Array(values);
  } else {
    data = integerArray(spec.dtype, n);
    const last = shape.at(-1) ?? 1;
    const vocab = Math.max(1, Math.floor(vocabSize));
    const value: Record<InputRole, (i: number) => number> = {
      float: () => 0,
      mask: () => 1,
      'token-types': () => 0,
      positions: (i) => i % last,
      'token-ids': () => Math.floor(random() * vocab),
    };
    fillData(data, spec.dtype === 'bool' ? () => 1 : value[role]);
  }
  return { name: spec.name, dtype: spec.dtype, shape, data };
}

export function synthesizeInputs(
  specs: readonly TensorSpec[], dims: Record<string, number>, seed: number, vocabSize: number,
): SynthTensor[] {
  return specs.map((spec) => synthesizeInput(spec, dims, seed, vocabSize));
}
