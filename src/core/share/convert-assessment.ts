/** The page's assessment (core/method) made to fit the shared schema: measured times to 1 µs, strings capped. */
import type { Stability } from '../method/assess.ts';
import type { Checklist } from '../method/checklist.ts';
import { INTERVAL_METHOD, type PercentilePrecision, type QuantileInterval } from '../method/percentiles.ts';
import type { Validity } from '../method/validity.ts';
import type { LimitComparison, Verdict } from '../method/verdict.ts';
import { cut, round6, roundOrNull } from './compact.ts';
import { BOUNDS } from './schema-fields.ts';
import type { SharedResult } from './schema.ts';
import { roundMs } from './sketch.ts';

function shareInterval(interval: QuantileInterval | null): QuantileInterval | null {
  if (interval === null) return null;
  return {
    ...interval,
    lowerMs: roundMs(interval.lowerMs), upperMs: roundMs(interval.upperMs),
    confidence: round6(interval.confidence), coverage: round6(interval.coverage),
  };
}

export function sharePrecision(precision: PercentilePrecision): SharedResult['precision'] {
  const shared: SharedResult['precision'] = {
    count: precision.count,
    support: precision.support.map((item) => ({ ...item })),
    p50Interval: shareInterval(precision.p50Interval),
    p95Interval: shareInterval(precision.p95Interval),
  };
  if (precision.intervalMethod !== INTERVAL_METHOD) shared.intervalMethod = cut(precision.intervalMethod, BOUNDS.name);
  return shared;
}

export function shareValidity(validity: Validity): Validity {
  return {
    valid: validity.valid,
    checks: validity.checks.slice(0, 16).map((check) => ({ ...check, detail: cut(check.detail) })),
    reasons: validity.reasons.slice(0, 16).map((reason) => cut(reason)),
  };
}

function shareComparison(comparison: LimitComparison | null): LimitComparison | null {
  if (comparison === null) return null;
  return { ...comparison, marginMs: roundMs(comparison.marginMs), marginPct: round6(comparison.marginPct) };
}

export function shareVerdict(verdict: Verdict): Verdict {
  return {
    ...verdict,
    p95: roundOrNull(verdict.p95, roundMs),
    marginMs: roundOrNull(verdict.marginMs, roundMs),
    marginPct: roundOrNull(verdict.marginPct, round6),
    againstTarget: shareComparison(verdict.againstTarget),
    againstSla: shareComparison(verdict.againstSla),
    reason: cut(verdict.reason),
    ...(verdict.regimes ? {
      regimes: verdict.regimes.slice(0, BOUNDS.regimes).map((r) => ({ ...r, p50: roundMs(r.p50), p95: roundMs(r.p95), upperMs: roundMs(r.upperMs) })),
    } : {}),
  };
}

export function shareStability(stability: Stability): NonNullable<SharedResult['stability']> {
  return { findings: stability.pattern.findings.slice(0, 8).map((f) => ({ kind: f.kind, atRun: f.atRun, detail: cut(f.detail) })) };
}

export function shareChecklist(checklist: Checklist): Checklist {
  return {
    items: checklist.items.slice(0, 32).map((item) => ({ ...item, label: cut(item.label, 64), detail: cut(item.detail) })),
    counts: { ...checklist.counts },
  };
}
