/**
 * Regimes: the stretches of a run in which the device behaved the same way, separated by the
 * change points of change-points.ts. Each regime is summarised and bounded on its own, so a run
 * that drifted can still be judged: a p95 of 6 ms passes a 50 ms target in both halves of a run
 * whose median moved by 25%.
 */
import { quantileSorted, sortedCopy } from '../stats.ts';
import { changePoints, type ChangePointOptions } from './change-points.ts';
import { quantileInterval } from './percentiles.ts';
import { classifyPattern, type RunPattern } from './patterns.ts';

export interface Regime {
  /** 1-based, in run order. */
  index: number;
  /** Run indices, 0-based, end exclusive: the regime's position on the timeline chart. */
  startRun: number;
  endRun: number;
  runs: number;
  /** Time from the start of the measured loop to the regime's first and past its last run. */
  startMs: number;
  endMs: number;
  p50: number;
  p95: number;
  max: number;
  /**
   * The 95% interval of the regime's p95 (percentiles.ts, exact binomial ranks); null where the
   * regime is too short for one (under 72 runs): the verdict then bounds it by its slowest run.
   */
  p95LowerMs: number | null;
  p95UpperMs: number | null;
  /**
   * For a regime too short for an interval, when the run has several: all such brief regimes'
   * runs together, whose p95 and interval the verdict judges instead (see poolBrief).
   */
  pooled?: PooledBrief;
}

export interface PooledBrief {
  /** How many brief regimes, and runs, were pooled. */
  regimes: number;
  runs: number;
  p95: number;
  p95LowerMs: number;
  p95UpperMs: number;
}

export interface RegimeAnalysis {
  regimes: Regime[];
  /** Indices where a new regime begins (each regime's startRun but the first). */
  changePoints: number[];
  pattern: RunPattern;
}

export const REGIME_METHOD =
  'binary segmentation (Scott & Knott 1974) with Pettitt\'s rank-based change-point test (Pettitt 1979), '
  + 'p < 0.001 and medians ≥ 5% apart, regimes of at least 20 runs; brief regimes also judged on their pooled p95';

function summarizeRegime(samples: number[], index: number, start: number, end: number, offsets: Float64Array): Regime {
  const slice = samples.slice(start, end);
  const sorted = sortedCopy(slice);
  const interval = quantileInterval(sorted, 0.95);
  return {
    index, startRun: start, endRun: end, runs: end - start,
    startMs: offsets[start]!, endMs: offsets[end]!,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    max: sorted[sorted.length - 1]!,
    p95LowerMs: interval?.lowerMs ?? null,
    p95UpperMs: interval?.upperMs ?? null,
  };
}

/**
 * On a busy device a long run splits into many brief regimes (load coming and going), each too
 * short for a p95 interval, and one slow run in any of them would leave the answer undecided
 * forever. Their runs are pooled instead: the p95 of the device's brief states together, with
 * its own interval, once they hold enough runs for one. Regimes long enough stay on their own.
 */
function poolBrief(samples: number[], regimes: Regime[]): Regime[] {
  const brief = regimes.filter((r) => r.p95LowerMs === null);
  if (brief.length < 2) return regimes;
  const sorted = sortedCopy(brief.flatMap((r) => samples.slice(r.startRun, r.endRun)));
  const interval = quantileInterval(sorted, 0.95);
  if (!interval) return regimes;
  const pooled: PooledBrief = {
    regimes: brief.length, runs: sorted.length, p95: quantileSorted(sorted, 0.95), p95LowerMs: interval.lowerMs, p95UpperMs: interval.upperMs,
  };
  return regimes.map((r) => (r.p95LowerMs === null ? { ...r, pooled } : r));
}

/** Regimes and the run's pattern; one regime for a steady run (or one too short to split). */
export function findRegimes(samplesMs: ArrayLike<number>, options: ChangePointOptions = {}): RegimeAnalysis {
  const samples = Array.from(samplesMs);
  const offsets = new Float64Array(samples.length + 1);
  for (let i = 0; i < samples.length; i++) offsets[i + 1] = offsets[i]! + samples[i]!;
  const points = samples.length > 0 ? changePoints(samples, options) : [];
  const bounds = [0, ...points, samples.length];
  const regimes = samples.length === 0 ? [] : poolBrief(samples, bounds.slice(1).map((end, i) => summarizeRegime(samples, i + 1, bounds[i]!, end, offsets)));
  return { regimes, changePoints: points, pattern: classifyPattern(samples, regimes) };
}

/** "runs 1–65" for people (1-based, inclusive). */
export const regimeSpan = (r: Pick<Regime, 'startRun' | 'endRun'>): string => `runs ${r.startRun + 1}–${r.endRun}`;
