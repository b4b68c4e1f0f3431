/**
 * Errors for people. A runtime's own message (onnxruntime's C++ text, a wasm abort) is turned
 * into what the user can do about it; the raw text travels after RAW_MARK, scrubbed of the build
 * machine's paths, so the page can show it under a disclosure.
 */
import { scrubRaw, withDetails } from '../src/core/error-details.ts';

export { scrubRaw };
import type { BenchErrorName } from './protocol.ts';

/** The class an error gets when nothing more precise is known, by its name. */
const CLASS_OF: Record<BenchErrorName, string> = {
  BadModelError: 'bad-model', FetchError: 'fetch-failed', BackendUnavailableError: 'backend-unavailable', BackendFailedError: 'backend-failed',
};

/**
 * An error whose message is written for the user. Comlink carries only name and message across,
 * so the class and the runtime's scrubbed raw text ride in the message (src/core/error-details.ts).
 */
export class BenchError extends Error {
  constructor(name: BenchErrorName, message: string, raw?: string, errorClass = CLASS_OF[name]) {
    super(withDetails(message, errorClass, raw ? scrubRaw(raw) : undefined));
    this.name = name;
  }
}

export type LoadErrorClass = 'corrupt-model' | 'unsupported-operator' | 'missing-external-data' | 'out-of-memory' | 'unknown';

export interface ExplainedError {
  errorClass: LoadErrorClass;
  message: string;
}

const CLASSES: [LoadErrorClass, RegExp, (bytes: number) => string][] = [
  ['missing-external-data', /external data|onnx_data|\.onnx\.data|MountedFiles|ExternalData|data file/i,
    () => 'The model keeps its weights in an external data file that was not given. Drop the .onnx file together with its .onnx_data file (or the whole folder), or serve them side by side.'],
  ['out-of-memory', /out of memory|OOM|Cannot enlarge memory|RangeError: Array buffer allocation|Aborted\(\)|memory access out of bounds/i,
    (bytes) => `The runtime ran out of memory loading this model (${bytes} bytes). Close other tabs, try the wasm backend, or a smaller or quantised variant.`],
  ['unsupported-operator', /Could not find an implementation|not a registered function\/op|not implemented|unsupported|No Op registered|opset|Unsupported op/i,
    () => 'The model uses an operator this runtime and backend cannot run. Try the other backend, or re-export with a supported opset.'],
  ['corrupt-model', /protobuf|parse|invalid wire type|index out of range|Failed to load model|flatbuffer|verification failed|corrupt|truncat/i,
    (bytes) => `The model could not be parsed (${bytes} bytes): the file may be truncated or corrupt. Download or export it again.`],
];

/** Turns a runtime's load error into advice; unknown errors keep their own words. */
export function explainLoadError(raw: string, bytes: number): ExplainedError {
  for (const [errorClass, pattern, advice] of CLASSES) {
    if (pattern.test(raw)) return { errorClass, message: advice(bytes) };
  }
  return { errorClass: 'unknown', message: `The runtime could not load the model: ${scrubRaw(raw)}` };
}

/** A load failure as a BenchError: the advice first, the runtime's scrubbed words after. */
export function loadError(raw: string, bytes: number): BenchError {
  const { errorClass, message } = explainLoadError(raw, bytes);
  return new BenchError('BadModelError', message, raw, errorClass);
}
