/**
 * What shape a run's instability has, and what to do about it. The regimes (regimes.ts) give
 * the coarse shape; two more tests look inside them:
 * - a trend within regimes, by Spearman's rank correlation of latency with run order, combined
 *   across regimes by Stouffer's weighted Z: a climb that binary segmentation cut into steps
 *   still climbs inside each piece, a true step does not;
 * - spikes, runs beyond Tukey's "far out" fence Q3 + 3·IQR of their regime (Tukey, Exploratory
 *   Data Analysis, 1977), called periodic when most gaps between them are about equal.
 */
import { quantileSorted, sortedCopy } from '../stats.ts';
import { median, ranks } from './change-points.ts';
import type { Regime } from './regimes.ts';

export type PatternKind = 'steady' | 'warm-up-tail' | 'step-up' | 'step-down' | 'climb' | 'periodic-spikes' | 'spikes';

export interface PatternFinding {
  kind: PatternKind;
  /** What was seen, with figures. */
  detail: string;
  /** What to do about it, in words; empty for a steady run. */
  advice: string;
  /** The run (0-based) where it starts, for the timeline; null for patterns spread over the run. */
  atRun: number | null;
}

export interface RunPattern {
  /** True when the run is one regime without spikes. */
  stable: boolean;
  findings: PatternFinding[];
  /** Runs (0-based) beyond their regime's far-out fence. */
  spikeRuns: number[];
  /** The usual gap between spikes, in runs, when they are periodic. */
  spikePeriod: number | null;
}

/** What to do about each pattern; the same words for the same pattern, so a shared result can carry the kind alone. */
export const ADVICE: Readonly<Record<PatternKind, string>> = {
  steady: '',
  'warm-up-tail': 'Raise the warm-up past the slow runs (URL warmup=…), so that warming up is not measured.',
  'step-up': 'Close other tabs and apps (and pause downloads, sync and video) before running again.',
  'step-down': 'Close other tabs and apps (and pause downloads, sync and video) before running again.',
  climb: 'Plug the device into mains power, let it cool down, keep it on a hard surface, and run again.',
  'periodic-spikes': 'Close other tabs and background apps; if the spikes remain with nothing else running, they are the model\'s own (garbage collection) and users will see them too.',
  spikes: 'Close other tabs and apps; irregular spikes are usually other work competing for the CPU or GPU.',
};

const finding = (kind: PatternKind, atRun: number | null, detail: string): PatternFinding => ({ kind, atRun, detail, advice: ADVICE[kind] });

/** Z above this is a trend (one-sided p ≈ 0.001). */
const TREND_Z = 3.1;
/** At least this many spikes before calling them periodic, and this share of regular gaps. */
const MIN_PERIODIC_SPIKES = 4;
const REGULAR_GAP_SHARE = 0.6;

const ms = (x: number): string => `${+x.toPrecision(3)} ms`;
const run = (i: number): string => `run ${i + 1}`;

/** Spearman's rho of a series against its order, as a z-score: rho · √(n − 1). */
function trendZ(series: number[]): number {
  const n = series.length;
  if (n < 3) return 0;
  const r = ranks(series);
  const mean = (n + 1) / 2;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (r[i]! - mean) * (i + 1 - mean);
    den += (i + 1 - mean) ** 2;
  }
  // Without ties both rank vectors have the same spread, so rho = num / den.
  return (num / den) * Math.sqrt(n - 1);
}

/** Stouffer's Z over regimes, weighted by √runs. */
function withinRegimeTrend(samples: number[], regimes: Regime[]): number {
  let sum = 0;
  let weights = 0;
  for (const r of regimes) {
    const w = Math.sqrt(r.runs);
    sum += w * trendZ(samples.slice(r.startRun, r.endRun));
    weights += w * w;
  }
  return weights > 0 ? sum / Math.sqrt(weights) : 0;
}

function findSpikes(samples: number[], regimes: Regime[]): number[] {
  const spikes: number[] = [];
  for (const r of regimes) {
    const sorted = sortedCopy(samples.slice(r.startRun, r.endRun));
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const fence = q3 + 3 * (q3 - q1);
    for (let i = r.startRun; i < r.endRun; i++) if (samples[i]! > fence) spikes.push(i);
  }
  return spikes;
}

function spikePeriod(spikes: number[]): number | null {
  if (spikes.length < MIN_PERIODIC_SPIKES) return null;
  const gaps = spikes.slice(1).map((s, i) => s - spikes[i]!);
  const typical = median(gaps);
  if (typical < 2) return null;
  const regular = gaps.filter((g) => Math.abs(g - typical) <= Math.max(1, 0.15 * typical)).length;
  return regular / gaps.length >= REGULAR_GAP_SHARE ? typical : null;
}

/** Leading regimes, each slower than the next, that end within the first 35% of the run. */
function warmUpRegimes(regimes: Regime[], n: number): number {
  let count = 0;
  while (count + 1 < regimes.length && regimes[count]!.endRun <= 0.35 * n && regimes[count]!.p50 > regimes[count + 1]!.p50) count++;
  return count;
}

function climbs(samples: number[], rest: Regime[]): boolean {
  if (rest.length === 0) return false;
  const first = rest[0]!;
  const last = rest[rest.length - 1]!;
  const nonDecreasing = rest.every((r, i) => i === 0 || r.p50 >= rest[i - 1]!.p50);
  if (rest.length >= 3 && nonDecreasing) return true;
  if (!nonDecreasing || withinRegimeTrend(samples, rest) < TREND_Z) return false;
  if (rest.length > 1) return true;
  // One regime with a trend: it climbed if its last fifth is clearly slower than its first.
  const fifth = Math.max(1, Math.floor(first.runs / 5));
  return median(samples.slice(last.endRun - fifth, last.endRun)) >= 1.05 * median(samples.slice(first.startRun, first.startRun + fifth));
}

export function classifyPattern(samples: number[], regimes: Regime[]): RunPattern {
  const findings: PatternFinding[] = [];
  const warm = warmUpRegimes(regimes, samples.length);
  if (warm > 0) {
    const tail = regimes[warm - 1]!;
    const after = regimes[warm]!;
    findings.push(finding('warm-up-tail', 0,
      `the first ${tail.endRun} runs were slower (p50 ${ms(regimes[0]!.p50)}, then ${ms(after.p50)}): the model was still warming up; ${tail.endRun} more warm-up runs would leave them out`));
  }
  const rest = regimes.slice(warm);
  if (climbs(samples, rest)) {
    const first = rest[0]!;
    const last = rest[rest.length - 1]!;
    findings.push(finding('climb', first.startRun,
      `latency climbed gradually from ${run(first.startRun)} on (p50 ${ms(first.p50)} → ${ms(last.p50)}): the device is throttling (heat or power saving)`));
  } else {
    for (let i = 1; i < rest.length; i++) {
      const before = rest[i - 1]!;
      const now = rest[i]!;
      const up = now.p50 > before.p50;
      findings.push(finding(up ? 'step-up' : 'step-down', now.startRun,
        `at ${run(now.startRun)} the p50 ${up ? 'rose' : 'fell'} from ${ms(before.p50)} to ${ms(now.p50)}: other work ${up ? 'started' : 'stopped'} on the device`));
    }
  }
  const spikeRuns = findSpikes(samples, regimes);
  const period = spikePeriod(spikeRuns);
  const slowest = spikeRuns.reduce((m, i) => Math.max(m, samples[i]!), 0);
  if (period !== null) {
    findings.push(finding('periodic-spikes', spikeRuns[0]!,
      `about every ${period} runs one run was far slower (${spikeRuns.length} spikes, up to ${ms(slowest)}): something periodic (garbage collection, a timer in another tab, background sync)`));
  } else if (spikeRuns.length >= 4 && spikeRuns.length > 0.015 * samples.length) {
    findings.push(finding('spikes', spikeRuns[0]!, `${spikeRuns.length} runs were far slower than the rest (up to ${ms(slowest)})`));
  }
  if (findings.length === 0) findings.push(finding('steady', null, 'one steady regime, no spikes'));
  return { stable: findings[0]!.kind === 'steady', findings, spikeRuns, spikePeriod: period };
}
