/**
 * The state of one benchmark session: the chosen model, its config, the run in flight and its
 * result. Components only show this class and call its methods (the svelte.dev REPL's pattern).
 */
import { defaultConfig, validateConfig } from '../core/config.ts';
import { defaultDims } from '../core/dims.ts';
import type { BenchConfig, BenchResult } from '../core/result.ts';
import type { ModelInspection, ModelSource, Progress } from '../../workers/protocol.ts';
import { AbortedError, withBenchWorker } from './bench-bridge.ts';
import * as Comlink from 'comlink';
import { urlSource, type BuiltinModel } from './model-sources.ts';

export type Status = 'idle' | 'inspecting' | 'running' | 'done' | 'error';

export class Benchmark {
  status = $state<Status>('idle');
  source = $state.raw<ModelSource | null>(null);
  inspection = $state.raw<ModelInspection | null>(null);
  config = $state<BenchConfig>(defaultConfig(navigator.hardwareConcurrency, crossOriginIsolated));
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<BenchResult | null>(null);
  error = $state<string | null>(null);
  /** A note that is not an error, such as "Stopped." */
  notice = $state<string | null>(null);

  busy = $derived(this.status === 'inspecting' || this.status === 'running');
  canRun = $derived(this.inspection !== null && !this.busy);

  #abort: AbortController | null = null;

  /** Reads and inspects a model; a failure leaves the previous model and result in place. */
  async load(source: ModelSource): Promise<boolean> {
    const ok = await this.#task('inspecting', (api) => api.inspect(source), (inspection) => {
      this.source = source;
      this.inspection = inspection;
      this.config.dims = { ...defaultDims(inspection.io), ...this.#keptDims(inspection) };
      this.result = null;
      this.status = 'idle';
    });
    return ok;
  }

  /** Loads from a URL the user typed; an unparsable URL is an error, not an exception. */
  async loadUrl(url: string, builtins: readonly BuiltinModel[]): Promise<boolean> {
    let source: ModelSource;
    try {
      source = urlSource(url.trim(), builtins);
    } catch {
      this.fail(`"${url}" is not a valid URL. Give a full address such as https://example.com/model.onnx.`);
      return false;
    }
    return this.load(source);
  }

  async run(): Promise<boolean> {
    const source = this.source;
    const inspection = this.inspection;
    if (!source || !inspection || this.busy) return false;
    const problem = validateConfig(this.config);
    if (problem) {
      this.fail(problem);
      return false;
    }
    const config = $state.snapshot(this.config);
    const onProgress = Comlink.proxy((progress: Progress) => { this.progress = progress; });
    return this.#task('running', (api) => api.run({ source, model: inspection.model, config }, onProgress), (result) => {
      this.result = result;
      this.status = 'done';
    });
  }

  /** Ends the task in flight at once: its worker is terminated. */
  stop(): void {
    this.#abort?.abort();
  }

  /** Keeps dims the user already set when the new model has the same symbolic names. */
  #keptDims(inspection: ModelInspection): Record<string, number> {
    const names = new Set(Object.keys(defaultDims(inspection.io)));
    return Object.fromEntries(Object.entries(this.config.dims).filter(([name]) => names.has(name)));
  }

  async #task<T>(
    status: Status, work: Parameters<typeof withBenchWorker<T>>[1], onDone: (value: T) => void,
  ): Promise<boolean> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = status;
    this.error = null;
    this.notice = null;
    this.progress = null;
    try {
      onDone(await withBenchWorker(abort.signal, work));
      return true;
    } catch (cause) {
      if (cause instanceof AbortedError) {
        this.status = this.result ? 'done' : 'idle';
        this.notice = 'Stopped. The worker was terminated; nothing from the stopped run is kept.';
      } else {
        this.fail(cause instanceof Error ? cause.message : String(cause));
      }
      return false;
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.progress = null;
    }
  }

  /** Shows a problem found outside a worker (a bad URL parameter, an invalid config). */
  fail(message: string): void {
    this.status = 'error';
    this.error = message;
  }
}
