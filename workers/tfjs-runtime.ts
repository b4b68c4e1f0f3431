/**
 * TensorFlow.js behind the Runtime interface: graph models and layers models (model.json plus
 * weight shards), on webgpu, webgl, wasm or cpu. The backend is set explicitly and checked: a
 * backend that cannot start is an error, never a quiet fall back to another one. Every tensor a
 * run makes is disposed; `probe` exposes tf.memory() so tests can see that it stays flat.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { SynthTensor } from '../src/core/inputs.ts';
import type { BackendId, Dim, ModelIO, TensorSpec } from '../src/core/result.ts';
import { checkShardSizes, type WeightGroup } from '../src/core/tfjs-weights.ts';
import type { TfjsModelJson } from '../src/core/roofline/tfjs-graph.ts';
import { countTfjsWork } from '../src/core/roofline/tfjs-work.ts';
import { assertWebGpu } from './env.ts';
import { BenchError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';
import type { LoadedModel, LoadOptions, PreparedInputs, Runtime } from './runtime.ts';

const abs = (url: string) => new URL(url, self.location.href).href;
// The app serves TF.js's .wasm files itself; TF.js would otherwise look beside its script.
// setWasmPaths insists on all three, though the threaded build is not used (see useBackend).
setWasmPaths({
  'tfjs-backend-wasm.wasm': abs(wasmUrl),
  'tfjs-backend-wasm-simd.wasm': abs(wasmSimdUrl),
  'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreadedUrl),
});

interface TfjsPrepared extends PreparedInputs {
  tensors: tf.Tensor[];
  feed: tf.NamedTensorMap;
}

type Net = { kind: 'graph'; model: GraphModel } | { kind: 'layers'; model: LayersModel };

async function useBackend(backend: BackendId): Promise<void> {
  if (backend === 'webgpu') await assertWebGpu('webgl, wasm or cpu');
  // The threaded-SIMD build's inlined pthread worker fails once bundled ("e is not defined"), so
  // TF.js wasm runs the single-threaded SIMD build, and versions() says so in every result.
  if (backend === 'wasm') {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setThreadsCount(1);
  }
  let ok = false;
  try {
    ok = await tf.setBackend(backend);
    await tf.ready();
  } catch {
    ok = false;
  }
  if (!ok || tf.getBackend() !== backend) {
    throw new BenchError('BackendUnavailableError',
      `TensorFlow.js could not start its ${backend} backend in this browser${backend === 'webgl' ? ' (no WebGL2 in a worker here)' : ''}. Choose another backend.`);
  }
}

function entryDir(files: ModelFiles): string {
  const slash = files.entry.lastIndexOf('/');
  return slash < 0 ? '' : files.entry.slice(0, slash + 1);
}

/** An IOHandler that reads model.json and its shards through ModelFiles, checking every shard. */
function handlerFor(files: ModelFiles): tf.io.IOHandler {
  return {
    async load() {
      if (!files.entry.endsWith('.json')) {
        throw new BenchError('BadModelError', 'A TF.js model starts from model.json: give its URL, or drop model.json together with its weight shards.');
      }
      let json: tf.io.ModelJSON;
      try {
        json = JSON.parse(new TextDecoder().decode(await files.read(files.entry)));
      } catch (cause) {
        if (cause instanceof BenchError) throw cause;
        throw new BenchError('BadModelError', `${files.entry} is not valid JSON: it is not a TF.js model.json.`);
      }
      if (!json.modelTopology || !json.weightsManifest) {
        throw new BenchError('BadModelError', `${files.entry} has no modelTopology or weightsManifest: it is not a TF.js model.json.`);
      }
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest as WeightGroup[]) {
          const shards = await Promise.all(group.paths.map((path) =>
            files.read(entryDir(files) + path, `${files.entry} lists it as a weight shard`)));
          const problem = checkShardSizes(group, shards.map((s) => s.byteLength));
          if (problem) throw new BenchError('BadModelError', problem);
          for (const shard of shards) buffers.push(shard.slice().buffer as ArrayBuffer);
        }
        return [manifest.flatMap((group) => group.weights), tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

async function loadNet(files: ModelFiles): Promise<Net> {
  const handler = handlerFor(files);
  const artifacts = await handler.load!();
  const memory = tf.io.fromMemory(artifacts);
  const topology = artifacts.modelTopology as { node?: unknown; class_name?: string; model_config?: unknown } | undefined;
  try {
    if (artifacts.format === 'graph-model' || (topology && 'node' in topology)) return { kind: 'graph', model: await loadGraphModel(memory) };
    return { kind: 'layers', model: await loadLayersModel(memory) };
  } catch (cause) {
    throw new BenchError('BadModelError', `TensorFlow.js could not build the model from ${files.entry}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

function toShape(shape: readonly (number | null)[] | undefined, name: string): Dim[] {
  return (shape ?? []).map((d, axis) => (typeof d === 'number' && d >= 0 ? d : axis === 0 ? 'batch' : `${name}_dim${axis}`));
}

function describe(net: Net): ModelIO {
  if (net.kind === 'graph') {
    const spec = (t: tf.ModelTensorInfo): TensorSpec => ({ name: t.name, dtype: t.dtype === 'int32' ? 'int32' : 'float32', shape: toShape(t.shape, t.name) });
    return { inputs: net.model.inputs.map(spec), outputs: net.model.outputs.map(spec) };
  }
  const m = net.model;
  return {
    inputs: m.inputs.map((t, i) => ({ name: m.inputNames[i] ?? t.name, dtype: 'float32', shape: toShape(t.shape, t.name) })),
    outputs: m.outputs.map((t, i) => ({ name: m.outputNames[i] ?? t.name, dtype: 'float32', shape: toShape(t.shape, t.name) })),
  };
}

class TfjsModel implements LoadedModel {
  readonly io: ModelIO;
  #async = false;
  constructor(private readonly net: Net, readonly backend: BackendId) {
    this.io = describe(net);
  }

  prepare(inputs: SynthTensor[]): PreparedInputs {
    const tensors = inputs.map((input) => tf.tensor(
      input.data instanceof BigInt64Array ? Int32Array.from(input.data, Number) : (input.data as Float32Array),
      input.shape, input.dtype === 'float32' ? 'float32' : 'int32'));
    const feed = Object.fromEntries(inputs.map((input, i) => [input.name, tensors[i]!]));
    return { brand: 'prepared-inputs', tensors, feed } as TfjsPrepared;
  }

  /** Runs the net; graph models with control flow need executeAsync, found on the first call. */
  async #execute(prepared: TfjsPrepared): Promise<tf.Tensor[]> {
    let out: tf.Tensor | tf.Tensor[] | tf.NamedTensorMap;
    if (this.net.kind === 'layers') out = this.net.model.predict(prepared.tensors.length === 1 ? prepared.tensors[0]! : prepared.tensors);
    else if (this.#async) out = await this.net.model.executeAsync(prepared.feed);
    else {
      try {
        out = this.net.model.execute(prepared.feed);
      } catch (cause) {
        if (!/executeAsync/.test(String(cause))) throw cause;
        this.#async = true;
        out = await this.net.model.executeAsync(prepared.feed);
      }
    }
    const outputs: tf.Tensor[] = out instanceof tf.Tensor ? [out] : Array.isArray(out) ? out : Object.values(out);
    this.#learnShapes(outputs);
    return outputs;
  }

  /** Graph models without a signature do not declare output shapes: take them from the first run. */
  #learnShapes(outputs: tf.Tensor[]): void {
    this.io.outputs.forEach((spec, i) => {
      const shape = outputs[i]?.shape;
      if (shape && spec.shape.length === 0) spec.shape = [...shape];
    });
  }

  async runOnce(inputs: PreparedInputs): Promise<void> {
    const outputs = await this.#execute(inputs as TfjsPrepared);
    // data() waits for the GPU and reads back; dataSync() would block and hide queued work.
    await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
  }

  async readOutputs(inputs: PreparedInputs): Promise<Record<string, Float32Array>> {
    const outputs = await this.#execute(inputs as TfjsPrepared);
    const values = await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
    return Object.fromEntries(this.io.outputs.map((spec, i) => [spec.name, Float32Array.from(values[i] ?? [])]));
  }

  release(inputs: PreparedInputs): void {
    tf.dispose((inputs as TfjsPrepared).tensors);
  }

  probe(): Record<string, number> {
    const { numTensors, numBytes, numDataBuffers } = tf.memory();
    return { numTensors, numBytes, numDataBuffers };
  }

  async dispose(): Promise<void> {
    this.net.model.dispose();
  }
}

export const runtime: Runtime = {
  id: 'tfjs',
  versions: () => ({ 'tfjs-core': tf.version_core, 'tfjs-backend-wasm': `${tf.version_core} (single-threaded SIMD build)` }),
  async inspect(files: ModelFiles) {
    await useBackend('cpu');
    const net = await loadNet(files);
    const io = describe(net);
    net.model.dispose();
    return { io, summary: `TF.js ${net.kind} model` };
  },
  async load(files: ModelFiles, { backend }: LoadOptions): Promise<LoadedModel> {
    await useBackend(backend);
    return new TfjsModel(await loadNet(files), backend);
  },
  async countWork(files: ModelFiles, dims: Record<string, number>) {
    // ModelFiles keeps what it read: model.json and the shards the run loaded, read again without a fetch.
    const json = JSON.parse(new TextDecoder().decode(await files.read(files.entry))) as TfjsModelJson;
    const paths = (json.weightsManifest ?? []).flatMap((group) => group.paths);
    return countTfjsWork(json, await Promise.all(paths.map((path) => files.read(entryDir(files) + path))), dims);
  },
};
