import { describe, expect, it } from 'vitest';
import { createCalibrationRuntime, simulateInterleaved, type LatencyDistribution } from '../../../src/core/method/calibration.ts';
import { describeSpeedup, pointDone, roundMedians, roundMs, speedupFromRounds, TARGET_ROUNDS } from '../../../src/core/method/interleave.ts';
import { presetFor } from '../../../src/core/method/stopping.ts';
import { planSweep, sweepTable } from '../../../src/core/method/sweep.ts';

/** A baseline of about 8 ms; the other points are exactly 2×, 1.25× and 1× as fast (the truth). */
const BASE: LatencyDistribution = { shiftMs: 6, medianMs: 2, sigma: 0.4 };
const scaled = (factor: number): LatencyDistribution => ({ shiftMs: BASE.shiftMs / factor, medianMs: BASE.medianMs / factor, sigma: BASE.sigma });
const TRUTH = [1, 2, 1.25, 1];

/**
 * A busy machine: other work comes and goes every 7 s (1.6× slower while it runs), and the
 * device throttles, 40% slower by the end of a minute.
 */
const busy = (t: number): number => (Math.floor(t / 7000) % 2 === 1 ? 1.6 : 1) * (1 + 0.4 * Math.min(1, t / 60_000));

function sweep(seed: number) {
  const rule = presetFor('standard');
  const runtimes = TRUTH.map((factor, i) => createCalibrationRuntime(scaled(factor), { seed: seed * 10 + i }));
  return simulateInterleaved(runtimes, rule, busy);
}

describe('interleaved rounds', () => {
  it('run each point in short windows until the minimums and enough rounds', () => {
    const rule = presetFor('standard');
    expect(roundMs(rule)).toBe(500);
    const { windows, rounds } = sweep(1);
    expect(rounds).toBeGreaterThanOrEqual(TARGET_ROUNDS);
    for (const point of windows) {
      expect(point).toHaveLength(rounds);
      expect(point.flat().length).toBeGreaterThanOrEqual(rule.minCount);
    }
    expect(pointDone({ count: rule.maxCount, elapsedMs: 0 }, 0, rule)).toBe(true);
    expect(pointDone({ count: rule.minCount, elapsedMs: rule.minDurationMs }, TARGET_ROUNDS - 1, rule)).toBe(false);
  });

  it('give speed-ups whose 95% intervals contain the true ratios on a busy, drifting machine', () => {
    let covered = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rounds = sweep(seed).windows.map(roundMedians);
      TRUTH.forEach((truth, i) => {
        if (i === 0) return;
        const e = speedupFromRounds(rounds[0]!, rounds[i]!)!;
        expect(e.lower).not.toBeNull();
        total++;
        if (e.lower! <= truth && truth <= e.upper!) covered++;
        // Even when it misses, it misses by little: the drift does not leak into the ratio.
        expect(Math.abs(e.speedup - truth) / truth).toBeLessThan(0.03);
      });
    }
    // 95% intervals: across 18 comparisons, nearly all cover the truth.
    expect(covered).toBeGreaterThanOrEqual(16);
    expect(total).toBe(18);
  });

  it('say "no difference measured" when the interval contains 1, and a speed-up otherwise', () => {
    const rounds = sweep(7).windows.map(roundMedians);
    const same = speedupFromRounds(rounds[0]!, rounds[3]!)!;
    expect(same.difference).toBe('none');
    expect(describeSpeedup(same)).toMatch(/^no difference measured \(0\.\d\d–1\.\d\d\)$/);
    const twice = speedupFromRounds(rounds[0]!, rounds[1]!)!;
    expect(twice.difference).toBe('faster');
    expect(describeSpeedup(twice)).toMatch(/^[12]\.\d\d× \(/);
    expect(speedupFromRounds(rounds[1]!, rounds[0]!)!.difference).toBe('slower');
  });

  it('a sequential run of the same sweep is fooled by the drift; the interleaved one is not', () => {
    const rule = presetFor('standard');
    // Sequentially: the baseline runs first and fast, the identical point later, under load.
    const seq = [0, 1].map((i) => simulateInterleaved([createCalibrationRuntime(BASE, { seed: 40 + i })], rule, (t) => busy(t + i * 60_000)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const sequentialRatio = median(seq[0]!.windows[0]!.flat()) / median(seq[1]!.windows[0]!.flat());
    expect(Math.abs(sequentialRatio - 1)).toBeGreaterThan(0.15);
    const rounds = sweep(8).windows.map(roundMedians);
    expect(speedupFromRounds(rounds[0]!, rounds[3]!)!.difference).toBe('none');
  });

  it('feed the sweep table: speed-ups from rounds, with intervals, throughput scaled by batch', () => {
    const { points } = planSweep({ backends: ['wasm'], threads: [1], batchSizes: [1, 4], dtypes: ['fp32'], availableDtypes: ['fp32'] });
    const rounds = sweep(9).windows.map(roundMedians);
    const table = sweepTable([
      { point: points[0]!, p50: 8, p95: 10, valid: true, roundP50s: rounds[0]! },
      { point: points[1]!, p50: 4, p95: 5, valid: true, roundP50s: rounds[1]! },
    ], points[0]!.id);
    const row = table.rows[1]!;
    expect(row.speedup!.difference).toBe('faster');
    expect(row.latencySpeedup).toBe(row.speedup!.speedup);
    expect(row.throughputSpeedup).toBeCloseTo(row.speedup!.speedup * 4, 9);
  });
});
