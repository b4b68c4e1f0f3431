import { sortedCopy } from '../stats.ts';

/**
 * How far a sample's percentiles can be trusted: whether it is large enough for each tail
 * percentile, and distribution-free confidence intervals from order statistics.
 */

export type TailPercentile = 'p90' | 'p95' | 'p99';

/**
 * The fewest samples MLPerf LoadGen's early-stopping estimate accepts for each percentile
 * (with no overruns); see runtime-pitfalls.md, "Measurement anchors". Below these, the
 * percentile is still computed but must not be the basis of a verdict.
 */
export const PERCENTILE_MIN_SAMPLES: Readonly<Record<TailPercentile, number>> = { p90: 64, p95: 130, p99: 662 };
const TAIL_QUANTILES: Readonly<Record<TailPercentile, number>> = { p90: 0.9, p95: 0.95, p99: 0.99 };

export interface PercentileSupport {
  name: TailPercentile;
  quantile: number;
  minSamples: number;
  supported: boolean;
}

export function isPercentileSupported(name: TailPercentile, count: number): boolean {
  return count >= PERCENTILE_MIN_SAMPLES[name];
}

export function percentileSupport(count: number): PercentileSupport[] {
  return (Object.keys(PERCENTILE_MIN_SAMPLES) as TailPercentile[]).map((name) => ({
    name, quantile: TAIL_QUANTILES[name], minSamples: PERCENTILE_MIN_SAMPLES[name],
    supported: isPercentileSupported(name, count),
  }));
}

export const INTERVAL_METHOD =
  'distribution-free order-statistic interval, ranks from the exact binomial distribution (Conover, Practical Nonparametric Statistics, 3rd ed., §3.2)';

export interface QuantileInterval {
  quantile: number;
  /** The confidence asked for, e.g. 0.95. */
  confidence: number;
  lowerMs: number;
  upperMs: number;
  /** 1-based ranks of the order statistics that bound the interval. */
  lowerRank: number;
  upperRank: number;
  /** The exact coverage of these ranks: at least `confidence` for continuous latencies. */
  coverage: number;
}

/**
 * Binomial(n, p) probabilities for k = 0..n. Built by the pmf ratio in log space and normalised,
 * so it neither underflows (0.5^100000) nor needs a log-gamma. O(n), a few ms at n = 100 000.
 */
export function binomialPmf(n: number, p: number): Float64Array {
  const logs = new Float64Array(n + 1);
  logs[0] = n * Math.log1p(-p);
  const oddsLog = Math.log(p) - Math.log1p(-p);
  let max = logs[0];
  for (let k = 0; k < n; k++) {
    logs[k + 1] = logs[k]! + Math.log((n - k) / (k + 1)) + oddsLog;
    if (logs[k + 1]! > max) max = logs[k + 1]!;
  }
  const pmf = logs.map((l) => Math.exp(l - max));
  const sum = pmf.reduce((a, b) => a + b, 0);
  return pmf.map((x) => x / sum);
}

/**
 * The two-sided interval [X(l), X(u)] for the q-quantile of an ascending-sorted sample.
 * With B ~ Binomial(n, q) the number of samples below the true quantile, the interval misses
 * it below with probability P(B < l) and above with P(B ≥ u); l and u are the tightest ranks
 * that keep each tail ≤ (1 - confidence) / 2. Exact for every n, so no normal approximation
 * is needed. Null when the sample is too small for any such ranks (e.g. fewer than 72
 * samples for p95 at 95%: 0.95^n must be ≤ 0.025).
 */
export function quantileInterval(sorted: ArrayLike<number>, q: number, confidence = 0.95): QuantileInterval | null {
  const n = sorted.length;
  if (n === 0 || !(q > 0 && q < 1) || !(confidence > 0 && confidence < 1)) return null;
  const tail = (1 - confidence) / 2;
  const pmf = binomialPmf(n, q);
  // Lower: grow P(B <= k) while it stays within the tail; l = k + 1.
  let below = 0;
  let lowerRank = 0;
  for (let k = 0; k <= n && below + pmf[k]! <= tail; k++) {
    below += pmf[k]!;
    lowerRank = k + 1;
  }
  // Upper: grow P(B >= u) from the top while it stays within the tail.
  let above = 0;
  let upperRank = n + 1;
  for (let u = n; u >= 1 && above + pmf[u]! <= tail; u--) {
    above += pmf[u]!;
    upperRank = u;
  }
  if (lowerRank < 1 || upperRank > n) return null;
  return {
    quantile: q, confidence, lowerRank, upperRank,
    lowerMs: sorted[lowerRank - 1]!, upperMs: sorted[upperRank - 1]!,
    coverage: 1 - below - above,
  };
}

export interface PercentilePrecision {
  count: number;
  support: PercentileSupport[];
  /** 95% intervals; null where the sample is too small to bound that percentile. */
  p50Interval: QuantileInterval | null;
  p95Interval: QuantileInterval | null;
  intervalMethod: string;
}

/** Everything the result needs to say how far its percentiles can be trusted. */
export function percentilePrecision(samplesMs: ArrayLike<number>, confidence = 0.95): PercentilePrecision {
  const sorted = sortedCopy(samplesMs);
  return {
    count: sorted.length,
    support: percentileSupport(sorted.length),
    p50Interval: quantileInterval(sorted, 0.5, confidence),
    p95Interval: quantileInterval(sorted, 0.95, confidence),
    intervalMethod: INTERVAL_METHOD,
  };
}
