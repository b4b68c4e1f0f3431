import { describe, expect, it } from 'vitest';
import { assessValidity, quarterDrift, type ValidityInput } from '../../../src/core/method/validity.ts';

const flat = (n: number, ms = 10): number[] => Array.from({ length: n }, (_, i) => ms + (i % 5) * 0.01);
const input = (over: Partial<ValidityInput> = {}): ValidityInput => ({
  samplesMs: flat(200), requiredSamples: 130, hiddenEvents: 0, requestedBackend: 'wasm', ranBackend: 'wasm', ...over,
});

describe('assessValidity', () => {
  it('passes a clean run with four stated checks', () => {
    const v = assessValidity(input());
    expect(v.valid).toBe(true);
    expect(v.checks.map((c) => [c.id, c.ok])).toEqual([['visible', true], ['samples', true], ['drift', true], ['backend', true]]);
    expect(v.reasons).toEqual([]);
  });

  it('fails a hidden tab', () => {
    const v = assessValidity(input({ hiddenEvents: 2 }));
    expect(v.valid).toBe(false);
    expect(v.reasons).toEqual(['the tab was hidden 2 time(s); browsers throttle hidden tabs']);
  });

  it('fails too few samples', () => {
    expect(assessValidity(input({ samplesMs: flat(100) })).reasons).toEqual(['only 100 runs; at least 130 required']);
  });

  it('fails a backend other than the one requested', () => {
    expect(assessValidity(input({ requestedBackend: 'webgpu' })).reasons[0]).toMatch(/ran on wasm, but webgpu was requested/);
  });

  it('flags drift beyond 10% and accepts it within', () => {
    const slower = [...flat(100), ...flat(100, 11.5)];
    expect(quarterDrift(slower)!.relativeChange).toBeCloseTo(0.15, 2);
    const v = assessValidity(input({ samplesMs: slower }));
    expect(v.checks.find((c) => c.id === 'drift')!.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/^drift: .*15\.0%/);
    expect(assessValidity(input({ samplesMs: [...flat(100), ...flat(100, 10.9)] })).valid).toBe(true);
    expect(assessValidity(input({ samplesMs: slower, driftBound: 0.2 })).valid).toBe(true);
  });

  it('cannot vouch for drift on a tiny run', () => {
    const v = assessValidity(input({ samplesMs: flat(8), requiredSamples: 1 }));
    expect(v.checks.find((c) => c.id === 'drift')).toMatchObject({ ok: false });
  });
});
