/**
 * The benchmark result: one JSON object that the UI shows, the automation contract exposes as
 * `window.benchtab.result`, and later issues share and store. Plain data only (no classes), so it
 * survives structured clone, JSON and IndexedDB unchanged.
 */

export type RuntimeId = 'ort' | 'tfjs' | 'transformers' | 'litert' | 'wllama';
/** webgl and cpu are TF.js backends; each runtime's own list is in runtimes.ts. */
export type BackendId = 'wasm' | 'webgpu' | 'webgl' | 'cpu' | 'webnn';
/** onnxruntime-web's backends (the default runtime). */
export const BACKENDS: readonly BackendId[] = ['wasm', 'webgpu'];

import type { GraphWork } from './roofline/work.ts';
import type { DeviceCeilings, RooflinePoint } from './roofline/place.ts';
import type { Checklist } from './method/checklist.ts';
import type { TaskId, TaskMetrics } from './tasks/types.ts';
import type { DomainDetection, DomainId } from './method/matrix.ts';
import type { PercentilePrecision } from './method/percentiles.ts';
import type { RunMode, StoppingRule, StopReason } from './method/stopping.ts';
import type { Validity } from './method/validity.ts';
import type { Stability } from './method/assess.ts';
import type { Verdict } from './method/verdict.ts';

/** ONNX element types as onnxruntime-web names them in session metadata. */
export type TensorDType =
  | 'float32' | 'float16' | 'float64'
  | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64'
  | 'bool' | 'string';

/** A dimension is a number, or a symbolic name (`batch`, `sequence_length`) the user must bind. */
export type Dim = number | string;

export interface TensorSpec {
  name: string;
  dtype: TensorDType;
  shape: Dim[];
}

export interface ModelIO {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** folder: several dropped files (TF.js shards, a hub-layout folder); hub: a Hugging Face id. */
export type ModelSourceKind = 'file' | 'url' | 'builtin' | 'folder' | 'hub';

export interface ModelIdentity {
  name: string;
  bytes: number;
  sha256: string;
  source: ModelSourceKind;
  /** Set for url and builtin sources; a dropped file never leaves the machine, so it has none. */
  url?: string;
  /** True for the project's generated models: their weights are random, their outputs meaningless. */
  synthetic: boolean;
  /** The URL's secrets (signature, token, password) were removed before it was kept: see publicAddress. */
  redacted?: boolean;
}

/** A preset stopping rule, or exactly `iterations` measured runs. */
export type MeasureMode = RunMode | 'fixed';

export interface BenchConfig {
  runtime: RuntimeId;
  /** The backend the user asked for; `BenchResult.backend` is the one that ran. */
  backend: BackendId;
  warmup: number;
  mode: MeasureMode;
  /** Measured runs in `fixed` mode. */
  iterations: number;
  /** The rule the measured loop obeyed: the mode's preset with the user's overrides. */
  stopping: StoppingRule;
  /** WASM threads; on webgpu it still sizes ORT's CPU-side thread pool. */
  threads: number;
  seed: number;
  /** Values bound to the model's symbolic dimensions, by name. */
  dims: Record<string, number>;
  /** Upper bound (exclusive) for synthesized token ids. */
  vocabSize: number;
  /**
   * How each input is filled, by name (src/core/inputs/fill.ts: `zeros`, `int:0,999`, …): the
   * defaults derived from the model plus the user's choices. Absent: the legacy rules by name.
   */
  inputs?: Record<string, string>;
  /** The domain the user chose; null to detect it from the catalog, the task or the inputs. */
  domain: DomainId | null;
  /** The user's own p95 target in ms, or null. */
  slaMs: number | null;
  /** A task pipeline timed end to end (pre / model / post); absent: the raw model on synthetic tensors. */
  task?: TaskId;
  /** transformers.js weights precision (fp32, fp16, q8, q4); absent: the runtime's default. */
  dtype?: string;
  /** Automation: the shipped sample (public/samples) a task run reads; absent: the first of its kind. */
  sample?: string;
  /** The model-size budget for the readiness checklist, or null. */
  sizeBudgetBytes: number | null;
}

export interface Timings {
  /** Reading a file or downloading a URL, until all bytes are in memory. */
  fetchMs: number;
  /** Session creation: parsing, graph optimisation, kernel and shader compilation. */
  initMs: number;
  /** The first inference, reported apart because it includes lazy shader compilation. */
  firstMs: number;
  warmupMs: number[];
  /** Measured runs in order; each includes reading every output back to the CPU. */
  samplesMs: number[];
  /**
   * Set (K > 1) when the model is too fast for the timer: each sample timed K back-to-back
   * inferences and was divided by K (method/timer.ts).
   */
  inferencesPerSample?: number;
  /**
   * Set when the run's worker had started the runtime before the run, by inspecting the model
   * (src/lib/standby-worker.ts): initMs is then the session alone, without instantiating the
   * runtime's wasm and starting its threads, which a fresh worker's initMs includes.
   */
  runtimeStarted?: true;
  /** Set when a model file was read from this device's model cache: fetchMs is then a disk read, not a download. */
  fromDeviceCache?: true;
}

export interface Stats {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator). */
  stddev: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  /** Inferences per second over the measured runs: count / sum of latencies. */
  throughput: number;
}

export interface GpuInfo {
  vendor: string;
  architecture: string;
  description: string;
  features: string[];
  isFallbackAdapter: boolean;
}

export interface EnvInfo {
  crossOriginIsolated: boolean;
  userAgent: string;
  hardwareConcurrency: number;
  /** `navigator.deviceMemory` in GiB where the browser exposes it. */
  deviceMemory: number | null;
  /** The WebGPU adapter, or null where none could be requested. */
  gpu: GpuInfo | null;
  /** Timer resolution we can rely on: 5 µs when cross-origin isolated, 100 µs otherwise. */
  timerResolutionMs: number;
  versions: Record<string, string>;
}

/** What a bench worker measures. The page assesses it into a BenchResult. */
export interface Measurement {
  schemaVersion: 1;
  runtime: RuntimeId;
  /** The backend that actually ran. Never silently different from `config.backend`. */
  backend: BackendId;
  model: ModelIdentity;
  config: BenchConfig;
  io: ModelIO;
  timings: Timings;
  stats: Stats;
  percentileMethod: string;
  env: EnvInfo;
  /** ISO 8601. */
  startedAt: string;
  /** Why the measured loop ended: minimums met, or a cap. */
  stopReason: StopReason;
  /** Task runs only: the input, the pre / model / post split and the domain's own metrics. */
  task?: TaskMetrics;
  /** Runtime counters read after the first and the last measured run (TF.js: numTensors, numBytes). */
  probes?: { afterFirst: Record<string, number>; afterLast: Record<string, number> };
  /** Raw-model runs of graphs the runtime can read: one inference's FLOPs and bytes, for the roofline. */
  work?: GraphWork;
}

/** A measurement with what the page adds: its domain, precision, validity, verdict and checklist. */
export interface BenchResult extends Measurement {
  domainDetection: DomainDetection;
  precision: PercentilePrecision;
  validity: Validity;
  verdict: Verdict;
  checklist: Checklist;
  /** Regimes, the pattern of any instability and advice; absent on results made before them. */
  stability?: Stability;
  /** The device's ceilings, once measured, and this run placed under them from its own p50. */
  roofline?: { ceilings: DeviceCeilings; point: RooflinePoint };
}
