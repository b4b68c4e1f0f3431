/**
 * The bench worker's API, types only. The UI imports this file with `import type` alone, so no
 * worker code can leak into the main bundle (the pattern of comlink's own protocol.ts).
 */
import type { OpenLoopRun } from '../src/core/method/open-loop.ts';
import type {
  BackendId, BenchConfig, Measurement, ModelIdentity, ModelIO, ModelSourceKind, RuntimeId,
} from '../src/core/result.ts';
import type { RunSplit, TaskInput } from '../src/core/tasks/types.ts';
import type { OnnxInspection } from '../src/core/formats/index.ts';
import type { GraphHints } from '../src/core/inputs/graph-hints.ts';
import type { InputData } from '../src/core/inputs/feeds.ts';
import type { RunFacts } from '../src/core/partial.ts';
import type { GraphWork } from '../src/core/roofline/work.ts';

/** One file of a dropped folder, by its path inside the folder ("onnx/model.onnx"). */
export interface FolderFile {
  path: string;
  file: File;
}

/**
 * Where a model's files come from. Files stay on this machine: the worker reads them locally.
 * A url may name one file (model.onnx, model.json) or, ending in "/", a hub-layout folder;
 * a hub source's url is https://huggingface.co/<id> and its name the id.
 */
export type ModelSource =
  /** synthetic: a model synthesized on this device ("Synthesize"), not a user's file. */
  | { kind: 'file'; file: File; synthetic?: boolean }
  | { kind: 'folder'; name: string; files: FolderFile[] }
  | ({ kind: Exclude<ModelSourceKind, 'file' | 'folder'>; url: string; name: string; synthetic: boolean } & RemoteOptions);

/** How a remote model's files are fetched (workers/download.ts), and what is already fetched. */
export interface RemoteOptions {
  /** Give a download up when no byte arrives for this long (default DEFAULT_STALL_MS). */
  stallMs?: number;
  /** Files an earlier worker downloaded (the inspection's), reused so each file is fetched once. */
  fetched?: FetchedFile[];
  /** Read files from, and keep downloads in, this device's model cache (workers/model-cache.ts). */
  keepOnDevice?: boolean;
}

/**
 * One file as a worker fetched it, by its exact URL: its bytes as a Blob (passed between workers
 * without a copy), or the HTTP status that said it is missing. `startMs`/`endMs` are the download's
 * times in the fetching worker's clock, so a run can report the real download once.
 */
export type FetchedFile =
  /** kept: read from this device's model cache, not downloaded. */
  | { url: string; blob: Blob; startMs: number; endMs: number; kept?: true }
  | { url: string; status: number };

/** A model file's download in flight, for the progress line. */
export interface DownloadProgress {
  /** The file, as messages may show it (no secrets). */
  file: string;
  bytes: number;
  /** From Content-Length where the server sends it. */
  totalBytes: number | null;
  bytesPerSecond: number;
}

/** What inspecting a model tells before any benchmark: identity and I/O signature. */
export interface ModelInspection {
  model: ModelIdentity;
  io: ModelIO;
  /** The runtime that inspected it (and will run it). */
  runtime: RuntimeId;
  /** What else the runtime knows: "graph model", "model_type bert (BertModel)". */
  summary?: string;
  /** The files inspection downloaded, for the run to reuse (the page keeps them with the source). */
  fetched?: FetchedFile[];
  /** ONNX models: opset, producer, op histogram, parameters, initializer bytes by dtype, external data. */
  onnx?: OnnxInspection;
  /** What the graph says about its inputs, for derived defaults (src/core/inputs/plan.ts). */
  hints?: GraphHints;
  /** The image size of the model's preprocessor_config.json. */
  imageSize?: { height: number; width: number };
  /** Labelled facts for the model card (a GGUF's architecture, parameters, quantization, …). */
  facts?: Record<string, string>;
  /**
   * The thread count the inspecting worker's runtime is now started with, fixed from here on;
   * that worker may run this model with this count (src/lib/standby-worker.ts). Absent when
   * inspecting started nothing a run depends on.
   */
  startedThreads?: number;
}

/** One inference with the chosen inputs on the cheapest backend, before the user runs. */
export type DryRunOutcome =
  | { ok: true; ms: number; backend: string }
  | { ok: false; message: string; raw: string; input?: string };

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
  /**
   * Measured latencies (ms) since the previous report, in order. The page accumulates them, so
   * it can draw the run live and keep what was measured if the run is stopped or its worker dies.
   */
  samples?: number[];
  /** While fetching: the model file being downloaded. */
  download?: DownloadProgress;
  /** What the run knows as soon as it knows it, so a partial result can be kept (core/partial.ts). */
  facts?: RunFacts;
}

export interface RunRequest {
  source: ModelSource;
  /** Identity from inspection; the run re-reads the bytes but trusts this sha256. */
  model: ModelIdentity;
  config: BenchConfig;
  /** Also return the outputs of one inference on the synthesized inputs, for drift checks. */
  captureOutputs?: boolean;
  /** `open` also counts the graph's work with this request's dims (sweeps place each point on the roofline). */
  countWork?: boolean;
  /** The input of a task run (config.task set): an image, a WAV file, text. */
  taskInput?: TaskInput;
  /** Inputs filled from .npy files (config.inputs says `npy:…`), by input name. */
  inputData?: InputData;
  /** Test hook (URL testWorkerExit=N): the worker closes itself after N measured runs. */
  exitAfterRuns?: number;
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
  /** Task runs only: each request's split (token times for generation), and the last answer. */
  splits?: RunSplit[];
  output?: string;
}

/** What `open` loaded: the backend that runs it, and the outputs of one inference when asked for. */
export interface OpenedModel {
  backend: BackendId;
  outputs?: OutputValues;
  /** One inference's work at this request's dims, when asked for and the runtime can count it. */
  work?: GraphWork;
  /** Task runs: where the engine placed the model ("22/22 layers on WebGPU"), where it says. */
  placement?: string;
}

export type ProgressCallback = (progress: Progress) => void;

/** Error names a worker throws on purpose; anything else is a bug. */
export type BenchErrorName = 'BadModelError' | 'BackendUnavailableError' | 'BackendFailedError' | 'FetchError';

export interface BenchWorkerApi {
  /** The watchdog's heartbeat: answers once the worker holds its lock (see bench.worker.ts). */
  ping(): Promise<number>;
  /** Reads the model with `runtime` (default ort) and describes it; nothing is timed. */
  inspect(source: ModelSource, runtime?: RuntimeId, onProgress?: ProgressCallback, threads?: number): Promise<ModelInspection>;
  run(request: RunRequest, onProgress: ProgressCallback): Promise<RunOutcome>;
  /** Loads a runtime's scripts ahead of the task that will use it (a worker started early). */
  preload(runtime: RuntimeId): Promise<void>;
  /** onnxruntime-web's .wasm compiled once by the page: instantiated, never compiled again. */
  useCompiledWasm(ort: WebAssembly.Module | null): void;
  /** One untimed inference on the cheapest backend: does the model take these inputs? */
  dryRun(request: RunRequest): Promise<DryRunOutcome>;
  /** Loads, warms up and keeps the model, for `loop` and `arrivals`; says what ran (and its outputs, if asked). */
  open(request: RunRequest): Promise<OpenedModel>;
  /** Runs the opened model back to back for `durationMs` (and at most `maxRuns` requests), timing each. */
  loop(durationMs: number, maxRuns?: number): Promise<LoopWindow>;
  /** Open loop: one request at each scheduled time (ms from the call), latency from its arrival. */
  arrivals(scheduleMs: number[]): Promise<OpenLoopRun>;
}
