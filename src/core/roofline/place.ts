/**
 * Where a run sits under its device's roofline (Williams, Waterman & Patterson, CACM 2009):
 * attainable GFLOP/s = min(peak compute, bandwidth × arithmetic intensity). A run left of the
 * ridge point is memory-bound and is judged against the bandwidth it achieved; right of it,
 * compute-bound and judged against peak compute.
 */

/** One measured ceiling: the median of repeated batches, and their spread. */
export interface CeilingFigure {
  median: number;
  /** (max − min) / median over the batches: how far apart repeated measurements fell. */
  spread: number;
  batches: number;
}

export interface DeviceCeilings {
  backend: 'wasm' | 'webgpu';
  /** WASM threads the figures were measured with. */
  threads?: number;
  /** f32 GFLOP/s. */
  compute: CeilingFigure;
  /** f16 GFLOP/s, where the adapter has shader-f16. */
  computeF16?: CeilingFigure;
  /** GB/s. */
  bandwidth: CeilingFigure;
  /** How GPU work was timed, or the wasm kernels used. */
  method: string;
  /** A software adapter (SwiftShader or another fallback): never presented as a GPU. */
  software: boolean;
  adapter?: string;
  measuredAt: string;
}

export interface RunWork {
  flops: number;
  bytes: number;
}

export interface RooflinePoint {
  intensity: number;
  achievedGflops: number;
  achievedGBps: number;
  /** Intensity where the two roofs meet: peak compute / bandwidth. */
  ridge: number;
  bound: 'memory' | 'compute';
  /** Attainable GFLOP/s at this intensity. */
  roofGflops: number;
  /** The run's share of the ceiling that binds it (bandwidth or compute), 0..1 and beyond. */
  share: number;
  summary: string;
}

const percent = (x: number): string => `${x >= 0.1 ? Math.round(x * 100) : (x * 100).toPrecision(2)}%`;

export function roofAt(ceilings: Pick<DeviceCeilings, 'compute' | 'bandwidth'>, intensity: number): number {
  return Math.min(ceilings.compute.median, ceilings.bandwidth.median * intensity);
}

/** Places one run from its own p50 (ms) and the work of one inference. */
export function placeRun(work: RunWork, p50Ms: number, ceilings: DeviceCeilings): RooflinePoint {
  const seconds = p50Ms / 1000;
  const intensity = work.bytes > 0 ? work.flops / work.bytes : 0;
  const achievedGflops = work.flops / seconds / 1e9;
  const achievedGBps = work.bytes / seconds / 1e9;
  const ridge = ceilings.compute.median / ceilings.bandwidth.median;
  const bound = intensity < ridge ? 'memory' : 'compute';
  const share = bound === 'memory' ? achievedGBps / ceilings.bandwidth.median : achievedGflops / ceilings.compute.median;
  const ceiling = bound === 'memory' ? 'measured bandwidth' : 'measured compute';
  const device = ceilings.software ? ' of a software GPU' : '';
  const beyond = share > 1 ? ' (above the ceiling: fused kernels move fewer bytes than counted, or the probe did not saturate)' : '';
  return {
    intensity, achievedGflops, achievedGBps, ridge, bound, roofGflops: roofAt(ceilings, intensity), share,
    summary: `${bound}-bound, at ${percent(share)} of ${ceiling}${device}${beyond}`,
  };
}

/** Median and relative spread of repeated figures. */
export function ceilingFigure(values: number[]): CeilingFigure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, spread: median > 0 ? (sorted[sorted.length - 1]! - sorted[0]!) / median : 0, batches: values.length };
}
