/**
 * The "Until decided" mode's question, asked while a run is in flight: is the answer already
 * known? Yes when the verdict against the limit holds at 95% confidence in every regime found so
 * far (pass, fail, or depends: regime-verdict.ts), or, with no limit to judge against, when
 * p95's 95% interval lies within ±5% of p95. The same regimes and intervals as the final
 * assessment, so the run stops exactly when its result will read as decided.
 */
import { quantileSorted, sortedCopy } from '../stats.ts';
import { quantileInterval } from './percentiles.ts';
import { judgeRegime } from './regime-verdict.ts';
import { findRegimes } from './regimes.ts';

/** p95's interval counts as precise within this fraction of p95, either side. */
export const PRECISE_WITHIN = 0.05;

export function isPrecise(samplesMs: ArrayLike<number>): boolean {
  const sorted = sortedCopy(samplesMs);
  const interval = quantileInterval(sorted, 0.95);
  if (!interval) return false;
  const p95 = quantileSorted(sorted, 0.95);
  return interval.lowerMs >= (1 - PRECISE_WITHIN) * p95 && interval.upperMs <= (1 + PRECISE_WITHIN) * p95;
}

export function isDecided(samplesMs: ArrayLike<number>, limitMs: number | null): boolean {
  if (isPrecise(samplesMs)) return true;
  if (limitMs === null) return false;
  const { regimes } = findRegimes(samplesMs);
  return regimes.length > 0 && regimes.every((r) => judgeRegime(r, limitMs).decided);
}

/**
 * `isDecided`, asked at most once per `everyMs` of run time and only after the sample grew by
 * `growth` (finding regimes sorts the whole sample): its cost stays far below the runs it judges.
 */
export function throttledDecider(limitMs: number | null, everyMs = 250, growth = 0.05) {
  let lastAt = -Infinity;
  let lastCount = 0;
  let last = false;
  return (samplesMs: ArrayLike<number>, elapsedMs: number): boolean => {
    if (elapsedMs - lastAt < everyMs || samplesMs.length < lastCount * (1 + growth)) return last;
    lastAt = elapsedMs;
    lastCount = samplesMs.length;
    last = isDecided(samplesMs, limitMs);
    return last;
  };
}
