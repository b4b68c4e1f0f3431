/**
 * The ONNX-versus-GGUF comparison measured in interleaved rounds (method/interleave.ts): every
 * point's model stays open in its own worker and the points take turns, A B C C B A …, so the
 * machine's load falls on all of them alike instead of on whichever ran last. Each point's
 * requests give the same generation figures a single run would (tasks/metrics.ts); its speed-up
 * is the reference's request time over its own, round by round (a request is the whole greedy
 * generation, prompt and 16 new tokens), with a 95% interval, and "no difference measured" when
 * that interval contains 1. The reference is ONNX fp32 on the first backend: the first point.
 */
import { describeSpeedup, roundMedians, speedupFromRounds, type SpeedupEstimate } from './method/interleave.ts';
import { llmRow, type LlmPoint, type LlmRow } from './llm-compare.ts';
import type { BackendId } from './result.ts';
import { quantileSorted, sortedCopy } from './stats.ts';
import { generationMetrics } from './tasks/metrics.ts';
import type { RunSplit } from './tasks/types.ts';

/** What one point's worker gave back over the rounds (lib/interleaved.ts's InterleavedPoint). */
export interface LlmPointMeasured {
  /** Each request's latency, per round, in round order. */
  windows: number[][];
  /** Each request's split (token arrival times), in order. */
  splits: RunSplit[];
  /** The last answer. */
  output?: string;
  /** The backend that ran it, once it was open. */
  ranBackend?: BackendId;
  placement?: string;
  /** Why it could not be opened. */
  error?: string;
}

export interface LlmInterleavedRow extends LlmRow {
  /** Requests measured. */
  runs: number;
  /** Median time of one whole request. */
  requestP50Ms: number | null;
  /** Against the reference row; null for the reference itself and for points without rounds. */
  speedup: SpeedupEstimate | null;
  isReference: boolean;
}

const median = (values: number[]): number => quantileSorted(sortedCopy(values), 0.5);

function pointRow(point: LlmPoint, m: LlmPointMeasured, referenceOutput: string | undefined): LlmRow {
  if (m.error) return llmRow(point, m.error);
  // Never a quiet fallback: a point that ran elsewhere than asked is not that point's figure.
  if (m.ranBackend && m.ranBackend !== point.backend) return llmRow(point, `ran on ${m.ranBackend}, but ${point.backend} was requested`);
  const computed = generationMetrics(m.splits);
  const generation = computed ? { ...computed, ...(m.placement ? { placement: m.placement } : {}) } : undefined;
  return llmRow(point, { task: { ...(generation ? { generation } : {}), output: m.output ?? '' } }, referenceOutput);
}

/** One row per point that has measured something or failed, in the points' order. */
export function interleavedLlmRows(points: readonly LlmPoint[], measured: readonly LlmPointMeasured[]): LlmInterleavedRow[] {
  const hasRuns = (m: LlmPointMeasured | undefined): boolean => !!m && !m.error && m.windows.some((w) => w.length > 0);
  const referenceIndex = measured.findIndex(hasRuns);
  const reference = referenceIndex >= 0 ? measured[referenceIndex]! : undefined;
  const referenceRounds = reference ? roundMedians(reference.windows) : [];
  const rows: LlmInterleavedRow[] = [];
  points.forEach((point, i) => {
    const m = measured[i];
    if (!m || (!m.error && !hasRuns(m))) return;
    const isReference = i === referenceIndex;
    const row = pointRow(point, m, isReference ? undefined : reference?.output);
    const all = m.windows.flat();
    const speedup = isReference || row.error ? null : speedupFromRounds(referenceRounds, roundMedians(m.windows));
    rows.push({ ...row, runs: all.length, requestP50Ms: all.length > 0 ? median(all) : null, speedup, isReference });
  });
  return rows;
}

/** "reference", "1.84× faster (1.79–1.90)", "0.52× (…)", "no difference measured (0.97–1.04)". */
export function describeLlmSpeedup(row: LlmInterleavedRow): string {
  if (row.isReference) return 'reference';
  if (!row.speedup) return '–';
  return describeSpeedup(row.speedup);
}
