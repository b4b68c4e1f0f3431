import { describe, expect, it } from 'vitest';
import { createCalibrationRuntime, type LatencyDistribution } from '../../../src/core/method/calibration.ts';
import { findCapacity, poissonArrivals, type LoadLevelRun } from '../../../src/core/method/concurrency.ts';
import { levelDurationMs, ratesFor, runOpenLoop, type Clock } from '../../../src/core/method/open-loop.ts';
import { summarize } from '../../../src/core/stats.ts';

/** About 10 ms a request: one server handles about 100 requests/s. */
const DIST: LatencyDistribution = { shiftMs: 8, medianMs: 2, sigma: 0.3 };

/**
 * A fake clock: running a request advances it by the request's latency; sleeping by the sleep;
 * and, as on a real clock, each reading by a microsecond, so the loop's short spins end.
 */
function fakeServer(seed: number) {
  let t = 0;
  const runtime = createCalibrationRuntime(DIST, { seed });
  const clock: Clock = { now: () => (t += 0.001), sleep: async (ms) => { t += ms; } };
  const run = async () => { t += runtime.next(); };
  return { clock, run, advance: (ms: number) => { t += ms; } };
}

async function level(rate: number, seed: number): Promise<LoadLevelRun> {
  const server = fakeServer(seed);
  const run = await runOpenLoop(poissonArrivals(rate, levelDurationMs(rate), seed), server.run, server.clock);
  return { kind: 'rate', load: rate, wallMs: run.wallMs, latenciesMs: run.latenciesMs };
}

describe('the open loop', () => {
  it('measures from each arrival: at light load latency is the service time, past saturation the queue grows', async () => {
    const light = summarize((await level(20, 1)).latenciesMs);
    expect(light.p50).toBeGreaterThan(9.5);
    expect(light.p50).toBeLessThan(11);
    const heavy = summarize((await level(110, 2)).latenciesMs);
    // Arrivals faster than service: waiting dominates, far beyond one request's time (a closed
    // loop would read about 11 ms here).
    expect(heavy.p95).toBeGreaterThan(5 * light.p95);
  });

  it('waits for arrivals that are in the future, and never starts a request early', async () => {
    const server = fakeServer(3);
    const starts: number[] = [];
    const run = await runOpenLoop([0, 100, 105, 500], async () => { starts.push(server.clock.now()); await server.run(); }, server.clock);
    expect(starts[0]).toBeLessThan(0.01);
    expect(starts[1]).toBeGreaterThanOrEqual(100);
    expect(starts[3]).toBeGreaterThanOrEqual(500);
    // The third arrived at 105 while the second ran: its latency includes the wait.
    expect(run.latenciesMs[2]).toBeGreaterThan(run.latenciesMs[1]!);
  });

  it('sweeps rates up to just past the service rate, and finds the knee under the target', async () => {
    const rates = ratesFor(10);
    expect(rates[0]).toBe(20);
    expect(rates.at(-1)).toBe(110);
    const runs = await Promise.all(rates.map((rate, i) => level(rate, 10 + i)));
    const knee = findCapacity(runs, 50);
    expect(knee.highestLoadUnderTarget).not.toBeNull();
    // Poisson bursts queue well before saturation: with these seeds 60 req/s (ρ 0.6) already has
    // a p95 over 50 ms, and 40 req/s is the knee.
    expect(knee.highestLoadUnderTarget!).toBeGreaterThanOrEqual(40);
    expect(knee.highestLoadUnderTarget!).toBeLessThan(110);
    expect(knee.reason).toMatch(/req\/s/);
  });
});
