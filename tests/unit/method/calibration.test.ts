import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/stats.ts';
import {
  createCalibrationRuntime, normalQuantile, simulateRun, trueQuantile, type LatencyDistribution,
} from '../../../src/core/method/calibration.ts';
import { percentilePrecision } from '../../../src/core/method/percentiles.ts';
import { presetFor } from '../../../src/core/method/stopping.ts';
import { assessValidity } from '../../../src/core/method/validity.ts';
import { judge } from '../../../src/core/method/verdict.ts';
import { findRegimes } from '../../../src/core/method/regimes.ts';

/** A 10 ms model with a right tail: p50 = 10 ms, p95 = 8 + 2·e^(0.5·1.6449) ≈ 12.552 ms. */
const model: LatencyDistribution = { shiftMs: 8, medianMs: 2, sigma: 0.5 };
const relativeError = (x: number, truth: number): number => Math.abs(x - truth) / truth;

describe('the calibration distribution', () => {
  it('has analytic quantiles (Φ⁻¹ checked against tabulated values)', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536270, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740, 8);
    expect(trueQuantile(model, 0.5)).toBeCloseTo(10, 12);
    expect(trueQuantile(model, 0.95)).toBeCloseTo(12.552033, 5);
  });

  it('is deterministic for a seed', () => {
    const a = createCalibrationRuntime(model, { seed: 3 });
    const b = createCalibrationRuntime(model, { seed: 3 });
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(a.count).toBe(5);
  });
});

describe('calibration proof: the reported percentiles match the truth', () => {
  it('puts p50 and p95 within 2% of the truth on Thorough runs, for every seed tried', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const run = simulateRun(createCalibrationRuntime(model, { seed }), presetFor('thorough'));
      const stats = summarize(run.samplesMs);
      expect(relativeError(stats.p50, trueQuantile(model, 0.5)), `p50, seed ${seed}`).toBeLessThan(0.02);
      expect(relativeError(stats.p95, trueQuantile(model, 0.95)), `p95, seed ${seed}`).toBeLessThan(0.02);
    }
  });

  it('gives 95% intervals that cover the true p50 and p95 about 95% of the time', () => {
    const trials = 300;
    let p50Covered = 0;
    let p95Covered = 0;
    for (let seed = 1; seed <= trials; seed++) {
      const rt = createCalibrationRuntime(model, { seed: 1000 + seed });
      const { p50Interval, p95Interval } = percentilePrecision(Array.from({ length: 400 }, () => rt.next()));
      if (p50Interval!.lowerMs <= trueQuantile(model, 0.5) && trueQuantile(model, 0.5) <= p50Interval!.upperMs) p50Covered++;
      if (p95Interval!.lowerMs <= trueQuantile(model, 0.95) && trueQuantile(model, 0.95) <= p95Interval!.upperMs) p95Covered++;
    }
    // Binomial(300, ≥0.95) stays above 0.91 with probability > 0.999.
    expect(p50Covered / trials).toBeGreaterThan(0.91);
    expect(p95Covered / trials).toBeGreaterThan(0.91);
  });
});

describe('calibration: stopping rules', () => {
  const constant = (ms: number): LatencyDistribution => ({ shiftMs: ms, medianMs: 0, sigma: 0 });
  const run = (ms: number, mode: 'quick' | 'standard' | 'thorough') =>
    simulateRun(createCalibrationRuntime(constant(ms), { seed: 1 }), presetFor(mode));

  it('runs a fast model until the minimum duration', () => {
    const r = run(10, 'quick');
    expect(r.decision).toEqual({ stop: true, reason: 'minimums-met', minimumsMet: true });
    expect(r.samplesMs).toHaveLength(600);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(6000);
  });

  it('runs a slow model until the minimum count', () => {
    const r = run(200, 'quick');
    expect(r.samplesMs).toHaveLength(64);
    expect(r.elapsedMs).toBe(12_800);
  });

  it('stops a very slow model at the duration cap and a very fast one at the count cap', () => {
    expect(run(1000, 'quick')).toMatchObject({ decision: { reason: 'max-duration', minimumsMet: false }, elapsedMs: 30_000 });
    const fast = run(0.1, 'standard');
    expect(fast.decision).toMatchObject({ reason: 'max-count', minimumsMet: false });
    expect(fast.samplesMs).toHaveLength(50_000);
  });
});

describe('calibration: validity flags and the verdict', () => {
  const validityOf = (samplesMs: number[], hiddenEvents = 0) => assessValidity({
    samplesMs, requiredSamples: presetFor('standard').minCount, hiddenEvents, requestedBackend: 'wasm', ranBackend: 'wasm',
  });

  it('accepts a steady run and passes it against the vision target', () => {
    const run = simulateRun(createCalibrationRuntime(model, { seed: 5 }), presetFor('standard'));
    const validity = validityOf(run.samplesMs);
    expect(validity.valid).toBe(true);
    const stats = summarize(run.samplesMs);
    const precision = percentilePrecision(run.samplesMs);
    const verdict = judge({ domain: 'vision', count: stats.count, p95: stats.p95, validity, p95UpperMs: precision.p95Interval!.upperMs });
    expect(verdict).toMatchObject({ status: 'pass', passAtUpperBound: true });
  });

  it('keeps a run with injected drift valid, and judges it in its two regimes', () => {
    const rt = createCalibrationRuntime(model, { seed: 5, drift: { fromRun: 500, factor: 1.3 } });
    const run = simulateRun(rt, presetFor('standard'));
    const validity = validityOf(run.samplesMs);
    expect(validity.valid).toBe(true);
    const stats = summarize(run.samplesMs);
    const { regimes } = findRegimes(run.samplesMs);
    expect(regimes).toHaveLength(2);
    expect(Math.abs(regimes[1]!.startRun - 500)).toBeLessThanOrEqual(10);
    const verdict = judge({ domain: 'vision', count: stats.count, p95: stats.p95, validity, regimes });
    expect(verdict).toMatchObject({ pass: true, status: 'pass', decided: true });
    expect(verdict.reason).toMatch(/^pass in all 2 regimes seen/);
  });

  it('marks a hidden tab invalid', () => {
    const run = simulateRun(createCalibrationRuntime(model, { seed: 5 }), presetFor('standard'));
    expect(validityOf(run.samplesMs, 1).valid).toBe(false);
  });

  it('does not support p99 from a Quick run of a slow model', () => {
    const slow: LatencyDistribution = { shiftMs: 150, medianMs: 20, sigma: 0.4 };
    const run = simulateRun(createCalibrationRuntime(slow, { seed: 9 }), presetFor('quick'));
    expect(run.samplesMs).toHaveLength(64);
    const support = Object.fromEntries(percentilePrecision(run.samplesMs).support.map((s) => [s.name, s.supported]));
    expect(support).toEqual({ p90: true, p95: false, p99: false });
    const verdict = judge({ domain: 'speech', count: 64, p95: summarize(run.samplesMs).p95, validity: { valid: true, checks: [], reasons: [] } });
    expect(verdict.status).toBe('not-measured');
  });
});
