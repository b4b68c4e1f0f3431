import { describe, expect, it } from 'vitest';
import { assessValidity, type ValidityInput } from '../../../src/core/method/validity.ts';

const flat = (n: number, ms = 10): number[] => Array.from({ length: n }, (_, i) => ms + (i % 5) * 0.01);
const input = (over: Partial<ValidityInput> = {}): ValidityInput => ({
  samplesMs: flat(200), requiredSamples: 130, hiddenEvents: 0, requestedBackend: 'wasm', ranBackend: 'wasm', ...over,
});

describe('assessValidity', () => {
  it('passes a clean run with four stated checks', () => {
    const v = assessValidity(input());
    expect(v.valid).toBe(true);
    expect(v.checks.map((c) => [c.id, c.ok])).toEqual([['visible', true], ['samples', true], ['backend', true]]);
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

  it('no longer calls a run invalid for drift: regimes judge it instead', () => {
    const slower = [...flat(100), ...flat(100, 11.5)];
    const v = assessValidity(input({ samplesMs: slower }));
    expect(v.valid).toBe(true);
    expect(v.checks.some((c) => c.id === 'drift')).toBe(false);
  });

  it('holds a run stopped early to the runs p95 needs, and says it was stopped', () => {
    const rule = { requiredSamples: 1024, stopReason: 'stopped-early' };
    const enough = assessValidity(input({ samplesMs: flat(140), ...rule }));
    expect(enough.valid).toBe(true);
    expect(enough.checks[1]!.detail).toMatch(/^stopped early after 140 runs \(enough for p95: at least 130; the rule asked for 1024\)/);
    const few = assessValidity(input({ samplesMs: flat(40), ...rule }));
    expect(few.reasons).toEqual(['stopped early after only 40 runs; at least 130 needed for p95']);
    // A rule that asked for fewer than p95 needs keeps its own minimum.
    expect(assessValidity(input({ samplesMs: flat(40), requiredSamples: 20, stopReason: 'stopped-early' })).valid).toBe(true);
  });
});
