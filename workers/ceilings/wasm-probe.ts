/**
 * WASM ceilings from hand-assembled SIMD kernels (simd-kernels.ts): f32 GFLOP/s and read
 * bandwidth, on 1 thread and on N threads running at once (one Worker each, as WASM threads
 * are). All N start together and a batch lasts until the slowest finishes, so the figure is what
 * the threads sustain together, not the sum of solo runs.
 */
import { ceilingFigure, type DeviceCeilings } from '../../src/core/roofline/place.ts';
import { repeatedRates, type BatchPlan } from './batches.ts';
import { FLOPS_PER_ITERATION, readBytesPerThread } from './simd-kernels.ts';
import type { ThreadBatch } from './simd-thread.worker.ts';

/** Compute iterations in one rep: about a millisecond of work on a desktop core. */
const ITERATIONS_PER_REP = 100_000;

function startThreads(count: number) {
  const workers = Array.from({ length: count }, () =>
    new Worker(new URL('./simd-thread.worker.ts', import.meta.url), { type: 'module', name: 'benchtab-simd-probe' }));
  const once = (worker: Worker, batch: ThreadBatch) => new Promise<number>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<number>) => resolve(data);
    worker.onerror = (event) => reject(new Error(`a probe thread failed: ${event.message}`));
    worker.postMessage(batch);
  });
  return {
    /** Runs the batch on every thread at once; resolves to the slowest thread's duration. */
    async run(batch: ThreadBatch): Promise<number> {
      return Math.max(...(await Promise.all(workers.map((w) => once(w, batch)))));
    },
    stop: () => workers.forEach((w) => w.terminate()),
  };
}

export async function measureWasm(threads: number, plan?: BatchPlan): Promise<DeviceCeilings> {
  const readBytes = readBytesPerThread(threads);
  const pool = startThreads(threads);
  try {
    const compute = await repeatedRates((reps) => pool.run({ kind: 'compute', reps: reps * ITERATIONS_PER_REP, readBytes }),
      threads * FLOPS_PER_ITERATION * ITERATIONS_PER_REP, plan);
    const bandwidth = await repeatedRates((reps) => pool.run({ kind: 'read', reps, readBytes }), threads * readBytes, plan);
    return {
      backend: 'wasm', threads,
      compute: ceilingFigure(compute), bandwidth: ceilingFigure(bandwidth),
      method: `hand-assembled WASM SIMD kernels on ${threads} thread${threads === 1 ? '' : 's'} at once: f32x4 multiply-add chains (GFLOP/s), 128-bit loads over ${readBytes / 2 ** 20} MiB per thread (read GB/s); wall clock over batches`,
      software: false,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    pool.stop();
  }
}
