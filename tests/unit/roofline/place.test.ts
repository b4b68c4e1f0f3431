import { describe, expect, it } from 'vitest';
import { ceilingFigure, placeRun, type DeviceCeilings } from '../../../src/core/roofline/place.ts';

const device: DeviceCeilings = {
  backend: 'wasm', threads: 1, compute: ceilingFigure([100]), bandwidth: ceilingFigure([10]),
  method: 'test', software: false, measuredAt: '2026-12-01T00:00:00Z',
};

describe('placing a run under the roofline', () => {
  it('is memory-bound left of the ridge, judged against bandwidth, from the run’s own p50', () => {
    // 1 GFLOP over 1 GB: intensity 1, ridge 100/10 = 10. At 200 ms: 5 GB/s of 10 measured.
    const point = placeRun({ flops: 1e9, bytes: 1e9 }, 200, device);
    expect(point.ridge).toBe(10);
    expect(point.bound).toBe('memory');
    expect(point.achievedGBps).toBeCloseTo(5, 10);
    expect(point.achievedGflops).toBeCloseTo(5, 10);
    expect(point.roofGflops).toBe(10);
    expect(point.share).toBeCloseTo(0.5, 10);
    expect(point.summary).toBe('memory-bound, at 50% of measured bandwidth');
  });

  it('is compute-bound right of the ridge, judged against peak compute', () => {
    // 40 GFLOP over 1 GB: intensity 40. At 1 s: 40 GFLOP/s of 100.
    const point = placeRun({ flops: 40e9, bytes: 1e9 }, 1000, { ...device, software: true });
    expect(point.bound).toBe('compute');
    expect(point.roofGflops).toBe(100);
    expect(point.share).toBeCloseTo(0.4, 10);
    expect(point.summary).toBe('compute-bound, at 40% of measured compute of a software GPU');
  });

  it('summarises repeated batches by their median and spread', () => {
    expect(ceilingFigure([4, 5, 6])).toEqual({ median: 5, spread: 0.4, batches: 3 });
    expect(ceilingFigure([2, 4]).median).toBe(3);
  });
});
