import { mulberry32 } from '../rng.ts';
import { summarize } from '../stats.ts';
import { isPercentileSupported } from './percentiles.ts';

/**
 * Load levels and capacity. Closed loop: N workers each issue their next request as soon as the
 * last one returns. Open loop (MLPerf Server): requests arrive at a target rate with Poisson
 * inter-arrival times, whether or not earlier ones have finished.
 */

export type LoadKind = 'workers' | 'rate';

export interface LoadLevelRun {
  kind: LoadKind;
  /** N workers (closed loop) or requests per second (open loop). */
  load: number;
  /** Wall time from the first request issued to the last response. */
  wallMs: number;
  /**
   * One latency per completed request. In the open loop, measure from the request's scheduled
   * arrival, not from when it was dispatched: otherwise queueing under overload is hidden
   * ("coordinated omission") and an overloaded level looks fast.
   */
  latenciesMs: number[];
}

export interface LoadLevelSummary {
  kind: LoadKind;
  load: number;
  count: number;
  /** Completed requests per second of wall time. */
  throughput: number;
  /** Null when no request completed. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  p95Supported: boolean;
  /** p95 < target with a sample large enough for p95. */
  underTarget: boolean;
}

export function summarizeLoadLevel(run: LoadLevelRun, targetMs: number): LoadLevelSummary {
  const count = run.latenciesMs.length;
  const stats = count > 0 ? summarize(run.latenciesMs) : null;
  const p95Supported = isPercentileSupported('p95', count);
  return {
    kind: run.kind, load: run.load, count,
    throughput: run.wallMs > 0 ? (count * 1000) / run.wallMs : 0,
    p50: stats?.p50 ?? null, p95: stats?.p95 ?? null, p99: stats?.p99 ?? null,
    p95Supported,
    underTarget: stats !== null && p95Supported && stats.p95 < targetMs,
  };
}

export interface Capacity {
  targetMs: number;
  /** Ascending by load. */
  levels: LoadLevelSummary[];
  /** The highest load whose p95 stays under the target, or null if even the lowest misses. */
  highestLoadUnderTarget: number | null;
  /** Throughput at that load. */
  throughputAtCapacity: number | null;
  reason: string;
}

/**
 * The highest load L such that L and every lower load tested kept p95 under the target. A level
 * that passes above a failing one is noise (latency does not improve with load), so the first
 * failure ends the search.
 */
export function findCapacity(runs: LoadLevelRun[], targetMs: number): Capacity {
  const levels = runs.map((r) => summarizeLoadLevel(r, targetMs)).sort((a, b) => a.load - b.load);
  let best: LoadLevelSummary | null = null;
  let stoppedBy: LoadLevelSummary | null = null;
  for (const level of levels) {
    if (!level.underTarget) { stoppedBy = level; break; }
    best = level;
  }
  const unit = (l: LoadLevelSummary): string => (l.kind === 'workers' ? `${l.load} concurrent` : `${l.load} req/s`);
  const why = (l: LoadLevelSummary): string => (l.p95Supported && l.p95 !== null
    ? `at ${unit(l)} p95 is ${l.p95.toFixed(3)} ms, not under ${targetMs} ms`
    : `at ${unit(l)} only ${l.count} requests completed, too few for p95`);
  const reason = levels.length === 0 ? 'no load levels were run'
    : best === null ? why(levels[0]!)
      : `p95 stays under ${targetMs} ms up to ${unit(best)}${stoppedBy ? `; ${why(stoppedBy)}` : ' (the highest load tested)'}`;
  return {
    targetMs, levels,
    highestLoadUnderTarget: best?.load ?? null,
    throughputAtCapacity: best?.throughput ?? null,
    reason,
  };
}

/**
 * Arrival times (ms from the start) of a Poisson process of `ratePerSec`, over `durationMs`.
 * Inter-arrival gaps are exponential, -ln(U)/λ, as in MLPerf LoadGen's server scenario; the
 * seeded PRNG makes a run's schedule reproducible.
 */
export function poissonArrivals(ratePerSec: number, durationMs: number, seed: number): number[] {
  if (!(ratePerSec > 0) || !(durationMs > 0)) return [];
  const random = mulberry32(seed);
  const meanGapMs = 1000 / ratePerSec;
  const arrivals: number[] = [];
  // 1 - U lies in (0, 1], so the logarithm is finite.
  for (let t = -Math.log(1 - random()) * meanGapMs; t < durationMs; t += -Math.log(1 - random()) * meanGapMs) {
    arrivals.push(t);
  }
  return arrivals;
}
