import type { EnvInfo, GpuInfo } from '../src/core/result.ts';
import { BenchError } from './errors.ts';

interface NavigatorWithExtras {
  gpu?: GPU;
  deviceMemory?: number;
}

/** The WebGPU adapter the browser would give us, or null; never throws. */
export async function requestGpuAdapter(): Promise<GPUAdapter | null> {
  const gpu = (navigator as NavigatorWithExtras).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}

export function describeAdapter(adapter: GPUAdapter): GpuInfo {
  const info = adapter.info;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    features: [...adapter.features].map(String).sort(),
    isFallbackAdapter: (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false,
  };
}

export async function collectEnv(versions: Record<string, string>): Promise<EnvInfo> {
  const nav = navigator as Navigator & NavigatorWithExtras;
  const adapter = await requestGpuAdapter();
  return {
    crossOriginIsolated: self.crossOriginIsolated,
    userAgent: nav.userAgent,
    hardwareConcurrency: nav.hardwareConcurrency,
    deviceMemory: nav.deviceMemory ?? null,
    gpu: adapter ? describeAdapter(adapter) : null,
    // Browsers coarsen performance.now() to 5 µs when cross-origin isolated, 100 µs otherwise.
    timerResolutionMs: self.crossOriginIsolated ? 0.005 : 0.1,
    versions,
  };
}

/** Shared by every runtime that offers webgpu: say so before anything can fall back. */
export async function assertWebGpu(other = 'the wasm backend'): Promise<GPUAdapter> {
  const adapter = await requestGpuAdapter();
  if (!adapter) {
    throw new BenchError('BackendUnavailableError',
      'WebGPU is not available here: this browser gave no GPU adapter. Use Chrome or Edge 113+ ' +
      `(or enable WebGPU in your browser's flags) on a device with a supported GPU, or choose ${other}.`);
  }
  return adapter;
}
