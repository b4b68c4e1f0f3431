/**
 * Collects what a run in flight reports (its facts and streamed latencies) so that, if the run
 * is stopped or its worker is lost, the runs measured so far become a result (core/partial.ts).
 */
import { partialMeasurement, type EarlyStopReason, type RunFacts } from '../core/partial.ts';
import type { Measurement } from '../core/result.ts';
import type { ModelInspection, Progress, RunRequest } from '../../workers/protocol.ts';

export class PartialRun {
  #facts: RunFacts = {};
  readonly #startedAt = new Date().toISOString();

  constructor(private readonly request: RunRequest, private readonly inspection: ModelInspection) {}

  record(progress: Progress): void {
    if (progress.facts) this.#facts = { ...this.#facts, ...progress.facts };
  }

  /** The measurement to keep, or null when no measured run finished. */
  measurement(samplesMs: number[], reason: EarlyStopReason): Measurement | null {
    return partialMeasurement({
      runtime: this.request.config.runtime,
      model: this.request.model,
      io: this.inspection.io,
      config: this.request.config,
      facts: this.#facts,
      samplesMs,
      startedAt: this.#startedAt,
      reason,
    });
  }
}
