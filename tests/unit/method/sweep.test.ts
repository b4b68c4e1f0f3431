import { describe, expect, it } from 'vitest';
import { planSweep, sweepTable, type SweepPointResult } from '../../../src/core/method/sweep.ts';

describe('planSweep', () => {
  it('takes the cartesian product, dtypes only where variants exist', () => {
    const plan = planSweep({
      backends: ['wasm', 'webgpu'], threads: [1, 4], batchSizes: [1, 8],
      dtypes: ['fp32', 'q8', 'fp16'], availableDtypes: ['fp32', 'q8'],
    });
    expect(plan.points).toHaveLength(2 * 2 * 2 * 2);
    expect(new Set(plan.points.map((p) => p.id)).size).toBe(16);
    expect(plan.points[0]).toEqual({ id: 'wasm/1t/b1/fp32', backend: 'wasm', threads: 1, batchSize: 1, dtype: 'fp32' });
    expect(plan.points.at(-1)!.id).toBe('webgpu/4t/b8/q8');
    expect(plan.skipped).toEqual(['dtype fp16: the model has no fp16 variant']);
  });

  it('drops duplicates and invalid values', () => {
    const plan = planSweep({ backends: ['wasm', 'wasm'], threads: [2, 2, 0], batchSizes: [1.5, 1], dtypes: ['fp32'], availableDtypes: ['fp32'] });
    expect(plan.points.map((p) => p.id)).toEqual(['wasm/2t/b1/fp32']);
    expect(plan.skipped).toHaveLength(2);
  });
});

describe('sweepTable', () => {
  const { points } = planSweep({ backends: ['wasm', 'webgpu'], threads: [1], batchSizes: [1, 4], dtypes: ['fp32'], availableDtypes: ['fp32'] });
  const results: SweepPointResult[] = [
    { point: points[0]!, p50: 20, p95: 30, valid: true }, // wasm b1
    { point: points[1]!, p50: 40, p95: 50, valid: true }, // wasm b4
    { point: points[2]!, p50: 5, p95: 10, valid: true }, // webgpu b1
    { point: points[3]!, p50: null, p95: null, valid: false, error: 'out of memory' }, // webgpu b4
  ];

  it('computes latency and per-item throughput speed-ups against the chosen baseline', () => {
    const t = sweepTable(results, 'wasm/1t/b1/fp32');
    expect(t.problem).toBeNull();
    expect(t.rows.map((r) => r.latencySpeedup)).toEqual([1, 0.5, 4, null]);
    expect(t.rows.map((r) => r.throughputSpeedup)).toEqual([1, 2, 4, null]);
    expect(sweepTable(results, 'wasm/1t/b1/fp32', 'p95').rows[2]!.latencySpeedup).toBe(3);
  });

  it('says why when the baseline cannot be used', () => {
    expect(sweepTable(results, 'nope').problem).toMatch(/not in the sweep/);
    const failed = sweepTable(results, 'webgpu/1t/b4/fp32');
    expect(failed.problem).toMatch(/no valid p50/);
    expect(failed.rows.every((r) => r.latencySpeedup === null)).toBe(true);
  });
});
