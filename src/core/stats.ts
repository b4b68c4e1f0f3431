import type { Stats } from './result.ts';

/**
 * Percentiles are linear interpolation between closest ranks: Hyndman & Fan (1996) definition 7,
 * the default of NumPy (`method='linear'`), R (`type=7`) and Excel's PERCENTILE.INC.
 * For sorted x of length n and p in [0, 1]: h = (n - 1)p, result = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
 */
export const PERCENTILE_METHOD =
  'linear interpolation between closest ranks (Hyndman & Fan type 7, as NumPy and R default)';

/** p in [0, 1] of an ascending-sorted, non-empty array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/** Summary statistics of latency samples in milliseconds. */
export function summarize(samples: ArrayLike<number>): Stats {
  const n = samples.length;
  if (n === 0) throw new RangeError('no samples to summarize');
  const sorted = sortedCopy(samples);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  // Two-pass variance: numerically stable for the small spreads latency samples have.
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i]! - mean) ** 2;
  const stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return {
    count: n,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    mean,
    stddev,
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    throughput: sum > 0 ? (n * 1000) / sum : 0,
  };
}

export interface EcdfPoint {
  ms: number;
  /** Fraction of samples ≤ ms. */
  fraction: number;
}

/** Empirical CDF as steps: one point per distinct sample value. */
export function ecdf(samples: ArrayLike<number>): EcdfPoint[] {
  const sorted = sortedCopy(samples);
  const n = sorted.length;
  const points: EcdfPoint[] = [];
  for (let i = 0; i < n; i++) {
    const ms = sorted[i]!;
    if (i + 1 < n && sorted[i + 1] === ms) continue;
    points.push({ ms, fraction: (i + 1) / n });
  }
  return points;
}
