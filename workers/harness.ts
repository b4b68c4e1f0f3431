/**
 * The benchmark loop, written once for every runtime: each phase timed on its own, measured runs
 * timed one by one around the workload (one raw inference including output readback, or one
 * end-to-end task request), nothing else in the region. The measured loop obeys the config's
 * stopping rule: both minimums met, or a cap reached.
 */
import type { SynthTensor } from '../src/core/inputs.ts';
import { feedsFor } from '../src/core/inputs/feeds.ts';
import { throttledDecider } from '../src/core/method/decided.ts';
import { runOpenLoop } from '../src/core/method/open-loop.ts';
import { shouldStop, type StopReason } from '../src/core/method/stopping.ts';
import { inferencesPerSample } from '../src/core/method/timer.ts';
import { PERCENTILE_METHOD, quantileSorted, sortedCopy, summarize } from '../src/core/stats.ts';
import type { BenchConfig, Measurement } from '../src/core/result.ts';
import { generationMetrics, speechMetrics, splitStats } from '../src/core/tasks/metrics.ts';
import { TASKS, type RunSplit, type TaskMetrics } from '../src/core/tasks/types.ts';
import { makeBreather } from './breathe.ts';
import { collectEnv } from './env.ts';
import { BenchError } from './errors.ts';
import { ModelFiles } from './model-files.ts';
import type { LoopWindow, OpenedModel, Progress, ProgressCallback, RunOutcome, RunRequest } from './protocol.ts';
import type { LoadedModel, PreparedInputs, Runtime, TaskRunner } from './runtime.ts';
import { tensorTask } from './tensor-task.ts';

/** Progress messages are throttled so that reporting costs nothing measurable. */
const PROGRESS_INTERVAL_MS = 100;

/** Sends a progress report (throttled unless forced); `sample` is a measured latency to stream. */
type Report = (progress: Progress, force?: boolean, sample?: number) => void;

function makeReporter(onProgress: ProgressCallback): Report {
  let last = 0;
  let pending: number[] = [];
  return (progress, force = false, sample) => {
    if (sample !== undefined) pending.push(sample);
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(pending.length > 0 ? { ...progress, samples: pending } : progress);
    pending = [];
  };
}

/** What one timed run does: a raw inference, or a task request that reports its split. */
export interface Workload {
  run(): Promise<RunSplit | void>;
  /** K > 1: one timed run is K inferences, and its time is divided by K (method/timer.ts). */
  perSample?: number;
  runner?: TaskRunner;
  inputs?: PreparedInputs;
  /** The synthesized tensors behind `inputs`, for explaining a failed inference. */
  feeds?: SynthTensor[];
}

interface Timed {
  ms: number;
  split: RunSplit | void;
}

async function timeOnce(workload: Workload): Promise<Timed> {
  const start = performance.now();
  const split = await workload.run();
  return { ms: (performance.now() - start) / (workload.perSample ?? 1), split };
}

/** The workload as measured: K back-to-back raw inferences per sample where one is too short for the timer. */
async function forTimer(workload: Workload, warmupMs: number[], resolutionMs: number): Promise<Workload> {
  if (workload.runner) return workload;
  // The warmup's median, or a few untimed-for-the-result runs when the warmup was shorter.
  const probe = [...warmupMs];
  while (probe.length < 5) probe.push((await timeOnce(workload)).ms);
  const k = inferencesPerSample(quantileSorted(sortedCopy(probe), 0.5), resolutionMs);
  if (k === 1) return workload;
  return { ...workload, perSample: k, run: async () => { for (let i = 0; i < k; i++) await workload.run(); } };
}

async function warmUp(workload: Workload, count: number, report: Report): Promise<number[]> {
  const samples: number[] = [];
  report({ phase: 'warmup', done: 0, total: count }, true);
  const breathe = makeBreather();
  for (let i = 0; i < count; i++) {
    samples.push((await timeOnce(workload)).ms);
    report({ phase: 'warmup', done: i + 1, total: count, lastMs: samples[i]! });
    await breathe();
  }
  return samples;
}

/** Measured runs until the stopping rule says stop; elapsed time counts from the first run. */
async function measure(workload: Workload, config: BenchConfig, report: Report) {
  const rule = config.stopping;
  const samplesMs: number[] = [];
  const splits: RunSplit[] = [];
  const breathe = makeBreather();
  const start = performance.now();
  const decider = rule.decide ? throttledDecider(rule.decide.limitMs) : null;
  report({ phase: 'measure', done: 0, total: rule.minCount, elapsedMs: 0, minDurationMs: rule.minDurationMs }, true);
  for (;;) {
    const elapsedMs = performance.now() - start;
    const decided = decider ? { decided: () => decider(samplesMs, elapsedMs) } : {};
    const decision = shouldStop({ count: samplesMs.length, elapsedMs, ...decided }, rule);
    if (decision.stop) return { samplesMs, splits, stopReason: decision.reason as StopReason };
    const { ms, split } = await timeOnce(workload);
    samplesMs.push(ms);
    if (split) splits.push(split);
    // The first measured latency is shown at once; later ones are throttled.
    report({ phase: 'measure', done: samplesMs.length, total: rule.minCount, lastMs: ms, elapsedMs, minDurationMs: rule.minDurationMs }, samplesMs.length === 1, ms);
    await breathe();
  }
}

export async function makeWorkload(model: LoadedModel, request: RunRequest, runtime: Runtime): Promise<Workload> {
  const { config } = request;
  if (!config.task) {
    const feeds = feedsFor(model.io.inputs, config, request.inputData);
    const inputs = model.prepare(feeds);
    return { run: () => model.runOnce(inputs), inputs, feeds };
  }
  if (!request.taskInput) throw new BenchError('BadModelError', `The task ${config.task} needs an input: choose a sample or give your own.`);
  const runner = model.task
    ? await model.task(config.task, request.taskInput)
    : await tensorTask(model, config.task, request.taskInput, runtime.id);
  return { run: () => runner.run(), runner };
}

/** Fetch and load (the runtime reads through ModelFiles, which times the reads), then prepare. */
async function openModel(runtime: Runtime, request: RunRequest, report: Report) {
  const { config } = request;
  report({ phase: 'fetch', done: 0, total: 1 }, true);
  const files = new ModelFiles(request.source, {
    onDownload: (download) => report({ phase: 'fetch', done: 0, total: 1, download }),
    // The download's stall watchdog ends here; from now on the page's phase limit applies.
    onDownloadsDone: () => report({ phase: 'init', done: 0, total: 1 }, true),
  });
  const loadStart = performance.now();
  const model = await runtime.load(files, {
    backend: config.backend, threads: config.threads,
    ...(config.dtype ? { dtype: config.dtype } : {}), ...(config.task ? { task: config.task } : {}),
  });
  const loadMs = performance.now() - loadStart;
  const fetchMs = files.fetchMs;
  try {
    report({ phase: 'init', done: 1, total: 1 }, true);
    const workload = await makeWorkload(model, request, runtime);
    // fetchMs is the real download, maybe made by the inspection's worker; init excludes only the waiting done here.
    return { files, fetchMs, initMs: Math.max(0, loadMs - files.waitMs), model, workload };
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

function taskMetrics(request: RunRequest, runner: TaskRunner, splits: RunSplit[], samplesMs: number[], defaultDtype?: string): TaskMetrics | undefined {
  const { task } = request.config;
  const dtype = request.config.dtype ?? defaultDtype;
  if (!task || !request.taskInput) return undefined;
  const audioSeconds = runner.audioSeconds;
  const computed = generationMetrics(splits);
  const generation = computed && runner.placement ? { ...computed, placement: runner.placement } : computed;
  return {
    task,
    dtype: dtype ?? null,
    input: { name: request.taskInput.name, kinds: TASKS[task].inputs, ...(audioSeconds ? { audioSeconds } : {}) },
    split: splitStats(splits),
    output: runner.lastOutput(),
    ...(generation ? { generation } : {}),
    ...(audioSeconds ? { speech: speechMetrics(samplesMs, audioSeconds) } : {}),
  };
}

/** The first inference; an error it raises is explained by the runtime (naming the input). */
export async function firstRun(model: LoadedModel, workload: Workload): Promise<Timed> {
  try {
    return await timeOnce(workload);
  } catch (cause) {
    if (!model.explain || !workload.feeds || cause instanceof BenchError) throw cause;
    const { message, raw } = model.explain(cause instanceof Error ? cause.message : String(cause), workload.feeds);
    throw new BenchError('BadModelError', message, raw, 'bad-input');
  }
}

/** The roofline's work count; a graph it cannot read costs the result nothing but that. */
async function countWork(runtime: Runtime, files: ModelFiles, dims: Record<string, number>) {
  try {
    return await runtime.countWork?.(files, dims);
  } catch {
    return undefined;
  }
}

/** `runtimeStarted`: this worker started the runtime before the run (Timings.runtimeStarted). */
export async function runBenchmark(runtime: Runtime, request: RunRequest, onProgress: ProgressCallback, runtimeStarted = false): Promise<RunOutcome> {
  const { config } = request;
  const report = makeReporter(onProgress);
  const startedAt = new Date().toISOString();
  const env = await collectEnv(runtime.versions());
  const { files, fetchMs, initMs, model, workload } = await openModel(runtime, request, report);
  try {
    const provenance = { ...(runtimeStarted ? { runtimeStarted: true as const } : {}), ...(files.fromDeviceCache ? { fromDeviceCache: true as const } : {}) };
    report({ phase: 'first', done: 0, total: 1, facts: { env, backend: model.backend, fetchMs, initMs, ...provenance } }, true);
    const firstMs = (await firstRun(model, workload)).ms;
    report({ phase: 'warmup', done: 0, total: config.warmup, facts: { firstMs } }, true);
    const afterFirst = model.probe?.();
    const warmupMs = await warmUp(workload, config.warmup, report);
    const measured = await forTimer(workload, warmupMs, env.timerResolutionMs);
    const { samplesMs, splits, stopReason } = await measure(measured, config, report);
    const afterLast = model.probe?.();
    // Outside every timed region: one more inference whose outputs are kept for drift checks.
    const outputs = request.captureOutputs && workload.inputs ? await model.readOutputs(workload.inputs) : undefined;
    const task = workload.runner ? taskMetrics(request, workload.runner, splits, samplesMs, runtime.defaultDtype) : undefined;
    const work = config.task ? undefined : await countWork(runtime, files, config.dims);
    const measurement: Measurement = {
      schemaVersion: 1 as const,
      runtime: runtime.id,
      backend: model.backend,
      model: { ...request.model, bytes: files.bytes, sha256: await files.digest() },
      config,
      io: model.io,
      timings: { fetchMs, initMs, firstMs, warmupMs, samplesMs, ...(measured.perSample ? { inferencesPerSample: measured.perSample } : {}), ...provenance },
      stats: summarize(samplesMs),
      percentileMethod: PERCENTILE_METHOD,
      env,
      startedAt,
      stopReason,
      ...(task ? { task } : {}),
      ...(afterFirst && afterLast ? { probes: { afterFirst, afterLast } } : {}),
      ...(work ? { work } : {}),
    };
    return outputs ? { measurement, outputs } : { measurement };
  } finally {
    workload.runner?.dispose?.();
    await model.dispose();
  }
}

/** A model held open between `open` and `loop` calls, for concurrency, interleaved and open-loop runs. */
export class OpenModel {
  private constructor(private readonly workload: Workload, readonly info: OpenedModel) {}

  static async open(runtime: Runtime, request: RunRequest): Promise<OpenModel> {
    const { workload, model, files } = await openModel(runtime, request, () => {});
    await timeOnce(workload);
    for (let i = 0; i < request.config.warmup; i++) await timeOnce(workload);
    // Outside every timed region, as in runBenchmark: outputs for the drift check, work for the roofline.
    const outputs = request.captureOutputs && workload.inputs ? await model.readOutputs(workload.inputs) : undefined;
    const work = request.countWork && !request.config.task ? await countWork(runtime, files, request.config.dims) : undefined;
    const placement = workload.runner?.placement;
    return new OpenModel(workload, {
      backend: model.backend, ...(outputs ? { outputs } : {}), ...(work ? { work } : {}), ...(placement ? { placement } : {}),
    });
  }

  /**
   * Back-to-back requests for `durationMs`, `maxRuns` at most; epoch times let the page line up several workers. A
   * task's splits (token times) and last answer come back too, outside the timed region, so an
   * interleaved comparison of LLMs reports the same generation figures as a single run.
   */
  async loop(durationMs: number, maxRuns = Infinity): Promise<LoopWindow> {
    const latenciesMs: number[] = [];
    const splits: RunSplit[] = [];
    const start = performance.now();
    while (performance.now() - start < durationMs && latenciesMs.length < maxRuns) {
      const { ms, split } = await timeOnce(this.workload);
      latenciesMs.push(ms);
      if (split) splits.push(split);
    }
    const end = performance.now();
    const window: LoopWindow = { latenciesMs, startEpochMs: performance.timeOrigin + start, endEpochMs: performance.timeOrigin + end };
    const runner = this.workload.runner;
    return runner ? { ...window, splits, output: runner.lastOutput() } : window;
  }

  /** Open loop: requests at the scheduled times (ms from now), latency from each arrival (core/method/open-loop.ts). */
  arrivals(scheduleMs: number[]) {
    return runOpenLoop(scheduleMs, () => this.workload.run(), {
      now: () => performance.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }
}
