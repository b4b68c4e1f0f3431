/**
 * Words and limits for the worker watchdog (src/lib/worker-watchdog.ts), pure so that the URL
 * contract and the messages are tested in Node.
 */

/** The bench worker's phases (workers/protocol.ts Phase), plus the ones without progress reports. */
export type WatchedPhase = 'inspection' | 'run' | 'fetch' | 'init' | 'first' | 'warmup' | 'measure';

const PHASE_TEXT: Record<WatchedPhase, string> = {
  inspection: 'inspection (reading the model and creating its session)',
  run: 'the run',
  fetch: 'the download',
  init: 'session creation (compile)',
  first: 'the first inference',
  warmup: 'warmup',
  measure: 'the measured runs',
};

export function phaseText(phase: WatchedPhase): string {
  return PHASE_TEXT[phase];
}

/** "300 s", "4.0 s", "850 ms": how long the watchdog waited, as the message says it. */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** phaseLimit is given in seconds: 0.1 s (tests) to 24 h. */
export const PHASE_LIMIT_SECONDS = { min: 0.1, max: 86_400 } as const;

/** Parses `phaseLimit` (seconds) into milliseconds; a message on a bad value, undefined when absent. */
export function parsePhaseLimit(raw: string | null, errors: string[]): number | undefined {
  if (raw === null) return undefined;
  const seconds = Number(raw);
  const { min, max } = PHASE_LIMIT_SECONDS;
  if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < min || seconds > max) {
    errors.push(`URL parameter phaseLimit=${raw} must be a number of seconds from ${min} to ${max}.`);
    return undefined;
  }
  return seconds * 1000;
}

/**
 * Test hook `testWorkerExit=N`: the bench worker closes itself after N measured runs, as a
 * crashed or killed worker would, so the watchdog and the partial result can be tested. It can
 * only end the run of the page that asks for it.
 */
export function parseWorkerExit(raw: string | null, errors: string[]): number | undefined {
  if (raw === null) return undefined;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 0 || runs > 100_000) {
    errors.push(`URL parameter testWorkerExit=${raw} must be a whole number of runs from 0 to 100000.`);
    return undefined;
  }
  return runs;
}
