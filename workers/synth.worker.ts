/// <reference lib="webworker" />
/**
 * "Synthesize": builds a zoo model on this device, off the main thread, with the same generator
 * `npm run models` runs in Node. The bytes are transferred back, not copied.
 */
import * as Comlink from 'comlink';
import { synthesize, synthesizeGguf, type Dtype, type GgufSynthesizeRequest, type Preset } from '../models/index.ts';

export interface SynthRequest {
  architecture: string;
  preset: Preset;
  dtype: Dtype;
  seed: number;
}

export interface SynthResult {
  /** The first ONNX graph (model, or a seq2seq model's encoder). */
  stem: string;
  bytes: Uint8Array;
  parameters: number;
  generateMs: number;
}

const api = {
  build(request: SynthRequest): SynthResult {
    const start = performance.now();
    const model = synthesize(request);
    const generateMs = performance.now() - start;
    const [stem, bytes] = Object.entries(model.onnx)[0]!;
    return Comlink.transfer({ stem, bytes, parameters: model.parameters, generateMs }, [bytes.buffer]);
  },
  /** The GGUF file's size, from its header alone: what the page warns with before writing. */
  ggufBytes(request: GgufSynthesizeRequest): number {
    return synthesizeGguf(request).bytes;
  },
  /**
   * Writes a GGUF tensor by tensor into a Blob that grows by composition: each encoded tensor is
   * handed to the browser's blob store and dropped, so the model is never held twice in memory.
   */
  buildGguf(request: GgufSynthesizeRequest): { file: Blob; parameters: number; generateMs: number } {
    const start = performance.now();
    const gguf = synthesizeGguf(request);
    let file = new Blob([]);
    for (const chunk of gguf.chunks()) file = new Blob([file, chunk as Uint8Array<ArrayBuffer>]);
    const parameters = gguf.tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0);
    return { file, parameters, generateMs: performance.now() - start };
  },
};

export type SynthApi = typeof api;

Comlink.expose(api);
