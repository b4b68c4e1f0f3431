import { describe, expect, it } from 'vitest';
import { gate, jobKey } from '../../../src/core/fleet/gate.ts';
import { deviceClassOf, isSoftwareAdapter, JOB_FORMAT, parseRecords, type JobRecord } from '../../../src/core/fleet/record.ts';
import { bootstrapMedianRatio, compareLatencies, mannWhitney, normalCdf } from '../../../src/core/fleet/regression.ts';
import { junitXml, markdownSummary } from '../../../src/core/fleet/report.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { summarize } from '../../../src/core/stats.ts';
import { assess, latencies, typicalResult } from '../share/fixtures.ts';

const SWIFTSHADER = { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true };
const LINUX_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

function record(samplesMs: number[], options: { name?: string; slaMs?: number; sha?: string; status?: JobRecord['status']; hidden?: boolean } = {}): JobRecord {
  // Jobs that produced no result still need a well-formed one to start from.
  const measured = samplesMs.length > 0 ? samplesMs : latencies(10);
  const base = typicalResult(measured.length);
  const result = assess({
    ...base,
    model: { ...base.model, sha256: options.sha ?? base.model.sha256 },
    config: { ...base.config, slaMs: options.slaMs ?? null },
    timings: { ...base.timings, samplesMs: measured },
    stats: summarize(measured),
  }, { catalogDomain: 'vision', hiddenEvents: options.hidden ? 1 : 0 });
  const status = options.status ?? 'done';
  return {
    format: JOB_FORMAT, version: 1,
    job: { index: 0, name: options.name ?? 'mobilenet', config: null, model: 'm.onnx', runtime: 'ort', backend: 'webgpu', params: { iterations: String(samplesMs.length) }, target: 'grid' },
    target: {
      name: 'grid', kind: 'webdriver', endpoint: 'http://127.0.0.1:4444/', browser: 'chrome', browserVersion: '156.0', platform: 'Chrome 156 on Linux',
      userAgent: LINUX_CHROME, gpu: SWIFTSHADER, softwareAdapter: true, crossOriginIsolated: true, deviceClass: deviceClassOf(LINUX_CHROME, SWIFTSHADER),
    },
    status, error: status === 'done' ? null : 'boom', attempts: [], overhead: { sessionMs: 900, pageLoadMs: 300, benchmarkMs: 2000, collectMs: 20, totalMs: 3220 },
    startedAt: '2026-12-01T10:00:00.000Z', endedAt: '2026-12-01T10:00:03.220Z',
    result: status === 'done' ? toShared(result) : null, samplesMs: status === 'done' ? samplesMs : [],
  };
}

describe('regression statistics', () => {
  it('normal CDF and Mann-Whitney against hand-computed values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.326348)).toBeCloseTo(0.01, 6);
    // Current [4, 5, 6] against baseline [1, 2, 3]: every pair is slower, U = 9 = n1·n2.
    const separated = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(separated.u).toBe(9);
    expect(separated.probabilitySlower).toBe(1);
    // Ties count one half: [1, 2] vs [2, 3] → pairs (1<2, 1<3, 2=2, 2<3) → U = 3.5.
    expect(mannWhitney([1, 2], [2, 3]).u).toBe(3.5);
    // Identical samples: no evidence either way.
    expect(mannWhitney([5, 5, 5], [5, 5, 5]).pSlower).toBe(0.5);
  });

  it('the bootstrap interval covers the true ratio and is reproducible', () => {
    const base = latencies(200, 10, 3);
    const slower = latencies(200, 10, 4).map((x) => x * 1.5);
    const interval = bootstrapMedianRatio(base, slower, { threshold: 1.1 });
    expect(interval.ratio).toBeGreaterThan(1.4);
    expect(interval.low).toBeLessThan(1.5);
    expect(interval.high).toBeGreaterThan(1.5);
    expect(interval.low).toBeGreaterThan(1.1);
    expect(interval.shareAbove).toBe(1);
    expect(bootstrapMedianRatio(base, slower, { threshold: 1.1 })).toEqual(interval);
  });

  it('a slowdown counts only beyond both the noise and the allowed fraction', () => {
    const base = latencies(150, 10, 1);
    expect(compareLatencies(base, latencies(150, 10, 2), 0.1).change).toBe('same');
    expect(compareLatencies(base, latencies(150, 10, 2).map((x) => x * 1.6), 0.1).change).toBe('regression');
    // 5% slower: real, but within the allowed 10%.
    expect(compareLatencies(base, base.map((x) => x * 1.05), 0.1).change).toBe('same');
    expect(compareLatencies(base, base.map((x) => x * 0.5), 0.1).change).toBe('improvement');
    // Two noisy runs of 8 samples: a 30% gap in medians is not beyond their noise.
    const noisy = [5, 9, 14, 6, 20, 7, 11, 8];
    expect(compareLatencies(noisy, [6, 12, 18, 8, 26, 9, 14, 10], 0.1).change).toBe('same');
  });
});

describe('the gate', () => {
  it('passes an identical re-run and fails a much slower one, saying by how much and how sure', () => {
    const baseline = [record(latencies(150, 10, 1))];
    expect(gate([record(latencies(150, 10, 2))], baseline, { maxRegression: 0.1 }).exitCode).toBe(0);
    const slower = gate([record(latencies(150, 10, 2).map((x) => x * 2), { sha: 'a'.repeat(64) })], baseline, { maxRegression: 0.1 });
    expect(slower.exitCode).toBe(1);
    const problem = slower.jobs[0]!.problems[0]!;
    expect(problem).toMatch(/^regression: p50 \+\d+\.\d% \(.* ms → .* ms\), 95% CI \+\d+\.\d% … \+\d+\.\d%, 100\.0% of resamples beyond \+10\.0%, Mann-Whitney one-sided p < 0\.0001$/);
    expect(slower.jobs[0]!.notes.join()).toMatch(/the model changed \(sha256 c0c3f76d → aaaaaaaa\)/);
  });

  it('fails an SLA breach, an invalid run and a failed job; an infrastructure error is exit 2', () => {
    expect(gate([record(latencies(150, 10, 1), { slaMs: 5 })], null, { maxRegression: 0.1 }).jobs[0]!.problems[0]).toMatch(/^breaks its target: p95/);
    expect(gate([record(latencies(150, 10, 1), { hidden: true })], null, { maxRegression: 0.1 }).jobs[0]!.problems[0]).toMatch(/^invalid: .*hidden/);
    expect(gate([record([], { status: 'failed' })], null, { maxRegression: 0.1 }).exitCode).toBe(1);
    expect(gate([record([], { status: 'failed' }), record([], { status: 'infra' })], null, { maxRegression: 0.1 }).exitCode).toBe(2);
  });

  it('matches jobs by name, runtime, backend and device class, never a software GPU with a real one', () => {
    const current = record(latencies(150, 10, 1));
    const realGpu = structuredClone(current);
    realGpu.target!.gpu = { vendor: 'nvidia', architecture: 'ampere', description: '', isFallbackAdapter: false };
    realGpu.target!.deviceClass = deviceClassOf(LINUX_CHROME, realGpu.target!.gpu);
    expect(jobKey(current)).toBe('mobilenet · ort/webgpu · Chrome on Linux · software GPU (google swiftshader)');
    expect(jobKey(realGpu)).toBe('mobilenet · ort/webgpu · Chrome on Linux · nvidia ampere');
    const report = gate([current], [realGpu], { maxRegression: 0.1 });
    expect(report.jobs[0]!.comparison).toBeNull();
    expect(report.jobs[0]!.notes).toContain('no baseline job matches it');
    expect(report.unmatchedBaseline).toEqual([jobKey(realGpu)]);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: 'llvmpipe', description: '', isFallbackAdapter: false })).toBe(true);
  });
});

describe('result sets and reports', () => {
  it('results.jsonl lines round-trip through the app\'s result validator; bad lines are named', () => {
    const line = JSON.stringify(record(latencies(100)));
    const { records, errors } = parseRecords(`${line}\n{"format":"x"}\nnot json\n`, 'results.jsonl');
    expect(records).toHaveLength(1);
    expect(errors[0]).toMatch(/^results\.jsonl:2: not a benchtab fleet job record/);
    expect(errors[1]).toMatch(/^results\.jsonl:3: it is not valid JSON/);
  });

  it('Markdown has one table per device class and JUnit one testcase per job, escaped', () => {
    const slow = record(latencies(150, 10, 2).map((x) => x * 2), { name: 'a|b<c>' });
    const report = gate([slow, record([], { status: 'infra' })], [record(latencies(150, 10, 1), { name: 'a|b<c>' })], { maxRegression: 0.1 });
    const markdown = markdownSummary(report);
    expect(markdown).toContain('## Chrome on Linux · software GPU (google swiftshader)');
    expect(markdown).toContain('| a\\|b<c> | ort · webgpu |');
    expect(markdown).toMatch(/\*\*regression\*\* \+\d+\.\d%/);
    const xml = junitXml(report);
    expect(xml).toContain('tests="2" failures="1" errors="1"');
    expect(xml).toContain('name="a|b&#60;c&#62; ort/webgpu"');
    expect(xml).toMatch(/<failure message="regression: p50/);
  });
});
