/**
 * The bench worker's API, types only. The UI imports this file with `import type` alone, so no
 * worker code can leak into the main bundle (the pattern of comlink's own protocol.ts).
 */
import type {
  BenchConfig, Measurement, ModelIdentity, ModelIO, ModelSourceKind,
} from '../src/core/result.ts';

/** Where a model's bytes come from. A File stays on this machine: the worker reads it locally. */
export type ModelSource =
  | { kind: 'file'; file: File }
  | { kind: Exclude<ModelSourceKind, 'file'>; url: string; name: string; synthetic: boolean };

/** What inspecting a model tells before any benchmark: identity and I/O signature. */
export interface ModelInspection {
  model: ModelIdentity;
  io: ModelIO;
}

export type Phase = 'fetch' | 'init' | 'first' | 'warmup' | 'measure';

export interface Progress {
  phase: Phase;
  /** Runs completed in this phase (0 for the single-shot phases). */
  done: number;
  /** Runs this phase needs at least (the stopping rule's minimum while measuring). */
  total: number;
  /** Latest measured latency, for a live readout. */
  lastMs?: number;
  /** While measuring: time spent, and the minimum the stopping rule asks for. */
  elapsedMs?: number;
  minDurationMs?: number;
}

export interface RunRequest {
  source: ModelSource;
  /** Identity from inspection; the run re-reads the bytes but trusts this sha256. */
  model: ModelIdentity;
  config: BenchConfig;
  /** Also return the outputs of one inference on the synthesized inputs, for drift checks. */
  captureOutputs?: boolean;
}

/** Model outputs flattened to float64-safe numbers per output name. */
export type OutputValues = Record<string, Float32Array>;

export interface RunOutcome {
  measurement: Measurement;
  outputs?: OutputValues;
}

/** One closed-loop client's window of back-to-back requests, in epoch milliseconds. */
export interface LoopWindow {
  latenciesMs: number[];
  startEpochMs: number;
  endEpochMs: number;
}

export type ProgressCallback = (progress: Progress) => void;

/** Error names a worker throws on purpose; anything else is a bug. */
export type BenchErrorName = 'BadModelError' | 'BackendUnavailableError' | 'BackendFailedError' | 'FetchError';

export interface BenchWorkerApi {
  inspect(source: ModelSource): Promise<ModelInspection>;
  run(request: RunRequest, onProgress: ProgressCallback): Promise<RunOutcome>;
  /** Loads, warms up and keeps the model, for `loop`: the concurrency run's two steps. */
  open(request: RunRequest): Promise<void>;
  /** Runs the opened model back to back for `durationMs`, timing each request. */
  loop(durationMs: number): Promise<LoopWindow>;
}
