/**
 * What the two load runs share: the closed loop (concurrency.svelte.ts, N workers back to back)
 * and the open loop (open-loop.svelte.ts, Poisson arrivals at rising rates) both measure levels
 * one after another, each a LoadLevelRun, and judge them with findCapacity against the target;
 * both start from the page's configuration, and Stop keeps the levels finished so far.
 */
import { findCapacity, type Capacity, type LoadLevelRun } from '../core/method/concurrency.ts';
import type { BenchConfig } from '../core/result.ts';
import { AbortedError } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';

export abstract class LoadSweep<Current> {
  running = $state(false);
  /** The level in flight; null when idle. */
  current = $state<Current | null>(null);
  runs = $state.raw<LoadLevelRun[]>([]);
  error = $state<string | null>(null);
  #abort: AbortController | null = null;

  constructor(protected readonly bench: Benchmark) {}

  /** The highest load whose p95 stays under the target; null without a target or a level. */
  answer = $derived.by((): Capacity | null => {
    const target = this.bench.targetMs;
    return target === null || this.runs.length === 0 ? null : findCapacity(this.runs, target);
  });

  abstract start(config: BenchConfig): Promise<void>;

  /** Starts with the page's configuration, or says what is wrong with it. */
  launch(): void {
    const config = this.bench.resolvedConfig();
    if (typeof config === 'string') this.error = config;
    else void this.start(config);
  }

  /**
   * Runs `levels` (which appends to `runs`) unless a run is in progress or no model is loaded;
   * false when it did not start. A stop or a failure ends it with `stopped` or the error.
   */
  protected async measure(stopped: string, levels: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    if (!this.bench.source || !this.bench.inspection || this.running) return false;
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.error = null;
    this.runs = [];
    try {
      await levels(abort.signal);
    } catch (cause) {
      this.error = cause instanceof AbortedError ? stopped : String(cause);
    } finally {
      this.running = false;
      this.current = null;
      this.#abort = null;
    }
    return true;
  }

  stop(): void {
    this.#abort?.abort();
  }
}
