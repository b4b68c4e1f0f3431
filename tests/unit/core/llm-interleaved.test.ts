import { describe, expect, it } from 'vitest';
import { stoppingRuleFor } from '../../../src/core/config.ts';
import { llmPoints } from '../../../src/core/llm-compare.ts';
import { describeLlmSpeedup, interleavedLlmRows, type LlmPointMeasured } from '../../../src/core/llm-interleaved.ts';
import { createCalibrationRuntime, simulateInterleaved, type LatencyDistribution } from '../../../src/core/method/calibration.ts';
import { windowRuns } from '../../../src/core/method/interleave.ts';
import type { RunSplit } from '../../../src/core/tasks/types.ts';

const model = { path: 'zoo/llama-tiny', gguf: { F32: 'zoo/llama-tiny/gguf/model-F32.gguf', Q4_0: 'zoo/llama-tiny/gguf/model-Q4_0.gguf' } };
// fp32, fp16, q8 on transformers.js, then F32 and Q4_0 on wllama.
const POINTS = llmPoints(model);
/** A whole greedy request of about 200 ms on the reference; the points are exactly this much faster. */
const TRUTH = [1, 1, 1.5, 1, 2.5];
const BASE: LatencyDistribution = { shiftMs: 150, medianMs: 50, sigma: 0.3 };
const scaled = (f: number): LatencyDistribution => ({ shiftMs: BASE.shiftMs / f, medianMs: BASE.medianMs / f, sigma: BASE.sigma });
/** Another app takes half the machine every 3 s: ran one after another, the later points would pay for it. */
const busy = (t: number): number => (Math.floor(t / 3000) % 2 === 1 ? 2 : 1);

/** A generation of 16 tokens, 5 ms apart after a 20 ms first token, as the worker's splits say. */
const split = (): RunSplit => ({ preMs: 1, modelMs: 90, postMs: 1, tokenTimesMs: Array.from({ length: 16 }, (_, i) => 20 + 5 * i), promptTokens: 8 });

function measure(seed: number, rounds = 12): LlmPointMeasured[] {
  const rule = stoppingRuleFor('fixed', rounds);
  const runtimes = TRUTH.map((f, i) => createCalibrationRuntime(scaled(f), { seed: seed * 10 + i }));
  const { windows } = simulateInterleaved(runtimes, rule, busy);
  return windows.map((w, i) => ({
    windows: w, splits: w.flat().map(split), output: i === 4 ? 'awaiXwai' : 'awaiawai2Ces', ranBackend: 'wasm' as const,
  }));
}

describe('the LLM comparison in interleaved rounds', () => {
  it('takes one request per point per round, and reads the generation figures from the splits', () => {
    const measured = measure(1);
    expect(windowRuns(stoppingRuleFor('fixed', 12))).toBe(1);
    for (const m of measured) expect(m.windows.map((w) => w.length)).toEqual(Array(12).fill(1));
    const rows = interleavedLlmRows(POINTS, measured);
    expect(rows.map((r) => r.point.label)).toEqual(POINTS.map((p) => p.label));
    expect(rows[0]).toMatchObject({ isReference: true, speedup: null, agreeChars: null, ttftMs: 20, decodeTokensPerSecond: 200 });
    expect(describeLlmSpeedup(rows[0]!)).toBe('reference');
    expect(rows[4]).toMatchObject({ agreeChars: 4, runs: measured[4]!.windows.flat().length });
    expect(rows[4]!.requestP50Ms).toBeLessThan(rows[0]!.requestP50Ms!);
  });

  it('gives speed-ups against ONNX fp32 whose 95% intervals hold the true ratios on a machine whose load comes and goes', () => {
    let covered = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rows = interleavedLlmRows(POINTS, measure(seed));
      TRUTH.forEach((truth, i) => {
        if (i === 0) return;
        const e = rows[i]!.speedup!;
        expect(e.lower).not.toBeNull();
        total++;
        if (e.lower! <= truth && truth <= e.upper!) covered++;
      });
      // 2.5× is measured as faster, every time.
      expect(rows[4]!.speedup!.difference).toBe('faster');
      expect(describeLlmSpeedup(rows[4]!)).toMatch(/^2\.\d\d× \(\d\.\d\d–\d\.\d\d\)$/);
    }
    expect(total).toBe(24);
    expect(covered).toBeGreaterThanOrEqual(21);
  });

  it('says "no difference measured" where the interval contains 1, and too few rounds where there is no interval', () => {
    const rows = interleavedLlmRows(POINTS, measure(3));
    const same = rows.filter((r, i) => TRUTH[i] === 1 && !r.isReference);
    expect(same.filter((r) => r.speedup!.difference === 'none').length).toBeGreaterThanOrEqual(2);
    for (const r of same.filter((x) => x.speedup!.difference === 'none')) expect(describeLlmSpeedup(r)).toMatch(/^no difference measured/);
    const short = interleavedLlmRows(POINTS, measure(3, 4));
    expect(describeLlmSpeedup(short[4]!)).toMatch(/too few rounds \(\d\) for an interval/);
  });

  it('keeps a point that failed to open as an error row, and never counts one that ran elsewhere', () => {
    const measured = measure(2);
    measured[1] = { windows: [], splits: [], error: 'shader-f16 missing' };
    measured[3] = { ...measured[3]!, ranBackend: 'webgpu' };
    const rows = interleavedLlmRows(POINTS, measured);
    expect(rows[1]).toMatchObject({ error: 'shader-f16 missing', speedup: null });
    expect(rows[3]).toMatchObject({ error: 'ran on webgpu, but wasm was requested', speedup: null });
    // A reference that failed hands the role to the first point that measured.
    measured[0] = { windows: [], splits: [], error: 'out of memory' };
    expect(interleavedLlmRows(POINTS, measured).find((r) => r.isReference)?.point.label).toBe(POINTS[2]!.label);
    // Points still opening (no rounds yet) have no row.
    expect(interleavedLlmRows(POINTS, POINTS.map(() => ({ windows: [], splits: [] })))).toEqual([]);
  });
});
