import type { Dim, TensorDType, TensorSpec } from '../result.ts';

/** onnxruntime's session metadata for one input or output (InferenceSession.ValueMetadata). */
export type ValueMetadata =
  | { name: string; isTensor: true; type: string; shape: readonly (number | string)[] }
  | { name: string; isTensor: false };

/** The largest size a real dimension has; ORT reports an unnamed one as -1 or as 2^32 − 1. */
const MAX_FIXED = 0x7fffffff;

/** ORT reports an unnamed dynamic dimension as -1, 2^32 − 1 or a blank name: give it a name to bind. */
export function specFromMetadata(meta: ValueMetadata): TensorSpec {
  if (!meta.isTensor) return { name: meta.name, dtype: 'float32', shape: [] };
  const shape: Dim[] = meta.shape.map((d, axis) =>
    typeof d === 'number' && d >= 0 && d <= MAX_FIXED ? d : typeof d === 'string' && d !== '' ? d : `${meta.name}_dim${axis}`);
  return { name: meta.name, dtype: meta.type as TensorDType, shape };
}
