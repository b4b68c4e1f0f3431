/**
 * The roofline of one fleet job, spelled out in its results.jsonl line and its summary row: the
 * work counted from the graph, the target's ceilings where they were measured (`--ceilings`), and
 * the placement computed from the job's own p50, as the page computes it (core/roofline/place.ts).
 * Everything is derived from the shared result the line also holds, so the two cannot disagree.
 */
import { placeRun } from '../roofline/place.ts';
import type { SharedResult } from '../share/schema.ts';

export interface FleetRoofline {
  work: { flops: number; macs: number; bytes: number; weightBytes: number; intensity: number; countedNodes: number; nodes: number };
  /** Medians of the target's probes, or null when they were not measured. */
  ceilings: {
    backend: 'wasm' | 'webgpu';
    threads: number | null;
    computeGflops: number;
    computeF16Gflops: number | null;
    bandwidthGBps: number;
    software: boolean;
    method: string;
  } | null;
  placement: {
    bound: 'memory' | 'compute';
    /** Of the binding ceiling, 0..1 (above 1: see the summary). */
    share: number;
    achievedGflops: number;
    achievedGBps: number;
    summary: string;
  } | null;
  /** Why the ceilings are missing when they were asked for and could not be measured. */
  ceilingsError?: string;
}

export function fleetRoofline(result: SharedResult | null, ceilingsError?: string | null): FleetRoofline | null {
  const roofline = result?.roofline;
  if (!result || !roofline) return null;
  const { work, ceilings } = roofline;
  const point = ceilings && work.flops > 0 && result.stats.p50 > 0
    ? placeRun(work, result.stats.p50, ceilings) : null;
  return {
    work: { ...work, intensity: work.bytes > 0 ? work.flops / work.bytes : 0 },
    ceilings: ceilings ? {
      backend: ceilings.backend,
      threads: ceilings.threads ?? null,
      computeGflops: ceilings.compute.median,
      computeF16Gflops: ceilings.computeF16?.median ?? null,
      bandwidthGBps: ceilings.bandwidth.median,
      software: ceilings.software,
      method: ceilings.method,
    } : null,
    placement: point ? {
      bound: point.bound, share: point.share, achievedGflops: point.achievedGflops, achievedGBps: point.achievedGBps, summary: point.summary,
    } : null,
    ...(ceilingsError ? { ceilingsError } : {}),
  };
}

const g = (x: number): string => `${+x.toPrecision(x >= 1 ? 3 : 2)}`;

/** The summary's roofline cell: the placement, or the work and why it is not placed. */
export function rooflineCell(roofline: FleetRoofline | null | undefined): string {
  if (!roofline) return '–';
  if (roofline.placement) return `${roofline.placement.summary} (${g(roofline.placement.achievedGflops)} GFLOP/s)`;
  const work = `${g(roofline.work.flops / 1e6)} MFLOP at ${g(roofline.work.intensity)} FLOP/B`;
  return `${work}; ceilings ${roofline.ceilingsError ? `not measured: ${roofline.ceilingsError}` : 'not measured (--ceilings)'}`;
}
