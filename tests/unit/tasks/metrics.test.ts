import { describe, expect, it } from 'vitest';
import { completeSplit, generationMetrics, speechMetrics, splitStats } from '../../../src/core/tasks/metrics.ts';

describe('task metrics', () => {
  it('post-processing is the rest of the run, never negative', () => {
    expect(completeSplit(10, 2, 5)).toEqual({ preMs: 2, modelMs: 5, postMs: 3 });
    expect(completeSplit(6, 2, 5).postMs).toBe(0);
  });

  it('summarises each part over the runs', () => {
    const split = splitStats([completeSplit(10, 1, 6), completeSplit(12, 1, 8), completeSplit(20, 3, 10)]);
    expect(split.pre.p50).toBe(1);
    expect(split.model.p50).toBe(8);
    expect(split.post.p50).toBe(3);
    expect(split.model.count).toBe(3);
  });

  it('TTFT is the median first-token time; per-token the median mean gap; tokens/s its inverse', () => {
    const runs = [
      completeSplit(50, 1, 40, [10, 14, 18, 22]),
      completeSplit(60, 1, 50, [12, 17, 22, 27]),
      completeSplit(40, 1, 30, [8, 11, 14, 17]),
    ];
    expect(generationMetrics(runs)).toMatchObject({ tokens: 4, ttftMs: 10, perTokenMs: 4, tokensPerSecond: 250 });
    expect(generationMetrics([completeSplit(5, 1, 2)])).toBeNull();
  });

  it('pools every gap into a per-token distribution, and prefill rate is prompt tokens over TTFT', () => {
    const runs = [
      completeSplit(50, 1, 40, [10, 14, 18, 22], { promptTokens: 20 }),
      completeSplit(60, 1, 50, [12, 17, 22, 27], { promptTokens: 20 }),
    ];
    const m = generationMetrics(runs)!;
    expect(m.tokenLatencyMs).toMatchObject({ count: 6, p50: 4.5, max: 5 });
    expect(m.promptTokens).toBe(20);
    expect(m.prefillTokensPerSecond).toBeCloseTo(20 / 0.011, 6);
    expect(m.engine).toBeUndefined();
  });

  it('puts the engine’s own timings beside the wall clock, with the gap', () => {
    const engine = { promptTokens: 20, promptMs: 8, decodeTokens: 3, decodeMs: 9 };
    const m = generationMetrics([completeSplit(50, 0, 30, [10, 14, 18, 22], { promptTokens: 20, engine })])!;
    expect(m.engine).toEqual({ promptMs: 8, prefillTokensPerSecond: 2500, perTokenMs: 3, tokensPerSecond: 1000 / 3, ttftGapMs: 2, perTokenGapMs: 1 });
  });

  it('the real-time factor is the median end-to-end time over the audio duration', () => {
    expect(speechMetrics([100, 300, 200], 2)).toEqual({ audioSeconds: 2, rtf: 0.1 });
  });
});
