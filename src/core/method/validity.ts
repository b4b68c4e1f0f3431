import type { BackendId } from '../result.ts';
import { quantileSorted, sortedCopy } from '../stats.ts';

/**
 * Whether a measured run can be believed. Each check is stated with its evidence, so an invalid
 * result is shown with the reason, never hidden and never shown as if it were fine.
 */

/**
 * The largest relative change allowed between the p50 of the first and of the last quarter of
 * the run. Steady-state medians in a browser move by a few percent from noise alone; a change
 * beyond 10% means the device changed under the run (thermal throttling, GPU clocks, another
 * tab's load) or the warmup was too short, and the percentiles then mix two regimes.
 */
export const DRIFT_BOUND = 0.1;

/** Quarters need enough runs for their medians to mean something. */
export const MIN_SAMPLES_FOR_DRIFT = 16;

export type ValidityCheckId = 'visible' | 'samples' | 'drift' | 'backend';

export interface ValidityCheck {
  id: ValidityCheckId;
  ok: boolean;
  detail: string;
}

export interface Validity {
  valid: boolean;
  checks: ValidityCheck[];
  /** The details of the failed checks, in check order. */
  reasons: string[];
}

export interface ValidityInput {
  /** Measured latencies in the order they were taken. */
  samplesMs: ArrayLike<number>;
  /** The run's required count: its stopping rule's `minCount`. */
  requiredSamples: number;
  /** How many times the page became hidden during the measured runs (Page Visibility API). */
  hiddenEvents: number;
  requestedBackend: BackendId;
  ranBackend: BackendId;
  /** Defaults to DRIFT_BOUND. */
  driftBound?: number;
}

export interface QuarterDrift {
  firstP50: number;
  lastP50: number;
  /** (last - first) / first: positive when the run got slower. */
  relativeChange: number;
}

function median(samples: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(samples), 0.5);
}

/** The p50 of the first and of the last quarter of a run; null below MIN_SAMPLES_FOR_DRIFT. */
export function quarterDrift(samplesMs: ArrayLike<number>): QuarterDrift | null {
  const n = samplesMs.length;
  if (n < MIN_SAMPLES_FOR_DRIFT) return null;
  const quarter = Math.floor(n / 4);
  const all = Array.from(samplesMs);
  const firstP50 = median(all.slice(0, quarter));
  const lastP50 = median(all.slice(n - quarter));
  return { firstP50, lastP50, relativeChange: firstP50 > 0 ? (lastP50 - firstP50) / firstP50 : 0 };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function driftCheck(samplesMs: ArrayLike<number>, bound: number): ValidityCheck {
  const drift = quarterDrift(samplesMs);
  if (!drift) {
    return { id: 'drift', ok: false, detail: `too few runs to check for drift (${samplesMs.length}; need ${MIN_SAMPLES_FOR_DRIFT})` };
  }
  const ok = Math.abs(drift.relativeChange) <= bound;
  const change = `p50 of the first quarter ${drift.firstP50.toFixed(3)} ms, of the last ${drift.lastP50.toFixed(3)} ms`;
  return {
    id: 'drift', ok,
    detail: ok
      ? `no drift: ${change} (${pct(drift.relativeChange)}, within ±${pct(bound)})`
      : `drift: ${change} (${pct(drift.relativeChange)}, beyond ±${pct(bound)}); the device changed during the run`,
  };
}

export function assessValidity(input: ValidityInput): Validity {
  const n = input.samplesMs.length;
  const checks: ValidityCheck[] = [
    {
      id: 'visible', ok: input.hiddenEvents === 0,
      detail: input.hiddenEvents === 0
        ? 'the tab stayed visible'
        : `the tab was hidden ${input.hiddenEvents} time(s); browsers throttle hidden tabs`,
    },
    {
      id: 'samples', ok: n >= input.requiredSamples,
      detail: n >= input.requiredSamples
        ? `${n} runs (at least ${input.requiredSamples} required)`
        : `only ${n} runs; at least ${input.requiredSamples} required`,
    },
    driftCheck(input.samplesMs, input.driftBound ?? DRIFT_BOUND),
    {
      id: 'backend', ok: input.ranBackend === input.requestedBackend,
      detail: input.ranBackend === input.requestedBackend
        ? `ran on ${input.ranBackend}, as requested`
        : `ran on ${input.ranBackend}, but ${input.requestedBackend} was requested`,
    },
  ];
  const reasons = checks.filter((c) => !c.ok).map((c) => c.detail);
  return { valid: reasons.length === 0, checks, reasons };
}
