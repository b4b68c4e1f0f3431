/**
 * The open loop (MLPerf LoadGen's Server scenario): requests arrive on a schedule, a Poisson
 * process (concurrency.ts, poissonArrivals), whether or not the earlier ones are done. One
 * server takes them in order; a request that arrives while another runs waits in the queue.
 * Each latency counts from the request's scheduled arrival, not from when it started, so the
 * wait in the queue is in it (no "coordinated omission", Tene 2013).
 */

export interface Clock {
  /** Milliseconds on any monotonic clock. */
  now(): number;
  /** Resolves after about `ms`; the loop re-checks the clock, so early or late is fine. */
  sleep(ms: number): Promise<void>;
}

export interface OpenLoopRun {
  /** One per request, in arrival order: completion time − scheduled arrival. */
  latenciesMs: number[];
  /** From the first scheduled arrival to the last completion. */
  wallMs: number;
}

/** Sleeping shorter than this is not worth it: timers are coarser; the loop spins instead. */
const SPIN_BELOW_MS = 2;

export async function runOpenLoop(arrivalsMs: number[], run: () => Promise<unknown>, clock: Clock): Promise<OpenLoopRun> {
  const start = clock.now();
  const latenciesMs: number[] = [];
  for (const arrival of arrivalsMs) {
    for (let wait = start + arrival - clock.now(); wait > 0; wait = start + arrival - clock.now()) {
      if (wait > SPIN_BELOW_MS) await clock.sleep(wait - SPIN_BELOW_MS);
    }
    await run();
    latenciesMs.push(clock.now() - (start + arrival));
  }
  const first = arrivalsMs[0] ?? 0;
  return { latenciesMs, wallMs: latenciesMs.length > 0 ? clock.now() - (start + first) : 0 };
}

/**
 * The rates to try, as fractions of the service rate (1000 / mean latency of one request):
 * from light load up to just past saturation, where queueing makes p95 run away.
 */
export const RATE_FRACTIONS = [0.2, 0.4, 0.6, 0.75, 0.85, 0.95, 1.1] as const;

export function ratesFor(meanLatencyMs: number): number[] {
  if (!(meanLatencyMs > 0)) return [];
  const serviceRate = 1000 / meanLatencyMs;
  return RATE_FRACTIONS.map((f) => +(f * serviceRate).toPrecision(3));
}

/** Long enough for about 200 arrivals (p95 needs 130), within 1–30 s. */
export function levelDurationMs(ratePerSec: number): number {
  return Math.min(30_000, Math.max(1_000, (200 / ratePerSec) * 1000));
}
