import { SELECTION_MATRIX, type DomainId } from './matrix.ts';
import { isPercentileSupported, PERCENTILE_MIN_SAMPLES } from './percentiles.ts';
import type { Validity } from './validity.ts';

/**
 * The answer to "is this fast enough?": p95 against the domain's target and the user's SLA.
 * Never a pass that was not measured: an invalid run, a sample too small for p95, or a missing
 * domain gives `status: 'not-measured'`, and `pass` is then false.
 */

export type VerdictStatus = 'pass' | 'fail' | 'not-measured';

export interface LimitComparison {
  limitMs: number;
  pass: boolean;
  /** limit - p95: positive is headroom, negative is the overshoot. */
  marginMs: number;
  /** marginMs as a percentage of the limit. */
  marginPct: number;
}

export interface Verdict {
  domain: DomainId | null;
  targetMs: number | null;
  slaMs: number | null;
  p95: number | null;
  pass: boolean;
  status: VerdictStatus;
  /** The margin to the tighter of the two limits; null when not measured. */
  marginMs: number | null;
  marginPct: number | null;
  /** Both comparisons, reported even when the other one decides. */
  againstTarget: LimitComparison | null;
  againstSla: LimitComparison | null;
  /**
   * Whether the upper end of p95's 95% confidence interval also passes: a pass by a margin
   * smaller than the sampling error is reported as a pass, but flagged here. Null if unknown.
   */
  passAtUpperBound: boolean | null;
  reason: string;
}

export interface VerdictInput {
  domain: DomainId | null;
  /** The user's SLA on p95, in ms; null or undefined when none was given. */
  slaMs?: number | null;
  count: number;
  p95: number;
  validity: Validity;
  /** The upper end of p95's confidence interval, from percentilePrecision(). */
  p95UpperMs?: number | null;
}

function compare(p95: number, limitMs: number): LimitComparison {
  const marginMs = limitMs - p95;
  // Strictly below: the seed's checklist says "p95 < target".
  return { limitMs, pass: p95 < limitMs, marginMs, marginPct: (marginMs / limitMs) * 100 };
}

function notMeasured(base: Pick<Verdict, 'domain' | 'targetMs' | 'slaMs' | 'p95'>, reason: string): Verdict {
  return {
    ...base, pass: false, status: 'not-measured', marginMs: null, marginPct: null,
    againstTarget: null, againstSla: null, passAtUpperBound: null, reason,
  };
}

const ms = (x: number): string => `${+x.toFixed(3)} ms`;

export function judge(input: VerdictInput): Verdict {
  const slaMs = input.slaMs != null && input.slaMs > 0 ? input.slaMs : null;
  const targetMs = input.domain ? SELECTION_MATRIX[input.domain].targetMs : null;
  const base = { domain: input.domain, targetMs, slaMs, p95: Number.isFinite(input.p95) ? input.p95 : null };
  if (!input.validity.valid) return notMeasured(base, `the result is invalid: ${input.validity.reasons.join('; ')}`);
  if (!isPercentileSupported('p95', input.count)) {
    return notMeasured(base, `${input.count} runs are too few for p95 (at least ${PERCENTILE_MIN_SAMPLES.p95} needed)`);
  }
  if (base.p95 === null) return notMeasured(base, 'p95 is not a number');
  if (input.domain === null || targetMs === null) return notMeasured(base, 'no domain was chosen, so there is no target');

  const p95 = base.p95;
  const againstTarget = compare(p95, targetMs);
  const againstSla = slaMs === null ? null : compare(p95, slaMs);
  const tighter = againstSla && againstSla.limitMs < againstTarget.limitMs ? againstSla : againstTarget;
  const pass = againstTarget.pass && (againstSla?.pass ?? true);
  const upper = input.p95UpperMs;
  const passAtUpperBound = upper == null ? null : upper < targetMs && (slaMs === null || upper < slaMs);

  const label = SELECTION_MATRIX[input.domain].label;
  const parts = [`p95 ${ms(p95)} ${againstTarget.pass ? '<' : '≥'} ${label} target ${ms(targetMs)}`];
  if (againstSla) parts.push(`${againstSla.pass ? '<' : '≥'} SLA ${ms(againstSla.limitMs)}`);
  if (pass && passAtUpperBound === false) parts.push(`but the 95% interval reaches ${ms(upper!)}: too close to call`);
  return {
    ...base, pass, status: pass ? 'pass' : 'fail',
    marginMs: tighter.marginMs, marginPct: tighter.marginPct,
    againstTarget, againstSla, passAtUpperBound, reason: parts.join(', '),
  };
}
