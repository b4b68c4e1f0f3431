/**
 * Checks a TF.js model.json's weights manifest against the shard files before TF.js reads them,
 * so a missing or wrong-sized shard is named instead of surfacing as "offset out of bounds".
 */

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

export interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8 };

/** Bytes a group's weights occupy, or null when a weight's size is not fixed (strings). */
export function expectedGroupBytes(group: WeightGroup): number | null {
  let total = 0;
  for (const weight of group.weights) {
    const size = BYTES[weight.quantization?.dtype ?? weight.dtype];
    if (size === undefined) return null;
    total += weight.shape.reduce((n, d) => n * d, 1) * size;
  }
  return total;
}

/** A message naming the mismatch, or null when the shards hold exactly what the manifest says. */
export function checkShardSizes(group: WeightGroup, shardBytes: readonly number[]): string | null {
  const expected = expectedGroupBytes(group);
  const actual = shardBytes.reduce((a, b) => a + b, 0);
  if (expected === null || expected === actual) return null;
  return `The weight shards ${group.paths.join(', ')} hold ${actual} bytes, but model.json describes ` +
    `${expected} bytes of weights (${group.weights.map((w) => w.name).slice(0, 3).join(', ')}${group.weights.length > 3 ? ', …' : ''}). ` +
    'A shard is truncated, or belongs to another model: copy the folder again.';
}
