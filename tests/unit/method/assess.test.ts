import { describe, expect, it } from 'vitest';
import { assessRun, type RunAssessmentInput } from '../../../src/core/method/assess.ts';
import { createCalibrationRuntime, simulateRun } from '../../../src/core/method/calibration.ts';
import { presetFor } from '../../../src/core/method/stopping.ts';
import { summarize } from '../../../src/core/stats.ts';

const rule = presetFor('standard');
const run = simulateRun(createCalibrationRuntime({ shiftMs: 8, medianMs: 2, sigma: 0.5 }, { seed: 11 }), rule);
const input = (over: Partial<RunAssessmentInput> = {}): RunAssessmentInput => ({
  mode: 'standard', rule, stopReason: run.decision.reason, samplesMs: run.samplesMs, hiddenEvents: 0,
  requestedBackend: 'wasm', ranBackend: 'wasm', domain: 'vision', slaMs: null, ...over,
});

describe('assessRun', () => {
  it('ties stopping, precision, validity and verdict together on the same p95 as the stats', () => {
    const a = assessRun(input({ slaMs: 12 }));
    expect(a.validity.valid).toBe(true);
    expect(a.verdict.p95).toBe(summarize(run.samplesMs).p95);
    expect(a.verdict).toMatchObject({ status: 'fail', slaMs: 12, targetMs: 50 });
    expect(a.precision.p95Interval!.lowerMs).toBeLessThanOrEqual(a.verdict.p95!);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('turns a backend mismatch into an invalid result and a verdict that is not a pass', () => {
    const a = assessRun(input({ ranBackend: 'webgpu' }));
    expect(a.validity.valid).toBe(false);
    expect(a.verdict).toMatchObject({ pass: false, status: 'not-measured' });
  });

  it('copes with an empty run', () => {
    const a = assessRun(input({ samplesMs: [] }));
    expect(a.verdict).toMatchObject({ pass: false, status: 'not-measured', p95: null });
    expect(a.precision.p50Interval).toBeNull();
  });
});
