import { describe, expect, test } from 'vitest';
import { parseUrlRequest } from '../../../src/core/config.ts';
import { assessMeasurement } from '../../../src/core/assess.ts';
import { partialMeasurement, type PartialRunInput } from '../../../src/core/partial.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { sharedResultSchema } from '../../../src/core/share/schema.ts';
import { formatWait } from '../../../src/core/watchdog.ts';
import { latencies, typicalResult, TYPICAL_ENV } from '../share/fixtures.ts';

const finished = typicalResult();

function input(samplesMs: number[], overrides: Partial<PartialRunInput> = {}): PartialRunInput {
  return {
    runtime: finished.runtime, model: finished.model, io: finished.io, config: finished.config,
    facts: { env: TYPICAL_ENV, backend: finished.backend, fetchMs: 3, initMs: 40, firstMs: 9 },
    samplesMs, startedAt: '2026-12-01T12:00:00.000Z', reason: 'stopped-early', ...overrides,
  };
}

describe('a partial result from the runs measured before Stop or a lost worker', () => {
  test('keeps every measured run, the phase timings and the reason', () => {
    const samples = latencies(40);
    const kept = partialMeasurement(input(samples, { reason: 'worker-lost' }))!;
    expect(kept.timings.samplesMs).toEqual(samples);
    expect(kept.stats.count).toBe(40);
    expect(kept.timings).toMatchObject({ fetchMs: 3, initMs: 40, firstMs: 9, warmupMs: [] });
    expect(kept.stopReason).toBe('worker-lost');
    expect(kept.env).toBe(TYPICAL_ENV);
  });

  test('is nothing when no measured run finished or the session never existed', () => {
    expect(partialMeasurement(input([]))).toBeNull();
    expect(partialMeasurement(input(latencies(5), { facts: {} }))).toBeNull();
  });

  test('too few runs is not measured, never a pass, and the result still travels in a link', () => {
    const kept = partialMeasurement(input(latencies(12), { config: { ...finished.config, slaMs: 1000 } }))!;
    const result = assessMeasurement(kept, { hiddenEvents: 0 });
    expect(result.validity.valid).toBe(false);
    expect(result.validity.reasons.join(' ')).toMatch(/only 12 runs/);
    expect(result.verdict.status).toBe('not-measured');
    expect(sharedResultSchema.safeParse(toShared(result, '0.1.0')).success).toBe(true);
  });
});

describe('watchdog parameters', () => {
  test('phaseLimit is seconds, bounded; testWorkerExit is a run count', () => {
    expect(parseUrlRequest('?phaseLimit=2.5&testWorkerExit=30')).toMatchObject({ phaseLimitMs: 2500, exitAfterRuns: 30, errors: [] });
    expect(parseUrlRequest('?phaseLimit=0').errors[0]).toMatch(/phaseLimit=0 must be a number of seconds/);
    expect(parseUrlRequest('?phaseLimit=abc').errors[0]).toMatch(/phaseLimit/);
    expect(parseUrlRequest('?testWorkerExit=-1').errors[0]).toMatch(/testWorkerExit/);
    expect(parseUrlRequest('').phaseLimitMs).toBeUndefined();
  });

  test('waits are said in words people read', () => {
    expect(formatWait(850)).toBe('850 ms');
    expect(formatWait(3040)).toBe('3.0 s');
    expect(formatWait(300_000)).toBe('300 s');
  });
});
