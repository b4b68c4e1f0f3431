/** A sweep point's interleaved windows turned into what the sweep table and the checklist read. */
import { roundMedians } from '../core/method/interleave.ts';
import type { SweepPoint } from '../core/method/sweep.ts';
import type { BenchConfig } from '../core/result.ts';
import { summarize } from '../core/stats.ts';
import type { MeasuredPoint } from '../core/sweep-evidence.ts';
import type { InterleavedPoint } from './interleaved.ts';

export const failedPoint = (point: SweepPoint, runtime: string, error: string): MeasuredPoint => ({ point, runtime, valid: false, error });

/**
 * Valid as a main run is (method/validity.ts): the tab stayed visible, the rule's minimum count
 * was met, and the backend that ran is the one asked for.
 */
export function toMeasuredPoint(point: SweepPoint, base: BenchConfig, measured: InterleavedPoint, hiddenEvents: number): MeasuredPoint {
  if (measured.error) return failedPoint(point, base.runtime, measured.error);
  const samples = measured.windows.flat();
  const ranBackend = measured.opened?.backend;
  const reasons: string[] = [];
  if (hiddenEvents > 0) reasons.push(`the tab was hidden ${hiddenEvents} time(s)`);
  if (samples.length < base.stopping.minCount) reasons.push(`only ${samples.length} runs; at least ${base.stopping.minCount} required`);
  if (ranBackend && ranBackend !== point.backend) reasons.push(`ran on ${ranBackend}, but ${point.backend} was requested`);
  const stats = samples.length > 0 ? summarize(samples) : null;
  return {
    point, runtime: base.runtime, valid: stats !== null && reasons.length === 0,
    ...(ranBackend ? { ranBackend } : {}),
    ...(stats ? { p50: stats.p50, p95: stats.p95 } : {}),
    ...(reasons.length > 0 ? { invalidReasons: reasons } : {}),
    ...(measured.opened?.outputs ? { outputs: measured.opened.outputs } : {}),
    roundP50s: roundMedians(measured.windows),
    ...(measured.opened?.work ? { work: { flops: measured.opened.work.flops, bytes: measured.opened.work.bytes } } : {}),
  };
}
