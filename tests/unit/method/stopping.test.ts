import { describe, expect, it } from 'vitest';
import {
  describeRule, parseRunMode, presetFor, resolveStoppingRule, shouldStop, STOPPING_PRESETS,
} from '../../../src/core/method/stopping.ts';
import { PERCENTILE_MIN_SAMPLES } from '../../../src/core/method/percentiles.ts';

describe('stopping presets', () => {
  it('follow MLPerf Mobile rapid, quick (raised to p95\'s 130) and normal', () => {
    expect(STOPPING_PRESETS.quick).toMatchObject({ minCount: 64, minDurationMs: 6000 });
    expect(STOPPING_PRESETS.standard).toMatchObject({ minCount: 130, minDurationMs: 10000 });
    expect(STOPPING_PRESETS.thorough).toMatchObject({ minCount: 1024, minDurationMs: 60000 });
    expect(STOPPING_PRESETS.quick.minCount).toBeGreaterThanOrEqual(PERCENTILE_MIN_SAMPLES.p90);
    expect(STOPPING_PRESETS.standard.minCount).toBeGreaterThanOrEqual(PERCENTILE_MIN_SAMPLES.p95);
    expect(STOPPING_PRESETS.thorough.minCount).toBeGreaterThanOrEqual(PERCENTILE_MIN_SAMPLES.p99);
  });

  it('hands out copies', () => {
    presetFor('quick').minCount = 1;
    expect(STOPPING_PRESETS.quick.minCount).toBe(64);
  });

  it('parses modes', () => {
    expect(parseRunMode('thorough')).toBe('thorough');
    expect(parseRunMode('fast')).toBeNull();
  });
});

describe('shouldStop', () => {
  const rule = { minCount: 10, minDurationMs: 1000, maxCount: 100, maxDurationMs: 5000 };

  it('needs both minimums', () => {
    expect(shouldStop({ count: 0, elapsedMs: 0 }, rule)).toEqual({ stop: false, reason: 'continue', minimumsMet: false });
    expect(shouldStop({ count: 50, elapsedMs: 999 }, rule).stop).toBe(false);
    expect(shouldStop({ count: 9, elapsedMs: 4000 }, rule).stop).toBe(false);
    expect(shouldStop({ count: 10, elapsedMs: 1000 }, rule)).toEqual({ stop: true, reason: 'minimums-met', minimumsMet: true });
  });

  it('stops at either cap and says the minimums were not met', () => {
    expect(shouldStop({ count: 100, elapsedMs: 500 }, rule)).toEqual({ stop: true, reason: 'max-count', minimumsMet: false });
    expect(shouldStop({ count: 3, elapsedMs: 5000 }, rule)).toEqual({ stop: true, reason: 'max-duration', minimumsMet: false });
  });
});

describe('resolveStoppingRule', () => {
  it('applies valid overrides', () => {
    expect(resolveStoppingRule('standard', { minCount: 500, maxDurationMs: 300_000 })).toEqual({
      rule: { minCount: 500, minDurationMs: 10_000, maxCount: 50_000, maxDurationMs: 300_000 }, errors: [],
    });
  });

  it('rejects bad values and keeps the preset', () => {
    const { rule, errors } = resolveStoppingRule('quick', { minCount: 2.5, maxDurationMs: -1, maxCount: 0 });
    expect(rule).toEqual(STOPPING_PRESETS.quick);
    expect(errors).toHaveLength(3);
  });

  it('lifts a maximum below its minimum', () => {
    const { rule, errors } = resolveStoppingRule('quick', { minCount: 20_000, minDurationMs: 40_000 });
    expect(rule.maxCount).toBe(20_000);
    expect(rule.maxDurationMs).toBe(40_000);
    expect(errors).toHaveLength(2);
  });

  it('describes a rule in words', () => {
    expect(describeRule(STOPPING_PRESETS.standard)).toBe('at least 130 runs and 10 s, at most 50000 runs or 120 s');
  });
});
