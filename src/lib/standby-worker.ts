/**
 * The bench worker that inspected the loaded model, kept for that model's first run (issue 11:
 * the first number in seconds). Inspecting starts the runtime: its wasm instantiated, its threads
 * spawned, and on a first visit most of onnxruntime's code compiled (V8 compiles wasm functions
 * lazily, on first call: about 0.9 s of a 1 s first session on this machine). A run in that
 * worker skips all of it; a fresh worker would start the runtime again.
 *
 * Only a worker whose runtime says it is started with the run's thread count is kept
 * (Inspection.startedThreads): onnxruntime fixes its thread pool when it starts, so any other
 * count would run silently on the wrong one. The run records that it used this worker
 * (Timings.runtimeStarted), because its session time then leaves the runtime's start out.
 * Every later run gets a fresh worker, as before.
 */
import type { RuntimeId } from '../core/result.ts';
import { startBenchWorker, type StartedWorker } from './bench-bridge.ts';

interface Kept {
  started: StartedWorker;
  /** What the worker's runtime is started for; null: started ahead of any inspection. */
  key: string | null;
}

const keyOf = (runtime: RuntimeId, threads: number): string => `${runtime}:${threads}`;

/**
 * Above this, the first run gets a fresh worker too. Wasm memory never shrinks: the inspection's
 * session, released, leaves its pages behind, and near wasm32's 4 GB a second session could fail
 * there where a fresh worker's would not. A large model's first number waits on its session
 * creation anyway, not on starting the runtime.
 */
export const KEEP_MAX_BYTES = 256 * 1024 ** 2;

export class StandbyWorker {
  #kept: Kept | null = null;

  /**
   * Starts a worker before the model is known, and its runtime's scripts in it, so they load
   * while the page compiles the runtime's wasm and fetches the model list.
   */
  prestart(runtime: RuntimeId): void {
    if (this.#kept) return;
    const started = startBenchWorker();
    started.api.preload(runtime).catch(() => {}); // a failure shows when the inspection loads it
    this.#kept = { started, key: null };
  }

  /** The worker for an inspection: the one started ahead, or a new one. A kept one is ended. */
  forInspection(): StartedWorker {
    const kept = this.#kept;
    this.#kept = null;
    if (kept?.key === null) return kept.started;
    kept?.started.worker.terminate();
    return startBenchWorker();
  }

  /**
   * Keeps the worker that inspected the loaded model, replacing any other; a large model's is
   * ended instead (KEEP_MAX_BYTES).
   */
  keep(started: StartedWorker, runtime: RuntimeId, threads: number, modelBytes: number): void {
    this.drop();
    if (modelBytes > KEEP_MAX_BYTES) {
      started.worker.terminate();
      return;
    }
    this.#kept = { started, key: keyOf(runtime, threads) };
  }

  /**
   * For the model's first run: the kept worker if it is started for this runtime and thread
   * count, else null. Either way nothing is kept after it.
   */
  take(runtime: RuntimeId, threads: number): StartedWorker | null {
    const kept = this.#kept;
    if (kept?.key === keyOf(runtime, threads)) {
      this.#kept = null;
      return kept.started;
    }
    this.drop();
    return null;
  }

  drop(): void {
    this.#kept?.started.worker.terminate();
    this.#kept = null;
  }
}
