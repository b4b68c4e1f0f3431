import { describe, expect, it } from 'vitest';
import { ecdf, quantileSorted, summarize } from '../../../src/core/stats.ts';

describe('summarize', () => {
  it('matches hand-computed values for 1..10 ms', () => {
    const stats = summarize([3, 1, 2, 10, 4, 5, 9, 6, 8, 7]);
    expect(stats.count).toBe(10);
    expect(stats.min).toBe(1);
    expect(stats.max).toBe(10);
    expect(stats.mean).toBeCloseTo(5.5, 12);
    // Σ(x − 5.5)² = 82.5, over n − 1 = 9.
    expect(stats.stddev).toBeCloseTo(Math.sqrt(82.5 / 9), 12);
    // Type 7: h = (n − 1)p; p50 → h = 4.5, p90 → 8.1, p95 → 8.55, p99 → 8.91.
    expect(stats.p50).toBeCloseTo(5.5, 12);
    expect(stats.p90).toBeCloseTo(9.1, 12);
    expect(stats.p95).toBeCloseTo(9.55, 12);
    expect(stats.p99).toBeCloseTo(9.91, 12);
    // 10 runs in 55 ms.
    expect(stats.throughput).toBeCloseTo(10_000 / 55, 9);
  });

  it('handles a single sample', () => {
    const stats = summarize([4.2]);
    expect(stats).toMatchObject({ count: 1, min: 4.2, max: 4.2, p50: 4.2, p99: 4.2, stddev: 0 });
  });

  it('agrees with NumPy percentiles on an uneven sample', () => {
    // numpy.percentile([0.5, 2.25, 7, 7, 11, 30], [50, 90, 95, 99]) = [7, 20.5, 25.25, 29.05]
    const stats = summarize([7, 0.5, 30, 2.25, 11, 7]);
    expect(stats.p50).toBeCloseTo(7, 12);
    expect(stats.p90).toBeCloseTo(20.5, 12);
    expect(stats.p95).toBeCloseTo(25.25, 12);
    expect(stats.p99).toBeCloseTo(29.05, 12);
  });

  it('refuses an empty sample rather than inventing numbers', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => quantileSorted([], 0.5)).toThrow(/empty/);
    expect(() => quantileSorted([1], 1.5)).toThrow(/\[0, 1\]/);
  });
});

describe('ecdf', () => {
  it('steps once per distinct value, ending at 1', () => {
    expect(ecdf([2, 1, 3, 2])).toEqual([
      { ms: 1, fraction: 0.25 },
      { ms: 2, fraction: 0.75 },
      { ms: 3, fraction: 1 },
    ]);
  });
});
