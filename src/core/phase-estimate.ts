/**
 * How long session creation and the first inference may take, told from this device's own
 * earlier runs of the same model (issue 11: "an estimate where one is possible: compile and first
 * inference, which can take tens of seconds on a slow GPU"). Only runs that match what is about
 * to run count: the same model bytes, runtime, backend, weights precision and device (an imported
 * result from another machine says nothing about this one), and, for session creation, whether
 * the runtime was already started in the worker (Timings.runtimeStarted), since that time then
 * leaves the start out. The median of the five most recent is the estimate; with none, there is
 * no estimate.
 */
import type { SharedResult } from './share/schema.ts';
import { quantileSorted, sortedCopy } from './stats.ts';

/** What an earlier run says about its phases (from a saved result). */
export interface PastPhases {
  sha256: string;
  runtime: string;
  backend: string;
  dtype: string | null;
  threads: number;
  userAgent: string;
  initMs: number;
  firstMs: number;
  runtimeStarted: boolean;
}

/** The run about to start. */
export type RunKey = Omit<PastPhases, 'initMs' | 'firstMs'>;

export interface PhaseEstimate {
  ms: number;
  /** How many earlier runs it is the median of. */
  runs: number;
}

const RECENT = 5;

/** `past` newest first, as history lists it. */
export function phaseEstimate(past: readonly PastPhases[], next: RunKey, phase: 'init' | 'first'): PhaseEstimate | null {
  const matching = past.filter((run) => run.sha256 === next.sha256 && run.runtime === next.runtime && run.backend === next.backend &&
    run.dtype === next.dtype && run.threads === next.threads && run.userAgent === next.userAgent &&
    (phase === 'first' || run.runtimeStarted === next.runtimeStarted));
  const recent = matching.slice(0, RECENT).map((run) => (phase === 'init' ? run.initMs : run.firstMs));
  if (recent.length === 0) return null;
  return { ms: quantileSorted(sortedCopy(recent), 0.5), runs: recent.length };
}

/** The phases of a saved result, for phaseEstimate. */
export function pastPhasesOf(result: SharedResult): PastPhases {
  return {
    sha256: result.model.sha256, runtime: result.runtime, backend: result.backend, dtype: result.config.dtype ?? null,
    threads: result.config.threads, userAgent: result.device.userAgent,
    initMs: result.timings.initMs, firstMs: result.timings.firstMs, runtimeStarted: result.timings.runtimeStarted === true,
  };
}
