import fc from 'fast-check';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Checklist } from '../../../src/core/method/checklist.ts';
import type { DomainDetection } from '../../../src/core/method/matrix.ts';
import type { PercentilePrecision } from '../../../src/core/method/percentiles.ts';
import type { Validity } from '../../../src/core/method/validity.ts';
import type { TaskMetrics } from '../../../src/core/tasks/types.ts';
import type { Verdict } from '../../../src/core/method/verdict.ts';
import type { BenchConfig, BenchResult, EnvInfo, GpuInfo, ModelIdentity, ModelIO, Stats } from '../../../src/core/result.ts';
import { fromShared, shareableUrl, toShared } from '../../../src/core/share/convert.ts';
import { platformFromUserAgent } from '../../../src/core/share/device.ts';
import type { SharedResult } from '../../../src/core/share/schema.ts';
import { PERCENTILE_METHOD } from '../../../src/core/stats.ts';
import { FORBIDDEN_KEYS, parseShared } from '../../../src/core/share/validate.ts';
import { benchResultArb, typicalResult } from './fixtures.ts';

describe('schema types follow the lead types', () => {
  test('config, stats and io are the BenchResult types exactly', () => {
    // Checked by tsc: a change to result.ts that the schema does not follow fails the type check.
    expectTypeOf<SharedResult['config']>().toEqualTypeOf<BenchConfig>();
    expectTypeOf<SharedResult['stats']>().toEqualTypeOf<Stats>();
    expectTypeOf<SharedResult['io']>().toEqualTypeOf<ModelIO>();
    expectTypeOf<NonNullable<SharedResult['device']['gpu']>>().toEqualTypeOf<GpuInfo>();
    expectTypeOf<SharedResult['device']['deviceMemory']>().toEqualTypeOf<EnvInfo['deviceMemory']>();
    expectTypeOf<SharedResult['model']>().toEqualTypeOf<ModelIdentity>();
    expectTypeOf<SharedResult['stopReason']>().toEqualTypeOf<BenchResult['stopReason']>();
    expectTypeOf<SharedResult['domainDetection']>().toEqualTypeOf<DomainDetection>();
    expectTypeOf<SharedResult['validity']>().toEqualTypeOf<Validity>();
    expectTypeOf<SharedResult['verdict']>().toEqualTypeOf<Verdict>();
    expectTypeOf<SharedResult['checklist']>().toEqualTypeOf<Checklist>();
    expectTypeOf<NonNullable<SharedResult['task']>>().toEqualTypeOf<TaskMetrics>();
    expectTypeOf<NonNullable<SharedResult['probes']>>().toEqualTypeOf<NonNullable<BenchResult['probes']>>();
    expectTypeOf<SharedResult['runtime']>().toEqualTypeOf<BenchResult['runtime']>();
    expectTypeOf<SharedResult['backend']>().toEqualTypeOf<BenchResult['backend']>();
    // The one difference: the standard interval method is left implicit (fromShared spells it out).
    expectTypeOf<Omit<SharedResult['precision'], 'intervalMethod'>>().toEqualTypeOf<Omit<PercentilePrecision, 'intervalMethod'>>();
  });
});

describe('toShared', () => {
  test('every generated result compacts to a valid shared result', () => {
    fc.assert(fc.property(benchResultArb, (result) => {
      const parsed = parseShared(toShared(result, '0.1.0'));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    }), { numRuns: 300 });
  });

  test('keeps identity, config and statistics (numbers to 1 µs), drops the raw samples', () => {
    fc.assert(fc.property(benchResultArb, (result) => {
      const shared = toShared(result);
      expect(shared.model.sha256).toBe(result.model.sha256);
      expect(shared.model.name).toBe(result.model.name);
      expect(shared.model.synthetic).toBe(result.model.synthetic);
      const dims = Object.fromEntries(Object.entries(result.config.dims).filter(([key]) => !FORBIDDEN_KEYS.has(key)));
      expect(shared.config).toEqual({ ...result.config, dims });
      expect(shared.io).toEqual(result.io);
      for (const key of ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p95', 'p99'] as const) {
        expect(Math.abs(shared.stats[key] - result.stats[key])).toBeLessThanOrEqual(0.0005 + 1e-9);
      }
      expect(Math.abs(shared.stats.throughput - Math.min(1e9, result.stats.throughput))).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(JSON.stringify(shared)).not.toContain('samplesMs');
    }), { numRuns: 200 });
  });

  test('the sketch redraws the quantiles within 1 µs', () => {
    fc.assert(fc.property(benchResultArb, (result) => {
      const view = fromShared(toShared(result));
      expect(view.quantilesMs).toHaveLength(101);
      expect(Math.abs(view.quantilesMs[0]! - result.stats.min)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs(view.quantilesMs[50]! - result.stats.p50)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs(view.quantilesMs[100]! - result.stats.max)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(view.ecdf.at(-1)?.fraction).toBe(1);
    }), { numRuns: 200 });
  });

  test('the model URL loses credentials, query and fragment; non-http URLs are dropped', () => {
    expect(shareableUrl('https://user:pw@hf.co/m.onnx?token=abc#x')).toBe('https://hf.co/m.onnx');
    expect(shareableUrl('javascript:alert(1)')).toBeUndefined();
    expect(shareableUrl(undefined)).toBeUndefined();
    expect(toShared(typicalResult()).model.url).toMatch(/^https:\/\/huggingface\.co\//);
  });

  test('the standard percentile method is implicit and comes back in the view', () => {
    const shared = toShared(typicalResult());
    expect(shared.percentileMethod).toBeUndefined();
    expect(fromShared(shared).percentileMethod).toBe(PERCENTILE_METHOD);
    const other = toShared({ ...typicalResult(), percentileMethod: 'nearest rank' });
    expect(fromShared(other).percentileMethod).toBe('nearest rank');
  });

  test('carries the methodology: validity, verdict, precision and checklist', () => {
    fc.assert(fc.property(benchResultArb, (result) => {
      const shared = toShared(result);
      expect(shared.validity).toEqual(result.validity);
      expect(shared.checklist).toEqual(result.checklist);
      expect(shared.domainDetection).toEqual(result.domainDetection);
      expect(shared.stopReason).toBe(result.stopReason);
      expect(shared.verdict.status).toBe(result.verdict.status);
      expect(shared.verdict.reason).toBe(result.verdict.reason);
      expect(shared.precision.p95Interval?.upperRank).toBe(result.precision.p95Interval?.upperRank);
      expect(fromShared(shared).intervalMethod).toBe(result.precision.intervalMethod);
    }), { numRuns: 100 });
  });

  test('a decoder with 200 inputs (two cache tensors per layer) still validates', () => {
    const result = typicalResult();
    result.io.inputs = Array.from({ length: 200 }, (_, i) => ({ name: `past_key_values.${i}`, dtype: 'float16', shape: ['batch', 8, 'past', 64] }));
    expect(parseShared(toShared(result)).ok).toBe(true);
  });

  test('anything over a cap is cut to fit, so toShared always validates', () => {
    const result = typicalResult();
    result.model.name = 'n'.repeat(1000);
    result.env.userAgent = 'u'.repeat(5000);
    result.env.gpu = { ...result.env.gpu!, description: 'd'.repeat(1000), features: Array.from({ length: 100 }, (_, i) => `f${i}`) };
    result.env.versions = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lib${i}`, 'v'.repeat(100)]));
    result.config.dims = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}`.padEnd(100, 'x'), i]));
    result.timings.warmupMs = Array.from({ length: 500 }, () => 1);
    const parsed = parseShared(toShared(result, 'v'.repeat(100)));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  test('caps long methodology strings to the schema', () => {
    const result = typicalResult();
    result.validity = { ...result.validity, valid: false, reasons: ['x'.repeat(5000)] };
    const shared = toShared(result);
    expect(shared.validity.reasons[0]).toHaveLength(1024);
    expect(parseShared(shared).ok).toBe(true);
  });
});

describe('platformFromUserAgent', () => {
  test.each([
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 on macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge 131 on Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 on Linux'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari 18 on iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome 131 on Android'],
    ['curl/8.0', 'unknown browser'],
  ])('%s', (userAgent, platform) => {
    expect(platformFromUserAgent(userAgent)).toBe(platform);
  });
});
