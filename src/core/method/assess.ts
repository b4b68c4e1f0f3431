import type { BackendId } from '../result.ts';
import { summarize } from '../stats.ts';
import type { DomainId } from './matrix.ts';
import { percentilePrecision, type PercentilePrecision } from './percentiles.ts';
import { findRegimes, REGIME_METHOD, type Regime } from './regimes.ts';
import type { RunPattern } from './patterns.ts';
import type { RunMode, StopReason, StoppingRule } from './stopping.ts';
import { assessValidity, type Validity } from './validity.ts';
import { judge, type Verdict } from './verdict.ts';

/**
 * One call from a finished measured run to everything the result must say about its method:
 * how it stopped, how far its percentiles can be trusted, whether it is valid, and the verdict.
 * The harness calls this once, after its `shouldStop` loop, so the pieces cannot disagree.
 */

export interface RunAssessmentInput {
  mode: RunMode | 'fixed';
  rule: StoppingRule;
  stopReason: StopReason;
  /** Measured latencies in run order. */
  samplesMs: number[];
  hiddenEvents: number;
  requestedBackend: BackendId;
  ranBackend: BackendId;
  /** Detected or chosen by the user; null when neither. */
  domain: DomainId | null;
  slaMs: number | null;
}

export interface RunAssessment {
  mode: RunMode | 'fixed';
  rule: StoppingRule;
  stopReason: StopReason;
  precision: PercentilePrecision;
  validity: Validity;
  verdict: Verdict;
  stability: Stability;
}

/** The run's regimes and the shape of its instability, with advice (regimes.ts, patterns.ts). */
export interface Stability {
  method: string;
  regimes: Regime[];
  pattern: RunPattern;
}

export function assessRun(input: RunAssessmentInput): RunAssessment {
  const validity = assessValidity({
    samplesMs: input.samplesMs,
    requiredSamples: input.rule.minCount,
    hiddenEvents: input.hiddenEvents,
    requestedBackend: input.requestedBackend,
    ranBackend: input.ranBackend,
    stopReason: input.stopReason,
  });
  const { regimes, pattern } = findRegimes(input.samplesMs);
  const precision = percentilePrecision(input.samplesMs);
  const count = input.samplesMs.length;
  const verdict = judge({
    domain: input.domain,
    slaMs: input.slaMs,
    count,
    p95: count > 0 ? summarize(input.samplesMs).p95 : NaN,
    validity,
    p95UpperMs: precision.p95Interval?.upperMs ?? null,
    p95LowerMs: precision.p95Interval?.lowerMs ?? null,
    regimes,
  });
  const stability = { method: REGIME_METHOD, regimes, pattern };
  return { mode: input.mode, rule: input.rule, stopReason: input.stopReason, precision, validity, verdict, stability };
}
