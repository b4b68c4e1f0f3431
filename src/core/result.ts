/**
 * The benchmark result: one JSON object that the UI shows, the automation contract exposes as
 * `window.benchtab.result`, and later issues share and store. Plain data only (no classes), so it
 * survives structured clone, JSON and IndexedDB unchanged.
 */

export type RuntimeId = 'ort';
export type BackendId = 'wasm' | 'webgpu';
export const BACKENDS: readonly BackendId[] = ['wasm', 'webgpu'];

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

export type ModelSourceKind = 'file' | 'url' | 'builtin';

export interface ModelIdentity {
  name: string;
  bytes: number;
  sha256: string;
  source: ModelSourceKind;
  /** Set for url and builtin sources; a dropped file never leaves the machine, so it has none. */
  url?: string;
  /** True for the project's generated models: their weights are random, their outputs meaningless. */
  synthetic: boolean;
}

export interface BenchConfig {
  runtime: RuntimeId;
  /** The backend the user asked for; `BenchResult.backend` is the one that ran. */
  backend: BackendId;
  warmup: number;
  iterations: number;
  /** WASM threads; on webgpu it still sizes ORT's CPU-side thread pool. */
  threads: number;
  seed: number;
  /** Values bound to the model's symbolic dimensions, by name. */
  dims: Record<string, number>;
  /** Upper bound (exclusive) for synthesized token ids. */
  vocabSize: number;
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

export interface BenchResult {
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
}
