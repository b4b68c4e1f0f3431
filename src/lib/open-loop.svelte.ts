/**
 * Open-loop load (MLPerf LoadGen's Server scenario): requests arrive at a rate, with Poisson
 * gaps (core/method/concurrency.ts), whether or not the model is done with the previous one.
 * Rates go up from a fifth of what the model can serve to just past it; latency counts from
 * each request's arrival, queueing included (core/method/open-loop.ts). The knee is the highest
 * rate whose p95 meets the target, shown beside the closed loop's capacity.
 */
import { poissonArrivals, type Capacity } from '../core/method/concurrency.ts';
import { levelDurationMs, ratesFor } from '../core/method/open-loop.ts';
import type { BenchConfig } from '../core/result.ts';
import { withHeldWorkers } from './held-workers.ts';
import { LoadSweep } from './load-sweep.svelte.ts';

/** How long the model runs back to back first, to learn how fast it serves one request. */
const PROBE_MS = 1000;

export class OpenLoopRun extends LoadSweep<{ rate: number; index: number; total: number }> {
  /** Requests per second one worker serves back to back: 1000 / mean latency. */
  serviceRate = $state<number | null>(null);

  /** The knee: the highest arrival rate whose p95 stays under the target. */
  get knee(): Capacity | null {
    return this.answer;
  }

  async start(config: BenchConfig): Promise<void> {
    await this.measure('Stopped; the rates finished so far are shown.', async (signal) => {
      const request = await this.bench.requestFor(config);
      await withHeldWorkers(signal, 1, async ([api]) => {
        await api!.open(request);
        const probe = await api!.loop(PROBE_MS);
        const mean = probe.latenciesMs.reduce((a, b) => a + b, 0) / probe.latenciesMs.length;
        this.serviceRate = 1000 / mean;
        const rates = ratesFor(mean);
        for (const [index, rate] of rates.entries()) {
          this.current = { rate, index, total: rates.length };
          const run = await api!.arrivals(poissonArrivals(rate, levelDurationMs(rate), config.seed + index));
          this.runs = [...this.runs, { kind: 'rate', load: rate, wallMs: run.wallMs, latenciesMs: run.latenciesMs }];
          // Past the knee, higher rates only queue more: stop at the first level over the target.
          if (this.knee && this.knee.levels.some((l) => l.p95Supported && !l.underTarget)) break;
        }
      });
    });
  }
}
