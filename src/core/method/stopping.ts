/**
 * When a measured run stops. As in MLPerf LoadGen, a run continues until BOTH a minimum count
 * and a minimum duration are met: the count makes the tail percentiles estimable, the duration
 * lets slow drifts (thermal throttling, GPU clocks, background tabs) show up. Caps on both keep
 * a very fast model from running a million times and a very slow one from running for hours.
 */

export type RunMode = 'quick' | 'standard' | 'thorough' | 'decided';
export const RUN_MODES: readonly RunMode[] = ['quick', 'standard', 'thorough', 'decided'];

export interface StoppingRule {
  minCount: number;
  minDurationMs: number;
  maxCount: number;
  maxDurationMs: number;
  /**
   * "Until decided" mode: past the minimums, keep going until the verdict against `limitMs` (the
   * tighter of target and SLA) holds at 95% confidence, or p95's interval is within ±5%
   * (method/decided.ts); the caps still apply. Absent in the other modes.
   */
  decide?: { limitMs: number | null };
}

/**
 * Minimums follow MLPerf Mobile's run modes (see runtime-pitfalls.md, "Measurement anchors"):
 * - quick = MLPerf Mobile "rapid", 64 queries / 6 s: enough for p90 (MLPerf early stopping: 64);
 * - standard = MLPerf Mobile "quick", 10 s, but 130 runs instead of 128: 130 is the smallest
 *   sample MLPerf's early stopping accepts for p95, the percentile the verdict rests on;
 * - thorough = MLPerf Mobile "normal", 1024 queries / 60 s: enough for p99 (662).
 * The caps are ours: counts well past the minimums (the tails then barely move), durations that
 * let a model of about 0.5 s per run reach the minimum count. Users may raise either.
 */
export const STOPPING_PRESETS: Readonly<Record<RunMode, StoppingRule>> = {
  quick: { minCount: 64, minDurationMs: 6_000, maxCount: 10_000, maxDurationMs: 30_000 },
  standard: { minCount: 130, minDurationMs: 10_000, maxCount: 50_000, maxDurationMs: 120_000 },
  thorough: { minCount: 1024, minDurationMs: 60_000, maxCount: 100_000, maxDurationMs: 600_000 },
  // Until decided: p95's 130 runs and 2 s (long enough for a step or a warm-up tail to show),
  // then as long as the answer is undecided, up to Standard's count cap and 60 s.
  decided: { minCount: 130, minDurationMs: 2_000, maxCount: 50_000, maxDurationMs: 60_000, decide: { limitMs: null } },
};

/** The most runs any rule may ask for; matches `LIMITS.iterations.max` in core/config.ts. */
export const MAX_RUNS = 100_000;
/** One hour: a longer run is better split, and a tab left that long is rarely left alone. */
export const MAX_DURATION_MS = 3_600_000;

export function parseRunMode(raw: string): RunMode | null {
  return (RUN_MODES as readonly string[]).includes(raw) ? (raw as RunMode) : null;
}

export function presetFor(mode: RunMode): StoppingRule {
  const preset = STOPPING_PRESETS[mode];
  return { ...preset, ...(preset.decide ? { decide: { ...preset.decide } } : {}) };
}

export interface ResolvedRule {
  rule: StoppingRule;
  /** Problems with the overrides, in words; the offending overrides are ignored. */
  errors: string[];
}

/** A mode's preset with the user's overrides applied and checked. */
export function resolveStoppingRule(mode: RunMode, overrides: Partial<StoppingRule> = {}): ResolvedRule {
  const rule = presetFor(mode);
  const errors: string[] = [];
  type Bound = Exclude<keyof StoppingRule, 'decide'>;
  const limits: Record<Bound, number> = {
    minCount: MAX_RUNS, maxCount: MAX_RUNS, minDurationMs: MAX_DURATION_MS, maxDurationMs: MAX_DURATION_MS,
  };
  // Only the until-decided mode decides; its limit is the page's (target and SLA), not a preset's.
  if (rule.decide && overrides.decide) rule.decide = { limitMs: overrides.decide.limitMs };
  for (const key of Object.keys(limits) as Bound[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    const whole = key === 'minCount' || key === 'maxCount';
    const floor = key === 'maxCount' ? 1 : 0;
    if (!Number.isFinite(value) || value < floor || value > limits[key] || (whole && !Number.isInteger(value))) {
      errors.push(`${key} must be ${whole ? 'a whole number' : 'a number'} from ${floor} to ${limits[key]}.`);
    } else {
      rule[key] = value;
    }
  }
  // A maximum below its minimum would make the minimum unreachable; lift the maximum to it.
  if (rule.maxCount < rule.minCount) {
    errors.push(`maxCount ${rule.maxCount} is below minCount ${rule.minCount}; using ${rule.minCount}.`);
    rule.maxCount = rule.minCount;
  }
  if (rule.maxDurationMs < rule.minDurationMs) {
    errors.push(`maxDurationMs ${rule.maxDurationMs} is below minDurationMs ${rule.minDurationMs}; using ${rule.minDurationMs}.`);
    rule.maxDurationMs = rule.minDurationMs;
  }
  return { rule, errors };
}

export interface RunProgress {
  /** Measured runs completed so far (warmup excluded). */
  count: number;
  /** Time since the first measured run started. */
  elapsedMs: number;
  /** Until-decided mode: whether the answer is decided yet; asked only once the minimums are met. */
  decided?: () => boolean;
}

/**
 * `decided`: the until-decided mode stopped because its answer held at 95% confidence.
 * stopped-early / worker-lost: a partial result kept when the run was stopped or its worker lost (core/partial.ts).
 */
export type StopReason = 'continue' | 'minimums-met' | 'max-count' | 'max-duration' | 'decided' | 'stopped-early' | 'worker-lost';

export interface StopDecision {
  stop: boolean;
  reason: StopReason;
  /** False when a cap ended the run before both minimums were met; the result should say so. */
  minimumsMet: boolean;
}

/** Called by the harness before each measured run; pure, so tests drive it with a fake clock. */
export function shouldStop(progress: RunProgress, rule: StoppingRule): StopDecision {
  const minimumsMet = progress.count >= rule.minCount && progress.elapsedMs >= rule.minDurationMs;
  if (minimumsMet && !rule.decide) return { stop: true, reason: 'minimums-met', minimumsMet };
  if (minimumsMet && (progress.decided?.() ?? true)) return { stop: true, reason: 'decided', minimumsMet };
  if (progress.count >= rule.maxCount) return { stop: true, reason: 'max-count', minimumsMet };
  if (progress.elapsedMs >= rule.maxDurationMs) return { stop: true, reason: 'max-duration', minimumsMet };
  return { stop: false, reason: 'continue', minimumsMet };
}

/** "at least 130 runs and 10 s, at most 50000 runs or 120 s", for the UI and the result. */
export function describeRule(rule: StoppingRule): string {
  const s = (ms: number): string => `${+(ms / 1000).toFixed(3)} s`;
  return `at least ${rule.minCount} runs and ${s(rule.minDurationMs)}, `
    + `${rule.decide ? 'then until the verdict is decided at 95% or p95 is known within ±5%, ' : ''}`
    + `at most ${rule.maxCount} runs or ${s(rule.maxDurationMs)}`;
}
