/**
 * Open-loop load (MLPerf LoadGen's Server scenario): requests arrive at a rate, with Poisson
 * gaps (core/method/concurrency.ts), whether or not the model is done with the previous one.
 * Rates go up from a fifth of what the model can serve to just past it; latency counts from
 * each request's arrival, queueing included (core/method/open-loop.ts). The knee is the highest
 * rate whose p95 meets the target, shown beside the closed loop's capacity.
 */
import { findCapacity, poissonArrivals, type Capacity, type LoadLevelRun } from '../core/method/concurrency.ts';
import { levelDurationMs, ratesFor } from '../core/method/open-loop.ts';
import type { BenchConfig } from '../core/result.ts';
import { AbortedError } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { withHeldWorkers } from './held-workers.ts';

/** How long the model runs back to back first, to learn how fast it serves one request. */
const PROBE_MS = 1000;

export class OpenLoopRun {
  running = $state(false);
  /** The rate in flight and its place in the sweep; null when idle. */
  current = $state<{ rate: number; index: number; total: number } | null>(null);
  runs = $state.raw<LoadLevelRun[]>([]);
  /** Requests per second one worker serves back to back: 1000 / mean latency. */
  serviceRate = $state<number | null>(null);
  error = $state<string | null>(null);
  #abort: AbortController | null = null;

  constructor(private readonly bench: Benchmark) {}

  /** The knee: the highest arrival rate whose p95 stays under the target. */
  knee = $derived.by((): Capacity | null => {
    const target = this.bench.targetMs;
    return target === null || this.runs.length === 0 ? null : findCapacity(this.runs, target);
  });

  async start(config: BenchConfig): Promise<void> {
    if (!this.bench.source || !this.bench.inspection || this.running) return;
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.error = null;
    this.runs = [];
    try {
      const request = await this.bench.requestFor(config);
      await withHeldWorkers(abort.signal, 1, async ([api]) => {
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
    } catch (cause) {
      this.error = cause instanceof AbortedError ? 'Stopped; the rates finished so far are shown.' : String(cause);
    } finally {
      this.running = false;
      this.current = null;
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
