/** Results for the share tests: a realistic one built by hand, and fast-check arbitraries. */
import fc from 'fast-check';
import { stoppingRuleFor } from '../../../src/core/config.ts';
import { assessRun } from '../../../src/core/method/assess.ts';
import { fillChecklist, type BackendAttempt } from '../../../src/core/method/checklist.ts';
import { detectDomain, type DomainId } from '../../../src/core/method/matrix.ts';
import type { BackendId, BenchConfig, BenchResult, EnvInfo, Measurement, ModelSourceKind, RuntimeId, TensorSpec } from '../../../src/core/result.ts';
import type { TaskId, TaskMetrics } from '../../../src/core/tasks/types.ts';
import { PERCENTILE_METHOD, summarize } from '../../../src/core/stats.ts';

/** What the page adds to a measurement: the methodology's assessment, as the lead's page will. */
export function assess(
  measurement: Measurement, options: { hiddenEvents?: number; catalogDomain?: string; attempts?: BackendAttempt[] } = {},
): BenchResult {
  const { config } = measurement;
  const domainDetection = detectDomain({ catalogDomain: options.catalogDomain, inputs: measurement.io.inputs });
  const assessment = assessRun({
    mode: config.mode === 'fixed' ? 'standard' : config.mode,
    rule: config.stopping,
    stopReason: measurement.stopReason,
    samplesMs: measurement.timings.samplesMs,
    hiddenEvents: options.hiddenEvents ?? 0,
    requestedBackend: config.backend,
    ranBackend: measurement.backend,
    domain: config.domain ?? domainDetection.domain,
    slaMs: config.slaMs,
  });
  const checklist = fillChecklist({
    verdict: assessment.verdict, modelBytes: measurement.model.bytes, sha256: measurement.model.sha256,
    sizeBudgetBytes: config.sizeBudgetBytes,
    attempts: options.attempts ?? [{ runtime: measurement.runtime, backend: measurement.backend, ok: true }],
  });
  return {
    ...measurement, domainDetection, precision: assessment.precision,
    validity: assessment.validity, verdict: assessment.verdict, checklist, stability: assessment.stability,
  };
}

function configFor(backend: BenchConfig['backend'], mode: BenchConfig['mode'], count: number, extra: Partial<BenchConfig> = {}): BenchConfig {
  return {
    runtime: 'ort', backend, warmup: 10, mode, iterations: count, stopping: stoppingRuleFor(mode, count),
    threads: 10, seed: 42, dims: { batch_size: 1 }, vocabSize: 30522, domain: null, slaMs: null, sizeBudgetBytes: null,
    ...extra,
  };
}

/** A deterministic pseudo-random latency series around `centreMs`, with a long right tail. */
export function latencies(count: number, centreMs = 12, seed = 1): number[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  // Rounded to 5 µs like a cross-origin-isolated browser timer.
  return Array.from({ length: count }, () => Math.round((centreMs + next() * 1.5 + (next() < 0.05 ? next() * 8 : 0)) * 200) / 200);
}

const CHROME_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export const TYPICAL_ENV: EnvInfo = {
  crossOriginIsolated: true,
  userAgent: CHROME_UA,
  hardwareConcurrency: 10,
  deviceMemory: 8,
  gpu: {
    vendor: 'apple',
    architecture: 'metal-3',
    description: '',
    features: [
      'bgra8unorm-storage', 'depth-clip-control', 'depth32float-stencil8', 'float32-blendable', 'float32-filterable',
      'indirect-first-instance', 'rg11b10ufloat-renderable', 'shader-f16', 'subgroups', 'texture-compression-astc',
      'texture-compression-bc', 'texture-compression-etc2', 'timestamp-query',
    ],
    isFallbackAdapter: false,
  },
  timerResolutionMs: 0.005,
  versions: { 'onnxruntime-web': '1.30.0' },
};

/** A MobileNet-like run on WebGPU with `count` measured samples, fixed mode, from the catalog. */
export function typicalResult(count = 100, mode: BenchConfig['mode'] = 'fixed'): BenchResult {
  const samplesMs = latencies(count);
  return assess({
    schemaVersion: 1,
    runtime: 'ort',
    backend: 'webgpu',
    model: {
      name: 'mobilenetv2-12.onnx',
      bytes: 13_964_571,
      sha256: 'c0c3f76d93fa3fd6580652a45618618a220fced18babf65774ed169de0432ad5',
      source: 'url',
      url: 'https://huggingface.co/onnxmodelzoo/mobilenetv2-12/resolve/main/mobilenetv2-12.onnx',
      synthetic: false,
    },
    config: configFor('webgpu', mode, count),
    io: {
      inputs: [{ name: 'input', dtype: 'float32', shape: ['batch_size', 3, 224, 224] }],
      outputs: [{ name: 'output', dtype: 'float32', shape: ['batch_size', 1000] }],
    },
    timings: { fetchMs: 812.4, initMs: 431.27, firstMs: 96.4, warmupMs: latencies(10, 14, 7), samplesMs },
    stats: summarize(samplesMs),
    percentileMethod: PERCENTILE_METHOD,
    env: TYPICAL_ENV,
    startedAt: '2026-11-28T02:41:32.123Z',
    stopReason: 'minimums-met',
  }, { catalogDomain: 'vision' });
}

const name = fc.string({ maxLength: 40, unit: 'grapheme' });
const ms = fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true });
const dim = fc.oneof(fc.integer({ min: -1, max: 4096 }), fc.constantFrom('batch', 'sequence_length', 'height'));
const tensor: fc.Arbitrary<TensorSpec> = fc.record({
  name,
  dtype: fc.constantFrom('float32', 'float16', 'int64', 'int32', 'bool', 'uint8'),
  shape: fc.array(dim, { maxLength: 5 }),
});
const dimsRecord = fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.integer({ min: 0, max: 4096 }), { maxKeys: 4 });

const env: fc.Arbitrary<EnvInfo> = fc.record({
  crossOriginIsolated: fc.boolean(),
  userAgent: fc.oneof(fc.constant(CHROME_UA), fc.string({ maxLength: 200 })),
  hardwareConcurrency: fc.integer({ min: 1, max: 256 }),
  deviceMemory: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 16), { nil: null }),
  gpu: fc.option(fc.record({
    vendor: name, architecture: name, description: name,
    features: fc.array(fc.constantFrom('shader-f16', 'subgroups', 'timestamp-query', 'float32-filterable'), { maxLength: 4 }),
    isFallbackAdapter: fc.boolean(),
  }), { nil: null }),
  timerResolutionMs: fc.constantFrom(0.005, 0.1),
  versions: fc.dictionary(fc.stringMatching(/^[a-z-]{1,20}$/), fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/), { maxKeys: 3 }),
});

const statsArb = fc.array(ms, { minLength: 1, maxLength: 50 }).map(summarize);
const taskMetricsArb: fc.Arbitrary<TaskMetrics> = fc.record({
  task: fc.constantFrom<TaskId>('image-classification', 'text-generation', 'automatic-speech-recognition'),
  dtype: fc.option(fc.constantFrom('fp32', 'fp16', 'q8', 'q4'), { nil: null }),
  input: fc.record({ name, kinds: fc.subarray(['image', 'audio', 'text'] as const).map((kinds) => [...kinds]) }, { requiredKeys: ['name', 'kinds'] }),
  split: fc.record({ pre: statsArb, model: statsArb, post: statsArb }),
  output: fc.string({ maxLength: 300 }),
  generation: fc.record({ tokens: fc.nat(512), ttftMs: ms, perTokenMs: ms, tokensPerSecond: fc.double({ min: 0, max: 1000, noNaN: true }) }),
  speech: fc.record({ audioSeconds: fc.double({ min: 0, max: 600, noNaN: true }), rtf: fc.double({ min: 0, max: 10, noNaN: true }) }),
}, { requiredKeys: ['task', 'dtype', 'input', 'split', 'output'] });
const counters = fc.dictionary(fc.constantFrom('numTensors', 'numBytes', 'numDataBuffers'), fc.integer({ min: 0, max: 1e9 }));

/** Any BenchResult the harness could produce, with hostile-looking names thrown in. */
export const benchResultArb: fc.Arbitrary<BenchResult> = fc.record({
  samples: fc.array(ms, { minLength: 1, maxLength: 300 }),
  warmup: fc.array(ms, { maxLength: 20 }),
  runtime: fc.constantFrom<RuntimeId>('ort', 'tfjs', 'transformers'),
  backend: fc.constantFrom<BackendId>('wasm', 'webgpu', 'webgl', 'cpu'),
  name: fc.oneof(name, fc.constant('<img src=x onerror=alert(1)>|=cmd|"a,b"\n')),
  source: fc.constantFrom<ModelSourceKind>('file', 'url', 'builtin', 'folder', 'hub'),
  bytes: fc.integer({ min: 0, max: 4e9 }),
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  synthetic: fc.boolean(),
  threads: fc.integer({ min: 1, max: 64 }),
  seed: fc.integer(),
  dims: dimsRecord,
  vocabSize: fc.integer({ min: 1, max: 1e6 }),
  inputs: fc.uniqueArray(tensor, { maxLength: 4, selector: (t) => t.name }),
  outputs: fc.uniqueArray(tensor, { maxLength: 4, selector: (t) => t.name }),
  phases: fc.tuple(ms, ms, ms),
  mode: fc.constantFrom<BenchConfig['mode']>('fixed', 'quick', 'standard', 'thorough'),
  domain: fc.option(fc.constantFrom<DomainId>('vision', 'nlp', 'speech', 'multimodal'), { nil: null }),
  slaMs: fc.option(fc.double({ min: 0.5, max: 500, noNaN: true }), { nil: null }),
  sizeBudgetBytes: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
  stopReason: fc.constantFrom('minimums-met' as const, 'max-count' as const, 'max-duration' as const),
  hiddenEvents: fc.nat(3),
  ranBackend: fc.constantFrom<BackendId>('wasm', 'webgpu', 'webgl', 'cpu'),
  configTask: fc.option(fc.constantFrom<TaskId>('image-classification', 'text-generation'), { nil: undefined }),
  configDtype: fc.option(fc.constantFrom('fp32', 'fp16', 'q4'), { nil: undefined }),
  task: fc.option(taskMetricsArb, { nil: undefined }),
  probes: fc.option(fc.record({ afterFirst: counters, afterLast: counters }), { nil: undefined }),
  attempts: fc.array(fc.record({ runtime: fc.constant('ort'), backend: fc.constantFrom('wasm', 'webgpu'), ok: fc.boolean() }), { maxLength: 3 }),
  env,
  startedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
}).map((g): BenchResult => assess({
  schemaVersion: 1,
  runtime: g.runtime,
  backend: g.ranBackend,
  model: {
    name: g.name, bytes: g.bytes, sha256: g.sha256, source: g.source, synthetic: g.synthetic,
    ...(g.source === 'file' ? {} : { url: `https://example.com/models/${encodeURIComponent(g.name)}.onnx?token=secret` }),
  },
  config: {
    ...configFor(g.backend, g.mode, g.samples.length),
    warmup: g.warmup.length, threads: g.threads, seed: g.seed, dims: g.dims, vocabSize: g.vocabSize,
    runtime: g.runtime, domain: g.domain, slaMs: g.slaMs, sizeBudgetBytes: g.sizeBudgetBytes,
    ...(g.configTask === undefined ? {} : { task: g.configTask }),
    ...(g.configDtype === undefined ? {} : { dtype: g.configDtype }),
  },
  io: { inputs: g.inputs, outputs: g.outputs },
  timings: { fetchMs: g.phases[0], initMs: g.phases[1], firstMs: g.phases[2], warmupMs: g.warmup, samplesMs: g.samples },
  stats: summarize(g.samples),
  percentileMethod: PERCENTILE_METHOD,
  env: g.env,
  startedAt: g.startedAt,
  stopReason: g.stopReason,
  ...(g.task === undefined ? {} : { task: g.task }),
  ...(g.probes === undefined ? {} : { probes: g.probes }),
}, { hiddenEvents: g.hiddenEvents, attempts: g.attempts }));
