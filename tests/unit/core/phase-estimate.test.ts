import { describe, expect, it } from 'vitest';
import { phaseEstimate, type PastPhases, type RunKey } from '../../../src/core/phase-estimate.ts';

const next: RunKey = {
  sha256: 'a'.repeat(64), runtime: 'ort', backend: 'webgpu', dtype: null, threads: 2, userAgent: 'Chrome 131', runtimeStarted: false,
};
const run = (initMs: number, firstMs: number, change: Partial<PastPhases> = {}): PastPhases => ({ ...next, initMs, firstMs, ...change });

describe('phaseEstimate', () => {
  it('is the median of the matching earlier runs, for session creation and the first inference', () => {
    const past = [run(3000, 36_000), run(2000, 30_000), run(4000, 40_000)];
    expect(phaseEstimate(past, next, 'init')).toEqual({ ms: 3000, runs: 3 });
    expect(phaseEstimate(past, next, 'first')).toEqual({ ms: 36_000, runs: 3 });
  });

  it('counts only the same model, runtime, backend, precision, threads and browser', () => {
    const past = [
      run(1, 1, { sha256: 'b'.repeat(64) }), run(1, 1, { runtime: 'tfjs' }), run(1, 1, { backend: 'wasm' }),
      run(1, 1, { dtype: 'q8' }), run(1, 1, { threads: 1 }), run(1, 1, { userAgent: 'Firefox 140' }),
    ];
    expect(phaseEstimate(past, next, 'init')).toBeNull();
    expect(phaseEstimate(past, next, 'first')).toBeNull();
    expect(phaseEstimate([...past, run(500, 900)], next, 'first')).toEqual({ ms: 900, runs: 1 });
  });

  it('keeps sessions in a started runtime apart from those that started it, for session creation only', () => {
    const past = [run(40, 100, { runtimeStarted: true }), run(900, 120)];
    expect(phaseEstimate(past, next, 'init')).toEqual({ ms: 900, runs: 1 });
    expect(phaseEstimate(past, { ...next, runtimeStarted: true }, 'init')).toEqual({ ms: 40, runs: 1 });
    expect(phaseEstimate(past, next, 'first')).toEqual({ ms: 110, runs: 2 });
  });

  it('uses the five most recent (history lists newest first)', () => {
    const past = [run(10, 10), run(10, 10), run(10, 10), run(10, 10), run(10, 10), run(9000, 9000), run(9000, 9000)];
    expect(phaseEstimate(past, next, 'init')).toEqual({ ms: 10, runs: 5 });
  });
});
