import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../../src/core/assess.ts';
import { ceilingFigure, placeRun, type DeviceCeilings } from '../../../src/core/roofline/place.ts';
import type { GraphWork } from '../../../src/core/roofline/work.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { typicalResult } from '../share/fixtures.ts';

const work: GraphWork = {
  macs: 300e6, flops: 615e6, weightBytes: 14e6, activationBytes: 100e6, bytes: 114e6, intensity: 615 / 114,
  nodes: 171, countedNodes: 171, uncounted: {}, flopsByOp: { Conv: 600e6 },
};
const gpu: DeviceCeilings = {
  backend: 'webgpu', compute: ceilingFigure([2000, 2100]), bandwidth: ceilingFigure([200, 210]),
  method: 'tiled matmul timed by timestamp-query', software: false, adapter: 'apple metal-3', measuredAt: '2026-12-01T10:00:00.000Z',
};

function measured() {
  const { domainDetection: _d, precision: _p, validity: _v, verdict: _ve, checklist: _c, stability: _s, ...measurement } = typicalResult();
  return { ...measurement, work };
}

describe('the roofline in a result and its share link', () => {
  it('places the run from its own p50 once the ceilings are evidence, and fills the Hardware line', () => {
    const m = measured();
    const result = assessMeasurement(m, { hiddenEvents: 0, evidence: { ceilings: gpu } });
    expect(result.roofline?.point).toEqual(placeRun(work, m.stats.p50, gpu));
    expect(result.checklist.items.find((i) => i.id === 'hardware')).toMatchObject({ status: 'pass', detail: result.roofline!.point.summary });
  });

  it('never places a run under another backend’s or thread count’s ceilings', () => {
    const m = measured();
    expect(assessMeasurement(m, { hiddenEvents: 0, evidence: { ceilings: { ...gpu, backend: 'wasm', threads: 1 } } }).roofline).toBeUndefined();
    const wasm = { ...m, backend: 'wasm' as const, config: { ...m.config, backend: 'wasm' as const, threads: 4 } };
    expect(assessMeasurement(wasm, { hiddenEvents: 0, evidence: { ceilings: { ...gpu, backend: 'wasm', threads: 1 } } }).roofline).toBeUndefined();
    expect(assessMeasurement(wasm, { hiddenEvents: 0, evidence: { ceilings: { ...gpu, backend: 'wasm', threads: 4 } } }).roofline).toBeDefined();
  });

  it('carries the work and the ceilings through a link, from which the same placement follows', async () => {
    const m = measured();
    const result = assessMeasurement(m, { hiddenEvents: 0, evidence: { ceilings: gpu } });
    const decoded = await decodeResult(await encodeResult(toShared(result, 'test')));
    expect(decoded.ok).toBe(true);
    const shared = decoded.ok ? decoded.result : null;
    expect(shared!.roofline?.work).toMatchObject({ flops: work.flops, bytes: work.bytes, countedNodes: 171 });
    expect(shared!.roofline?.ceilings).toMatchObject({ backend: 'webgpu', software: false, compute: gpu.compute });
    const again = placeRun(shared!.roofline!.work, shared!.stats.p50, shared!.roofline!.ceilings!);
    expect(again.summary).toBe(result.roofline!.point.summary);
  });
});
