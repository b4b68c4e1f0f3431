/**
 * Interleaved comparisons. Points (sweep configurations, or this run beside another) take turns
 * in short rounds, as the overhead bench does (src/bench/overhead.ts), so a drift of the device
 * (throttling, load that comes and goes) falls on all of them alike instead of on whichever ran
 * last. Every other round runs in reverse order, A B C C B A A B C …: a trend within rounds
 * (throttling) then favours no point (counterbalancing, the ABBA design of crossover trials). A speed-up is then estimated round by round: in round r, baseline median /
 * point median, two figures taken moments apart. The speed-up is the median of these round
 * ratios, and its 95% interval is the distribution-free interval of a median from order
 * statistics (the sign-test interval, Conover, Practical Nonparametric Statistics, 3rd ed.,
 * §3.2; percentiles.ts), which needs no assumption about how latencies are distributed.
 */
import { quantileSorted, sortedCopy } from '../stats.ts';
import { quantileInterval } from './percentiles.ts';
import type { StoppingRule } from './stopping.ts';

/** The fewest rounds with which a 95% interval for a median exists (0.5^6 ≤ 0.025). */
export const MIN_ROUNDS_FOR_INTERVAL = 6;
/** Rounds to aim for: enough for a tight interval, few enough that each round has runs. */
export const TARGET_ROUNDS = 20;

/** The order of the points in round `round` (0-based): forward, then backward. */
export function roundOrder(points: number, round: number): number[] {
  const order = Array.from({ length: points }, (_, i) => i);
  return round % 2 === 0 ? order : order.reverse();
}

/**
 * How long each point runs per round: the rule's minimum duration over TARGET_ROUNDS, within
 * 100–500 ms. Short, so that a change of the device's state rarely falls between the points of
 * one round; a round it does fall in is one outlier among many, and the median shrugs it off.
 */
export function roundMs(rule: StoppingRule): number {
  return Math.min(500, Math.max(100, rule.minDurationMs / TARGET_ROUNDS));
}

/**
 * A point's share of the count cap per round: a window runs no more than this (a Fixed run of 40
 * on a 1 ms model would otherwise spend its 40 runs in one round, and a Fixed run of 12 LLM
 * requests would put two in some windows and end in 8 rounds instead of 12).
 */
export function windowRuns(rule: StoppingRule): number {
  return Math.max(1, Math.ceil(rule.maxCount / TARGET_ROUNDS));
}

/**
 * One point's window: roundMs, but no longer than windowRuns at its mean latency. `meanMs` is
 * the point's mean latency so far; null before its first window, which is then kept short.
 */
export function windowMs(rule: StoppingRule, meanMs: number | null): number {
  const full = roundMs(rule);
  if (meanMs === null) return Math.min(full, 20);
  return Math.max(0.001, Math.min(full, meanMs * windowRuns(rule)));
}

export interface PointProgress {
  count: number;
  /** Time spent in this point's own windows. */
  elapsedMs: number;
}

/**
 * Whether a point has had its turns: it met the rule's minimums over enough rounds for an
 * interval, or reached a cap of its own. Points that are done drop out of later rounds; the
 * others go on, so a slow point still gets its runs.
 */
export function pointDone(p: PointProgress, rounds: number, rule: StoppingRule): boolean {
  if (p.count >= rule.maxCount || p.elapsedMs >= rule.maxDurationMs) return true;
  return p.count >= rule.minCount && p.elapsedMs >= rule.minDurationMs && rounds >= TARGET_ROUNDS;
}

export interface SpeedupEstimate {
  /** Median over rounds of baseline / point: 2 means the point answers in half the time. */
  speedup: number;
  /** 95% interval of that median; null with fewer than 6 rounds. */
  lower: number | null;
  upper: number | null;
  rounds: number;
  /** 'none' when the interval contains 1: no difference measured. */
  difference: 'faster' | 'slower' | 'none' | 'unknown';
}

export const SPEEDUP_METHOD = 'interleaved rounds; median of per-round ratios, 95% sign-test interval (Conover §3.2)';

const median = (values: number[]): number => quantileSorted(sortedCopy(values), 0.5);

/** Speed-up of `point` against `baseline` from their per-round medians (same rounds, same order). */
export function speedupFromRounds(baselineRounds: number[], pointRounds: number[]): SpeedupEstimate | null {
  const n = Math.min(baselineRounds.length, pointRounds.length);
  const ratios: number[] = [];
  for (let r = 0; r < n; r++) if (pointRounds[r]! > 0 && baselineRounds[r]! > 0) ratios.push(baselineRounds[r]! / pointRounds[r]!);
  if (ratios.length === 0) return null;
  const interval = quantileInterval(sortedCopy(ratios), 0.5);
  const lower = interval?.lowerMs ?? null;
  const upper = interval?.upperMs ?? null;
  const difference = lower === null || upper === null ? 'unknown' : lower > 1 ? 'faster' : upper < 1 ? 'slower' : 'none';
  return { speedup: median(ratios), lower, upper, rounds: ratios.length, difference };
}

/** "1.84× (1.79–1.90)", "no difference measured (0.97–1.04)". */
export function describeSpeedup(e: SpeedupEstimate): string {
  const x = (v: number): string => v.toFixed(2);
  const range = e.lower === null || e.upper === null ? `too few rounds (${e.rounds}) for an interval` : `${x(e.lower)}–${x(e.upper)}`;
  return e.difference === 'none' ? `no difference measured (${range})` : `${x(e.speedup)}× (${range})`;
}

/** Each round's median per point, from the latencies each point measured in each round. */
export function roundMedians(windows: number[][]): number[] {
  return windows.map((w) => (w.length > 0 ? median(w) : NaN));
}
