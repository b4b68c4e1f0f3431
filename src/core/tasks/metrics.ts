/** Folds per-run splits into a task's metrics; pure, so the arithmetic is unit-tested. */
import { summarize } from '../stats.ts';
import type { GenerationMetrics, RunSplit, SpeechMetrics, TaskMetrics } from './types.ts';

export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : summarize(values).p50;
}

/** TTFT and decode rate from each run's token arrival times; null when no run made two tokens. */
export function generationMetrics(runs: readonly RunSplit[]): GenerationMetrics | null {
  const timed = runs.map((run) => run.tokenTimesMs ?? []).filter((times) => times.length > 0);
  if (timed.length === 0) return null;
  const ttftMs = median(timed.map((times) => times[0]!));
  const gaps = timed.filter((times) => times.length > 1).map((times) => (times.at(-1)! - times[0]!) / (times.length - 1));
  const perTokenMs = gaps.length > 0 ? median(gaps) : Number.NaN;
  return { tokens: timed[0]!.length, ttftMs, perTokenMs, tokensPerSecond: 1000 / perTokenMs };
}

export function speechMetrics(totalsMs: readonly number[], audioSeconds: number): SpeechMetrics {
  return { audioSeconds, rtf: median(totalsMs) / (audioSeconds * 1000) };
}

/** The split of measured runs; post absorbs what is neither pre nor model (never negative). */
export function splitStats(runs: readonly RunSplit[]): TaskMetrics['split'] {
  return {
    pre: summarize(runs.map((run) => run.preMs)),
    model: summarize(runs.map((run) => run.modelMs)),
    post: summarize(runs.map((run) => Math.max(0, run.postMs))),
  };
}

/** Post-processing is what remains of a run once pre-processing and model time are taken out. */
export function completeSplit(totalMs: number, preMs: number, modelMs: number, tokenTimesMs?: number[]): RunSplit {
  const split: RunSplit = { preMs, modelMs, postMs: Math.max(0, totalMs - preMs - modelMs) };
  return tokenTimesMs ? { ...split, tokenTimesMs } : split;
}
