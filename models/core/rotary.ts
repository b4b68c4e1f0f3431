import type { GraphBuilder } from './graph.ts';
import { DataType } from '../onnx/types.ts';

/**
 * LLaMA's building blocks in the form transformers' LlamaModel exports them with opset 17
 * (before RMSNormalization existed as an op): RMSNorm from elementwise ops, rotary position
 * embeddings in the "rotate half" layout, and grouped-query attention's key/value repetition.
 */

/** RMSNorm (Zhang & Sennrich 2019): x / √(mean(x²) + ε) · weight, no mean subtraction, no bias. */
export function rmsNorm(g: GraphBuilder, name: string, x: string, features: number, epsilon: number): string {
  const weight = g.weight(`${name}.weight`, [features], { fill: 1 });
  const meanSquare = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
  return g.op('Mul', [g.op('Div', [x, g.op('Sqrt', [g.op('Add', [meanSquare, g.scalar(epsilon)])])]), weight]);
}

/** Llama 3's frequency-dependent rope scaling (transformers' _compute_llama3_parameters). */
export interface Llama3RopeScaling {
  factor: number;
  lowFreqFactor: number;
  highFreqFactor: number;
  originalMaxPositions: number;
}

/** θ^(−2i/d) for i < d/2, the rotary inverse frequencies (Su et al. 2021, RoFormer). */
export function inverseFrequencies(headDim: number, theta: number): Float64Array {
  return Float64Array.from({ length: headDim / 2 }, (_, i) => 1 / theta ** ((2 * i) / headDim));
}

/**
 * Per-frequency divisors of Llama 3 scaling: 1 for short wavelengths, `factor` for long ones,
 * a smooth blend between. llama.cpp reads the same figures as the GGUF tensor rope_freqs.weight
 * (convert_hf_to_gguf.py, LlamaModel.generate_extra_tensors).
 */
export function llama3RopeFactors(invFreq: Float64Array, s: Llama3RopeScaling): Float32Array {
  const lowWavelength = s.originalMaxPositions / s.lowFreqFactor;
  const highWavelength = s.originalMaxPositions / s.highFreqFactor;
  return Float32Array.from(invFreq, (freq) => {
    const wavelength = (2 * Math.PI) / freq;
    if (wavelength < highWavelength) return 1;
    if (wavelength > lowWavelength) return s.factor;
    const smooth = (s.originalMaxPositions / wavelength - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    return 1 / ((1 - smooth) / s.factor + smooth);
  });
}

/**
 * cos and sin tables [batch, 1, sequence, headDim] for `positionIds` [batch, sequence]. Angles
 * are computed in float32 even in fp16 graphs (positions past 2048 are not exact in fp16).
 */
export function rotaryTables(g: GraphBuilder, positionIds: string, invFreq: Float32Array): { cos: string; sin: string } {
  const positions = g.op('Cast', [g.op('Unsqueeze', [positionIds, g.ints([2])])], { to: DataType.FLOAT });
  const freqs = g.op('Mul', [positions, g.constant([...invFreq], [invFreq.length], DataType.FLOAT)]);
  const angles = g.op('Unsqueeze', [g.op('Concat', [freqs, freqs], { axis: -1 }), g.ints([1])]);
  const table = (op: string) => {
    const value = g.op(op, [angles]);
    return g.floatType === DataType.FLOAT ? value : g.op('Cast', [value], { to: g.floatType });
  };
  return { cos: table('Cos'), sin: table('Sin') };
}

/** x·cos + rotate_half(x)·sin, where rotate_half([x1, x2]) = [−x2, x1] over the last axis. */
export function applyRotary(g: GraphBuilder, x: string, tables: { cos: string; sin: string }, headDim: number): string {
  const [first, second] = g.opMulti('Split', [x, g.ints([headDim / 2, headDim / 2])], 2, { axis: -1 }) as [string, string];
  const rotated = g.op('Concat', [g.op('Neg', [second]), first], { axis: -1 });
  return g.op('Add', [g.op('Mul', [x, tables.cos]), g.op('Mul', [rotated, tables.sin])]);
}

/** Grouped-query attention: [batch, kvHeads, seq, d] → [batch, kvHeads·groups, seq, d] (transformers' repeat_kv). */
export function repeatKeyValue(g: GraphBuilder, x: string, kvHeads: number, groups: number, headDim: number): string {
  if (groups === 1) return x;
  const expanded = g.op('Expand', [g.op('Unsqueeze', [x, g.ints([2])]), g.ints([1, 1, groups, 1, 1])]);
  return g.op('Reshape', [expanded, g.ints([0, kvHeads * groups, -1, headDim])]);
}
