/**
 * onnxruntime-web behind the Runtime interface.
 *
 * We import `onnxruntime-web/webgpu`, the native WebGPU execution provider (the one
 * transformers.js 4 uses), so the app ships a single ORT. Its wasm EP is the same engine's CPU
 * path. Each session gets exactly one execution provider: ORT silently drops an unavailable
 * provider from a list, so a list would let a webgpu request run on wasm unannounced.
 */
import { ort } from './ort-env.ts';
import { fromFloat16Array } from '../models/core/float16.ts';
import type { SynthTensor } from '../src/core/inputs.ts';
import type { BackendId, Dim, ModelIO, TensorDType, TensorSpec } from '../src/core/result.ts';
import { assertWebGpu } from './env.ts';
import { BenchError, loadError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';
import type { LoadedModel, LoadOptions, PreparedInputs, Runtime } from './runtime.ts';
import { checkModelBytes } from './source.ts';

interface OrtPrepared extends PreparedInputs {
  feeds: Record<string, ort.Tensor>;
}

function toSpec(meta: ort.InferenceSession.ValueMetadata, index: number): TensorSpec {
  if (!meta.isTensor) return { name: meta.name, dtype: 'float32', shape: [] };
  // ORT reports an unnamed dynamic dimension as -1 (or a blank name): give it a name to bind.
  const shape: Dim[] = meta.shape.map((d, axis) =>
    typeof d === 'number' && d >= 0 ? d : typeof d === 'string' && d !== '' ? d : `${meta.name}_dim${axis}`);
  void index;
  return { name: meta.name, dtype: meta.type as TensorDType, shape };
}

function describe(session: ort.InferenceSession): ModelIO {
  return {
    inputs: session.inputMetadata.map(toSpec),
    outputs: session.outputMetadata.map(toSpec),
  };
}

/** The .onnx file to read: the entry, or a hub-layout folder's onnx/model.onnx. */
function onnxPath(files: ModelFiles): string {
  return files.entry.endsWith('.onnx') ? files.entry : 'onnx/model.onnx';
}

async function createSession(files: ModelFiles, backend: BackendId, threads: number): Promise<ort.InferenceSession> {
  const bytes = await files.read(onnxPath(files));
  checkModelBytes(bytes, onnxPath(files), 'ort');
  if (backend !== 'wasm' && backend !== 'webgpu') {
    throw new BenchError('BackendUnavailableError', `onnxruntime-web has no ${backend} backend here: choose wasm or webgpu.`);
  }
  if (backend === 'webgpu') await assertWebGpu();
  ort.env.wasm.numThreads = threads;
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: [backend],
      // Forbid WebGPU sessions from quietly placing nodes on the CPU.
      extra: backend === 'webgpu' ? { session: { disable_cpu_ep_fallback: '1' } } : {},
    });
  } catch (cause) {
    const raw = cause instanceof Error ? cause.message : String(cause);
    if (/no available backend|backend not found|webgpu/i.test(raw) && backend === 'webgpu') {
      throw new BenchError('BackendFailedError', 'The model could not run on WebGPU. Try the wasm backend.', raw);
    }
    throw loadError(raw, bytes.byteLength);
  }
}

class OrtModel implements LoadedModel {
  readonly io: ModelIO;
  constructor(private readonly session: ort.InferenceSession, readonly backend: BackendId) {
    this.io = describe(session);
  }

  prepare(inputs: SynthTensor[]): PreparedInputs {
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of inputs) {
      feeds[input.name] = new ort.Tensor(input.dtype as ort.Tensor.Type, input.data as ort.Tensor.DataType, input.shape);
    }
    return { brand: 'prepared-inputs', feeds } as OrtPrepared;
  }

  async runOnce(inputs: PreparedInputs): Promise<void> {
    // Outputs default to CPU tensors: run() resolves after they are read back from the GPU.
    const outputs = await this.session.run((inputs as OrtPrepared).feeds);
    for (const output of Object.values(outputs)) output.dispose();
  }

  async readOutputs(inputs: PreparedInputs): Promise<Record<string, Float32Array>> {
    const outputs = await this.session.run((inputs as OrtPrepared).feeds);
    const values: Record<string, Float32Array> = {};
    for (const [name, tensor] of Object.entries(outputs)) {
      const data = await tensor.getData();
      values[name] = tensor.type === 'float16' && data instanceof Uint16Array ? fromFloat16Array(data)
        : data instanceof Float32Array ? data.slice()
          : Float32Array.from(data as ArrayLike<number | bigint>, Number);
      tensor.dispose();
    }
    return values;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

export const runtime: Runtime = {
  id: 'ort',
  versions: () => ({ 'onnxruntime-web': ort.env.versions.web ?? 'unknown' }),
  async inspect(files: ModelFiles) {
    // Metadata comes from a real session: the same parser that will run the model.
    const session = await createSession(files, 'wasm', 1);
    const io = describe(session);
    await session.release();
    return { io };
  },
  async load(files: ModelFiles, { backend, threads }: LoadOptions): Promise<LoadedModel> {
    return new OrtModel(await createSession(files, backend, threads), backend);
  },
};
