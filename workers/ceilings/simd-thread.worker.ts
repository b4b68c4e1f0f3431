/// <reference lib="webworker" />
/**
 * One thread of the WASM ceiling probe: instantiates the SIMD kernels with its own memory and
 * runs a batch when told, answering with its duration. Started by wasm-probe.ts, N at once.
 */
import { instantiateKernels, type SimdKernels } from './simd-kernels.ts';

export interface ThreadBatch {
  kind: 'read' | 'compute';
  reps: number;
  readBytes: number;
}

let kernels: Promise<SimdKernels> | null = null;

self.onmessage = async ({ data }: MessageEvent<ThreadBatch>) => {
  kernels ??= instantiateKernels(data.readBytes);
  const k = await kernels;
  const start = performance.now();
  if (data.kind === 'read') k.read(0, data.readBytes, data.reps);
  else k.compute(data.reps);
  self.postMessage(performance.now() - start);
};
