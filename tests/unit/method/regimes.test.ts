import { describe, expect, it } from 'vitest';
import { createCalibrationRuntime, type LatencyDistribution, type LatencyEffect } from '../../../src/core/method/calibration.ts';
import { changePoints, pettittSplit, ranks } from '../../../src/core/method/change-points.ts';
import { ADVICE, type PatternKind } from '../../../src/core/method/patterns.ts';
import { findRegimes } from '../../../src/core/method/regimes.ts';
import { judge } from '../../../src/core/method/verdict.ts';
import { summarize } from '../../../src/core/stats.ts';

/** About 6 ms a run with a right tail (p95 ≈ 7.9 ms): far under the vision target of 50 ms. */
const DIST: LatencyDistribution = { shiftMs: 4, medianMs: 2, sigma: 0.4 };
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
/** Where a change point may land, in runs, around the true one: the test's stated tolerance. */
const TOLERANCE_RUNS = 10;

function series(effects: LatencyEffect[], n: number, seed: number, dist = DIST): number[] {
  const runtime = createCalibrationRuntime(dist, { seed, effects });
  return Array.from({ length: n }, () => runtime.next());
}

const kinds = (samples: number[]): PatternKind[] => findRegimes(samples).pattern.findings.map((f) => f.kind);
const valid = { valid: true, checks: [], reasons: [] };
function verdictOf(samples: number[], slaMs: number | null = null) {
  const { regimes } = findRegimes(samples);
  return judge({ domain: 'vision', slaMs, count: samples.length, p95: summarize(samples).p95, validity: valid, regimes });
}

describe('ranks and Pettitt\'s statistic', () => {
  it('gives tied values their mean rank', () => {
    expect(Array.from(ranks([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
  });

  it('splits a clean step where it is, with a tiny p-value, and finds nothing in a constant series', () => {
    const step = [...Array(30).fill(1), ...Array(30).fill(2)].map((x, i) => x + (i % 7) * 0.01);
    const split = pettittSplit(step)!;
    expect(split.at).toBe(30);
    expect(split.pValue).toBeLessThan(1e-6);
    expect(split.relativeChange).toBeCloseTo(1, 1);
    expect(changePoints(Array(100).fill(5))).toEqual([]);
  });
});

describe('regimes in the calibration runtime\'s injected states', () => {
  it('a steady run is one regime, with no advice', () => {
    for (const seed of SEEDS) {
      const analysis = findRegimes(series([], 300, seed));
      expect(analysis.regimes).toHaveLength(1);
      expect(analysis.pattern.findings.map((f) => f.advice)).toEqual(['']);
    }
  });

  it('a step: two regimes split within the tolerance, "step-up" with advice to close other work', () => {
    for (const seed of SEEDS) {
      const samples = series([{ kind: 'step', atRun: 150, factor: 1.3 }], 300, seed);
      const { regimes, pattern } = findRegimes(samples);
      expect(regimes.map((r) => r.startRun)).toHaveLength(2);
      expect(Math.abs(regimes[1]!.startRun - 150)).toBeLessThanOrEqual(TOLERANCE_RUNS);
      expect(regimes[1]!.p50 / regimes[0]!.p50).toBeGreaterThan(1.15);
      expect(pattern.findings.map((f) => f.kind)).toEqual(['step-up']);
      expect(pattern.findings[0]!.advice).toMatch(/Close other tabs and apps/);
      // Regimes tile the run, and their time offsets add up to its duration.
      expect(regimes[1]!.startMs).toBeCloseTo(samples.slice(0, regimes[1]!.startRun).reduce((a, b) => a + b, 0), 6);
      expect(regimes[1]!.endRun).toBe(300);
    }
  });

  it('a step down is told apart from a step up', () => {
    for (const seed of SEEDS) expect(kinds(series([{ kind: 'step', atRun: 120, factor: 0.7 }], 300, seed))).toEqual(['step-down']);
  });

  it('a warm-up tail: the slow start is its own regime, with advice to warm up longer', () => {
    for (const seed of SEEDS) {
      // 3× at run 0, falling linearly to 1× at run 40.
      const analysis = findRegimes(series([{ kind: 'warm-up', runs: 40, factor: 3 }], 300, seed));
      const [first] = analysis.pattern.findings;
      expect(first!.kind).toBe('warm-up-tail');
      // The boundary lands where the tail has mostly faded, between a third and all of its 40 runs.
      expect(analysis.changePoints[0]).toBeGreaterThanOrEqual(15);
      expect(analysis.changePoints[0]).toBeLessThanOrEqual(40 + TOLERANCE_RUNS);
      expect(first!.advice).toMatch(/Raise the warm-up/);
    }
  });

  it('a slow climb (throttling) is a climb, not a series of steps, with advice on power and cooling', () => {
    for (const seed of SEEDS) {
      const samples = series([{ kind: 'climb', fromRun: 50, toRun: 300, factor: 1.6 }], 300, seed);
      const { regimes, pattern } = findRegimes(samples);
      expect(pattern.findings.map((f) => f.kind)).toEqual(['climb']);
      expect(pattern.findings[0]!.advice).toMatch(/mains power/);
      expect(regimes.length).toBeGreaterThanOrEqual(2);
      // The first regime starts before the climb has gone far: its start lies within the first
      // 40% of the ramp's 250 runs.
      expect(regimes[1]!.startRun).toBeGreaterThan(50);
      expect(regimes[1]!.startRun).toBeLessThan(150);
    }
  });

  it('periodic spikes are found with their period, inside one regime', () => {
    for (const seed of SEEDS) {
      const analysis = findRegimes(series([{ kind: 'spikes', every: 20, offset: 7, factor: 4 }], 300, seed));
      expect(analysis.regimes).toHaveLength(1);
      expect(analysis.pattern.findings.map((f) => f.kind)).toEqual(['periodic-spikes']);
      expect(analysis.pattern.spikePeriod).toBe(20);
      expect(analysis.pattern.spikeRuns.filter((i) => (i - 7) % 20 === 0).length).toBeGreaterThanOrEqual(14);
      expect(analysis.pattern.findings[0]!.advice).toBe(ADVICE['periodic-spikes']);
    }
  });
});

describe('verdicts across regimes', () => {
  it('is decisive when every regime passes: "pass in all 2 regimes seen"', () => {
    for (const seed of SEEDS) {
      const v = verdictOf(series([{ kind: 'step', atRun: 150, factor: 1.3 }], 300, seed));
      expect(v).toMatchObject({ status: 'pass', pass: true, decided: true });
      expect(v.reason).toMatch(/^pass in all 2 regimes seen/);
      expect(v.regimes!.every((r) => r.pass && r.decided)).toBe(true);
    }
  });

  it('is decisive when every regime fails', () => {
    // An SLA of 3 ms: both regimes are far over it.
    const v = verdictOf(series([{ kind: 'step', atRun: 150, factor: 1.3 }], 300, 1), 3);
    expect(v).toMatchObject({ status: 'fail', pass: false, decided: true });
    expect(v.reason).toMatch(/^fail in all 2 regimes seen/);
  });

  it('depends on the device\'s state when regimes disagree, and names the one that fails', () => {
    for (const seed of SEEDS) {
      // 6 ms, then 3× slower from run 150: an SLA of 12 ms passes the first regime only.
      const v = verdictOf(series([{ kind: 'step', atRun: 150, factor: 3 }], 300, seed), 12);
      expect(v).toMatchObject({ status: 'depends', pass: false });
      expect(v.reason).toMatch(/^depends on the device's state: fails .* in regime 2 \(runs 1[45]\d–300, p95 /);
      expect(v.regimes!.map((r) => r.pass)).toEqual([true, false]);
    }
  });

  it('a short regime is bounded by its slowest run', () => {
    const v = verdictOf(series([{ kind: 'warm-up', runs: 40, factor: 3 }], 300, 2));
    const first = v.regimes![0]!;
    expect(first.bound).toBe('slowest run');
    expect(first.upperMs).toBeGreaterThanOrEqual(first.p95);
    expect(v.status).toBe('pass');
  });
});

describe('brief regimes on a busy device', () => {
  /**
   * Load rising and falling in steps of 40 runs (×1.25 each, up to about 2.4× and back), with a
   * 200 ms stall in every third step: many regimes, each too short for a p95 interval.
   */
  const FACTORS = [1, 1.25, 1.56, 1.95, 2.44, 1.95, 1.56, 1.25, 1, 1.25, 1.56, 1.95];
  function busy(seed: number): number[] {
    const runtime = createCalibrationRuntime(DIST, { seed });
    return Array.from({ length: FACTORS.length * 40 }, (_, i) => {
      const step = Math.floor(i / 40);
      return step % 3 === 0 && i % 40 === 20 ? 200 : runtime.next() * FACTORS[step]!;
    });
  }

  it('are judged on their pooled p95 when their own slowest run cannot decide', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const v = verdictOf(busy(seed));
      expect(v.regimes!.length).toBeGreaterThan(4);
      // Without pooling, a stretch holding the 200 ms stall could never be decided.
      expect(v.regimes!.some((r) => r.bound === 'pooled')).toBe(true);
      expect(v).toMatchObject({ status: 'pass', decided: true });
      expect(v.regimes!.every((r) => r.pass && r.decided)).toBe(true);
    }
  });

  it('never turn a regime to the other side of the limit', () => {
    // The same run against an SLA of 12 ms: the slowest steps fail it, the fastest pass.
    const v = verdictOf(busy(1), 12);
    expect(v.status).toBe('depends');
    for (const r of v.regimes!) expect(r.pass).toBe(r.p95 < 12);
  });
});
