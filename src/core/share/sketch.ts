/**
 * The compact latency distribution a shared result carries instead of its raw samples: the
 * quantiles at p = 0, 1%, …, 100% in whole microseconds, delta-encoded. 101 small non-negative
 * integers deflate to a few hundred bytes whatever the sample count, and they redraw both the ECDF
 * (the quantile function inverted) and a histogram (each gap between neighbours holds 1% of runs).
 */
import { quantileSorted, sortedCopy, type EcdfPoint } from '../stats.ts';

/** Quantile steps: 100 gives p = 0, 0.01, …, 1. */
export const SKETCH_STEPS = 100;

/** Rounds milliseconds to whole microseconds: finer than any browser timer we can rely on (5 µs). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The sketch of non-empty samples: first the minimum in µs, then each quantile's rise over the last. */
export function sketchSamples(samples: ArrayLike<number>, steps = SKETCH_STEPS): number[] {
  const sorted = sortedCopy(samples);
  const deltas: number[] = [];
  let previousUs = 0;
  for (let i = 0; i <= steps; i++) {
    // Rounding each quantile first and differencing after keeps rounding errors from accumulating.
    const us = Math.round(quantileSorted(sorted, i / steps) * 1000);
    deltas.push(us - previousUs);
    previousUs = us;
  }
  return deltas;
}

/** The quantiles in milliseconds, ascending; entry i is at p = i / (length - 1). */
export function sketchQuantilesMs(deltasUs: readonly number[]): number[] {
  let us = 0;
  return deltasUs.map((delta) => {
    us += delta;
    return us / 1000;
  });
}

/** ECDF steps from the quantiles: the fraction of runs at or under each quantile's latency. */
export function ecdfFromQuantiles(quantilesMs: readonly number[]): EcdfPoint[] {
  const last = quantilesMs.length - 1;
  const points: EcdfPoint[] = [];
  quantilesMs.forEach((ms, i) => {
    const fraction = last > 0 ? i / last : 1;
    // Equal neighbours are one step of the staircase; keep the highest fraction, as ecdf() does.
    if (points.length > 0 && points[points.length - 1]!.ms === ms) points[points.length - 1]!.fraction = fraction;
    else points.push({ ms, fraction });
  });
  return points;
}

export interface HistogramBin {
  /** Bin edges in milliseconds, [x1, x2). */
  x1: number;
  x2: number;
  /** Share of runs in the bin, 0 to 1. */
  fraction: number;
}

/**
 * A histogram of `binCount` equal-width bins, assuming runs spread evenly between neighbouring
 * quantiles (each gap holds 1 / steps of them). A zero-width gap puts its share in one bin.
 */
export function histogramFromQuantiles(quantilesMs: readonly number[], binCount = 30): HistogramBin[] {
  const lo = quantilesMs[0];
  const hi = quantilesMs[quantilesMs.length - 1];
  if (lo === undefined || hi === undefined || binCount < 1) return [];
  const width = hi > lo ? (hi - lo) / binCount : 1;
  const bins: HistogramBin[] = Array.from({ length: hi > lo ? binCount : 1 }, (_, i) => ({
    x1: lo + i * width, x2: lo + (i + 1) * width, fraction: 0,
  }));
  const binOf = (ms: number): number => Math.min(bins.length - 1, Math.max(0, Math.floor((ms - lo) / width)));
  const share = quantilesMs.length > 1 ? 1 / (quantilesMs.length - 1) : 1;
  if (quantilesMs.length === 1) bins[0]!.fraction = 1;
  for (let i = 0; i + 1 < quantilesMs.length; i++) {
    const a = quantilesMs[i]!;
    const b = quantilesMs[i + 1]!;
    if (b <= a) {
      bins[binOf(a)]!.fraction += share;
      continue;
    }
    // Spread the gap's share over the bins it overlaps, in proportion to the overlap.
    for (let k = binOf(a); k <= binOf(b); k++) {
      const bin = bins[k]!;
      const overlap = Math.min(b, bin.x2) - Math.max(a, bin.x1);
      if (overlap > 0) bin.fraction += (share * overlap) / (b - a);
    }
  }
  return bins;
}
