import type { BackendId } from '../result.ts';
import { speedupFromRounds, type SpeedupEstimate } from './interleave.ts';

/**
 * A sweep runs one model at every combination of backend × threads × batch size × dtype, each
 * point in a fresh worker, and compares every point with a baseline point the user picks.
 */

export interface SweepAxes {
  backends: BackendId[];
  threads: number[];
  batchSizes: number[];
  /** The dtypes asked for; only those in `availableDtypes` are swept. */
  dtypes: string[];
  /** The dtypes the model has files for (model.onnx → fp32, model_fp16.onnx → fp16, …). */
  availableDtypes: string[];
}

export interface SweepPoint {
  /** Stable and readable: `wasm/4t/b1/fp32`; what the user picks as the baseline. */
  id: string;
  backend: BackendId;
  threads: number;
  batchSize: number;
  dtype: string;
}

export interface SweepPlan {
  points: SweepPoint[];
  /** What was asked for but left out, and why. */
  skipped: string[];
}

export function sweepPointId(p: Omit<SweepPoint, 'id'>): string {
  return `${p.backend}/${p.threads}t/b${p.batchSize}/${p.dtype}`;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function positiveIntegers(name: string, values: number[], skipped: string[]): number[] {
  const ok = unique(values).filter((v) => Number.isInteger(v) && v >= 1);
  for (const v of unique(values)) if (!ok.includes(v)) skipped.push(`${name} ${v}: not a whole number ≥ 1`);
  return ok;
}

/** The cartesian product, in axis order (backend outermost), so the table groups by backend. */
export function planSweep(axes: SweepAxes): SweepPlan {
  const skipped: string[] = [];
  const threads = positiveIntegers('threads', axes.threads, skipped);
  const batchSizes = positiveIntegers('batch size', axes.batchSizes, skipped);
  const dtypes = unique(axes.dtypes).filter((d) => {
    const exists = axes.availableDtypes.includes(d);
    if (!exists) skipped.push(`dtype ${d}: the model has no ${d} variant`);
    return exists;
  });
  const points: SweepPoint[] = [];
  for (const backend of unique(axes.backends)) {
    for (const t of threads) {
      for (const batchSize of batchSizes) {
        for (const dtype of dtypes) {
          const p = { backend, threads: t, batchSize, dtype };
          points.push({ id: sweepPointId(p), ...p });
        }
      }
    }
  }
  return { points, skipped };
}

export interface SweepPointResult {
  point: SweepPoint;
  /** Null when the point failed to run; `error` then says why. */
  p50: number | null;
  p95: number | null;
  valid: boolean;
  error?: string;
  /** Interleaved sweeps: this point's median in each round, aligned with every other point's. */
  roundP50s?: number[];
}

export interface SweepRow extends SweepPointResult {
  /** From interleaved rounds: the speed-up with its 95% interval (method/interleave.ts). */
  speedup: SpeedupEstimate | null;
  /** baseline latency / point latency: 2 means this point answers in half the time. */
  latencySpeedup: number | null;
  /**
   * Items per second against the baseline's: (batch / latency) / (baseline batch / baseline
   * latency). A larger batch can be slower per call yet faster per item.
   */
  throughputSpeedup: number | null;
}

export type SpeedupMetric = 'p50' | 'p95';

export interface SweepTable {
  baselineId: string;
  /** The median by default: it is the steadiest figure for comparing configurations. */
  metric: SpeedupMetric;
  rows: SweepRow[];
  /** Set when no speed-up could be computed because the baseline is missing, failed or invalid. */
  problem: string | null;
}

export function sweepTable(results: SweepPointResult[], baselineId: string, metric: SpeedupMetric = 'p50'): SweepTable {
  const baseline = results.find((r) => r.point.id === baselineId);
  const baseMs = baseline?.valid ? baseline[metric] : null;
  const problem = !baseline ? `the baseline ${baselineId} is not in the sweep`
    : baseMs === null || !(baseMs > 0) ? `the baseline ${baselineId} has no valid ${metric}`
      : null;
  const rows = results.map((r): SweepRow => {
    const ms = r[metric];
    if (problem !== null || baseline === undefined || baseMs === null || !r.valid || ms === null || !(ms > 0)) {
      return { ...r, latencySpeedup: null, throughputSpeedup: null, speedup: null };
    }
    // Interleaved rounds give the speed-up round by round, with an interval; else the plain ratio.
    const speedup = metric === 'p50' && r !== baseline && baseline.roundP50s && r.roundP50s ? speedupFromRounds(baseline.roundP50s, r.roundP50s) : null;
    const latencySpeedup = speedup?.speedup ?? baseMs / ms;
    return {
      ...r,
      latencySpeedup,
      throughputSpeedup: latencySpeedup * (r.point.batchSize / baseline.point.batchSize),
      speedup,
    };
  });
  return { baselineId, metric, rows, problem };
}
