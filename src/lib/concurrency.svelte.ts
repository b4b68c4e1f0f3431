/**
 * Closed-loop concurrency: N workers hold the model open and issue requests back to back for a
 * fixed window, all at once. Throughput and percentiles per N give the highest load whose p95
 * stays under the target.
 */
import type { Capacity, LoadLevelRun } from '../core/method/concurrency.ts';
import type { BenchConfig } from '../core/result.ts';
import type { LoopWindow, RunRequest } from '../../workers/protocol.ts';
import { withBenchWorker } from './bench-bridge.ts';
import { LoadSweep } from './load-sweep.svelte.ts';

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

export class ConcurrencyRun extends LoadSweep<number> {
  levels = $state<number[]>([1, 2, 4]);
  durationS = $state(3);
  /** Requests the user expects at once, for the checklist's throughput item. */
  expectedLoad = $state<number | null>(null);

  /** The highest number of concurrent workers whose p95 stays under the target. */
  get capacity(): Capacity | null {
    return this.answer;
  }

  async start(config: BenchConfig): Promise<void> {
    const source = this.bench.source;
    // Each worker gets one WASM thread: N workers on N threads each would fight over the cores.
    const perWorker = { ...config, threads: 1 };
    const ran = await this.measure('Stopped; the load levels finished so far are shown.', async (signal) => {
      const request = await this.bench.requestFor(perWorker, source!);
      for (const n of [...new Set(this.levels)].filter((n) => n >= 1).sort((a, b) => a - b)) {
        this.current = n;
        this.runs = [...this.runs, await runLevel(signal, request, n, this.durationS * 1000)];
      }
    });
    if (ran && this.capacity) {
      this.bench.addEvidence({ capacity: this.capacity, ...(this.expectedLoad ? { expectedLoad: this.expectedLoad } : {}) });
    }
  }
}
