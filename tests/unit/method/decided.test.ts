import { describe, expect, it } from 'vitest';
import { assessRun } from '../../../src/core/method/assess.ts';
import { createCalibrationRuntime, simulateRun, type LatencyDistribution, type LatencyEffect } from '../../../src/core/method/calibration.ts';
import { isDecided, isPrecise, throttledDecider } from '../../../src/core/method/decided.ts';
import { presetFor, resolveStoppingRule, shouldStop, type StoppingRule } from '../../../src/core/method/stopping.ts';

const FAST: LatencyDistribution = { shiftMs: 4, medianMs: 2, sigma: 0.4 };
const decided = (limitMs: number | null): StoppingRule => ({ ...presetFor('decided'), decide: { limitMs } });

function run(rule: StoppingRule, dist = FAST, effects: LatencyEffect[] = [], seed = 1) {
  const result = simulateRun(createCalibrationRuntime(dist, { seed, effects }), rule);
  const assessed = assessRun({
    mode: 'decided', rule, stopReason: result.decision.reason, samplesMs: result.samplesMs, hiddenEvents: 0,
    requestedBackend: 'wasm', ranBackend: 'wasm', domain: 'vision', slaMs: rule.decide?.limitMs === 50 ? null : rule.decide?.limitMs ?? null,
  });
  return { ...result, assessed };
}

describe('the Until decided stopping rule', () => {
  it('stops at its minimums when the answer is clear, well before Standard, with the same verdict', () => {
    const quick = run(decided(50));
    expect(quick.decision.reason).toBe('decided');
    expect(quick.elapsedMs).toBeLessThan(2_100);
    const standard = run(presetFor('standard'));
    expect(standard.elapsedMs).toBeGreaterThanOrEqual(10_000);
    expect(quick.assessed.verdict.status).toBe('pass');
    expect(quick.assessed.verdict.decided).toBe(true);
    expect(standard.assessed.verdict.status).toBe(quick.assessed.verdict.status);
  });

  it('keeps going while p95 straddles the limit, until p95 is known within ±5% or a cap', () => {
    // The true p95 is 7.86 ms: against a limit of 7.9 ms the verdict stays undecided, so the run
    // goes on past its minimums (2 s ≈ 333 runs) until p95's interval is within ±5%.
    const close = run(decided(7.9));
    const clear = run(decided(50));
    expect(close.samplesMs.length).toBeGreaterThan(clear.samplesMs.length + 30);
    expect(close.decision.reason).toBe('decided');
    expect(isPrecise(close.samplesMs)).toBe(true);
    expect(close.assessed.verdict.decided).toBe(false);
  });

  it('decides "depends on the device\'s state" when a step makes the regimes disagree', () => {
    // 6 ms, then 3× slower from run 200; SLA 12 ms passes the first regime only.
    const r = run(decided(12), FAST, [{ kind: 'step', atRun: 200, factor: 3 }]);
    expect(r.decision.reason).toBe('decided');
    expect(r.assessed.verdict).toMatchObject({ status: 'depends', decided: true });
  });

  it('without a limit, stops once p95 is known within ±5%', () => {
    const r = run(decided(null));
    expect(r.decision.reason).toBe('decided');
    expect(isPrecise(r.samplesMs)).toBe(true);
    expect(isPrecise(r.samplesMs.slice(0, 130))).toBe(false);
  });

  it('asks nothing before the minimums, and re-checks only as the sample grows', () => {
    let asked = 0;
    const rule = decided(50);
    expect(shouldStop({ count: 10, elapsedMs: 10_000, decided: () => { asked++; return true; } }, rule).stop).toBe(false);
    expect(asked).toBe(0);
    const decide = throttledDecider(50, 250, 0.05);
    const samples = Array.from({ length: 200 }, (_, i) => 5 + (i % 7) * 0.1);
    expect(decide(samples, 1000)).toBe(true);
    expect(decide([...samples, 99, 99, 99], 2000)).toBe(true); // grew by under 5%: the last answer stands
    expect(isDecided(samples, 50)).toBe(true);
  });

  it('keeps the page\'s limit through the rule resolution, and only in this mode', () => {
    expect(resolveStoppingRule('decided', { decide: { limitMs: 42 } }).rule.decide).toEqual({ limitMs: 42 });
    expect(resolveStoppingRule('standard', { decide: { limitMs: 42 } }).rule.decide).toBeUndefined();
  });
});
