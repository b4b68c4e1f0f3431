/**
 * Closed-loop concurrency: N workers hold the model open and issue requests back to back for a
 * fixed window, all at once. Throughput and percentiles per N give the highest load whose p95
 * stays under the target.
 */
import { findCapacity, type Capacity, type LoadLevelRun } from '../core/method/concurrency.ts';
import type { BenchConfig } from '../core/result.ts';
import type { LoopWindow, RunRequest } from '../../workers/protocol.ts';
import { AbortedError, withBenchWorker } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';

/** Runs `n` workers: each opens the model, then all start their loops together. */
async function runLevel(signal: AbortSignal, request: RunRequest, n: number, durationMs: number): Promise<LoadLevelRun> {
  let opened = 0;
  let release = (): void => {};
  const allOpen = new Promise<void>((resolve) => { release = resolve; });
  const windows = await Promise.all(Array.from({ length: n }, () => withBenchWorker(signal, async (api): Promise<LoopWindow> => {
    await api.open(request);
    if (++opened === n) release();
    await allOpen;
    return api.loop(durationMs);
  })));
  const start = Math.min(...windows.map((w) => w.startEpochMs));
  const end = Math.max(...windows.map((w) => w.endEpochMs));
  return { kind: 'workers', load: n, wallMs: end - start, latenciesMs: windows.flatMap((w) => w.latenciesMs) };
}

export class ConcurrencyRun {
  levels = $state<number[]>([1, 2, 4]);
  durationS = $state(3);
  /** Requests the user expects at once, for the checklist's throughput item. */
  expectedLoad = $state<number | null>(null);
  running = $state(false);
  current = $state<number | null>(null);
  runs = $state.raw<LoadLevelRun[]>([]);
  error = $state<string | null>(null);
  #abort: AbortController | null = null;

  constructor(private readonly bench: Benchmark) {}

  capacity = $derived.by((): Capacity | null => {
    const target = this.bench.targetMs;
    return target === null || this.runs.length === 0 ? null : findCapacity(this.runs, target);
  });

  async start(config: BenchConfig): Promise<void> {
    const source = this.bench.source;
    const inspection = this.bench.inspection;
    if (!source || !inspection || this.running) return;
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.error = null;
    this.runs = [];
    try {
      const request = await this.bench.requestFor(config, source);
      for (const n of [...new Set(this.levels)].filter((n) => n >= 1).sort((a, b) => a - b)) {
        this.current = n;
        this.runs = [...this.runs, await runLevel(abort.signal, request, n, this.durationS * 1000)];
      }
    } catch (cause) {
      this.error = cause instanceof AbortedError ? 'Stopped; the load levels finished so far are shown.' : String(cause);
    } finally {
      this.running = false;
      this.current = null;
      if (this.capacity) {
        this.bench.addEvidence({ capacity: this.capacity, ...(this.expectedLoad ? { expectedLoad: this.expectedLoad } : {}) });
      }
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
