import { describe, expect, it } from 'vitest';
import { formatLatencyTick, formatRatioTick, latencyBins, ratioDomain } from '../../../src/core/latency-axis.ts';

describe('formatLatencyTick', () => {
  it('writes µs below a millisecond, ms below a second, s above, never SI prefixes', () => {
    expect(formatLatencyTick(0.3)).toBe('300 µs');
    expect(formatLatencyTick(0.0125)).toBe('12.5 µs');
    expect(formatLatencyTick(1)).toBe('1 ms');
    expect(formatLatencyTick(42.345)).toBe('42.3 ms');
    expect(formatLatencyTick(1500)).toBe('1.5 s');
    expect(formatLatencyTick(0)).toBe('0');
  });
});

describe('latencyBins', () => {
  it('counts every sample once, on a log or a linear scale', () => {
    const samples = [0.41, 0.42, 0.4, 0.45, 0.5, 45, 0.43, 1.2];
    for (const log of [true, false]) {
      const bins = latencyBins(samples, log);
      expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(samples.length);
      expect(bins[0]!.x1).toBeCloseTo(0.4, 10);
      expect(bins.at(-1)!.x2).toBeCloseTo(45, 10);
    }
  });

  it('gives a long tail equal ratios on a log scale, so the body is not one column', () => {
    // p50 0.41 ms with a 45 ms outlier: linear bins put every run but one in the first bin.
    const samples = [...Array.from({ length: 99 }, (_, i) => 0.35 + i * 0.001), 45];
    const linear = latencyBins(samples, false);
    const log = latencyBins(samples, true);
    expect(linear[0]!.count).toBe(99);
    expect(Math.max(...log.map((b) => b.count))).toBeLessThan(99);
    const ratios = log.map((b) => b.x2 / b.x1);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 8);
  });

  it('draws one value as one bar around it', () => {
    const [bin, ...rest] = latencyBins([2, 2, 2], true);
    expect(rest).toEqual([]);
    expect(bin!.count).toBe(3);
    expect(bin!.x1).toBeLessThan(2);
    expect(bin!.x2).toBeGreaterThan(2);
  });
});

describe('ratio axes', () => {
  it('labels ratios with ×, two significant figures, and nothing for impossible ones', () => {
    expect(formatRatioTick(2)).toBe('2×');
    expect(formatRatioTick(0.5)).toBe('0.5×');
    expect(formatRatioTick(1.234)).toBe('1.2×');
    expect(formatRatioTick(0)).toBe('');
    expect(formatRatioTick(Number.NaN)).toBe('');
  });

  it('centres the domain on 1 and covers every value, a slowdown as far left as its speed-up is right', () => {
    const [lo, hi] = ratioDomain([0.25, 1.5]);
    expect(lo * hi).toBeCloseTo(1, 10);
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBeGreaterThan(4);
    expect(ratioDomain([1.01])).toEqual(ratioDomain([]));
    expect(ratioDomain([1.01])[1]).toBeGreaterThanOrEqual(1.25);
  });
});
