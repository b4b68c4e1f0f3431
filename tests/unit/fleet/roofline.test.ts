import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../../src/core/assess.ts';
import { gate } from '../../../src/core/fleet/gate.ts';
import { JOB_FORMAT, parseRecords, type JobRecord } from '../../../src/core/fleet/record.ts';
import { markdownSummary } from '../../../src/core/fleet/report.ts';
import { fleetRoofline, rooflineCell } from '../../../src/core/fleet/roofline.ts';
import { placeRun, type DeviceCeilings } from '../../../src/core/roofline/place.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { typicalResult } from '../share/fixtures.ts';
import { gpu, work } from '../roofline/fixtures.ts';

function shared(ceilings?: DeviceCeilings) {
  const { domainDetection: _d, precision: _p, validity: _v, verdict: _ve, checklist: _c, stability: _s, ...m } = typicalResult();
  return { result: toShared(assessMeasurement({ ...m, work }, { hiddenEvents: 0, evidence: ceilings ? { ceilings } : {} })) };
}

function record(result: ReturnType<typeof shared>['result'], ceilingsError: string | null = null): JobRecord {
  return {
    format: JOB_FORMAT, version: 1,
    job: { index: 0, name: 'mobilenet', config: null, model: 'm.onnx', runtime: 'ort', backend: 'webgpu', params: {}, target: 'local' },
    target: null, status: 'done', error: null, attempts: [], overhead: null,
    startedAt: '2026-12-01T10:00:00.000Z', endedAt: '2026-12-01T10:00:03.000Z',
    result, samplesMs: [], roofline: fleetRoofline(result, ceilingsError),
  };
}

describe('the roofline in fleet results', () => {
  it('carries the work, the ceilings and the placement computed from the job’s own p50', () => {
    const { result } = shared(gpu);
    const roofline = fleetRoofline(result)!;
    // The shared p50 (as a link or results.jsonl holds it), not the page's unrounded one.
    const point = placeRun(work, result.stats.p50, gpu);
    expect(roofline.work).toMatchObject({ flops: 615e6, bytes: 114e6, intensity: 615 / 114, countedNodes: 171, nodes: 171 });
    expect(roofline.ceilings).toEqual({
      backend: 'webgpu', threads: null, computeGflops: 2050, computeF16Gflops: null, bandwidthGBps: 205, software: false,
      method: 'tiled matmul timed by timestamp-query',
    });
    expect(roofline.placement).toEqual({
      bound: point.bound, share: point.share, achievedGflops: point.achievedGflops, achievedGBps: point.achievedGBps, summary: point.summary,
    });
    // 615 MFLOP / 114 MB = 5.4 FLOP/B, left of the ridge at 10: memory-bound.
    expect(roofline.placement!.bound).toBe('memory');
  });

  it('keeps the work when the ceilings were not measured, and says why', () => {
    const { result } = shared();
    expect(fleetRoofline(result)).toMatchObject({ ceilings: null, placement: null });
    expect(rooflineCell(fleetRoofline(result))).toBe('615 MFLOP at 5.39 FLOP/B; ceilings not measured (--ceilings)');
    expect(rooflineCell(fleetRoofline(result, 'the webgl backend’s ceilings are not measured here'))).toContain('not measured: the webgl backend');
    expect(fleetRoofline(null)).toBeNull();
    expect(rooflineCell(null)).toBe('–');
  });

  it('shows the placement in the summary and survives results.jsonl', () => {
    const { result } = shared(gpu);
    const line = record(result);
    const markdown = markdownSummary(gate([line], null, { maxRegression: 0.1 }));
    expect(markdown).toContain('| roofline |');
    expect(markdown).toMatch(/memory-bound, at [\d.]+% of measured bandwidth \([\d.]+ GFLOP\/s\)/);
    const { records, errors } = parseRecords(`${JSON.stringify(line)}\n`, 'results.jsonl');
    expect(errors).toEqual([]);
    expect(records[0]!.roofline).toEqual(line.roofline);
    // Files written before the field existed are placed from their result.
    const { roofline: _r, ...older } = line;
    expect(markdownSummary(gate([older], null, { maxRegression: 0.1 }))).toContain(line.roofline!.placement!.summary);
  });
});
