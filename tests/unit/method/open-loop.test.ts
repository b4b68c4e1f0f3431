import { describe, expect, it } from 'vitest';
import { createCalibrationRuntime, type LatencyDistribution } from '../../../src/core/method/calibration.ts';
import { findCapacity, poissonArrivals, type LoadLevelRun } from '../../../src/core/method/concurrency.ts';
import { levelDurationMs, ratesFor, runOpenLoop, type Clock } from '../../../src/core/method/open-loop.ts';
import { summarize } from '../../../src/core/stats.ts';

/** About 10 ms a request: one server handles about 100 requests/s. */
const DIST: LatencyDistribution = { shiftMs: 8, medianMs: 2, sigma: 0.3 };

/**
 * A fake clock: running a request advances it by the request's latency; sleeping by the sleep;
 * and reading it by a microsecond, as a real clock moves while the loop spins on it for the last
 * 2 ms before an arrival (a clock that never moved would hold that spin, and the test run, forever).
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
    // Arrivals faster than service: waiting dominates, far beyond one request's time (at 20/s
    // Poisson arrivals still bunch, so light p95 is about 2 requests; heavy p95 is 15 or more).
    expect(heavy.p95).toBeGreaterThan(5 * light.p95);
    expect(heavy.p95).toBeGreaterThan(15 * light.p50);
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
    // M/G/1 (Pollaczek–Khinchine): at 60/s (ρ 0.6) the mean wait is about 8 ms and p95 near the
    // 50 ms target, at 75/s it is over; the knee is one of those rates, or 40/s for an unlucky draw.
    expect(knee.highestLoadUnderTarget!).toBeGreaterThanOrEqual(40);
    expect(knee.highestLoadUnderTarget!).toBeLessThan(110);
    expect(knee.reason).toMatch(/req\/s/);
  });
});
