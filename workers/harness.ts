/**
 * The benchmark loop, written once for every runtime: each phase timed on its own, measured runs
 * timed one by one around `runOnce` (which includes output readback), nothing else in the region.
 */
import { synthesizeInputs } from '../src/core/inputs.ts';
import { PERCENTILE_METHOD, summarize } from '../src/core/stats.ts';
import type { BenchResult } from '../src/core/result.ts';
import { collectEnv } from './env.ts';
import { checkModelBytes, readSource } from './source.ts';
import type { Phase, ProgressCallback, RunRequest } from './protocol.ts';
import type { LoadedModel, PreparedInputs, Runtime } from './runtime.ts';

/** Progress messages are throttled so that reporting costs nothing measurable. */
const PROGRESS_INTERVAL_MS = 100;

function makeReporter(onProgress: ProgressCallback) {
  let last = 0;
  return (phase: Phase, done: number, total: number, lastMs?: number): void => {
    const now = performance.now();
    if (done !== 0 && done !== total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(lastMs === undefined ? { phase, done, total } : { phase, done, total, lastMs });
  };
}

async function timeOnce(model: LoadedModel, inputs: PreparedInputs): Promise<number> {
  const start = performance.now();
  await model.runOnce(inputs);
  return performance.now() - start;
}

async function timeMany(
  model: LoadedModel, inputs: PreparedInputs, count: number,
  onEach: (done: number, ms: number) => void,
): Promise<number[]> {
  const samples = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    samples[i] = await timeOnce(model, inputs);
    onEach(i + 1, samples[i]!);
  }
  return samples;
}

export async function runBenchmark(
  runtime: Runtime, request: RunRequest, onProgress: ProgressCallback,
): Promise<BenchResult> {
  const { config } = request;
  const report = makeReporter(onProgress);
  const startedAt = new Date().toISOString();
  const env = await collectEnv(runtime.versions());

  report('fetch', 0, 1);
  const fetchStart = performance.now();
  const bytes = await readSource(request.source);
  const fetchMs = performance.now() - fetchStart;
  checkModelBytes(bytes);

  report('init', 0, 1);
  const initStart = performance.now();
  const model = await runtime.load(bytes, { backend: config.backend, threads: config.threads });
  const initMs = performance.now() - initStart;
  try {
    const inputs = model.prepare(synthesizeInputs(model.io.inputs, config.dims, config.seed, config.vocabSize));
    report('first', 0, 1);
    const firstMs = await timeOnce(model, inputs);
    report('warmup', 0, config.warmup);
    const warmupMs = await timeMany(model, inputs, config.warmup, (done, ms) => report('warmup', done, config.warmup, ms));
    report('measure', 0, config.iterations);
    const samplesMs = await timeMany(model, inputs, config.iterations, (done, ms) => report('measure', done, config.iterations, ms));
    return {
      schemaVersion: 1,
      runtime: runtime.id,
      backend: model.backend,
      model: { ...request.model, bytes: bytes.byteLength },
      config,
      io: model.io,
      timings: { fetchMs, initMs, firstMs, warmupMs, samplesMs },
      stats: summarize(samplesMs),
      percentileMethod: PERCENTILE_METHOD,
      env,
      startedAt,
    };
  } finally {
    await model.dispose();
  }
}
