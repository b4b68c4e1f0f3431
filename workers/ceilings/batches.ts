/**
 * Repeated batches for the ceiling probes: one untimed call to warm up, one to size the batch so
 * it lasts at least `minBatchMs` (short batches measure the timer and the call overhead, not the
 * hardware), then `count` timed batches. Each yields a rate from the work done in it.
 */
export interface BatchPlan {
  minBatchMs: number;
  count: number;
}

export const DEFAULT_PLAN: BatchPlan = { minBatchMs: 80, count: 7 };

/** `runBatch(reps)` performs `reps` units of work and resolves to their duration in ms. */
export async function repeatedRates(
  runBatch: (reps: number) => Promise<number>, workPerRep: number, plan: BatchPlan = DEFAULT_PLAN,
): Promise<number[]> {
  await runBatch(1);
  const single = Math.max(await runBatch(1), 0.01);
  const reps = Math.max(1, Math.ceil(plan.minBatchMs / single));
  const rates: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    const ms = await runBatch(reps);
    rates.push((workPerRep * reps) / (ms / 1000) / 1e9);
  }
  return rates;
}
