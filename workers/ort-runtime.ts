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
import { inspectOnnx } from '../src/core/formats/onnx-inspect.ts';
import type { SynthTensor } from '../src/core/inputs.ts';
import { explainRunError } from '../src/core/inputs/explain.ts';
import { graphHints } from '../src/core/inputs/graph-hints.ts';
import { specFromMetadata } from '../src/core/inputs/io-spec.ts';
import { readOnnxGraph, type OnnxGraph } from '../src/core/inputs/onnx-graph.ts';
import type { BackendId, ModelIO } from '../src/core/result.ts';
import { assertWebGpu } from './env.ts';
import { BenchError, loadError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';
import { assertWebNn, WEBNN_DEVICE } from './webnn.ts';
import type { LoadedModel, LoadOptions, PreparedInputs, Runtime } from './runtime.ts';
import { checkModelBytes } from './source.ts';
import { preprocessorImageSize, readExternalData } from './onnx-files.ts';
import { countOnnxWork } from '../src/core/roofline/onnx-work.ts';

interface OrtPrepared extends PreparedInputs {
  feeds: Record<string, ort.Tensor>;
}

function describe(session: ort.InferenceSession): ModelIO {
  return {
    inputs: session.inputMetadata.map(specFromMetadata),
    outputs: session.outputMetadata.map(specFromMetadata),
  };
}

/**
 * The model file to read: the entry (.onnx, ORT format .ort, or whatever a signed URL's path ends
 * in), or a hub-layout folder's onnx/model.onnx.
 */
function onnxPath(files: ModelFiles): string {
  return files.entry !== '' && !files.entry.endsWith('.json') ? files.entry : 'onnx/model.onnx';
}

interface Opened {
  session: ort.InferenceSession;
  /** The graph as protobufjs reads it; null when only onnxruntime can (then no hints). */
  graph: OnnxGraph | null;
}

async function createSession(files: ModelFiles, backend: BackendId, threads: number): Promise<Opened> {
  const path = onnxPath(files);
  // Checked on its first bytes: a file that is not a model ends its download at once.
  const bytes = await files.read(path, { checkHead: (head, size) => checkModelBytes(head, path, 'ort', size) });
  const graph = readOnnxGraph(bytes);
  const externalData = graph ? await readExternalData(files, path, graph) : [];
  if (backend !== 'wasm' && backend !== 'webgpu' && backend !== 'webnn') {
    throw new BenchError('BackendUnavailableError', `onnxruntime-web has no ${backend} backend here: choose wasm, webgpu or webnn.`);
  }
  if (backend === 'webgpu') await assertWebGpu();
  if (backend === 'webnn') await assertWebNn();
  ort.env.wasm.numThreads = threads;
  try {
    const session = await ort.InferenceSession.create(bytes, {
      executionProviders: [backend === 'webnn' ? { name: 'webnn', deviceType: WEBNN_DEVICE } : backend],
      ...(externalData.length > 0 ? { externalData } : {}),
      // Forbid WebGPU and WebNN sessions from quietly placing nodes on the CPU.
      extra: backend !== 'wasm' ? { session: { disable_cpu_ep_fallback: '1' } } : {},
    });
    return { session, graph };
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
  constructor(private readonly session: ort.InferenceSession, readonly backend: BackendId, private readonly graph: OnnxGraph | null) {
    this.io = describe(session);
  }

  explain(raw: string, feeds: SynthTensor[]) {
    return explainRunError(raw, this.graph, feeds, this.io.inputs);
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
  async inspect(files: ModelFiles, { threads } = { threads: 1 }) {
    // Metadata comes from a real session: the same parser that will run the model. It starts
    // onnxruntime with the run's thread count, so this worker can serve the first run. The rest
    // of the inspection runs while the session waits for the page's compiled wasm.
    // A failed session's error is the one reported, as when these ran one after another.
    const creating = createSession(files, 'wasm', threads);
    const path = onnxPath(files);
    const onnxRead = files.read(path).then((bytes) => (path.endsWith('.ort') ? null : inspectOnnx(bytes)));
    const imageSizeRead = preprocessorImageSize(files);
    for (const pending of [creating, onnxRead, imageSizeRead]) pending.catch(() => {});
    const { session, graph } = await creating;
    const io = describe(session);
    await session.release();
    const onnx = await onnxRead;
    const imageSize = await imageSizeRead;
    return {
      io, startedThreads: threads,
      ...(graph ? { hints: graphHints(graph) } : {}), ...(imageSize ? { imageSize } : {}), ...(onnx ? { onnx } : {}),
    };
  },
  async load(files: ModelFiles, { backend, threads }: LoadOptions): Promise<LoadedModel> {
    const { session, graph } = await createSession(files, backend, threads);
    return new OrtModel(session, backend, graph);
  },
  async countWork(files: ModelFiles, dims: Record<string, number>) {
    // ModelFiles keeps what it read, so this parses the bytes the session ran, with no new read.
    return countOnnxWork(await files.read(onnxPath(files)), dims);
  },
};
