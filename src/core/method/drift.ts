/**
 * Output drift: how far a backend's or dtype's outputs are from the reference (wasm fp32) on
 * the same inputs. Three figures, because each misses something the others catch: the max
 * absolute difference catches one broken element, the mean a small bias everywhere, the cosine
 * a change of direction regardless of scale (what embeddings and logits care about).
 */

export interface DriftTolerance {
  /** Absolute part of the element-wise bound. */
  atol: number;
  /** Relative part, scaled by the reference's largest magnitude. */
  rtol: number;
  minCosine: number;
}

/**
 * A candidate is within tolerance when maxAbsDiff ≤ atol + rtol · max|reference| and
 * cosine ≥ minCosine. The bounds widen with the precision the candidate computes in:
 * - fp32 on another backend: the same arithmetic in a different order, so only rounding that
 *   accumulates over reductions (fp32 epsilon 1.2e-7, thousands of terms) → 1e-4 / 1e-3;
 * - fp16: epsilon 9.8e-4 per operation, accumulated through the layers → 1e-2 / 1e-2;
 * - 8- and 4-bit weights: error by design, judged mostly by direction; cosine ≥ 0.99 is the
 *   usual acceptance bar for quantised embeddings and logits.
 */
export const DRIFT_TOLERANCES = {
  fp32: { atol: 1e-4, rtol: 1e-3, minCosine: 0.9999 },
  fp16: { atol: 1e-2, rtol: 1e-2, minCosine: 0.999 },
  quantized: { atol: 5e-2, rtol: 1e-1, minCosine: 0.99 },
} as const satisfies Record<string, DriftTolerance>;

/** The dtype names transformers.js uses for its variants (model_fp16.onnx, model_q4.onnx, …). */
export function toleranceFor(dtype: string): DriftTolerance {
  const key = dtype.toLowerCase();
  if (key === 'fp32' || key === 'float32') return DRIFT_TOLERANCES.fp32;
  if (key === 'fp16' || key === 'float16') return DRIFT_TOLERANCES.fp16;
  return DRIFT_TOLERANCES.quantized;
}

export interface DriftReport {
  count: number;
  /** The three figures are null when the outputs could not be compared (see `detail`). */
  maxAbsDiff: number | null;
  meanAbsDiff: number | null;
  /** 1 for identical directions. */
  cosine: number | null;
  tolerance: DriftTolerance;
  /** The element-wise bound actually applied: atol + rtol · max|reference|. */
  boundAbs: number;
  withinTolerance: boolean;
  detail: string;
}

function fail(count: number, tolerance: DriftTolerance, detail: string): DriftReport {
  return { count, maxAbsDiff: null, meanAbsDiff: null, cosine: null, tolerance, boundAbs: 0, withinTolerance: false, detail };
}

export function compareOutputs(
  reference: ArrayLike<number>, candidate: ArrayLike<number>, tolerance: DriftTolerance,
): DriftReport {
  const n = reference.length;
  if (candidate.length !== n) {
    return fail(n, tolerance, `output lengths differ: reference ${n}, candidate ${candidate.length}`);
  }
  let maxAbs = 0, sumAbs = 0, dot = 0, refNorm = 0, candNorm = 0, refMax = 0, nonFinite = 0;
  for (let i = 0; i < n; i++) {
    const r = reference[i]!;
    const c = candidate[i]!;
    if (!Number.isFinite(r) || !Number.isFinite(c)) { nonFinite++; continue; }
    const d = Math.abs(r - c);
    if (d > maxAbs) maxAbs = d;
    sumAbs += d;
    dot += r * c;
    refNorm += r * r;
    candNorm += c * c;
    if (Math.abs(r) > refMax) refMax = Math.abs(r);
  }
  if (nonFinite > 0) return fail(n, tolerance, `${nonFinite} element(s) are NaN or infinite`);
  // Two all-zero outputs agree perfectly; one all-zero output has no direction to compare.
  const cosine = refNorm === 0 && candNorm === 0 ? 1
    : refNorm === 0 || candNorm === 0 ? 0
      : dot / Math.sqrt(refNorm * candNorm);
  const boundAbs = tolerance.atol + tolerance.rtol * refMax;
  const withinTolerance = maxAbs <= boundAbs && cosine >= tolerance.minCosine;
  const detail = `max |Δ| ${maxAbs.toExponential(2)} (bound ${boundAbs.toExponential(2)}), `
    + `mean |Δ| ${(n ? sumAbs / n : 0).toExponential(2)}, cosine ${cosine.toFixed(6)} (min ${tolerance.minCosine})`;
  return { count: n, maxAbsDiff: maxAbs, meanAbsDiff: n ? sumAbs / n : 0, cosine, tolerance, boundAbs, withinTolerance, detail };
}

/** One candidate (backend × dtype) against the reference, over all of the model's outputs. */
export interface DriftComparison {
  backend: string;
  dtype: string;
  outputs: Record<string, DriftReport>;
  withinTolerance: boolean;
}

/** Compares every output the reference has; an output missing from the candidate is flagged. */
export function compareOutputSets(
  backend: string, dtype: string,
  reference: Record<string, ArrayLike<number>>, candidate: Record<string, ArrayLike<number>>,
  tolerance: DriftTolerance = toleranceFor(dtype),
): DriftComparison {
  const outputs: Record<string, DriftReport> = {};
  for (const [name, ref] of Object.entries(reference)) {
    const cand = candidate[name];
    outputs[name] = cand ? compareOutputs(ref, cand, tolerance) : fail(ref.length, tolerance, `output ${name} is missing`);
  }
  const withinTolerance = Object.values(outputs).every((r) => r.withinTolerance);
  return { backend, dtype, outputs, withinTolerance };
}
