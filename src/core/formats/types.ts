/**
 * What format detection works on and returns. A format module (one file per format, Netron's
 * pattern) matches a file by its first bytes and name, and describes it from its header alone:
 * nothing is executed, no pickle is unpickled, nothing beyond the header is read.
 */

/** The runtimes that can run a model in a browser; wllama and litert are named before they exist. */
export type BrowserRuntime = 'ort' | 'tfjs' | 'transformers' | 'litert' | 'wllama';

/** A file as detection sees it: its path, its size, its first bytes and, for zips, its last ones. */
export interface FileSample {
  /** The path inside a dropped folder, or the file name. */
  name: string;
  size: number;
  /** The first bytes: HEAD_BYTES, or more where a module's headerBytes asked for them. */
  head: Uint8Array;
  /** The last bytes (TAIL_BYTES), where a zip's central directory lives; absent for a URL stream. */
  tail?: Uint8Array;
}

export const HEAD_BYTES = 64 * 1024;
export const TAIL_BYTES = 64 * 1024;
/** The most any header read asks for (safetensors caps its own header at 100 MB; we read less). */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** What a header says is inside; every field is optional because headers differ. */
export interface Contents {
  producer?: string;
  version?: string;
  architecture?: string;
  tensors?: number;
  parameters?: number;
  /** dtype → parameters (elements) of that dtype. */
  dtypes?: Record<string, number>;
  /** Other facts, in words ("3 subgraphs", "shape (1, 3, 224, 224)"). */
  notes?: string[];
}

/** One way to a format a browser runs, with the commands that do it. */
export interface Conversion {
  to: string;
  runtime: BrowserRuntime;
  commands: string[];
  note?: string;
}

/**
 * model: a model a runtime loads; part: one piece of a model (a weight shard, external data);
 * data: not a model but data (a NumPy array); mistake: not what the user meant to give.
 */
export type FormatKind = 'model' | 'part' | 'data' | 'mistake';

export interface FormatModule {
  id: string;
  label: string;
  kind: FormatKind;
  /** The browser runtime that runs it; null when none does (then `why` and `convert` say so). */
  runtime: BrowserRuntime | null;
  match(sample: FileSample): boolean;
  /** How many bytes from the start the header takes, when the first ones tell (safetensors). */
  headerBytes?(head: Uint8Array): number;
  describe?(sample: FileSample): Contents;
  /** Why no browser runs it, or what is wrong (a mistake). */
  why?: string;
  convert?: readonly Conversion[];
  /** Where else this format runs, outside browsers (for the checklist's Portability). */
  alsoRunsIn?: readonly string[];
}

/** What a file or a set of files is, for the card, the routing and the automation contract. */
export interface Detection {
  format: string;
  label: string;
  kind: FormatKind;
  runtime: BrowserRuntime | null;
  /** The file the runtime starts from (a folder's model.json, the .onnx beside its data). */
  entry: string;
  contents: Contents;
  why?: string;
  convert?: readonly Conversion[];
  alsoRunsIn?: readonly string[];
}
