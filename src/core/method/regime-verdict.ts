/**
 * The verdict regime by regime. A regime passes at 95% confidence when the upper end of its
 * p95's interval is under the limit, and fails at 95% when the lower end is at or over it
 * (percentiles.ts: exact binomial ranks). A regime too short for an interval (under 72 runs) is
 * bounded by its slowest run instead: every one of its runs was under the limit, or its p95 was
 * not, which is what a reader can check on the timeline. Where that does not decide it and the
 * run has several brief regimes holding enough runs together, their pooled p95's interval
 * decides it when it lies on the regime's own side of the limit (regimes.ts, poolBrief): one
 * slow run in a brief stretch of a busy device no longer leaves the answer open for ever.
 */
import { regimeSpan, type Regime } from './regimes.ts';

export interface RegimeJudgement {
  index: number;
  startRun: number;
  endRun: number;
  p50: number;
  p95: number;
  /** The figure the pass was judged on: p95's upper 95% bound (its own or the pooled brief regimes'), or the slowest run. */
  upperMs: number;
  bound: 'interval' | 'pooled' | 'slowest run';
  /** p95 < limit. */
  pass: boolean;
  /** The pass (or the fail) holds at 95% confidence. */
  decided: boolean;
}

export function judgeRegime(regime: Regime, limitMs: number): RegimeJudgement {
  const span = { index: regime.index, startRun: regime.startRun, endRun: regime.endRun, p50: regime.p50, p95: regime.p95 };
  const pass = regime.p95 < limitMs;
  if (regime.p95UpperMs !== null) {
    const decided = pass ? regime.p95UpperMs < limitMs : regime.p95LowerMs !== null && regime.p95LowerMs >= limitMs;
    return { ...span, upperMs: regime.p95UpperMs, bound: 'interval', pass, decided };
  }
  // A brief regime: its own p95 says which side it is on; its slowest run, or else the pooled
  // brief regimes' interval on the same side, says whether that holds.
  if (pass && regime.max < limitMs) return { ...span, upperMs: regime.max, bound: 'slowest run', pass, decided: true };
  const pooled = regime.pooled;
  if (pooled) {
    const decided = pass ? pooled.p95UpperMs < limitMs : pooled.p95LowerMs >= limitMs;
    return { ...span, upperMs: pooled.p95UpperMs, bound: 'pooled', pass, decided };
  }
  return { ...span, upperMs: regime.max, bound: 'slowest run', pass, decided: false };
}

const ms = (x: number): string => `${+x.toFixed(3)} ms`;

/** "regime 2 (runs 66–130, p95 60 ms)". */
export const describeRegime = (j: RegimeJudgement): string => `regime ${j.index} (${regimeSpan(j)}, p95 ${ms(j.p95)})`;

export interface AcrossRegimes {
  status: 'pass' | 'fail' | 'depends';
  /** Every regime's pass or fail holds at 95% confidence. */
  decided: boolean;
  reason: string;
}

/** All regimes on one side of the limit: a decisive answer; otherwise it depends on the device's state. */
export function acrossRegimes(judgements: RegimeJudgement[], limitText: string): AcrossRegimes {
  const k = judgements.length;
  const passing = judgements.filter((j) => j.pass);
  const failing = judgements.filter((j) => !j.pass);
  const decided = judgements.every((j) => j.decided);
  if (failing.length === 0) {
    const worst = Math.max(...judgements.map((j) => j.upperMs));
    const reason = decided
      ? `pass in all ${k} regimes seen: every regime's p95 and its upper bound under ${limitText} (highest bound ${ms(worst)})`
      : `pass in all ${k} regimes seen, p95 under ${limitText}, but a bound reaches ${ms(worst)}: too close to call`;
    return { status: 'pass', decided, reason };
  }
  if (passing.length === 0) {
    return { status: 'fail', decided, reason: `fail in all ${k} regimes seen: every regime's p95 at or over ${limitText}` };
  }
  return {
    status: 'depends', decided,
    reason: `depends on the device's state: fails ${limitText} in ${failing.map(describeRegime).join(', ')}; `
      + `passes in ${passing.map(describeRegime).join(', ')}`,
  };
}
