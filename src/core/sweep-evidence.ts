/**
 * What a finished sweep tells the readiness checklist: which backends worked (portability),
 * how the reduced-precision variants fared (optimization), and how far each backend and dtype
 * drifts from the wasm reference on the same inputs (accuracy).
 */
import type { ModelEvidence } from './assess.ts';
import { compareOutputSets, toleranceFor, type DriftComparison } from './method/drift.ts';
import type { SweepPoint, SweepPointResult } from './method/sweep.ts';
import type { RunWork } from './roofline/place.ts';
import { threadsThatRan, type SweepRun } from './roofline/sweep.ts';

export interface MeasuredPoint {
  point: SweepPoint;
  runtime: string;
  /** The backend that actually ran, when the point ran. */
  ranBackend?: string;
  p50?: number;
  p95?: number;
  valid: boolean;
  /** Why the point's result is invalid, when it is. */
  invalidReasons?: string[];
  outputs?: Record<string, Float32Array>;
  error?: string;
  /** Interleaved sweeps: the point's median in each round (method/interleave.ts). */
  roundP50s?: number[];
  /** One inference's work at this point's dims and dtype, counted in its worker. */
  work?: RunWork;
}

export function toSweepResult(measured: MeasuredPoint): SweepPointResult {
  return {
    point: measured.point,
    p50: measured.p50 ?? null,
    p95: measured.p95 ?? null,
    valid: measured.valid,
    ...(measured.error === undefined ? {} : { error: measured.error }),
    ...(measured.roundP50s === undefined ? {} : { roundP50s: measured.roundP50s }),
  };
}

/** The reference for drift: wasm, the first dtype swept (fp32 when the model has it), same batch. */
function referenceFor(points: MeasuredPoint[], batchSize: number, referenceDtype: string): MeasuredPoint | undefined {
  return points.find((m) => m.outputs && m.point.backend === 'wasm' && m.point.dtype === referenceDtype && m.point.batchSize === batchSize);
}

function driftOf(points: MeasuredPoint[], referenceDtype: string): DriftComparison[] {
  const drift: DriftComparison[] = [];
  for (const m of points) {
    const reference = referenceFor(points, m.point.batchSize, referenceDtype);
    if (!m.outputs || !reference || reference === m) continue;
    // Same file on another backend: judged at fp32 tolerance; another dtype at its own.
    const tolerance = toleranceFor(m.point.dtype === referenceDtype ? 'fp32' : m.point.dtype);
    drift.push(compareOutputSets(`${m.point.backend}/${m.point.threads}t`, m.point.dtype, reference.outputs!, m.outputs, tolerance));
  }
  return drift;
}

export function sweepEvidence(points: MeasuredPoint[], referenceDtype: string): ModelEvidence {
  const attempts = points.map((m) => ({
    runtime: m.runtime,
    backend: m.point.backend,
    ok: m.error === undefined,
    ...(m.error === undefined ? {} : { error: m.error }),
  }));
  const variants = points
    .filter((m) => m.point.dtype !== referenceDtype)
    .map((m) => ({ dtype: m.point.dtype, p95: m.p95 ?? null, valid: m.valid }));
  const drift = driftOf(points, referenceDtype);
  const sweepRuns = points.flatMap((m): SweepRun[] => m.work && m.p50 !== undefined
    ? [{ label: m.point.id, backend: m.ranBackend ?? m.point.backend, threads: threadsThatRan(m.runtime, m.point.threads), work: m.work, p50Ms: m.p50, valid: m.valid }] : []);
  return {
    attempts,
    ...(sweepRuns.length > 0 ? { sweepRuns } : {}),
    ...(variants.length > 0 ? { variants } : {}),
    ...(drift.length > 0 ? { drift } : {}),
  };
}
