/**
 * Owns one bench worker for the length of one task. Squoosh's pattern: every long call takes an
 * AbortSignal, and aborting terminates the worker, so Stop is immediate and the UI never waits
 * on a dead worker. A fresh worker per task also gives every run clean memory; the one exception
 * is the worker that inspected a model, kept for that model's first run (standby-worker.ts). A
 * watchdog (worker-watchdog.ts) ends the task when the worker dies or stops making progress.
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

/** A bench worker started ahead of its task. */
export interface StartedWorker {
  readonly worker: Worker;
  readonly lockName: string;
  readonly api: Comlink.Remote<BenchWorkerApi>;
}

export function startBenchWorker(): StartedWorker {
  const lockName = `${WORKER_LOCK_PREFIX}${crypto.randomUUID()}`;
  const worker = new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), {
    type: 'module',
    name: lockName,
  });
  const api = Comlink.wrap<BenchWorkerApi>(worker);
  // Posted whenever the page's compile ends; the worker's task starts without waiting for it
  // (workers/compiled-wasm.ts). A dead worker is reported by the task's watchdog.
  compiledOrtWasm().then((ort) => api.useCompiledWasm(ort)).catch(() => {});
  return { worker, lockName, api };
}

/** A worker to use instead of a fresh one, and whether it outlives a task that succeeds. */
export interface WorkerHandoff {
  started?: StartedWorker;
  /** Success leaves the worker running: the caller owns it then. Failure and Stop still end it. */
  keep?: boolean;
}

export async function withBenchWorker<T>(
  signal: AbortSignal,
  task: (api: Comlink.Remote<BenchWorkerApi>, watchdog: WorkerWatchdog) => Promise<T>,
  watch: WatchdogOptions = {},
  handoff: WorkerHandoff = {},
): Promise<T> {
  if (signal.aborted) {
    handoff.started?.worker.terminate();
    throw new AbortedError();
  }
  const started = handoff.started ?? startBenchWorker();
  const { worker, api } = started;
  const watchdog = new WorkerWatchdog(worker, started.lockName, () => api.ping(), watch);
  let onAbort = (): void => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  let kept = false;
  try {
    const value = await Promise.race([task(api, watchdog), stopped, watchdog.lost]);
    kept = handoff.keep === true;
    return value;
  } finally {
    signal.removeEventListener('abort', onAbort);
    watchdog.dispose();
    if (!kept) worker.terminate();
  }
}
