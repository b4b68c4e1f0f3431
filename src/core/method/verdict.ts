import { SELECTION_MATRIX, type DomainId } from './matrix.ts';
import { isPercentileSupported, PERCENTILE_MIN_SAMPLES } from './percentiles.ts';
import { acrossRegimes, judgeRegime, type RegimeJudgement } from './regime-verdict.ts';
import type { Regime } from './regimes.ts';
import type { Validity } from './validity.ts';

/**
 * The answer to "is this fast enough?": p95 against the domain's target and the user's SLA.
 * Never a pass that was not measured: an invalid run, a sample too small for p95, or a missing
 * domain gives `status: 'not-measured'`, and `pass` is then false. A run that changed regime
 * (regimes.ts) is judged in each regime: decisive when all agree, `depends` when they do not.
 */

export type VerdictStatus = 'pass' | 'fail' | 'not-measured' | 'depends';

/** How each status reads as a headline. */
export const VERDICT_TEXT: Readonly<Record<VerdictStatus, string>> = {
  pass: 'PASS', fail: 'FAIL', 'not-measured': 'NOT MEASURED', depends: 'DEPENDS ON THE DEVICE\'S STATE',
};

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
  /** Whether the pass or fail holds at 95% confidence in every regime; absent on older results. */
  decided?: boolean;
  /** Each regime against the tighter limit, when the run had more than one. */
  regimes?: RegimeJudgement[];
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
  /** The lower end of p95's interval: a fail is decided when it is at or over the limit. */
  p95LowerMs?: number | null;
  /** The run's regimes (regimes.ts); with two or more, each is judged. */
  regimes?: Regime[];
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
  const common = { ...base, marginMs: tighter.marginMs, marginPct: tighter.marginPct, againstTarget, againstSla };
  const limit = Math.min(targetMs, slaMs ?? Infinity);
  if (input.regimes && input.regimes.length >= 2) {
    const regimes = input.regimes.map((r) => judgeRegime(r, limit));
    const limitText = `the ${label} target ${ms(targetMs)}${slaMs === null ? '' : ` and the SLA ${ms(slaMs)}`}`;
    const across = acrossRegimes(regimes, limitText);
    return {
      ...common, pass: across.status === 'pass', status: across.status,
      passAtUpperBound: regimes.every((j) => j.upperMs < limit), reason: across.reason, decided: across.decided, regimes,
    };
  }
  const parts = [`p95 ${ms(p95)} ${againstTarget.pass ? '<' : '≥'} ${label} target ${ms(targetMs)}`];
  if (againstSla) parts.push(`${againstSla.pass ? '<' : '≥'} SLA ${ms(againstSla.limitMs)}`);
  if (pass && passAtUpperBound === false) parts.push(`but the 95% interval reaches ${ms(upper!)}: too close to call`);
  const lower = input.p95LowerMs;
  const decided = pass ? passAtUpperBound === true : lower != null && lower >= limit;
  return { ...common, pass, status: pass ? 'pass' : 'fail', passAtUpperBound, reason: parts.join(', '), decided };
}
