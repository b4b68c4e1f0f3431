/** Seeded weights and shard files shared by the TF.js model writers. */
import { mulberry32 } from '../../src/core/rng.ts';

export interface NamedWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

/** He-style uniform noise, scaled by fan-in so activations stay finite through the net. */
export function seededWeight(name: string, shape: number[], seed: number, fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1)): NamedWeight {
  const next = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const limit = Math.sqrt(6 / Math.max(1, fanIn));
  return { name, shape, dtype: 'float32', data: Float32Array.from({ length: n }, () => (next() * 2 - 1) * limit) };
}

export interface ShardedWeights {
  manifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
  shards: { path: string; data: Uint8Array }[];
}

/** Concatenates the weights and cuts them into `count` shard files, as the TF.js converter does. */
export function shard(weights: NamedWeight[], count: number): ShardedWeights {
  const parts = weights.map((w) => new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) { all.set(part, at); at += part.byteLength; }
  const size = Math.ceil(all.byteLength / count / 4) * 4;
  const shards = Array.from({ length: count }, (_, i) => ({
    path: `group1-shard${i + 1}of${count}.bin`,
    data: all.slice(i * size, Math.min(all.byteLength, (i + 1) * size)),
  }));
  return {
    manifest: [{ paths: shards.map((s) => s.path), weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }],
    shards,
  };
}

/** The CNN's weights (TF.js layouts: HWIO kernels, [in, out] dense); the TFLite copy reuses them. */
export function cnnWeights(classes: number, seed: number): NamedWeight[] {
  return [
    seededWeight('conv1/kernel', [3, 3, 3, 8], seed + 1),
    seededWeight('conv1/bias', [8], seed + 2, 8),
    seededWeight('conv2/kernel', [3, 3, 8, 16], seed + 3),
    seededWeight('conv2/bias', [16], seed + 4, 16),
    { name: 'pool/axes', shape: [2], dtype: 'int32', data: Int32Array.from([1, 2]) },
    seededWeight('fc/kernel', [16, classes], seed + 5),
    seededWeight('fc/bias', [classes], seed + 6, classes),
  ];
}
