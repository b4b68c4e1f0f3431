import { describe, expect, test } from 'vitest';
import { compareResults } from '../../../src/core/share/compare.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import type { SharedResult } from '../../../src/core/share/schema.ts';
import { typicalResult } from './fixtures.ts';

const base = toShared(typicalResult(), '0.1.0');
const withStats = (stats: Partial<SharedResult['stats']>, extra: Partial<SharedResult> = {}): SharedResult =>
  ({ ...base, ...extra, stats: { ...base.stats, ...stats } });

describe('compareResults', () => {
  test('ratios are value over baseline, for every metric', () => {
    const fast = withStats({ p50: 10, p95: 12, mean: 10.5, throughput: 95 });
    const slow = withStats({ p50: 20, p95: 30, mean: 21, throughput: 47.5 });
    const comparison = compareResults([fast, slow], 0);
    expect(comparison.rows[0]!.isBaseline).toBe(true);
    expect(comparison.rows[0]!.ratios).toEqual({ p50: 1, p95: 1, mean: 1, throughput: 1 });
    expect(comparison.rows[1]!.ratios).toEqual({ p50: 2, p95: 2.5, mean: 2, throughput: 0.5 });
    expect(compareResults([fast, slow], 1).rows[0]!.ratios.p50).toBe(0.5);
  });

  test('a zero baseline gives no ratio rather than Infinity', () => {
    const comparison = compareResults([withStats({ throughput: 0 }), base], 0);
    expect(comparison.rows[1]!.ratios.throughput).toBeNull();
  });

  test('each row carries a device summary', () => {
    const wasm: SharedResult = { ...base, backend: 'wasm', device: { ...base.device, gpu: null, crossOriginIsolated: false } };
    const rows = compareResults([base, wasm]).rows;
    expect(rows[0]!.device).toBe('Chrome 131 on macOS · apple metal-3 · 10 cores · 8 GiB · isolated');
    expect(rows[1]!.device).toBe('Chrome 131 on macOS · no WebGPU adapter · 10 cores · 8 GiB · not isolated');
  });

  test('warns when the ratios are not like for like', () => {
    const other = { ...base, model: { ...base.model, sha256: 'f'.repeat(64) } };
    const fewRuns = withStats({ count: 10 });
    const invalid = { ...base, validity: { ...base.validity, valid: false, reasons: ['the tab was hidden'] } };
    const comparison = compareResults([base, other, fewRuns, invalid]);
    expect(comparison.rows[1]!.sameModel).toBe(false);
    expect(comparison.warnings).toEqual([
      "Result 2: a different model file than the baseline's.",
      'Result 3: fewer than 30 measured runs, so p95 is rough.',
      "Result 4: marked invalid by the run's own checks.",
    ]);
  });

  test('takes 2 to 8 results and a baseline among them', () => {
    expect(() => compareResults([base])).toThrow(RangeError);
    expect(() => compareResults(Array(9).fill(base))).toThrow(RangeError);
    expect(() => compareResults([base, base], 2)).toThrow(RangeError);
    expect(() => compareResults([base, base], 0.5)).toThrow(RangeError);
    expect(compareResults(Array(8).fill(base), 7).rows).toHaveLength(8);
  });
});
