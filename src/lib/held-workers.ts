/**
 * Several bench workers held open at once, for comparisons that take turns (interleaved sweeps)
 * and for the open loop. Each lives inside `withBenchWorker`, so Stop and a crash end them as
 * they end one: aborting terminates every worker, and a crash rejects the whole task at once
 * rather than leaving a call to a dead worker pending.
 */
import type * as Comlink from 'comlink';
import type { BenchWorkerApi } from '../../workers/protocol.ts';
import { withBenchWorker } from './bench-bridge.ts';

export type WorkerApi = Comlink.Remote<BenchWorkerApi>;

export async function withHeldWorkers<T>(signal: AbortSignal, count: number, use: (apis: WorkerApi[]) => Promise<T>): Promise<T> {
  let release = (): void => {};
  const done = new Promise<void>((resolve) => { release = resolve; });
  const ready: Promise<WorkerApi>[] = [];
  const held: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    ready.push(new Promise<WorkerApi>((resolve) => {
      held.push(withBenchWorker(signal, async (api) => { resolve(api); await done; }));
    }));
  }
  // A held worker settles early only by failing (abort, crash): that ends the whole task.
  const failed = Promise.race(held.map((h) => h.then(() => new Promise<never>(() => {}))));
  try {
    return await Promise.race([Promise.all(ready).then(use), failed]);
  } finally {
    release();
    await Promise.allSettled(held);
  }
}
