/**
 * Turns a worker's measurement into the result people read: the domain it is judged in, how far
 * its percentiles can be trusted, whether it is valid, the verdict and the readiness checklist.
 * Pure, so the same call serves the page, tests and any later CLI.
 */
import type { Capacity } from './method/concurrency.ts';
import type { BackendAttempt, FormatEvidence, VariantMeasurement } from './method/checklist.ts';
import { fillChecklist } from './method/checklist.ts';
import { placeRun, type DeviceCeilings } from './roofline/place.ts';
import { ceilingsFit, threadsThatRan, type SweepRun } from './roofline/sweep.ts';
import type { DriftComparison } from './method/drift.ts';
import { detectDomain } from './method/matrix.ts';
import { assessRun } from './method/assess.ts';
import type { BenchResult, Measurement } from './result.ts';

/** What other runs of the same model (sweeps, concurrency) found; each piece is optional. */
export interface ModelEvidence {
  attempts?: BackendAttempt[];
  variants?: VariantMeasurement[];
  drift?: DriftComparison[];
  capacity?: Capacity;
  /** Concurrent requests the user expects, in the capacity run's unit. */
  expectedLoad?: number;
  /** The model's format, as detected from its bytes (src/core/formats). */
  format?: FormatEvidence;
  /** This device's measured ceilings for the run's backend: they place the run under its roofline. */
  ceilings?: DeviceCeilings;
  /** A sweep's points with their own work and p50, for the roofline chart. */
  sweepRuns?: SweepRun[];
}

export interface AssessContext {
  /** `visibilitychange` events to hidden during the run, counted by the page. */
  hiddenEvents: number;
  catalogDomain?: string;
  task?: string;
  evidence?: ModelEvidence;
}

export function assessMeasurement(measurement: Measurement, context: AssessContext): BenchResult {
  const { config } = measurement;
  const detected = detectDomain({
    inputs: measurement.io.inputs,
    ...(context.catalogDomain === undefined ? {} : { catalogDomain: context.catalogDomain }),
    ...(context.task === undefined ? {} : { task: context.task }),
  });
  const domainDetection = config.domain
    ? { domain: config.domain, source: detected.source, reason: `chosen by the user (detected: ${detected.domain ?? 'none'})` }
    : detected;
  const assessment = assessRun({
    mode: config.mode,
    rule: config.stopping,
    stopReason: measurement.stopReason,
    samplesMs: measurement.timings.samplesMs,
    hiddenEvents: context.hiddenEvents,
    requestedBackend: config.backend,
    ranBackend: measurement.backend,
    domain: domainDetection.domain,
    slaMs: config.slaMs,
  });
  const evidence = context.evidence ?? {};
  const thisRun: BackendAttempt = { runtime: measurement.runtime, backend: measurement.backend, ok: true };
  // Placed from the run's own p50, so the point moves with the result it stands beside.
  const ceilings = ceilingsFit(evidence.ceilings, measurement.backend, threadsThatRan(measurement.runtime, config.threads)) ? evidence.ceilings : undefined;
  const point = ceilings && measurement.work ? placeRun(measurement.work, measurement.stats.p50, ceilings) : undefined;
  const checklist = fillChecklist({
    verdict: assessment.verdict,
    modelBytes: measurement.model.bytes,
    sha256: measurement.model.sha256,
    sizeBudgetBytes: config.sizeBudgetBytes,
    capacity: evidence.capacity ?? null,
    expectedLoad: evidence.expectedLoad ?? null,
    drift: evidence.drift ?? null,
    attempts: [thisRun, ...(evidence.attempts ?? [])],
    variants: evidence.variants ?? null,
    format: evidence.format ?? null,
    roofline: point ? { summary: point.summary, share: point.share, software: ceilings!.software } : null,
  });
  return {
    ...measurement,
    domainDetection,
    precision: assessment.precision,
    validity: assessment.validity,
    verdict: assessment.verdict,
    checklist,
    stability: assessment.stability,
    ...(ceilings && point ? { roofline: { ceilings, point } } : {}),
  };
}
