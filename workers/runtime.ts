/**
 * One interface for every inference runtime. The harness (timing, phases, statistics) is written
 * once above it; adding a runtime means adding one `*-runtime.ts` file that exports `runtime`
 * (runtimes.ts finds it) and its id in src/core/runtimes.ts.
 */
import type { BackendId, ModelIO, RuntimeId } from '../src/core/result.ts';
import type { SynthTensor } from '../src/core/inputs.ts';
import type { ExplainedError } from '../src/core/inputs/explain.ts';
import type { GraphHints } from '../src/core/inputs/graph-hints.ts';
import type { RunSplit, TaskId, TaskInput } from '../src/core/tasks/types.ts';
import type { OnnxInspection } from '../src/core/formats/index.ts';
import type { ModelFiles } from './model-files.ts';
import type { GraphWork } from '../src/core/roofline/work.ts';

export interface LoadOptions {
  backend: BackendId;
  threads: number;
  /** Weights precision where the runtime chooses files by it (transformers.js). */
  dtype?: string;
  /** Set for task runs: runtimes that build whole pipelines (transformers.js) build this one. */
  task?: TaskId;
}

/** What inspection tells without timing anything. */
export interface Inspected {
  io: ModelIO;
  summary?: string;
  /** ONNX models: Netron-level facts read from the protobuf (opset, ops, parameters…). */
  onnx?: OnnxInspection;
  /** What the graph says about its inputs (ONNX): vocabularies, position tables, windows. */
  hints?: GraphHints;
  /** The image size of the model's preprocessor_config.json, where it has one. */
  imageSize?: { height: number; width: number };
  /** Labelled facts for the model card. */
  facts?: Record<string, string>;
  /** The thread count the runtime started with while inspecting (ModelInspection.startedThreads). */
  startedThreads?: number;
}

export interface Runtime {
  readonly id: RuntimeId;
  /** Runtime library versions, for the result's env. */
  versions(): Record<string, string>;
  /** The dtype it loads when none is asked for (transformers.js: fp32). */
  readonly defaultDtype?: string;
  /**
   * Reads the model's description (on the cheapest backend); nothing is timed. A runtime that
   * starts itself to inspect starts with `threads`, the count the next run will ask for.
   */
  inspect(files: ModelFiles, options?: { threads: number }): Promise<Inspected>;
  /**
   * Loads on exactly `backend`, reading every file through `files` (which times the reads).
   * Throws BackendUnavailableError, BadModelError or FetchError with a message for the user.
   */
  load(files: ModelFiles, options: LoadOptions): Promise<LoadedModel>;
  /**
   * The work of one inference, counted from the graph with `dims` bound, for the roofline.
   * Runtimes whose format it cannot read leave it out. Called after the timed region.
   */
  countWork?(files: ModelFiles, dims: Record<string, number>): Promise<GraphWork>;
}

export interface LoadedModel {
  /** The backend that really runs this model. */
  readonly backend: BackendId;
  readonly io: ModelIO;
  /** Converts synthesized data to the runtime's tensors once, outside the timed region. */
  prepare(inputs: SynthTensor[]): PreparedInputs;
  /**
   * One inference. Resolves only after every output is readable on the CPU, so GPU work has
   * finished inside whatever timing wraps this call.
   */
  runOnce(inputs: PreparedInputs): Promise<void>;
  /** One inference whose outputs are returned as float32 (outside any timed region). */
  readOutputs(inputs: PreparedInputs): Promise<Record<string, Float32Array>>;
  /** Frees prepared inputs made per run (task pipelines); runtimes whose tensors need it. */
  release?(inputs: PreparedInputs): void;
  /**
   * A task pipeline over this model, for runtimes that bring their own (transformers.js); the
   * others get the generic one in tensor-task.ts, built on prepare and readOutputs.
   */
  task?(task: TaskId, input: TaskInput): Promise<TaskRunner>;
  /** An inference error in words that name the input at fault (onnxruntime: from the graph). */
  explain?(raw: string, feeds: SynthTensor[]): ExplainedError;
  /** Runtime counters that must stay flat across runs (TF.js: live tensors). */
  probe?(): Record<string, number>;
  dispose(): Promise<void>;
}

/** One task pipeline with its input decoded and ready; `run` is one end-to-end request. */
export interface TaskRunner {
  run(): Promise<RunSplit>;
  /** A short rendering of the last answer, for the result. */
  lastOutput(): string;
  /** Speech tasks: the input's duration, for the real-time factor. */
  readonly audioSeconds?: number;
  /** Where the engine placed the model ("22/22 layers on WebGPU"), where it reports it. */
  readonly placement?: string;
  dispose?(): void;
}

/** Opaque to the harness: each runtime keeps its own tensor type behind it. */
export interface PreparedInputs {
  readonly brand: 'prepared-inputs';
}
