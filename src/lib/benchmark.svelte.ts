/**
 * The state of one benchmark session: the chosen model, its config, the run in flight and its
 * result. Components only show this class and call its methods (the svelte.dev REPL's pattern).
 */
import * as Comlink from 'comlink';
import { assessMeasurement, type ModelEvidence } from '../core/assess.ts';
import { defaultConfig, stoppingRuleFor, validateConfig } from '../core/config.ts';
import { defaultDims } from '../core/dims.ts';
import { detectDomain, SELECTION_MATRIX } from '../core/method/matrix.ts';
import { resolveStoppingRule } from '../core/method/stopping.ts';
import type { BenchConfig, BenchResult, Measurement } from '../core/result.ts';
import type { ModelInspection, ModelSource, Progress, RunRequest } from '../../workers/protocol.ts';
import { AbortedError, withBenchWorker } from './bench-bridge.ts';
import { builtinSource, type BuiltinModel } from './model-sources.ts';
import type { TaskInput } from '../core/tasks/types.ts';
import { sourceForRuntime } from './runtime-sources.ts';
import { defaultTaskInput } from './task-inputs.ts';
import { watchHidden } from './visibility.ts';

export type Status = 'idle' | 'inspecting' | 'running' | 'done' | 'error';

/** What the catalog says about a built-in model, for domain detection. */
interface CatalogHints {
  catalogDomain?: string;
  task?: string;
  /** Precision variants beside the model file; unknown for a dropped file or a plain URL. */
  dtypes?: string[];
}

interface FinishedRun {
  measurement: Measurement;
  hiddenEvents: number;
}

export class Benchmark {
  status = $state<Status>('idle');
  source = $state.raw<ModelSource | null>(null);
  inspection = $state.raw<ModelInspection | null>(null);
  config = $state<BenchConfig>(defaultConfig(navigator.hardwareConcurrency, crossOriginIsolated));
  progress = $state.raw<Progress | null>(null);
  /** Latencies measured so far by the run in flight (streamed with progress), for live charts. */
  liveSamples = $state.raw<number[]>([]);
  error = $state<string | null>(null);
  /** A note that is not an error, such as "Stopped." */
  notice = $state<string | null>(null);
  /** Findings of sweeps and concurrency runs on this model; they fill the checklist. */
  evidence = $state.raw<ModelEvidence>({});
  hints = $state.raw<CatalogHints>({});
  /** A task run's input (an image, a WAV file, text); null: the task's first sample. */
  taskInput = $state.raw<TaskInput | null>(null);

  #finished = $state.raw<FinishedRun | null>(null);
  result: BenchResult | null = $derived(this.#finished ? this.#assess(this.#finished) : null);

  /** The dtypes a sweep can choose; "as-is" when the file's precision is not known. */
  availableDtypes = $derived(this.hints.dtypes && this.hints.dtypes.length > 0 ? this.hints.dtypes : ['as-is']);

  /**
   * The p95 a load must stay under: the tighter of the user's SLA and the domain's target, the
   * domain chosen by the user or detected from the catalog and the inputs. Null when neither.
   */
  targetMs = $derived.by(() => {
    if (!this.inspection) return null;
    const domain = this.config.domain ?? detectDomain({ inputs: this.inspection.io.inputs, ...this.hints }).domain;
    const limits = [this.config.slaMs, domain ? SELECTION_MATRIX[domain].targetMs : null].filter((x): x is number => x !== null);
    return limits.length > 0 ? Math.min(...limits) : null;
  });

  busy = $derived(this.status === 'inspecting' || this.status === 'running');
  canRun = $derived(this.inspection !== null && !this.busy);

  /**
   * Called with each finished result before it is shown; the page saves it to history there,
   * so a result is never on screen without being stored.
   */
  beforeShow: ((result: BenchResult) => Promise<void>) | null = null;

  #abort: AbortController | null = null;

  /**
   * Reads and inspects a model. A failure clears the previous model and its result, so Run can
   * never benchmark the old model by mistake; Stop keeps them.
   */
  async load(source: ModelSource, hints: CatalogHints = {}): Promise<boolean> {
    const loaded = await this.#inspect(source, hints);
    if (!loaded && this.status === 'error') {
      this.source = null;
      this.inspection = null;
      this.#finished = null;
    }
    return loaded;
  }

  /** Forgets the model and its result (a runtime switch away from a built-in model). */
  unload(): void {
    this.stop();
    this.source = null;
    this.inspection = null;
    this.#finished = null;
    this.evidence = {};
  }

  #inspect(source: ModelSource, hints: CatalogHints): Promise<boolean> {
    return this.#task('inspecting', (api) => api.inspect(source, this.config.runtime), (inspection) => {
      this.source = source;
      this.inspection = inspection;
      this.hints = hints;
      this.config.dims = { ...defaultDims(inspection.io), ...this.#keptDims(inspection) };
      this.#finished = null;
      this.evidence = {};
      this.status = 'idle';
    });
  }

  loadBuiltin(model: BuiltinModel): Promise<boolean> {
    return this.load(builtinSource(model), {
      catalogDomain: model.domain, dtypes: model.dtypes, ...(model.task ? { task: model.task } : {}),
    });
  }

  /** Loads from a URL the user typed; an unparsable URL is an error, not an exception. */
  async loadUrl(url: string, builtins: readonly BuiltinModel[]): Promise<boolean> {
    let source: ModelSource;
    try {
      source = sourceForRuntime(url.trim(), this.config.runtime, builtins);
    } catch {
      this.fail(`"${url}" is not a valid URL. Give a full address such as https://example.com/model.onnx.`);
      return false;
    }
    const builtin = builtins.find((model) => source.kind === 'builtin' && source.url === new URL(model.url, location.href).href);
    return builtin ? this.loadBuiltin(builtin) : this.load(source);
  }

  /** The config as it will run: the stopping rule resolved from the mode and its overrides. */
  resolvedConfig(): BenchConfig | string {
    const config = $state.snapshot(this.config) as BenchConfig;
    const problem = validateConfig(config);
    if (problem) return problem;
    if (config.mode !== 'fixed') {
      const { errors } = resolveStoppingRule(config.mode, config.stopping);
      if (errors.length > 0) return errors.join(' ');
    }
    const stopping = stoppingRuleFor(config.mode, config.iterations, config.stopping);
    // Until decided: the worker decides against the same limit the verdict will use.
    if (stopping.decide) stopping.decide = { limitMs: this.targetMs };
    return { ...config, stopping };
  }

  /**
   * What a worker needs to run `config` on the loaded model (or on `source`, a variant of it):
   * a task run also needs its input, the user's or the first sample of the right kind.
   */
  async requestFor(config: BenchConfig, source: ModelSource | null = this.source): Promise<RunRequest> {
    const inspection = this.inspection;
    if (!source || !inspection) throw new Error('Load a model first.');
    const taskInput: TaskInput | undefined = config.task
      ? this.taskInput ?? (await defaultTaskInput(config.task, config.sample)) : undefined;
    return { source, model: inspection.model, config, ...(taskInput ? { taskInput } : {}) };
  }

  async run(): Promise<boolean> {
    if (!this.source || !this.inspection || this.busy) return false;
    const config = this.resolvedConfig();
    if (typeof config === 'string') {
      this.fail(config);
      return false;
    }
    let request: RunRequest;
    try {
      request = await this.requestFor(config);
    } catch (cause) {
      this.fail(cause instanceof Error ? cause.message : String(cause));
      return false;
    }
    this.liveSamples = [];
    const onProgress = Comlink.proxy((progress: Progress) => {
      this.progress = progress;
      if (progress.samples) this.liveSamples = [...this.liveSamples, ...progress.samples];
    });
    const stopWatching = watchHidden();
    return this.#task('running', (api) => api.run(request, onProgress), async (outcome) => {
      const finished = { measurement: outcome.measurement, hiddenEvents: stopWatching() };
      await this.beforeShow?.(this.#assess(finished));
      this.#finished = finished;
      this.status = 'done';
    }, stopWatching);
  }

  /** Merges what a sweep or concurrency run found; the checklist is re-derived from it. */
  addEvidence(evidence: ModelEvidence): void {
    this.evidence = { ...this.evidence, ...evidence };
  }

  /** Ends the task in flight at once: its worker is terminated. */
  stop(): void {
    this.#abort?.abort();
  }

  /** Shows a problem found outside a worker (a bad URL parameter, an invalid config). */
  fail(message: string): void {
    this.status = 'error';
    this.error = message;
  }

  #assess(run: FinishedRun): BenchResult {
    return assessMeasurement(run.measurement, { hiddenEvents: run.hiddenEvents, ...this.hints, evidence: this.evidence });
  }

  /** Keeps dims the user already set when the new model has the same symbolic names. */
  #keptDims(inspection: ModelInspection): Record<string, number> {
    const names = new Set(Object.keys(defaultDims(inspection.io)));
    return Object.fromEntries(Object.entries(this.config.dims).filter(([name]) => names.has(name)));
  }

  async #task<T>(
    status: Status, work: Parameters<typeof withBenchWorker<T>>[1], onDone: (value: T) => void | Promise<void>,
    cleanup: () => void = () => {},
  ): Promise<boolean> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = status;
    this.error = null;
    this.notice = null;
    this.progress = null;
    try {
      await onDone(await withBenchWorker(abort.signal, work));
      return true;
    } catch (cause) {
      // Superseded by a newer task (a second drop, a load over the default model): that task
      // owns the state now.
      if (this.#abort !== abort && cause instanceof AbortedError) return false;
      if (cause instanceof AbortedError) {
        this.status = this.result ? 'done' : 'idle';
        this.notice = 'Stopped. The worker was terminated; nothing from the stopped run is kept.';
      } else {
        this.fail(cause instanceof Error ? cause.message : String(cause));
      }
      return false;
    } finally {
      cleanup();
      if (this.#abort === abort) {
        this.#abort = null;
        this.progress = null;
      }
    }
  }
}
