/**
 * The bench worker's API, types only. The UI imports this file with `import type` alone, so no
 * worker code can leak into the main bundle (the pattern of comlink's own protocol.ts).
 */
import type {
  BenchConfig, BenchResult, ModelIdentity, ModelIO, ModelSourceKind,
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
  total: number;
  /** Latest measured latency, for a live readout. */
  lastMs?: number;
}

export interface RunRequest {
  source: ModelSource;
  /** Identity from inspection; the run re-reads the bytes but trusts this sha256. */
  model: ModelIdentity;
  config: BenchConfig;
}

export type ProgressCallback = (progress: Progress) => void;

/** Error names a worker throws on purpose; anything else is a bug. */
export type BenchErrorName = 'BadModelError' | 'BackendUnavailableError' | 'BackendFailedError' | 'FetchError';

export interface BenchWorkerApi {
  inspect(source: ModelSource): Promise<ModelInspection>;
  run(request: RunRequest, onProgress: ProgressCallback): Promise<BenchResult>;
}
