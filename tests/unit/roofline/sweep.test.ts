import { describe, expect, it } from 'vitest';
import { ceilingFigure, type DeviceCeilings } from '../../../src/core/roofline/place.ts';
import { placeSweep, type SweepRun } from '../../../src/core/roofline/sweep.ts';
import { pointLabels } from '../../../src/lib/roofline/chart.ts';
import { sweepEvidence, type MeasuredPoint } from '../../../src/core/sweep-evidence.ts';

const wasm1: DeviceCeilings = {
  backend: 'wasm', threads: 1, compute: ceilingFigure([100]), bandwidth: ceilingFigure([10]),
  method: 'test', software: false, measuredAt: '2026-12-01T00:00:00Z',
};

const run = (label: string, backend: string, threads: number, flops: number, bytes: number, p50Ms: number): SweepRun =>
  ({ label, backend, threads, work: { flops, bytes }, p50Ms, valid: true });

describe('a sweep’s points on the roofline', () => {
  it('places each point at its own intensity and from its own p50', () => {
    // Batch 4 does 4× the FLOPs; weights are read once, so its bytes grow less and its intensity rises.
    const [b1, b4] = placeSweep([run('wasm/1t/b1/fp32', 'wasm', 1, 1e9, 1e9, 200), run('wasm/1t/b4/fp32', 'wasm', 1, 4e9, 2.5e9, 500)], wasm1);
    expect(b1!.intensity).toBe(1);
    expect(b1!.achievedGflops).toBeCloseTo(5, 10);
    expect(b1!.point?.summary).toBe('memory-bound, at 50% of measured bandwidth');
    expect(b4!.intensity).toBeCloseTo(1.6, 10);
    expect(b4!.achievedGflops).toBeCloseTo(8, 10);
    // 2.5 GB in 0.5 s: 5 GB/s of 10.
    expect(b4!.point?.share).toBeCloseTo(0.5, 10);
  });

  it('judges a point only by ceilings of its own backend and thread count', () => {
    const placed = placeSweep([run('wasm/2t/b1/fp32', 'wasm', 2, 1e9, 1e9, 100), run('webgpu/1t/b1/fp32', 'webgpu', 1, 1e9, 1e9, 50)], wasm1);
    expect(placed.map((p) => p.point)).toEqual([null, null]);
    // Still drawn: their achieved figures do not depend on any ceiling.
    expect(placed.map((p) => p.achievedGflops)).toEqual([10, 20]);
    expect(placeSweep([run('a', 'wasm', 1, 1e9, 1e9, 100)], null)[0]!.point).toBeNull();
  });

  it('leaves out points without a time or without counted work', () => {
    expect(placeSweep([run('a', 'wasm', 1, 0, 1e9, 100), run('b', 'wasm', 1, 1e9, 1e9, 0)], wasm1)).toEqual([]);
  });

  it('comes from the sweep’s measured points, with the backend that ran', () => {
    const point = { id: 'wasm/1t/b2/fp32', backend: 'wasm' as const, threads: 1, batchSize: 2, dtype: 'fp32' };
    const measured: MeasuredPoint[] = [
      { point, runtime: 'ort', ranBackend: 'wasm', p50: 3, p95: 4, valid: true, work: { flops: 2e6, bytes: 1e6 } },
      { point: { ...point, id: 'webgpu/1t/b2/fp32', backend: 'webgpu' }, runtime: 'ort', valid: false, error: 'no adapter' },
    ];
    expect(sweepEvidence(measured, 'fp32').sweepRuns).toEqual([
      { label: 'wasm/1t/b2/fp32', backend: 'wasm', threads: 1, work: { flops: 2e6, bytes: 1e6 }, p50Ms: 3, valid: true },
    ]);
  });
});

describe('the chart’s labels of a sweep', () => {
  it('gives points at one spot one label, and points apart their own', () => {
    const labels = pointLabels([
      { intensity: 4, achievedGflops: 6.2, label: 'wasm/1t/b1/fp32' },
      { intensity: 4, achievedGflops: 6.0, label: 'wasm/2t/b1/fp32' },
      { intensity: 5.5, achievedGflops: 1.6, label: 'wasm/1t/b4/fp32' },
    ]);
    expect(labels.map((l) => l.label)).toEqual(['wasm/1t/b1/fp32, wasm/2t/b1/fp32', 'wasm/1t/b4/fp32']);
  });
});
