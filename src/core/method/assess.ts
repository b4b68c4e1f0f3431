import type { BackendId } from '../result.ts';
import { summarize } from '../stats.ts';
import type { DomainId } from './matrix.ts';
import { percentilePrecision, type PercentilePrecision } from './percentiles.ts';
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
}

export function assessRun(input: RunAssessmentInput): RunAssessment {
  const validity = assessValidity({
    samplesMs: input.samplesMs,
    requiredSamples: input.rule.minCount,
    hiddenEvents: input.hiddenEvents,
    requestedBackend: input.requestedBackend,
    ranBackend: input.ranBackend,
  });
  const precision = percentilePrecision(input.samplesMs);
  const count = input.samplesMs.length;
  const verdict = judge({
    domain: input.domain,
    slaMs: input.slaMs,
    count,
    p95: count > 0 ? summarize(input.samplesMs).p95 : NaN,
    validity,
    p95UpperMs: precision.p95Interval?.upperMs ?? null,
  });
  return { mode: input.mode, rule: input.rule, stopReason: input.stopReason, precision, validity, verdict };
}
