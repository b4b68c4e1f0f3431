import { describe, expect, it } from 'vitest';
import { compareOutputs, compareOutputSets, DRIFT_TOLERANCES, toleranceFor } from '../../../src/core/method/drift.ts';

const f32 = (...v: number[]): Float32Array => new Float32Array(v);

describe('compareOutputs', () => {
  it('reports identical outputs as exact agreement', () => {
    const r = compareOutputs(f32(1, -2, 3), f32(1, -2, 3), DRIFT_TOLERANCES.fp32);
    expect(r).toMatchObject({ count: 3, maxAbsDiff: 0, meanAbsDiff: 0, cosine: 1, withinTolerance: true });
  });

  it('computes the hand-worked figures', () => {
    // Δ = (0, 0, 0.5); cosine = 15.5 / (√14 · √17.25)
    const r = compareOutputs(f32(1, 2, 3), f32(1, 2, 3.5), DRIFT_TOLERANCES.fp32);
    expect(r.maxAbsDiff).toBeCloseTo(0.5, 9);
    expect(r.meanAbsDiff).toBeCloseTo(0.5 / 3, 9);
    expect(r.cosine).toBeCloseTo(15.5 / Math.sqrt(14 * 17.25), 9);
    expect(r.boundAbs).toBeCloseTo(1e-4 + 1e-3 * 3, 12);
    expect(r.withinTolerance).toBe(false);
  });

  it('widens the tolerance with reduced precision', () => {
    const ref = f32(1, 2, 3, 4);
    const fp16ish = f32(1.004, 1.996, 3.01, 3.99);
    expect(compareOutputs(ref, fp16ish, toleranceFor('fp32')).withinTolerance).toBe(false);
    expect(compareOutputs(ref, fp16ish, toleranceFor('fp16')).withinTolerance).toBe(true);
    expect(toleranceFor('q8')).toBe(DRIFT_TOLERANCES.quantized);
  });

  it('catches a change of scale the cosine misses', () => {
    const r = compareOutputs(f32(1, 2, 3), f32(2, 4, 6), DRIFT_TOLERANCES.quantized);
    expect(r.cosine).toBeCloseTo(1, 12);
    expect(r.withinTolerance).toBe(false);
  });

  it('flags NaN and length mismatches with null figures that survive JSON', () => {
    const nan = compareOutputs(f32(1, 2), f32(1, NaN), DRIFT_TOLERANCES.fp32);
    expect(nan).toMatchObject({ withinTolerance: false, maxAbsDiff: null, cosine: null });
    expect(nan.detail).toMatch(/NaN/);
    expect(compareOutputs(f32(1, 2), f32(1), DRIFT_TOLERANCES.fp32).detail).toMatch(/lengths differ/);
    expect(JSON.parse(JSON.stringify(nan))).toEqual(nan);
  });
});

describe('compareOutputSets', () => {
  it('flags a missing output and any output beyond tolerance', () => {
    const ref = { a: f32(1, 2), b: f32(3, 4) };
    expect(compareOutputSets('webgpu', 'fp32', ref, { a: f32(1, 2), b: f32(3, 4) }).withinTolerance).toBe(true);
    const missing = compareOutputSets('webgpu', 'fp32', ref, { a: f32(1, 2) });
    expect(missing.withinTolerance).toBe(false);
    expect(missing.outputs.b!.detail).toBe('output b is missing');
  });
});
