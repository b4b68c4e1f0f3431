import type { BackendId } from '../result.ts';
import { PERCENTILE_MIN_SAMPLES } from './percentiles.ts';

/**
 * Whether a measured run can be believed. Each check is stated with its evidence, so an invalid
 * result is shown with the reason, never hidden and never shown as if it were fine.
 *
 * Drift is not a reason to disbelieve a run: a run whose device changed state is split into
 * regimes (regimes.ts) and judged in each (verdict.ts). Older results carry a 'drift' check.
 */

export type ValidityCheckId = 'visible' | 'samples' | 'drift' | 'backend';

/** Enough runs for p95 (MLPerf's minimum): what a run stopped early by the user must have. */
const STOPPED_EARLY_MIN = PERCENTILE_MIN_SAMPLES.p95;

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
  /**
   * Why the measured loop ended. A run the user stopped ("stopped-early") is held to the
   * fewest runs p95 needs, not to its rule's minimum, and says it was stopped.
   */
  stopReason?: string;
}

function samplesCheck(n: number, required: number, stopReason: string | undefined): ValidityCheck {
  if (stopReason === 'stopped-early') {
    const need = Math.min(required, STOPPED_EARLY_MIN);
    return {
      id: 'samples', ok: n >= need,
      detail: n >= need
        ? `stopped early after ${n} runs (enough for p95: at least ${need}; the rule asked for ${required})`
        : `stopped early after only ${n} runs; at least ${need} needed for p95`,
    };
  }
  return {
    id: 'samples', ok: n >= required,
    detail: n >= required ? `${n} runs (at least ${required} required)` : `only ${n} runs; at least ${required} required`,
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
    samplesCheck(n, input.requiredSamples, input.stopReason),
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
