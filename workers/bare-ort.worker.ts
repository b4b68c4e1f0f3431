/// <reference lib="webworker" />
/**
 * The yardstick for benchtab's own overhead: onnxruntime-web with nothing around it. One session
 * on one execution provider, the same synthesized inputs as the harness, and a plain loop timing
 * `session.run` (which, with CPU outputs, includes reading them back). Used by
 * `npm run bench:overhead` only.
 */
import * as Comlink from 'comlink';
import { synthesizeInputs } from '../src/core/inputs.ts';
import type { BackendId, TensorDType } from '../src/core/result.ts';
import { ort } from './ort-env.ts';

export interface BareLoopRequest {
  url: string;
  backend: BackendId;
  threads: number;
  dims: Record<string, number>;
  warmup: number;
  iterations: number;
}

const api = {
  async loop(request: BareLoopRequest): Promise<number[]> {
    const bytes = new Uint8Array(await (await fetch(request.url)).arrayBuffer());
    ort.env.wasm.numThreads = request.threads;
    const session = await ort.InferenceSession.create(bytes, { executionProviders: [request.backend] });
    const specs = session.inputMetadata.map((meta) => ({
      name: meta.name,
      dtype: (meta.isTensor ? meta.type : 'float32') as TensorDType,
      shape: meta.isTensor ? meta.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : String(d))) : [],
    }));
    const feeds = Object.fromEntries(synthesizeInputs(specs, request.dims, 42, 30522).map((t) =>
      [t.name, new ort.Tensor(t.dtype as ort.Tensor.Type, t.data as ort.Tensor.DataType, t.shape)]));
    const once = async (): Promise<number> => {
      const start = performance.now();
      const outputs = await session.run(feeds);
      const ms = performance.now() - start;
      for (const output of Object.values(outputs)) output.dispose();
      return ms;
    };
    for (let i = 0; i < request.warmup + 1; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < request.iterations; i++) samples.push(await once());
    await session.release();
    return samples;
  },
};

export type BareOrtApi = typeof api;

if (!self.name.startsWith('em-pthread')) Comlink.expose(api);
