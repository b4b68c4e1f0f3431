/**
 * A run that did not finish (Stop, or its worker died or hung) still measured something. This
 * builds the Measurement the page can keep from what it knows: the inspection, the config, the
 * facts the worker reported as it went (its environment, the backend that ran, the phase
 * timings) and the latencies streamed with progress. The result is marked by its stop reason,
 * and validity (method/assess.ts) makes it "not measured", never a pass, when it is too short.
 */
import type { BackendId, BenchConfig, EnvInfo, Measurement, ModelIdentity, ModelIO, RuntimeId } from './result.ts';
import { PERCENTILE_METHOD, summarize } from './stats.ts';

/** Why a run ended before its stopping rule: the user pressed Stop, or its worker was lost. */
export type EarlyStopReason = 'stopped-early' | 'worker-lost';

export const EARLY_STOP_REASONS: readonly EarlyStopReason[] = ['stopped-early', 'worker-lost'];

/** What the worker reports about a run as soon as it knows it (Progress.facts). */
export interface RunFacts {
  env?: EnvInfo;
  /** The backend that runs: known once the session exists. */
  backend?: BackendId;
  fetchMs?: number;
  initMs?: number;
  firstMs?: number;
  /** The worker had started the runtime before the run (Timings.runtimeStarted). */
  runtimeStarted?: true;
  /** A model file came from the device's model cache (Timings.fromDeviceCache). */
  fromDeviceCache?: true;
}

export interface PartialRunInput {
  runtime: RuntimeId;
  model: ModelIdentity;
  io: ModelIO;
  config: BenchConfig;
  facts: RunFacts;
  /** Measured latencies streamed so far, in order. */
  samplesMs: number[];
  startedAt: string;
  reason: EarlyStopReason;
}

/** The partial Measurement, or null when no measured run finished (nothing to keep). */
export function partialMeasurement(input: PartialRunInput): Measurement | null {
  const { facts, samplesMs } = input;
  // The worker reports its environment and backend once the session exists, before any run.
  if (samplesMs.length === 0 || !facts.backend || !facts.env) return null;
  return {
    schemaVersion: 1,
    runtime: input.runtime,
    backend: facts.backend,
    model: input.model,
    config: input.config,
    io: input.io,
    // Warmup latencies are not streamed; the measured ones are all here.
    timings: {
      fetchMs: facts.fetchMs ?? 0, initMs: facts.initMs ?? 0, firstMs: facts.firstMs ?? 0,
      warmupMs: [], samplesMs: [...samplesMs],
      ...(facts.runtimeStarted ? { runtimeStarted: true as const } : {}), ...(facts.fromDeviceCache ? { fromDeviceCache: true as const } : {}),
    },
    stats: summarize(samplesMs),
    percentileMethod: PERCENTILE_METHOD,
    env: facts.env,
    startedAt: input.startedAt,
    stopReason: input.reason,
  };
}
