import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../../src/core/method/sweep.ts';
import { sweepEvidence, type MeasuredPoint } from '../../../src/core/sweep-evidence.ts';

const point = (backend: 'wasm' | 'webgpu', dtype: string): SweepPoint =>
  ({ id: `${backend}/1t/b1/${dtype}`, backend, threads: 1, batchSize: 1, dtype });
const measured = (backend: 'wasm' | 'webgpu', dtype: string, values: number[] | null, error?: string): MeasuredPoint => ({
  point: point(backend, dtype),
  runtime: 'ort',
  valid: error === undefined,
  ...(values ? { p50: 1, p95: 2, outputs: { logits: Float32Array.from(values) } } : {}),
  ...(error === undefined ? {} : { error }),
});

describe('sweep evidence', () => {
  it('compares every point with the wasm reference of the same batch', () => {
    const evidence = sweepEvidence([
      measured('wasm', 'fp32', [1, 2, 3]),
      measured('webgpu', 'fp32', [1, 2, 3.5]),
      measured('wasm', 'q8', [1.01, 2, 3]),
      measured('webgpu', 'fp16', null, 'WebGPU is not available here'),
    ], 'fp32');
    expect(evidence.attempts).toEqual([
      { runtime: 'ort', backend: 'wasm', ok: true },
      { runtime: 'ort', backend: 'webgpu', ok: true },
      { runtime: 'ort', backend: 'wasm', ok: true },
      { runtime: 'ort', backend: 'webgpu', ok: false, error: 'WebGPU is not available here' },
    ]);
    expect(evidence.variants).toEqual([
      { dtype: 'q8', p95: 2, valid: true },
      { dtype: 'fp16', p95: null, valid: false },
    ]);
    const [gpu, q8] = evidence.drift!;
    // 0.5 off on the same file is far beyond fp32 tolerance; 0.01 is within q8's.
    expect(gpu).toMatchObject({ backend: 'webgpu/1t', dtype: 'fp32', withinTolerance: false });
    expect(q8).toMatchObject({ backend: 'wasm/1t', dtype: 'q8', withinTolerance: true });
    expect(evidence.drift).toHaveLength(2);
  });

  it('has no drift without a reference', () => {
    expect(sweepEvidence([measured('webgpu', 'fp32', [1])], 'fp32').drift).toBeUndefined();
  });
});
