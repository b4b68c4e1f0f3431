/**
 * Change points in a latency series: where the device changed state during a run.
 *
 * Method: binary segmentation (Scott & Knott 1974; Vostrikova 1981) with Pettitt's rank-based
 * statistic as the cost (Pettitt, "A non-parametric approach to the change-point problem",
 * Applied Statistics 28(2), 1979). Pettitt's statistic is the Mann–Whitney statistic of the
 * series split at t, maximised over t: it uses ranks only, so the right-skewed tail latencies
 * have (GC pauses, scheduling) cannot fake a change, and it needs no assumed distribution.
 * Each segment is split at its most likely change point while the split is significant
 * (Pettitt's approximate p-value below ALPHA) AND large enough to matter (the two sides'
 * medians differ by at least MIN_RELATIVE_CHANGE); otherwise it is one regime.
 */
import { quantileSorted, sortedCopy } from '../stats.ts';

/** Per split; small because binary segmentation tests many candidate segments. */
export const CHANGE_POINT_ALPHA = 0.001;
/** Medians closer than this are one regime for every practical purpose: browser noise alone moves them a few %. */
export const MIN_RELATIVE_CHANGE = 0.05;
/** A regime needs this many runs for its median to mean something. */
export const MIN_REGIME_RUNS = 20;

export interface Split {
  /** First index of the right-hand side. */
  at: number;
  /** Pettitt's approximate two-sided p-value, 2·exp(−6K² / (n³ + n²)). */
  pValue: number;
  /** (median right − median left) / median left. */
  relativeChange: number;
}

/** Average ranks (1-based), ties sharing their mean rank, as Mann–Whitney requires. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

export const median = (values: ArrayLike<number>): number => quantileSorted(sortedCopy(values), 0.5);

/**
 * Pettitt's test on one segment: U_t = 2·Σ_{i≤t} r_i − t(n + 1), K = max |U_t| over the
 * admissible t (both sides at least `minSize` long). Null when the segment is too short.
 */
export function pettittSplit(series: ArrayLike<number>, minSize = MIN_REGIME_RUNS): Split | null {
  const n = series.length;
  if (n < 2 * minSize) return null;
  const r = ranks(series);
  let prefix = 0;
  let best = -1;
  let bestK = -1;
  for (let t = 1; t < n; t++) {
    prefix += r[t - 1]!;
    if (t < minSize || n - t < minSize) continue;
    const k = Math.abs(2 * prefix - t * (n + 1));
    if (k > bestK) { bestK = k; best = t; }
  }
  if (best < 0) return null;
  const pValue = Math.min(1, 2 * Math.exp((-6 * bestK * bestK) / (n ** 3 + n ** 2)));
  const left = median(Array.prototype.slice.call(series, 0, best) as number[]);
  const right = median(Array.prototype.slice.call(series, best) as number[]);
  return { at: best, pValue, relativeChange: left > 0 ? (right - left) / left : 0 };
}

export interface ChangePointOptions {
  alpha?: number;
  minRelativeChange?: number;
  minSize?: number;
}

/** The change points of the whole series, ascending: indices where a new regime begins. */
export function changePoints(series: ArrayLike<number>, options: ChangePointOptions = {}): number[] {
  const alpha = options.alpha ?? CHANGE_POINT_ALPHA;
  const minChange = options.minRelativeChange ?? MIN_RELATIVE_CHANGE;
  const minSize = options.minSize ?? MIN_REGIME_RUNS;
  const all = Array.from(series);
  const found: number[] = [];
  const stack: [number, number][] = [[0, all.length]];
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    const split = pettittSplit(all.slice(start, end), minSize);
    if (!split || split.pValue >= alpha || Math.abs(split.relativeChange) < minChange) continue;
    const at = start + split.at;
    found.push(at);
    stack.push([start, at], [at, end]);
  }
  return found.sort((a, b) => a - b);
}
