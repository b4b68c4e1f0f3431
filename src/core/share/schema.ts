/**
 * The shared result, version 1: what a share link, an exported file and the history store hold.
 * It is the benchmark result without its raw samples (a quantile sketch stands in for them), with
 * every number rounded to 1 µs and every string and list capped, so that it is small enough for a
 * URL and safe to read from strangers. docs/result-schema.md documents each field.
 *
 * This schema is the one validator: a link, an imported file and a stored record all pass through
 * it, by `parseShared` (validate.ts), which never throws.
 */
import * as z from 'zod/mini';
import { generation } from './generation.ts';
import { checklist, domainDetection, precision, stability, validity, verdict } from './schema-assessment.ts';
import { sharedRoofline } from './schema-roofline.ts';
import { BOUNDS, capped, count, domain, key, keyedList, list, ms, nullableMs, text } from './schema-fields.ts';

export { BOUNDS } from './schema-fields.ts';

export const RESULT_FORMAT = 'benchtab.result';
export const SCHEMA_VERSION = 1;

const tensorDType = z.enum([
  'float32', 'float16', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool', 'string',
]);
const tensorSpec = z.object({
  name: text(BOUNDS.name),
  dtype: tensorDType,
  // Dims are sizes, symbolic names, or -1 where a model leaves a size unknown.
  shape: list(z.union([z.int().check(z.gte(-1), z.lte(2 ** 40)), text(64)]), 16),
});

const runtime = z.enum(['ort', 'tfjs', 'transformers', 'litert', 'wllama']);
const backend = z.enum(['wasm', 'webgpu', 'webgl', 'cpu', 'webnn']);

const model = z.object({
  name: text(BOUNDS.name),
  source: z.enum(['file', 'url', 'builtin', 'folder', 'hub']),
  // Only http(s): the UI may render it as a link, and a javascript: URL must never get that far.
  url: z.optional(text(BOUNDS.url).check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  bytes: z.int().check(z.gte(0), z.lte(BOUNDS.bytes)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
  synthetic: z.boolean(),
  /** The URL had secrets (a signature, a token) that were removed: a re-run needs a fresh URL. */
  redacted: z.optional(z.boolean()),
});


const taskId = z.enum([
  'image-classification', 'object-detection', 'feature-extraction', 'text-generation',
  'automatic-speech-recognition', 'zero-shot-image-classification',
]);

const config = z.object({
  runtime,
  backend,
  warmup: count(0),
  // Enum values travel by index (wire.ts): new values go at the end.
  mode: z.enum(['quick', 'standard', 'thorough', 'fixed', 'decided']),
  iterations: count(1),
  stopping: z.object({
    minCount: count(0), minDurationMs: ms, maxCount: count(0), maxDurationMs: ms,
    /** The until-decided mode's limit (method/stopping.ts). */
    decide: z.optional(z.object({ limitMs: nullableMs })),
  }),
  threads: z.int().check(z.gte(0), z.lte(1024)),
  seed: z.int(),
  dims: capped(z.record(key, z.int().check(z.gte(0), z.lte(1e9)))),
  vocabSize: z.int().check(z.gte(1), z.lte(1e9)),
  domain,
  slaMs: nullableMs,
  sizeBudgetBytes: z.nullable(z.int().check(z.gte(0), z.lte(BOUNDS.bytes))),
  task: z.optional(taskId),
  /** transformers.js weights precision (fp32, fp16, q8, q4). */
  dtype: z.optional(text(32)),
  /** The shipped sample a task run read, when automation chose it. */
  sample: z.optional(text(64)),
  /** How each input was filled (zeros, int:0,999, npy:file.npy…); absent in older links. */
  inputs: z.optional(capped(z.record(key, text(64)))),
});

const stats = z.object({
  count: count(1),
  min: ms, max: ms, mean: ms, stddev: ms,
  p50: ms, p90: ms, p95: ms, p99: ms,
  throughput: z.number().check(z.gte(0), z.lte(BOUNDS.throughput)),
});

/** A task pipeline's own figures: the pre / model / post split and the domain's metrics. */
const taskMetrics = z.object({
  task: taskId,
  dtype: z.nullable(text(32)),
  input: z.object({
    name: text(BOUNDS.name),
    kinds: list(z.enum(['image', 'audio', 'text']), 4),
    audioSeconds: z.optional(z.number().check(z.gte(0), z.lte(BOUNDS.ms))),
  }),
  split: z.object({ pre: stats, model: stats, post: stats }),
  /** The last run's answer, shortened: a generated text can be long. */
  output: text(),
  generation: z.optional(generation),
  speech: z.optional(z.object({ audioSeconds: z.number().check(z.gte(0), z.lte(BOUNDS.ms)), rtf: z.number().check(z.gte(0), z.lte(1e6)) })),
});

/** Runtime counters (TF.js numTensors, numBytes) after the first and the last measured run. */
const probes = z.object({
  afterFirst: capped(z.record(key, z.number().check(z.gte(-1e15), z.lte(1e15)))),
  afterLast: capped(z.record(key, z.number().check(z.gte(-1e15), z.lte(1e15)))),
});

const gpu = z.object({
  vendor: text(BOUNDS.name),
  architecture: text(BOUNDS.name),
  description: text(BOUNDS.name),
  features: list(text(64)),
  isFallbackAdapter: z.boolean(),
});

const device = z.object({
  gpu: z.nullable(gpu),
  hardwareConcurrency: z.int().check(z.gte(0), z.lte(4096)),
  deviceMemory: z.nullable(z.number().check(z.gte(0), z.lte(1e4))),
  userAgent: text(),
  /** Browser and OS read from the user agent when the result was made, e.g. "Chrome 131 on macOS". */
  platform: text(BOUNDS.name),
  crossOriginIsolated: z.boolean(),
  timerResolutionMs: z.number().check(z.gte(0), z.lte(1000)),
  /** The user's own name for the device ("Pixel 8"); links made before it existed have none. */
  label: z.optional(text(BOUNDS.name)),
});

export const sharedResultSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  model,
  runtime,
  backend,
  config,
  io: z.object({
    inputs: keyedList(tensorSpec, (t) => t.name, 'input name', BOUNDS.tensors),
    outputs: keyedList(tensorSpec, (t) => t.name, 'output name', BOUNDS.tensors),
  }),
  timings: z.object({
    fetchMs: ms,
    initMs: ms,
    firstMs: ms,
    /** The first warmup runs (at most 64); `config.warmup` says how many ran. */
    warmupMs: list(ms, BOUNDS.warmupKept),
    /** K > 1: each sample timed K back-to-back inferences, divided by K (method/timer.ts). */
    inferencesPerSample: z.optional(count(2)),
    /** The run's worker had started the runtime by inspecting the model (Timings.runtimeStarted). */
    runtimeStarted: z.optional(z.literal(true)),
    /** A model file was read from the device's model cache (Timings.fromDeviceCache). */
    fromDeviceCache: z.optional(z.literal(true)),
  }),
  stats,
  distribution: z.object({
    quantileDeltasUs: z.array(z.int().check(z.gte(0), z.lte(BOUNDS.ms * 1000)))
      .check(z.minLength(2), z.maxLength(BOUNDS.sketchPoints)),
  }),
  /** Absent when it is the app's standard method (PERCENTILE_METHOD); it saves ~100 link characters. */
  percentileMethod: z.optional(text(BOUNDS.name)),
  device,
  appVersion: text(64),
  versions: capped(z.record(key, text(64))),
  startedAt: z.iso.datetime(),
  stopReason: z.enum(['continue', 'minimums-met', 'max-count', 'max-duration', 'decided', 'stopped-early', 'worker-lost']),
  domainDetection,
  precision,
  validity,
  verdict,
  checklist,
  /** Absent on results made before regimes were found. */
  stability: z.optional(stability),
  task: z.optional(taskMetrics),
  probes: z.optional(probes),
  /** Raw ONNX runs: the counted work, and the device's ceilings where they were measured. */
  roofline: z.optional(sharedRoofline),
});

export type SharedResult = z.infer<typeof sharedResultSchema>;
export type SharedDevice = z.infer<typeof device>;

export type Parsed<T> = { ok: true; result: T } | { ok: false; error: string };
