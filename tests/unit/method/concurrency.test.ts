import { describe, expect, it } from 'vitest';
import { findCapacity, poissonArrivals, summarizeLoadLevel, type LoadLevelRun } from '../../../src/core/method/concurrency.ts';

const level = (load: number, ms: number, count = 200, wallMs = 1000): LoadLevelRun =>
  ({ kind: 'workers', load, wallMs, latenciesMs: Array(count).fill(ms) });

describe('summarizeLoadLevel', () => {
  it('computes throughput from wall time, not from summed latencies', () => {
    const s = summarizeLoadLevel(level(4, 20, 200, 1000), 50);
    expect(s).toMatchObject({ load: 4, count: 200, throughput: 200, p50: 20, p95: 20, p95Supported: true, underTarget: true });
  });

  it('does not call a level under target without enough samples for p95', () => {
    expect(summarizeLoadLevel(level(1, 1, 100), 50)).toMatchObject({ p95Supported: false, underTarget: false });
    expect(summarizeLoadLevel(level(1, 1, 0), 50)).toMatchObject({ p50: null, p95: null, underTarget: false });
  });
});

describe('findCapacity', () => {
  it('finds the highest load whose p95 stays under the target', () => {
    const c = findCapacity([level(8, 80), level(1, 10), level(4, 40), level(2, 20)], 50);
    expect(c.levels.map((l) => l.load)).toEqual([1, 2, 4, 8]);
    expect(c.highestLoadUnderTarget).toBe(4);
    expect(c.throughputAtCapacity).toBe(200);
    expect(c.reason).toMatch(/up to 4 concurrent; at 8 concurrent p95 is 80\.000 ms/);
  });

  it('ignores a pass above the first failure', () => {
    expect(findCapacity([level(1, 10), level(2, 60), level(4, 40)], 50).highestLoadUnderTarget).toBe(1);
  });

  it('says when even the lowest load misses, or when every load passes', () => {
    const none = findCapacity([level(1, 60)], 50);
    expect(none.highestLoadUnderTarget).toBeNull();
    expect(findCapacity([level(1, 10), level(2, 20)], 50).reason).toMatch(/highest load tested/);
    expect(findCapacity([], 50).reason).toBe('no load levels were run');
  });
});

describe('poissonArrivals', () => {
  it('is reproducible, ordered and bounded', () => {
    const a = poissonArrivals(50, 10_000, 7);
    expect(poissonArrivals(50, 10_000, 7)).toEqual(a);
    expect(poissonArrivals(50, 10_000, 8)).not.toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a.at(-1)!).toBeLessThan(10_000);
    expect(poissonArrivals(0, 1000, 1)).toEqual([]);
  });

  it('has the requested rate and exponential gaps (coefficient of variation 1)', () => {
    const a = poissonArrivals(100, 200_000, 42);
    expect(a.length / 200).toBeGreaterThan(97);
    expect(a.length / 200).toBeLessThan(103);
    const gaps = a.slice(1).map((t, i) => t - a[i]!);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 1));
    expect(mean).toBeCloseTo(10, 0);
    expect(sd / mean).toBeGreaterThan(0.97);
    expect(sd / mean).toBeLessThan(1.03);
  });
});
