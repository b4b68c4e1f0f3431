import { describe, expect, it } from 'vitest';
import {
  binomialPmf, percentilePrecision, percentileSupport, quantileInterval,
} from '../../../src/core/method/percentiles.ts';

const ascending = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('percentile support', () => {
  it('uses MLPerf early-stopping minimums 64, 130, 662', () => {
    const at = (n: number): boolean[] => percentileSupport(n).map((s) => s.supported);
    expect(at(63)).toEqual([false, false, false]);
    expect(at(64)).toEqual([true, false, false]);
    expect(at(130)).toEqual([true, true, false]);
    expect(at(661)).toEqual([true, true, false]);
    expect(at(662)).toEqual([true, true, true]);
  });
});

describe('binomialPmf', () => {
  it('matches C(n, k) p^k (1-p)^(n-k) and sums to 1', () => {
    const pmf = binomialPmf(4, 0.5);
    expect(Array.from(pmf)).toEqual([1, 4, 6, 4, 1].map((c) => expect.closeTo(c / 16, 12)));
    const big = binomialPmf(100_000, 0.95);
    expect(big.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('quantileInterval', () => {
  // Values X(k) = k make the bounds equal to the ranks. Reference ranks from scipy.stats.binom
  // and Conover's table: n = 20 → X(6), X(15); n = 100 → X(40), X(61).
  it('gives the textbook ranks for the median', () => {
    expect(quantileInterval(ascending(20), 0.5)).toMatchObject({
      lowerMs: 6, upperMs: 15, lowerRank: 6, upperRank: 15, coverage: expect.closeTo(0.958611, 6),
    });
    expect(quantileInterval(ascending(100), 0.5)).toMatchObject({ lowerRank: 40, upperRank: 61, coverage: expect.closeTo(0.964800, 6) });
  });

  it('gives exact binomial ranks for p95', () => {
    expect(quantileInterval(ascending(130), 0.95)).toMatchObject({ lowerRank: 118, upperRank: 129, coverage: expect.closeTo(0.976423, 6) });
    expect(quantileInterval(ascending(1000), 0.95)).toMatchObject({ lowerRank: 936, upperRank: 964, coverage: expect.closeTo(0.958095, 6) });
  });

  it('agrees with the normal approximation for large n', () => {
    const n = 20_000;
    const ci = quantileInterval(ascending(n), 0.95)!;
    const half = 1.959964 * Math.sqrt(n * 0.95 * 0.05);
    expect(Math.abs(ci.lowerRank - (n * 0.95 - half))).toBeLessThanOrEqual(2);
    expect(Math.abs(ci.upperRank - (n * 0.95 + half))).toBeLessThanOrEqual(2);
  });

  it('is null when the sample cannot bound p95 (0.95^n > 0.025 below n = 72)', () => {
    expect(quantileInterval(ascending(71), 0.95)).toBeNull();
    expect(quantileInterval(ascending(72), 0.95)?.upperRank).toBe(72);
    expect(quantileInterval([], 0.5)).toBeNull();
  });
});

describe('percentilePrecision', () => {
  it('sorts the samples and reports both intervals', () => {
    const shuffled = ascending(200).reverse();
    const report = percentilePrecision(shuffled);
    expect(report.count).toBe(200);
    expect(report.p50Interval!.lowerMs).toBeLessThan(100.5);
    expect(report.p50Interval!.upperMs).toBeGreaterThan(100.5);
    expect(report.p95Interval!.upperMs).toBeGreaterThan(report.p95Interval!.lowerMs);
    expect(report.support.find((s) => s.name === 'p99')!.supported).toBe(false);
  });
});
