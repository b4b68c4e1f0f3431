/**
 * LiteRT.js (TFLite) behind the Runtime interface: a .tflite on wasm (XNNPack) or webgpu. The
 * accelerator is asked for exactly; LiteRT.js would quietly recompile a model it cannot fully
 * place on WebGPU for wasm (or split it between the two), so a compiled model whose accelerator
 * differs, or that is not fully accelerated, is an error, never a silent fall back. Each run
 * copies the inputs in and reads every output back to the CPU before it resolves.
 */
import { Tensor, type CompiledModel, type TensorDetails } from '@litertjs/core';
import { version as litertVersion } from '@litertjs/core/package.json';
import { fromFloat16Array } from '../models/core/float16.ts';
import type { SynthTensor } from '../src/core/inputs.ts';
import type { BackendId, ModelIO, TensorDType, TensorSpec } from '../src/core/result.ts';
import { assertWebGpu } from './env.ts';
import { BenchError, loadError } from './errors.ts';
import { LITERT_BUILD, liteRt } from './litert-loader.ts';
import type { ModelFiles } from './model-files.ts';
import type { LoadedModel, LoadOptions, PreparedInputs, Runtime } from './runtime.ts';
import { checkModelBytes } from './source.ts';

interface LiteRtPrepared extends PreparedInputs {
  tensors: Tensor[];
}

function spec(details: TensorDetails): TensorSpec {
  return { name: details.name, dtype: details.dtype as TensorDType, shape: [...details.shape] };
}

function describe(model: CompiledModel): ModelIO {
  return { inputs: model.getInputDetails().map(spec), outputs: model.getOutputDetails().map(spec) };
}

async function compile(files: ModelFiles, backend: BackendId): Promise<CompiledModel> {
  const bytes = await files.read(files.entry);
  checkModelBytes(bytes, files.entry, 'litert');
  if (backend !== 'wasm' && backend !== 'webgpu') {
    throw new BenchError('BackendUnavailableError', `LiteRT.js has no ${backend} backend here: choose wasm or webgpu.`);
  }
  if (backend === 'webgpu') await assertWebGpu();
  let model: CompiledModel;
  try {
    model = await (await liteRt()).loadAndCompile(bytes, { accelerator: backend });
  } catch (cause) {
    throw loadError(cause instanceof Error ? cause.message : String(cause), bytes.byteLength);
  }
  if (model.options.accelerator !== backend || (backend === 'webgpu' && !model.isFullyAccelerated)) {
    model.delete();
    throw new BenchError('BackendFailedError',
      'LiteRT.js cannot place every operator of this model on WebGPU, so part or all of it would run on wasm. Choose the wasm backend.');
  }
  return model;
}

class LiteRtModel implements LoadedModel {
  readonly io: ModelIO;
  constructor(private readonly model: CompiledModel, readonly backend: BackendId) {
    this.io = describe(model);
  }

  prepare(inputs: SynthTensor[]): PreparedInputs {
    const byName = new Map(inputs.map((i) => [i.name, i]));
    const tensors = this.io.inputs.map((spec) => {
      const input = byName.get(spec.name);
      if (!input || !(input.data instanceof Float32Array || input.data instanceof Int32Array || input.data instanceof Uint8Array)) {
        throw new BenchError('BadModelError', `LiteRT.js takes float32, int32 or uint8 inputs; "${spec.name}" is ${spec.dtype}.`);
      }
      return new Tensor(input.data as Float32Array<ArrayBuffer>, input.shape);
    });
    return { brand: 'prepared-inputs', tensors } as LiteRtPrepared;
  }

  async #run(inputs: PreparedInputs): Promise<Tensor[]> {
    return this.model.run((inputs as LiteRtPrepared).tensors);
  }

  async runOnce(inputs: PreparedInputs): Promise<void> {
    // data() copies a GPU output back to wasm memory: GPU work finishes inside the timed call.
    for (const output of await this.#run(inputs)) {
      await output.data();
      output.delete();
    }
  }

  async readOutputs(inputs: PreparedInputs): Promise<Record<string, Float32Array>> {
    const outputs = await this.#run(inputs);
    const values: Record<string, Float32Array> = {};
    for (const [i, output] of outputs.entries()) {
      const data = await output.data();
      values[this.io.outputs[i]?.name ?? `output_${i}`] = data instanceof Float32Array ? data.slice()
        : data instanceof Uint16Array ? fromFloat16Array(data) : Float32Array.from(data);
      output.delete();
    }
    return values;
  }

  release(inputs: PreparedInputs): void {
    for (const tensor of (inputs as LiteRtPrepared).tensors) tensor.delete();
  }

  async dispose(): Promise<void> {
    this.model.delete();
  }
}

export const runtime: Runtime = {
  id: 'litert',
  versions: () => ({ '@litertjs/core': `${litertVersion} (${LITERT_BUILD})` }),
  async inspect(files: ModelFiles) {
    const model = await compile(files, 'wasm');
    const io = describe(model);
    model.delete();
    return { io, summary: 'TFLite flatbuffer, run by LiteRT.js' };
  },
  async load(files: ModelFiles, { backend }: LoadOptions): Promise<LoadedModel> {
    return new LiteRtModel(await compile(files, backend), backend);
  },
};
