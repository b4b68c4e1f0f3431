import type { TensorSignature } from '../../../models/zoo.ts';
import { ort } from './ort.ts';

/** Values for symbolic dimensions, one map per scenario (prompt step, cached step, …). */
export type DimValues = Record<string, number>;

export function resolveShape(shape: (number | string)[], dims: DimValues): (number | undefined)[] {
  return shape.map((d) => (typeof d === 'number' ? d : dims[d]));
}

/** Plausible inputs: ones for masks, positions for position_ids, small ids, noise for floats. */
export function makeFeeds(inputs: TensorSignature[], dims: DimValues, flags: Record<string, boolean> = {}): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of inputs) {
    const shape = resolveShape(input.shape, dims).map((d, i) => {
      if (d === undefined) throw new Error(`no value for dimension ${String(input.shape[i])} of ${input.name}`);
      return d;
    });
    const size = shape.reduce((a, b) => a * b, 1);
    if (input.type === 'bool') {
      feeds[input.name] = new ort.Tensor('bool', new Uint8Array(size).fill(flags[input.name] ? 1 : 0), shape);
    } else if (input.type === 'int64') {
      const row = shape.at(-1) ?? 1;
      const offset = (dims.total_sequence ?? row) - row;
      const values = Array.from({ length: size }, (_, i) => {
        if (input.name.includes('mask')) return 1n;
        if (input.name === 'token_type_ids') return 0n;
        if (input.name === 'position_ids') return BigInt(offset + (i % row));
        return BigInt(1 + (i % 50));
      });
      feeds[input.name] = new ort.Tensor('int64', BigInt64Array.from(values), shape);
    } else {
      const values = Float32Array.from({ length: size }, (_, i) => Math.sin(i) * 0.5);
      feeds[input.name] = new ort.Tensor('float32', values, shape);
    }
  }
  return feeds;
}
