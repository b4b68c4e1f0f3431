/**
 * Latency axes people can read: tick labels in µs, ms or s (never SI "300m"), and histogram bins
 * of equal width on a log scale, so a long tail (p50 0.4 ms, max 45 ms) does not squeeze the
 * whole distribution into one column.
 */

/** One histogram bar: [x1, x2) in ms and how many runs fell in it. */
export interface LatencyBin {
  x1: number;
  x2: number;
  count: number;
}

/** Below this a latency is clamped for the log scale (0.1 µs: under any timer's resolution). */
const FLOOR_MS = 1e-4;

/** "250 µs", "1.5 ms", "42 ms", "1.2 s": three significant figures at most, in the fitting unit. */
export function formatLatencyTick(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const trim = (x: number): string => String(Number(x.toPrecision(3)));
  if (ms === 0) return '0';
  if (Math.abs(ms) < 1) return `${trim(ms * 1000)} µs`;
  if (Math.abs(ms) < 1000) return `${trim(ms)} ms`;
  return `${trim(ms / 1000)} s`;
}

/** Equal-width bins over [min, max], on a log scale (equal ratios) or a linear one. */
export function latencyBins(samples: readonly number[], log: boolean, count = 30): LatencyBin[] {
  if (samples.length === 0) return [];
  const values = log ? samples.map((x) => Math.max(FLOOR_MS, x)) : [...samples];
  let min = Math.min(...values);
  let max = Math.max(...values);
  const single = min === max;
  if (single) {
    // One value: one bar around it, 5% each side.
    min = log ? min / 1.05 : min - Math.max(Math.abs(min) * 0.05, FLOOR_MS);
    max = log ? max * 1.05 : max + Math.max(Math.abs(max) * 0.05, FLOOR_MS);
  }
  const bins = single ? 1 : Math.max(1, Math.min(count, Math.ceil(Math.sqrt(values.length) * 2)));
  const to = log ? Math.log : (x: number) => x;
  const from = log ? Math.exp : (x: number) => x;
  const lo = to(min);
  const step = (to(max) - lo) / bins;
  const out: LatencyBin[] = Array.from({ length: bins }, (_, i) => ({
    x1: from(lo + i * step), x2: from(lo + (i + 1) * step), count: 0,
  }));
  for (const value of values) {
    const index = Math.min(bins - 1, Math.max(0, Math.floor((to(value) - lo) / step)));
    out[index]!.count++;
  }
  return out;
}

/** A log axis needs positive values; below the floor a latency is shown at the floor. */
export function logSafe(ms: number): number {
  return Math.max(FLOOR_MS, ms);
}

/** A speed-up or other ratio on a log axis: "0.5×", "1×", "2×", "10×", two significant figures. */
export function formatRatioTick(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '';
  return `${Number(ratio.toPrecision(2))}×`;
}

/**
 * A log ratio axis's domain: symmetric about 1 (0.5× and 2× equally far from it), wide enough
 * for every value, and never narrower than 0.8–1.25×, so a 1.02× speed-up is not drawn as huge.
 */
export function ratioDomain(values: readonly number[]): [number, number] {
  const spread = Math.max(1.25, ...values.filter((v) => Number.isFinite(v) && v > 0).map((v) => Math.max(v, 1 / v)));
  return [1 / (spread * 1.1), spread * 1.1];
}
