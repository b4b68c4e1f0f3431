/**
 * The benchmark loop, written once for every runtime: each phase timed on its own, measured runs
 * timed one by one around `runOnce` (which includes output readback), nothing else in the region.
 * The measured loop obeys the config's stopping rule: both minimums met, or a cap reached.
 */
import { synthesizeInputs } from '../src/core/inputs.ts';
import { shouldStop, type StopReason } from '../src/core/method/stopping.ts';
import { PERCENTILE_METHOD, summarize } from '../src/core/stats.ts';
import type { BenchConfig } from '../src/core/result.ts';
import { collectEnv } from './env.ts';
import { checkModelBytes, readSource } from './source.ts';
import type { Phase, Progress, ProgressCallback, RunOutcome, RunRequest } from './protocol.ts';
import type { LoadedModel, PreparedInputs, Runtime } from './runtime.ts';

/** Progress messages are throttled so that reporting costs nothing measurable. */
const PROGRESS_INTERVAL_MS = 100;

type Report = (progress: Progress, force?: boolean) => void;

function makeReporter(onProgress: ProgressCallback): Report {
  let last = 0;
  return (progress, force = false) => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(progress);
  };
}

async function timeOnce(model: LoadedModel, inputs: PreparedInputs): Promise<number> {
  const start = performance.now();
  await model.runOnce(inputs);
  return performance.now() - start;
}

async function warmUp(model: LoadedModel, inputs: PreparedInputs, count: number, report: Report): Promise<number[]> {
  const samples: number[] = [];
  report({ phase: 'warmup', done: 0, total: count }, true);
  for (let i = 0; i < count; i++) {
    samples.push(await timeOnce(model, inputs));
    report({ phase: 'warmup', done: i + 1, total: count, lastMs: samples[i]! });
  }
  return samples;
}

/** Measured runs until the stopping rule says stop; elapsed time counts from the first run. */
async function measure(
  model: LoadedModel, inputs: PreparedInputs, config: BenchConfig, report: Report,
): Promise<{ samplesMs: number[]; stopReason: StopReason }> {
  const rule = config.stopping;
  const samplesMs: number[] = [];
  const start = performance.now();
  report({ phase: 'measure', done: 0, total: rule.minCount, elapsedMs: 0, minDurationMs: rule.minDurationMs }, true);
  for (;;) {
    const elapsedMs = performance.now() - start;
    const decision = shouldStop({ count: samplesMs.length, elapsedMs }, rule);
    if (decision.stop) return { samplesMs, stopReason: decision.reason };
    const ms = await timeOnce(model, inputs);
    samplesMs.push(ms);
    report({ phase: 'measure', done: samplesMs.length, total: rule.minCount, lastMs: ms, elapsedMs, minDurationMs: rule.minDurationMs });
  }
}

/** Fetch, check and load: the phases every kind of run shares. */
async function openModel(runtime: Runtime, request: RunRequest, report: Report) {
  report({ phase: 'fetch', done: 0, total: 1 }, true);
  const fetchStart = performance.now();
  const bytes = await readSource(request.source);
  const fetchMs = performance.now() - fetchStart;
  checkModelBytes(bytes);
  report({ phase: 'init', done: 0, total: 1 }, true);
  const initStart = performance.now();
  const model = await runtime.load(bytes, { backend: request.config.backend, threads: request.config.threads });
  const initMs = performance.now() - initStart;
  const { config } = request;
  const inputs = model.prepare(synthesizeInputs(model.io.inputs, config.dims, config.seed, config.vocabSize));
  return { bytes: bytes.byteLength, fetchMs, initMs, model, inputs };
}

export async function runBenchmark(runtime: Runtime, request: RunRequest, onProgress: ProgressCallback): Promise<RunOutcome> {
  const { config } = request;
  const report = makeReporter(onProgress);
  const startedAt = new Date().toISOString();
  const env = await collectEnv(runtime.versions());
  const { bytes, fetchMs, initMs, model, inputs } = await openModel(runtime, request, report);
  try {
    report({ phase: 'first', done: 0, total: 1 }, true);
    const firstMs = await timeOnce(model, inputs);
    const warmupMs = await warmUp(model, inputs, config.warmup, report);
    const { samplesMs, stopReason } = await measure(model, inputs, config, report);
    // Outside every timed region: one more inference whose outputs are kept for drift checks.
    const outputs = request.captureOutputs ? await model.readOutputs(inputs) : undefined;
    const measurement = {
      schemaVersion: 1 as const,
      runtime: runtime.id,
      backend: model.backend,
      model: { ...request.model, bytes },
      config,
      io: model.io,
      timings: { fetchMs, initMs, firstMs, warmupMs, samplesMs },
      stats: summarize(samplesMs),
      percentileMethod: PERCENTILE_METHOD,
      env,
      startedAt,
      stopReason,
    };
    return outputs ? { measurement, outputs } : { measurement };
  } finally {
    await model.dispose();
  }
}

/** A model held open between `open` and `loop` calls, for concurrency runs. */
export class OpenModel {
  private constructor(private readonly model: LoadedModel, private readonly inputs: PreparedInputs) {}

  static async open(runtime: Runtime, request: RunRequest): Promise<OpenModel> {
    const { model, inputs } = await openModel(runtime, request, () => {});
    await timeOnce(model, inputs);
    for (let i = 0; i < request.config.warmup; i++) await timeOnce(model, inputs);
    return new OpenModel(model, inputs);
  }

  /** Back-to-back requests for `durationMs`; epoch times let the page line up several workers. */
  async loop(durationMs: number) {
    const latenciesMs: number[] = [];
    const start = performance.now();
    while (performance.now() - start < durationMs) latenciesMs.push(await timeOnce(this.model, this.inputs));
    const end = performance.now();
    return { latenciesMs, startEpochMs: performance.timeOrigin + start, endEpochMs: performance.timeOrigin + end };
  }
}
