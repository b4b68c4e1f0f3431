/// <reference lib="webworker" />
/**
 * Measures a device's compute and memory ceilings off the main thread. One worker per probe:
 * onnxruntime's thread count is fixed once per worker, and a fresh one gives clean memory.
 */
import * as Comlink from 'comlink';
import type { DeviceCeilings } from '../src/core/roofline/place.ts';
import { measureWasm } from './ceilings/wasm-probe.ts';
import { measureWebGpu } from './ceilings/webgpu-probe.ts';

export interface CeilingsWorkerApi {
  measure(backend: 'wasm' | 'webgpu', threads: number): Promise<DeviceCeilings>;
}

const api: CeilingsWorkerApi = {
  measure: (backend, threads) => (backend === 'webgpu' ? measureWebGpu() : measureWasm(threads)),
};

if (!self.name.startsWith('em-pthread')) Comlink.expose(api);
