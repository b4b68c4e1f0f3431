/**
 * The state of one benchmark session: the chosen model, its config, the run in flight and its
 * result. Components only show this class and call its methods (the svelte.dev REPL's pattern).
 */
import * as Comlink from 'comlink';
import { assessMeasurement, type ModelEvidence } from '../core/assess.ts';
import { defaultConfig, stoppingRuleFor, validateConfig } from '../core/config.ts';
import { detectDomain, SELECTION_MATRIX } from '../core/method/matrix.ts';
import { resolveStoppingRule } from '../core/method/stopping.ts';
import type { BenchConfig, BenchResult, Measurement } from '../core/result.ts';
import type { ModelInspection, ModelSource, Progress, RemoteOptions, RunRequest } from '../../workers/protocol.ts';
import { AbortedError, withBenchWorker, WorkerLostError, type WorkerHandoff } from './bench-bridge.ts';
import { withRemoteOptions } from './fetched-source.ts';
import { holdOfflineInstall, offlineInstallSettled } from './offline.ts';
import { PartialRun } from './partial-run.ts';
import { DEFAULT_PHASE_LIMIT_MS, type WorkerWatchdog } from './worker-watchdog.ts';
import { builtinSource, type BuiltinModel } from './model-sources.ts';
import { ModelInputs } from './model-inputs.svelte.ts';
import type { TaskInput } from '../core/tasks/types.ts';
import type { RunKey } from '../core/phase-estimate.ts';
import { sourceForRuntime } from './runtime-sources.ts';
import { StandbyWorker } from './standby-worker.ts';
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

interface TaskOptions {
  cleanup?: () => void;
  /** Keeps what an unfinished task measured; returns how many measured runs it kept. */
  keep?: (cause: AbortedError | WorkerLostError) => Promise<number>;
  handoff?: WorkerHandoff;
}

export class Benchmark {
  status = $state<Status>('idle');
  source = $state.raw<ModelSource | null>(null);
  inspection = $state.raw<ModelInspection | null>(null);
  config = $state<BenchConfig>(defaultConfig(navigator.hardwareConcurrency, crossOriginIsolated));
  progress = $state.raw<Progress | null>(null);
  /** What the run in flight is, for estimates from this device's earlier runs (core/phase-estimate.ts). */
  runKey = $state.raw<RunKey | null>(null);
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
  /** Settles once the task input last chosen is built (its sample fetched); a run waits for it. */
  taskInputReady: Promise<void> = Promise.resolve();
  /** Raw-model runs: each input's fill and reason, the user's choices, the dry run. */
  readonly inputs = new ModelInputs();
  /** Whether loading a model checks its inputs with a dry run (off while a URL autoruns). */
  autoCheck = true;

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
  /** The worker that inspected the loaded model, for its first run (the first number sooner). */
  readonly #standby = new StandbyWorker();

  /** The watchdog's phase limit: a phase with no progress for this long ends the task (URL phaseLimit). */
  phaseLimitMs = DEFAULT_PHASE_LIMIT_MS;
  /** Test hook (URL testWorkerExit): the next run's worker closes itself after this many measured runs. */
  exitAfterRuns: number | undefined = undefined;
  /** How remote models are downloaded (the stall limit from the URL contract). */
  fetchOptions: Pick<RemoteOptions, 'stallMs' | 'keepOnDevice'> = {};

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

  /** Starts the worker the first model will be inspected (and first run) in, before it is chosen. */
  prestart(): void {
    this.#standby.prestart(this.config.runtime);
  }

  /** Forgets the model and its result (a runtime switch away from a built-in model). */
  unload(): void {
    this.stop();
    this.#standby.drop();
    this.source = null;
    this.inspection = null;
    this.#finished = null;
    this.evidence = {};
  }

  /** The files inspection downloaded stay with the source, so runs reuse them (one download per model). */
  #inspect(source: ModelSource, hints: CatalogHints): Promise<boolean> {
    const asked = withRemoteOptions(source, this.fetchOptions);
    let watchdog: WorkerWatchdog | null = null;
    const onProgress = Comlink.proxy((progress: Progress) => {
      // A download has its own stall watchdog; the phase limit resumes once it ends.
      watchdog?.progress(progress.phase === 'fetch' ? 'fetch' : 'inspection');
      this.progress = progress;
    });
    const { runtime, threads } = this.config;
    const started = this.#standby.forInspection();
    return this.#task('inspecting', (api, dog) => {
      watchdog = dog;
      return api.inspect(asked, runtime, onProgress, threads);
    }, ({ fetched, startedThreads, ...inspection }) => {
      if (startedThreads === undefined) started.worker.terminate();
      else this.#standby.keep(started, runtime, startedThreads, inspection.model.bytes);
      this.source = withRemoteOptions(asked, { fetched: fetched ?? [] });
      this.inspection = inspection;
      this.hints = hints;
      this.inputs.apply(inspection, this.config);
      this.#finished = null;
      this.evidence = {};
      this.status = 'idle';
      if (this.autoCheck) void this.checkInputs();
    }, { handoff: { started, keep: true } });
  }

  /** The dry run: one inference with the chosen inputs on wasm, before Run (raw-model runs only). */
  async checkInputs(): Promise<void> {
    const config = this.resolvedConfig();
    if (typeof config === 'string' || config.task || !this.source || !this.inspection || this.busy) {
      this.inputs.cancel();
      return;
    }
    await this.inputs.check(await this.requestFor(config));
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
    } catch (cause) {
      // Refused schemes and unparsable addresses: the message says why and what to do instead.
      this.fail(cause instanceof Error ? cause.message : `"${url}" is not a valid URL.`);
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
    const inputData = !config.task && Object.keys(this.inputs.data).length > 0 ? { inputData: this.inputs.data } : {};
    return { source, model: inspection.model, config, ...(taskInput ? { taskInput } : {}), ...inputData };
  }

  async run(): Promise<boolean> {
    if (!this.source || !this.inspection || this.busy) return false;
    // A sample chosen just before Run is still loading: run on it, not on the one before.
    await this.taskInputReady;
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
    // The test hook applies to one run only, so the page can be shown usable after it.
    if (this.exitAfterRuns !== undefined) request.exitAfterRuns = this.exitAfterRuns;
    this.exitAfterRuns = undefined;
    this.liveSamples = [];
    // The dry run's worker would share the CPU with the measured one.
    this.inputs.cancel();
    const partial = new PartialRun(request, this.inspection);
    let watchdog: WorkerWatchdog | null = null;
    const onProgress = Comlink.proxy((progress: Progress) => {
      watchdog?.progress(progress.phase);
      partial.record(progress);
      this.progress = progress;
      if (progress.samples) this.liveSamples = [...this.liveSamples, ...progress.samples];
    });
    const stopWatching = watchHidden();
    const show = async (measurement: Measurement): Promise<void> => {
      const finished = { measurement, hiddenEvents: stopWatching() };
      await this.beforeShow?.(this.#assess(finished));
      this.#finished = finished;
    };
    const releaseInstall = holdOfflineInstall();
    const started = this.#standby.take(config.runtime, config.threads);
    this.runKey = {
      sha256: request.model.sha256, runtime: config.runtime, backend: config.backend, dtype: config.dtype ?? null,
      threads: config.threads, userAgent: navigator.userAgent, runtimeStarted: started !== null,
    };
    try {
      return await this.#task('running', async (api, dog) => {
        watchdog = dog;
        // The offline app's precache, if it is downloading, finishes before anything is timed.
        await offlineInstallSettled();
        return api.run(request, onProgress);
      }, async (outcome) => {
        await show(outcome.measurement);
        this.status = 'done';
      }, {
        cleanup: stopWatching,
        keep: async (cause) => {
          // Stop or a lost worker: the runs measured so far are kept, marked, and saved like any result.
          const kept = partial.measurement(this.liveSamples, cause instanceof AbortedError ? 'stopped-early' : 'worker-lost');
          if (kept) await show(kept);
          return kept ? kept.timings.samplesMs.length : 0;
        },
        ...(started ? { handoff: { started } } : {}),
      });
    } finally {
      releaseInstall();
    }
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

  async #task<T>(
    status: Status, work: Parameters<typeof withBenchWorker<T>>[1], onDone: (value: T) => void | Promise<void>,
    { cleanup = () => {}, keep = async () => 0, handoff = {} }: TaskOptions = {},
  ): Promise<boolean> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = status;
    this.error = null;
    this.notice = null;
    this.progress = null;
    try {
      await onDone(await withBenchWorker(abort.signal, work, {
        limitMs: this.phaseLimitMs, phase: status === 'inspecting' ? 'inspection' : 'run',
      }, handoff));
      return true;
    } catch (cause) {
      // Superseded by a newer task (a second drop, a load over the default model): that task
      // owns the state now.
      if (this.#abort !== abort && cause instanceof AbortedError) return false;
      const kept = cause instanceof AbortedError || cause instanceof WorkerLostError ? await keep(cause) : 0;
      const keptText = kept > 0
        ? ` The ${kept} measured run${kept === 1 ? ' is' : 's are'} kept as a result marked stopped early, saved to history.`
        : ' No measured run had finished, so nothing is kept.';
      if (cause instanceof AbortedError) {
        this.status = this.result ? 'done' : 'idle';
        this.notice = `Stopped. The worker was terminated.${keptText}`;
      } else if (cause instanceof WorkerLostError) {
        this.fail(`${cause.message}${keptText}`);
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
