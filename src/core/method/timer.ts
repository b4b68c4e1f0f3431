/**
 * Timer resolution. Browsers coarsen performance.now(): 5 µs in a cross-origin-isolated page,
 * 100 µs otherwise (W3C High Resolution Time, §"Clamping"; Chrome and Firefox use these values).
 * A run must last many ticks for its time to mean anything: below 50 ticks, the rounding alone is
 * over 2% of it. Where a model's median run is shorter than that, each sample times K
 * back-to-back inferences, K chosen so that a sample lasts at least 50 ticks, and the sample
 * is divided by K. Each figure is then per inference, but it is the mean of K runs: its
 * percentiles describe K-run means, whose tails are narrower than single runs' would be.
 */

export const TICKS_PER_SAMPLE = 50;
/** A sanity cap: even a 1 µs model needs no more than this per sample at 100 µs resolution. */
export const MAX_INFERENCES_PER_SAMPLE = 10_000;

/** K for a model whose median run takes `p50Ms`, on a timer of `resolutionMs`; 1 when it is long enough. */
export function inferencesPerSample(p50Ms: number, resolutionMs: number): number {
  const floorMs = TICKS_PER_SAMPLE * resolutionMs;
  if (!(resolutionMs > 0) || !(p50Ms >= 0) || p50Ms >= floorMs) return 1;
  // A run the timer saw as 0 is shorter than one tick: assume half a tick.
  const perRun = p50Ms > 0 ? p50Ms : resolutionMs / 2;
  return Math.min(MAX_INFERENCES_PER_SAMPLE, Math.ceil(floorMs / perRun));
}

/** For the result: what K means, in words. */
export function describeBatching(k: number, resolutionMs: number): string {
  return `each sample times ${k} back-to-back inferences (a run is shorter than ${TICKS_PER_SAMPLE}× the timer's `
    + `${+(resolutionMs * 1000).toFixed(3)} µs resolution) and is divided by ${k}: figures are per inference, `
    + `as means of ${k} runs, so their tails are narrower than single runs' would be`;
}
