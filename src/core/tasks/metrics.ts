/** Folds per-run splits into a task's metrics; pure, so the arithmetic is unit-tested. */
import { summarize } from '../stats.ts';
import type { EngineSummary, GenerationMetrics, RunSplit, SpeechMetrics, TaskMetrics } from './types.ts';

/** New tokens per generation, the same for every runtime: greedy, EOS ignored, so every run does the same work. */
export const GENERATED_TOKENS = 16;

export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : summarize(values).p50;
}

/**
 * TTFT, prefill and decode rates from each run's token arrival times; null when no run made a
 * token. Decode rate is the mean gap between new tokens (first to last), so it leaves the prompt
 * pass out; the per-token distribution pools every gap of every run.
 */
export function generationMetrics(runs: readonly RunSplit[]): GenerationMetrics | null {
  const withTokens = runs.filter((run) => (run.tokenTimesMs ?? []).length > 0);
  if (withTokens.length === 0) return null;
  const timed = withTokens.map((run) => run.tokenTimesMs!);
  const ttftMs = median(timed.map((times) => times[0]!));
  const gaps = timed.filter((times) => times.length > 1).map((times) => (times.at(-1)! - times[0]!) / (times.length - 1));
  const perTokenMs = gaps.length > 0 ? median(gaps) : Number.NaN;
  const metrics: GenerationMetrics = { tokens: Math.min(...timed.map((t) => t.length)), ttftMs, perTokenMs, tokensPerSecond: 1000 / perTokenMs };
  const promptTokens = withTokens[0]!.promptTokens;
  if (promptTokens !== undefined) {
    metrics.promptTokens = promptTokens;
    metrics.prefillTokensPerSecond = promptTokens / (ttftMs / 1000);
  }
  const everyGap = timed.flatMap((times) => times.slice(1).map((t, i) => t - times[i]!));
  if (everyGap.length > 0) {
    const s = summarize(everyGap);
    metrics.tokenLatencyMs = { count: s.count, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max };
  }
  const engine = engineSummary(withTokens, metrics);
  if (engine) metrics.engine = engine;
  return metrics;
}

/** The engine's medians beside the wall clock's, with the difference stated. */
function engineSummary(runs: readonly RunSplit[], wall: GenerationMetrics): EngineSummary | undefined {
  const reports = runs.map((run) => run.engine).filter((e): e is NonNullable<typeof e> => e !== undefined && e.decodeTokens > 0);
  if (reports.length === 0) return undefined;
  const promptMs = median(reports.map((e) => e.promptMs));
  const perTokenMs = median(reports.map((e) => e.decodeMs / e.decodeTokens));
  return {
    promptMs,
    prefillTokensPerSecond: median(reports.map((e) => e.promptTokens / (e.promptMs / 1000))),
    perTokenMs,
    tokensPerSecond: 1000 / perTokenMs,
    ttftGapMs: wall.ttftMs - promptMs,
    perTokenGapMs: wall.perTokenMs - perTokenMs,
  };
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
export function completeSplit(totalMs: number, preMs: number, modelMs: number, tokenTimesMs?: number[], extra: Pick<RunSplit, 'promptTokens' | 'engine'> = {}): RunSplit {
  const split: RunSplit = { preMs, modelMs, postMs: Math.max(0, totalMs - preMs - modelMs), ...extra };
  return tokenTimesMs ? { ...split, tokenTimesMs } : split;
}
