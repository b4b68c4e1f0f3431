/**
 * Owns one bench worker for the length of one task. Squoosh's pattern: every long call takes an
 * AbortSignal, and aborting terminates the worker, so Stop is immediate and the UI never waits
 * on a dead worker. A fresh worker per task also gives every run clean memory.
 */
import * as Comlink from 'comlink';
import type { BenchWorkerApi } from '../../workers/protocol.ts';
import { compiledOrtWasm } from './compiled-wasm.ts';

export class AbortedError extends Error {
  constructor() {
    super('Stopped.');
    this.name = 'AbortError';
  }
}

export async function withBenchWorker<T>(
  signal: AbortSignal, task: (api: Comlink.Remote<BenchWorkerApi>) => Promise<T>,
): Promise<T> {
  if (signal.aborted) throw new AbortedError();
  const worker = new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), {
    type: 'module',
    name: 'benchtab-bench',
  });
  const api = Comlink.wrap<BenchWorkerApi>(worker);
  let onAbort = (): void => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    // A crash inside the worker (out of memory, a wasm trap) would leave a comlink call pending.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`The benchmark worker crashed: ${event.message || 'unknown error'}. The model may be too large for this device.`));
    });
  });
  try {
    const prepared = compiledOrtWasm().then((ort) => api.useCompiledWasm(ort));
    return await Promise.race([prepared.then(() => task(api)), stopped]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}
