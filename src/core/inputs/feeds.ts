/**
 * The tensors one run feeds: each input filled as the config says (`config.inputs`, see
 * fill.ts), from a .npy file's data where it names one, else by the legacy rules of inputs.ts.
 */
import { resolveShape } from '../dims.ts';
import { synthesizeInput, type SynthTensor } from '../inputs.ts';
import type { BenchConfig, TensorSpec } from '../result.ts';
import { parseFill, synthesizeFilled } from './fill.ts';
import type { NpyArray } from './npy.ts';

export type InputData = Record<string, NpyArray>;

export function feedsFor(specs: readonly TensorSpec[], config: Pick<BenchConfig, 'dims' | 'seed' | 'vocabSize' | 'inputs'>, data: InputData = {}): SynthTensor[] {
  return specs.map((spec) => {
    const text = config.inputs?.[spec.name];
    if (text === undefined) return synthesizeInput(spec, config.dims, config.seed, config.vocabSize);
    const fill = parseFill(text);
    if (typeof fill === 'string') throw new Error(`Input ${spec.name}: ${fill}`);
    if (fill.kind === 'npy') {
      const array = data[spec.name];
      if (!array) throw new Error(`Input ${spec.name} reads ${fill.file}: give that .npy file again (its data is not kept in links or history).`);
      if (array.dtype !== spec.dtype) throw new Error(`Input ${spec.name} takes ${spec.dtype}; ${fill.file} holds ${array.dtype}.`);
      return { name: spec.name, dtype: array.dtype, shape: array.shape, data: array.data };
    }
    return synthesizeFilled(spec.name, spec.dtype, resolveShape(spec.shape, config.dims), fill, config.seed);
  });
}
