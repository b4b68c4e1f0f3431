/**
 * The regression gate: each job judged on its own (failed, invalid, SLA breach) and against the
 * baseline's matching job (same name, config, runtime, backend and device class), with the exit
 * code CI acts on: 0 all good, 1 a regression, an SLA breach or a failed or invalid job, 2 an
 * infrastructure error (a job whose every session died).
 */
import { compareLatencies, type Comparison } from './regression.ts';
import type { JobRecord } from './record.ts';

export interface GateOptions {
  /** Allowed slowdown of the p50 as a fraction (0.1: 10%). */
  maxRegression: number;
  /** Confidence level of the ratio interval. */
  level?: number;
}

export type Outcome = 'pass' | 'fail' | 'error';

export interface JobJudgement {
  key: string;
  record: JobRecord;
  baseline: JobRecord | null;
  comparison: Comparison | null;
  outcome: Outcome;
  /** Why it failed, one sentence each. */
  problems: string[];
  /** What else a reader should know: a changed model, a job without baseline, a verdict not reached. */
  notes: string[];
}

export interface GateReport {
  jobs: JobJudgement[];
  /** Baseline jobs this run has no match for. */
  unmatchedBaseline: string[];
  maxRegression: number;
  exitCode: 0 | 1 | 2;
}

/** The job's identity across runs; the device class keeps software GPUs apart from real ones. */
export function jobKey(record: JobRecord): string {
  const { name, config, runtime, backend } = record.job;
  return `${name}${config ? ` [${config}]` : ''} · ${runtime}/${backend} · ${record.target?.deviceClass ?? record.job.target}`;
}

export const signedPct = (ratio: number): string => `${ratio >= 1 ? '+' : '−'}${(Math.abs(ratio - 1) * 100).toFixed(1)}%`;
const ms = (value: number): string => `${+value.toPrecision(3)} ms`;

/** "p50 +42.0% (1.23 → 1.75 ms), 95% CI +35.1% … +50.2%, 99.9% of resamples beyond +10.0%, Mann-Whitney one-sided p < 0.0001". */
export function describeComparison(comparison: Comparison, base: number, current: number, maxRegression: number): string {
  const { interval, test } = comparison;
  // The normal approximation (and its erf, accurate to 1.5e-7) says nothing finer than this.
  const p = test.pSlower < 1e-4 ? '< 0.0001' : `= ${test.pSlower.toFixed(4)}`;
  return `p50 ${signedPct(interval.ratio)} (${ms(base)} → ${ms(current)}), ${Math.round(interval.level * 100)}% CI `
    + `${signedPct(interval.low)} … ${signedPct(interval.high)}, ${(interval.shareAbove * 100).toFixed(1)}% of resamples beyond `
    + `${signedPct(1 + maxRegression)}, Mann-Whitney one-sided p ${p}`;
}

function changes(record: JobRecord, baseline: JobRecord): string[] {
  const notes: string[] = [];
  const [now, before] = [record.result, baseline.result];
  if (now && before && now.model.sha256 !== before.model.sha256) {
    notes.push(`the model changed (sha256 ${before.model.sha256.slice(0, 8)} → ${now.model.sha256.slice(0, 8)})`);
  }
  const keys = new Set([...Object.keys(record.job.params), ...Object.keys(baseline.job.params)]);
  const differing = [...keys].filter((key) => record.job.params[key] !== baseline.job.params[key])
    .map((key) => `${key} ${baseline.job.params[key] ?? '(unset)'} → ${record.job.params[key] ?? '(unset)'}`);
  if (differing.length > 0) notes.push(`the config changed: ${differing.join(', ')}`);
  const [v1, v2] = [baseline.target?.browserVersion, record.target?.browserVersion];
  if (v1 && v2 && v1 !== v2) notes.push(`the browser changed (${v1} → ${v2})`);
  return notes;
}

function judgeAlone(record: JobRecord, problems: string[], notes: string[]): void {
  const result = record.result;
  if (record.status === 'failed') problems.push(`failed: ${record.error ?? 'no result'}`);
  if (record.status !== 'done' || !result) return;
  if (!result.validity.valid) problems.push(`invalid: ${result.validity.reasons.join('; ')}`);
  if (result.verdict.status === 'fail') problems.push(`breaks its target: ${result.verdict.reason}`);
  // Passing in one of the device's states and failing in another is still a breach a user will meet.
  else if (result.verdict.status === 'depends') problems.push(`breaks its target in some of the run's regimes: ${result.verdict.reason}`);
  else if (result.verdict.status === 'not-measured' && result.validity.valid) notes.push(`no verdict: ${result.verdict.reason}`);
}

export function gate(current: readonly JobRecord[], baseline: readonly JobRecord[] | null, options: GateOptions): GateReport {
  const byKey = new Map((baseline ?? []).map((record) => [jobKey(record), record]));
  const matched = new Set<string>();
  const jobs = current.map((record): JobJudgement => {
    const key = jobKey(record);
    const problems: string[] = [];
    const notes: string[] = [];
    if (record.status === 'infra') {
      return { key, record, baseline: null, comparison: null, outcome: 'error', problems: [`no session could run it: ${record.error}`], notes };
    }
    judgeAlone(record, problems, notes);
    const before = byKey.get(key) ?? null;
    if (before) matched.add(key);
    let comparison: Comparison | null = null;
    if (baseline && !before) notes.push('no baseline job matches it');
    if (before && record.status === 'done' && before.status === 'done' && record.samplesMs.length > 1 && before.samplesMs.length > 1) {
      comparison = compareLatencies(before.samplesMs, record.samplesMs, options.maxRegression, options.level);
      const text = describeComparison(comparison, before.result?.stats.p50 ?? NaN, record.result?.stats.p50 ?? NaN, options.maxRegression);
      if (comparison.change === 'regression') problems.push(`regression: ${text}`);
      else notes.push(`${comparison.change === 'improvement' ? 'faster' : 'within noise or the allowed slowdown'}: ${text}`);
      notes.push(...changes(record, before));
    } else if (before) {
      notes.push(`not compared: the baseline job ${before.status === 'done' ? 'has too few samples' : `ended ${before.status}`}`);
    }
    return { key, record, baseline: before, comparison, outcome: problems.length > 0 ? 'fail' : 'pass', problems, notes };
  });
  const unmatchedBaseline = [...byKey.keys()].filter((key) => !matched.has(key));
  const exitCode = jobs.some((job) => job.outcome === 'error') ? 2 : jobs.some((job) => job.outcome === 'fail') ? 1 : 0;
  return { jobs, unmatchedBaseline, maxRegression: options.maxRegression, exitCode };
}
