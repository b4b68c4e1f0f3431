import { mulberry32 } from '../rng.ts';
import { throttledDecider } from './decided.ts';
import { pointDone, roundOrder, windowMs, windowRuns } from './interleave.ts';
import { shouldStop, type StopDecision, type StoppingRule } from './stopping.ts';

/**
 * A calibration runtime, for tests only: it "runs" a model whose latency distribution is known
 * exactly, so a test can compare what the method reports with the truth. The distribution is a
 * shifted log-normal, X = shift + median · e^(σZ) with Z standard normal: a fixed floor (the
 * work that always happens) plus a right-skewed tail (scheduling, caches, GC), the shape real
 * inference latencies have. Its quantiles are analytic: shift + median · e^(σ Φ⁻¹(q)).
 */

export interface LatencyDistribution {
  shiftMs: number;
  /** Median of the log-normal part; the distribution's median is shiftMs + medianMs. */
  medianMs: number;
  /** Standard deviation of ln(X - shift). 0.3–0.6 looks like browser inference. */
  sigma: number;
}

/**
 * Φ⁻¹, the standard normal quantile: Acklam's rational approximation (relative error below
 * 1.15e-9 over (0, 1)), far tighter than the 2% the calibration tests check.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs p in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number): number => k.reduce((acc, coef) => acc * x + coef, 0);
  const tail = (q: number): number => poly(c, q) / (poly(d, q) * q + 1);
  const low = 0.02425;
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export function trueQuantile(dist: LatencyDistribution, q: number): number {
  return dist.shiftMs + dist.medianMs * Math.exp(dist.sigma * normalQuantile(q));
}

/**
 * Injected device states, each a latency multiplier by run index (0-based), so tests know where
 * the regimes truly are:
 * - step: from `atRun` on, × factor (load appeared, or vanished with factor < 1);
 * - warm-up: × factor at run 0, falling linearly to × 1 at run `runs` (caches and JITs warming);
 * - climb: × 1 until `fromRun`, rising linearly to × factor at `toRun`, then × factor (throttling);
 * - spikes: every `every` runs from `offset`, × factor (a periodic background task, GC).
 */
export type LatencyEffect =
  | { kind: 'step'; atRun: number; factor: number }
  | { kind: 'warm-up'; runs: number; factor: number }
  | { kind: 'climb'; fromRun: number; toRun: number; factor: number }
  | { kind: 'spikes'; every: number; offset: number; factor: number };

export function effectMultiplier(effect: LatencyEffect, run: number): number {
  switch (effect.kind) {
    case 'step': return run >= effect.atRun ? effect.factor : 1;
    case 'warm-up': return run >= effect.runs ? 1 : effect.factor + (1 - effect.factor) * (run / effect.runs);
    case 'climb': {
      if (run <= effect.fromRun) return 1;
      if (run >= effect.toRun) return effect.factor;
      return 1 + (effect.factor - 1) * ((run - effect.fromRun) / (effect.toRun - effect.fromRun));
    }
    case 'spikes': return run >= effect.offset && (run - effect.offset) % effect.every === 0 ? effect.factor : 1;
  }
}

export interface CalibrationOptions {
  seed: number;
  /** Inject drift: from run `fromRun` (0-based) on, every latency is multiplied by `factor`. */
  drift?: { fromRun: number; factor: number };
  /** Injected regimes, applied together (their multipliers multiply). */
  effects?: LatencyEffect[];
}

export interface CalibrationRuntime {
  readonly dist: LatencyDistribution;
  /** The latency of the next run, in ms. */
  next(): number;
  /** Runs taken so far. */
  readonly count: number;
}

export function createCalibrationRuntime(dist: LatencyDistribution, options: CalibrationOptions): CalibrationRuntime {
  const random = mulberry32(options.seed);
  let count = 0;
  // Box–Muller; 1 - U lies in (0, 1], so the logarithm is finite.
  const standardNormal = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return {
    dist,
    get count() { return count; },
    next() {
      const latency = dist.shiftMs + dist.medianMs * Math.exp(dist.sigma * standardNormal());
      const drifted = options.drift && count >= options.drift.fromRun ? latency * options.drift.factor : latency;
      const effected = (options.effects ?? []).reduce((x, effect) => x * effectMultiplier(effect, count), drifted);
      count++;
      return effected;
    },
  };
}

export interface SimulatedRun {
  samplesMs: number[];
  elapsedMs: number;
  decision: StopDecision;
}

/**
 * The harness loop in miniature, on a fake clock that advances by each run's latency: it asks
 * `shouldStop` before every run, exactly as the real loop does.
 */
export function simulateRun(runtime: CalibrationRuntime, rule: StoppingRule): SimulatedRun {
  const samplesMs: number[] = [];
  let elapsedMs = 0;
  const decider = rule.decide ? throttledDecider(rule.decide.limitMs) : null;
  for (;;) {
    const decided = decider ? { decided: () => decider(samplesMs, elapsedMs) } : {};
    const decision = shouldStop({ count: samplesMs.length, elapsedMs, ...decided }, rule);
    if (decision.stop) return { samplesMs, elapsedMs, decision };
    const latency = runtime.next();
    samplesMs.push(latency);
    elapsedMs += latency;
  }
}

export interface SimulatedRounds {
  /** Per point, per round: the latencies of that point's window. */
  windows: number[][][];
  rounds: number;
}

/**
 * Interleaved rounds in miniature (method/interleave.ts): each point runs for its `windowMs` of
 * the fake clock (at most `windowRuns` runs) in turn, A B C C B A …, each until `pointDone`. `load(t)` multiplies every latency at
 * fake time t: a busy machine whose drift all points share.
 */
export function simulateInterleaved(
  points: CalibrationRuntime[], rule: StoppingRule, load: (tMs: number) => number = () => 1,
): SimulatedRounds {
  const windows: number[][][] = points.map(() => []);
  const spent = points.map(() => 0);
  let clock = 0;
  let rounds = 0;
  const progress = (i: number) => ({ count: windows[i]!.flat().length, elapsedMs: spent[i]! });
  // Each window as lib/interleaved.ts sizes it: from the point's mean latency so far.
  const meanMs = (i: number): number | null => {
    const all = windows[i]!.flat();
    return all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : null;
  };
  for (;;) {
    const turns = roundOrder(points.length, rounds).filter((i) => !pointDone(progress(i), rounds, rule));
    if (turns.length === 0) break;
    for (const i of turns) {
      const runtime = points[i]!;
      const latencies: number[] = [];
      const start = clock;
      const window = windowMs(rule, meanMs(i));
      while (clock - start < window && latencies.length < windowRuns(rule)) {
        const ms = runtime.next() * load(clock);
        latencies.push(ms);
        clock += ms;
      }
      spent[i]! += clock - start;
      windows[i]!.push(latencies);
    }
    rounds++;
  }
  return { windows, rounds };
}
