/** A time interval [start, end] in one clock's milliseconds. */
export type Span = readonly [number, number];

/** Wall time covered by intervals that may overlap (parallel reads): the length of their union. */
export function unionMs(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}
