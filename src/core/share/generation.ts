/**
 * Text generation's figures in a shared result: the schema and the rounding, kept apart from
 * schema.ts so the LLM fields (prefill rate, per-token distribution, engine timings, placement)
 * are one module. docs/result-schema.md documents them under task.generation.
 */
import * as z from 'zod/mini';
import type { GenerationMetrics } from '../tasks/types.ts';
import { BOUNDS, count, ms, text } from './schema-fields.ts';
import { roundMs } from './sketch.ts';

const rate = z.number().check(z.gte(0), z.lte(BOUNDS.throughput));
/** Our clock minus the engine's: usually positive, negative only by timer noise. */
const gap = z.number().check(z.gte(-BOUNDS.ms), z.lte(BOUNDS.ms));

export const generation = z.object({
  tokens: count(0),
  ttftMs: ms,
  perTokenMs: ms,
  tokensPerSecond: rate,
  promptTokens: z.optional(count(0)),
  prefillTokensPerSecond: z.optional(rate),
  tokenLatencyMs: z.optional(z.object({ count: count(0), p50: ms, p90: ms, p99: ms, max: ms })),
  engine: z.optional(z.object({ promptMs: ms, prefillTokensPerSecond: rate, perTokenMs: ms, tokensPerSecond: rate, ttftGapMs: gap, perTokenGapMs: gap })),
  placement: z.optional(text(120)),
});

const capRate = (v: number): number => Math.min(BOUNDS.throughput, roundMs(v));

export function shareGeneration(g: GenerationMetrics): GenerationMetrics {
  const shared: GenerationMetrics = { tokens: g.tokens, ttftMs: roundMs(g.ttftMs), perTokenMs: roundMs(g.perTokenMs), tokensPerSecond: capRate(g.tokensPerSecond) };
  if (g.promptTokens !== undefined) shared.promptTokens = g.promptTokens;
  if (g.prefillTokensPerSecond !== undefined) shared.prefillTokensPerSecond = capRate(g.prefillTokensPerSecond);
  if (g.tokenLatencyMs) {
    const t = g.tokenLatencyMs;
    shared.tokenLatencyMs = { count: t.count, p50: roundMs(t.p50), p90: roundMs(t.p90), p99: roundMs(t.p99), max: roundMs(t.max) };
  }
  if (g.engine) {
    const e = g.engine;
    shared.engine = { promptMs: roundMs(e.promptMs), prefillTokensPerSecond: capRate(e.prefillTokensPerSecond), perTokenMs: roundMs(e.perTokenMs),
      tokensPerSecond: capRate(e.tokensPerSecond), ttftGapMs: roundMs(e.ttftGapMs), perTokenGapMs: roundMs(e.perTokenGapMs) };
  }
  if (g.placement) shared.placement = g.placement.slice(0, 120);
  return shared;
}
