/**
 * One measured configuration in a fresh worker: the building block of sweeps. Hidden-tab events
 * are counted around it, so each point's validity is judged like a main run's.
 */
import * as Comlink from 'comlink';
import type { Progress, RunOutcome, RunRequest } from '../../workers/protocol.ts';
import { withBenchWorker } from './bench-bridge.ts';
import { watchHidden } from './visibility.ts';

export interface PointOutcome extends RunOutcome {
  hiddenEvents: number;
}

export async function measurePoint(
  signal: AbortSignal, request: RunRequest, onProgress: (progress: Progress) => void = () => {},
): Promise<PointOutcome> {
  const stopWatching = watchHidden();
  try {
    const outcome = await withBenchWorker(signal, (api) => api.run(request, Comlink.proxy(onProgress)));
    return { ...outcome, hiddenEvents: stopWatching() };
  } finally {
    stopWatching();
  }
}
