/**
 * One interface for every inference runtime. The harness (timing, phases, statistics) is written
 * once above it; adding a runtime means adding one file that implements `Runtime`.
 */
import type { BackendId, ModelIO, RuntimeId } from '../src/core/result.ts';
import type { SynthTensor } from '../src/core/inputs.ts';

export interface LoadOptions {
  backend: BackendId;
  threads: number;
}

export interface Runtime {
  readonly id: RuntimeId;
  /** Runtime library versions, for the result's env. */
  versions(): Record<string, string>;
  /** Creates a session on exactly `backend`, or throws BackendUnavailableError / BadModelError. */
  load(bytes: Uint8Array, options: LoadOptions): Promise<LoadedModel>;
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
  dispose(): Promise<void>;
}

/** Opaque to the harness: each runtime keeps its own tensor type behind it. */
export interface PreparedInputs {
  readonly brand: 'prepared-inputs';
}
