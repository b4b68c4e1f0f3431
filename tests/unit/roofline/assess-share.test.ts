import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../../src/core/assess.ts';
import { ceilingFigure, placeRun, type DeviceCeilings } from '../../../src/core/roofline/place.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { typicalResult } from '../share/fixtures.ts';
import { gpu, work } from './fixtures.ts';

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
    // TF.js's wasm backend runs single-threaded whatever `threads` says: its ceilings are 1 thread's.
    const tfjs = { ...wasm, runtime: 'tfjs' as const };
    expect(assessMeasurement(tfjs, { hiddenEvents: 0, evidence: { ceilings: { ...gpu, backend: 'wasm', threads: 4 } } }).roofline).toBeUndefined();
    expect(assessMeasurement(tfjs, { hiddenEvents: 0, evidence: { ceilings: { ...gpu, backend: 'wasm', threads: 1 } } }).roofline).toBeDefined();
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
