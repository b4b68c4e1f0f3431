/**
 * Owns one bench worker for the length of one task. Squoosh's pattern: every long call takes an
 * AbortSignal, and aborting terminates the worker, so Stop is immediate and the UI never waits
 * on a dead worker. A fresh worker per task also gives every run clean memory. A watchdog
 * (worker-watchdog.ts) ends the task when the worker dies or stops making progress.
 */
import * as Comlink from 'comlink';
import type { BenchWorkerApi } from '../../workers/protocol.ts';
import { compiledOrtWasm } from './compiled-wasm.ts';
import { WORKER_LOCK_PREFIX, WorkerWatchdog, type WatchdogOptions } from './worker-watchdog.ts';

export { WorkerLostError } from './worker-watchdog.ts';

export class AbortedError extends Error {
  constructor() {
    super('Stopped.');
    this.name = 'AbortError';
  }
}

export async function withBenchWorker<T>(
  signal: AbortSignal,
  task: (api: Comlink.Remote<BenchWorkerApi>, watchdog: WorkerWatchdog) => Promise<T>,
  watch: WatchdogOptions = {},
): Promise<T> {
  if (signal.aborted) throw new AbortedError();
  const lockName = `${WORKER_LOCK_PREFIX}${crypto.randomUUID()}`;
  const worker = new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), {
    type: 'module',
    name: lockName,
  });
  const api = Comlink.wrap<BenchWorkerApi>(worker);
  const watchdog = new WorkerWatchdog(worker, lockName, () => api.ping(), watch);
  let onAbort = (): void => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const prepared = compiledOrtWasm().then((ort) => api.useCompiledWasm(ort));
    return await Promise.race([prepared.then(() => task(api, watchdog)), stopped, watchdog.lost]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    watchdog.dispose();
    worker.terminate();
  }
}
