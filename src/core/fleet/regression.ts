/**
 * Is the current run slower than the baseline, beyond the noise of both? Two answers from the
 * raw latencies of each run:
 *
 * - a percentile bootstrap interval of the ratio of medians (current p50 / baseline p50), each
 *   run resampled on its own (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993,
 *   ch. 13; the ratio-of-medians interval is what Kalibera & Jones recommend for benchmark
 *   comparisons in "Rigorous Benchmarking in Reasonable Time", ISMM 2013);
 * - the one-sided Mann-Whitney U test that current latencies tend to be larger (Mann & Whitney,
 *   Ann. Math. Statist. 18(1), 1947), normal approximation with tie and continuity corrections
 *   (Lehmann, "Nonparametrics", 1975, §1.4), reported as the p-value beside the interval.
 */
import { mulberry32 } from '../rng.ts';
import { quantileSorted, sortedCopy } from '../stats.ts';

export interface RatioInterval {
  /** current p50 / baseline p50. */
  ratio: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
  /** Share of resampled ratios above the threshold asked for: how sure the slowdown exceeds it. */
  shareAbove: number;
}

function resampledMedian(samples: ArrayLike<number>, random: () => number, scratch: Float64Array): number {
  const n = samples.length;
  for (let i = 0; i < n; i++) scratch[i] = samples[Math.floor(random() * n)]!;
  scratch.sort();
  return quantileSorted(scratch, 0.5);
}

/** Percentile bootstrap of the ratio of medians; seeded, so a report is reproducible. */
export function bootstrapMedianRatio(
  baseline: ArrayLike<number>, current: ArrayLike<number>,
  { resamples = 2000, level = 0.95, seed = 1, threshold = 1 } = {},
): RatioInterval {
  if (baseline.length === 0 || current.length === 0) throw new Error('bootstrapMedianRatio needs samples in both runs');
  const ratio = quantileSorted(sortedCopy(current), 0.5) / quantileSorted(sortedCopy(baseline), 0.5);
  const random = mulberry32(seed);
  const baseScratch = new Float64Array(baseline.length);
  const currentScratch = new Float64Array(current.length);
  const ratios = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    ratios[i] = resampledMedian(current, random, currentScratch) / resampledMedian(baseline, random, baseScratch);
  }
  ratios.sort();
  const tail = (1 - level) / 2;
  const above = ratios.reduce((count, r) => count + (r > threshold ? 1 : 0), 0);
  return { ratio, low: quantileSorted(ratios, tail), high: quantileSorted(ratios, 1 - tail), level, resamples, shareAbove: above / resamples };
}

/** Standard normal CDF, via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface MannWhitney {
  /** U of the current run: how many (baseline, current) pairs have current larger (ties count ½). */
  u: number;
  /** U / (n1·n2): the probability that a current latency exceeds a baseline one. */
  probabilitySlower: number;
  z: number;
  /** One-sided p-value for "current latencies tend to be larger". */
  pSlower: number;
}

export function mannWhitney(baseline: ArrayLike<number>, current: ArrayLike<number>): MannWhitney {
  const n1 = baseline.length;
  const n2 = current.length;
  const all = [...Array.from(baseline, (value) => ({ value, current: false })), ...Array.from(current, (value) => ({ value, current: true }))];
  all.sort((a, b) => a.value - b.value);
  let rankSumCurrent = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.value === all[i]!.value) j++;
    const averageRank = (i + j) / 2 + 1;
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    for (let k = i; k <= j; k++) if (all[k]!.current) rankSumCurrent += averageRank;
    i = j + 1;
  }
  const n = n1 + n2;
  const u = rankSumCurrent - (n2 * (n2 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const z = variance > 0 ? (u - mean - 0.5) / Math.sqrt(variance) : 0;
  return { u, probabilitySlower: u / (n1 * n2), z, pSlower: variance > 0 ? 1 - normalCdf(z) : 0.5 };
}

export type Change = 'regression' | 'improvement' | 'same';

export interface Comparison {
  interval: RatioInterval;
  test: MannWhitney;
  change: Change;
}

/**
 * A regression is a slowdown beyond the noise (the interval's lower end above 1) and beyond the
 * allowed fraction (the median ratio above 1 + maxRegression). An improvement mirrors it.
 */
export function compareLatencies(baseline: ArrayLike<number>, current: ArrayLike<number>, maxRegression: number, level = 0.95): Comparison {
  const interval = bootstrapMedianRatio(baseline, current, { level, threshold: 1 + maxRegression });
  const test = mannWhitney(baseline, current);
  const slower = interval.low > 1 && interval.ratio > 1 + maxRegression;
  const faster = interval.high < 1 && interval.ratio < 1 / (1 + maxRegression);
  return { interval, test, change: slower ? 'regression' : faster ? 'improvement' : 'same' };
}
