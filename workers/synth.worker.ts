/// <reference lib="webworker" />
/**
 * "Synthesize": builds a zoo model on this device, off the main thread, with the same generator
 * `npm run models` runs in Node. The bytes are transferred back, not copied.
 */
import * as Comlink from 'comlink';
import { synthesize, type Dtype, type Preset } from '../models/index.ts';

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
};

export type SynthApi = typeof api;

Comlink.expose(api);
