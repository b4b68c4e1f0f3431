/**
 * One line of a fleet run's results.jsonl: the job, the target it ran on, what happened, the
 * CLI's own overhead, and the page's result in the app's shared result schema (the same one a
 * share link or an exported file holds, so a line's `result` imports into the app's history).
 * The raw samples travel beside it for the regression gate's statistics.
 */
import * as z from 'zod/mini';
import { platformFromUserAgent } from '../share/device.ts';
import type { SharedResult } from '../share/schema.ts';
import { parseJsonSafely, parseShared } from '../share/validate.ts';
import type { JobSpec } from './jobs.ts';
import type { FleetRoofline } from './roofline.ts';
import type { TargetKind } from './targets.ts';

export const JOB_FORMAT = 'benchtab.fleet-job';

export interface GpuAdapter {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

export interface TargetIdentity {
  name: string;
  kind: TargetKind;
  /** Without credentials. */
  endpoint: string;
  browser: string;
  browserVersion: string;
  /** "Chrome 156 on Linux", from the user agent. */
  platform: string;
  userAgent: string;
  /** The WebGPU adapter the page got, or null where there is none. */
  gpu: GpuAdapter | null;
  /** True for SwiftShader, llvmpipe, WARP and other fallback adapters: never grouped with real GPUs. */
  softwareAdapter: boolean;
  crossOriginIsolated: boolean;
  /** What the gate and the summary group by: browser family, OS and GPU class, no versions. */
  deviceClass: string;
}

/** done: the page finished (its verdict may still fail); failed: the benchmark failed on its own; infra: its sessions died. */
export type JobStatus = 'done' | 'failed' | 'infra';

export interface Attempt {
  session: string;
  startedAt: string;
  error: string | null;
}

/** The CLI's time around the benchmark, per job, in ms. */
export interface Overhead {
  /** Starting the browser session this job ran on (0 when it reused one). */
  sessionMs: number;
  /** Navigation until the page's load event. */
  pageLoadMs: number;
  /** From the load event until the page settled: the benchmark itself, model fetch included. */
  benchmarkMs: number;
  /** Reading the result and the adapter back. */
  collectMs: number;
  /** Measuring (or finding cached) the target's ceilings, with `--ceilings`. */
  ceilingsMs?: number;
  totalMs: number;
}

export interface JobRecord {
  format: typeof JOB_FORMAT;
  version: 1;
  job: Omit<JobSpec, 'index'> & { index: number };
  target: TargetIdentity | null;
  status: JobStatus;
  error: string | null;
  attempts: Attempt[];
  overhead: Overhead | null;
  startedAt: string;
  endedAt: string;
  result: SharedResult | null;
  samplesMs: number[];
  /** The work, the ceilings and the placement, derived from `result` (absent in older files). */
  roofline?: FleetRoofline | null;
}

const SOFTWARE_GPU = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b|software/i;

export function isSoftwareAdapter(gpu: GpuAdapter | null): boolean {
  if (!gpu) return false;
  return gpu.isFallbackAdapter || SOFTWARE_GPU.test(`${gpu.vendor} ${gpu.architecture} ${gpu.description}`);
}

/** "Chrome on Linux · software GPU (google swiftshader)": stable across browser and driver updates. */
export function deviceClassOf(userAgent: string, gpu: GpuAdapter | null): string {
  const platform = platformFromUserAgent(userAgent).replace(/ \d+(?= on |$)/, '');
  const words = gpu ? [gpu.vendor, gpu.architecture].filter(Boolean).join(' ') || gpu.description || 'unnamed GPU' : '';
  const gpuClass = !gpu ? 'no WebGPU' : isSoftwareAdapter(gpu) ? `software GPU (${words})` : words;
  return `${platform} · ${gpuClass}`;
}

const jobShape = z.object({
  format: z.literal(JOB_FORMAT),
  version: z.literal(1),
  job: z.object({
    index: z.int(), name: z.string(), config: z.nullable(z.string()), model: z.string(),
    // Runtimes and backends come and go between versions; the result inside is validated in full.
    runtime: z.string(), backend: z.string(),
    params: z.record(z.string(), z.string()), target: z.string(),
  }),
  target: z.nullable(z.object({ deviceClass: z.string(), softwareAdapter: z.boolean() })),
  status: z.enum(['done', 'failed', 'infra']),
  error: z.nullable(z.string()),
  samplesMs: z.array(z.number().check(z.gte(0))),
});

/** Reads results.jsonl text; every bad line is named. Lines' results pass the app's own validator. */
export function parseRecords(text: string, fileName: string): { records: JobRecord[]; errors: string[] } {
  const records: JobRecord[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const json = parseJsonSafely(line);
    const where = `${fileName}:${i + 1}`;
    if (!json.ok) return void errors.push(`${where}: ${json.error}`);
    const shape = jobShape.safeParse(json.result);
    if (!shape.success) return void errors.push(`${where}: not a benchtab fleet job record (${shape.error.issues[0]?.path.join('.')})`);
    const record = json.result as JobRecord;
    if (record.result !== null) {
      const result = parseShared(record.result, 'its result');
      if (!result.ok) return void errors.push(`${where}: ${result.error}`);
      record.result = result.result;
    }
    records.push(record);
  });
  return { records, errors };
}
