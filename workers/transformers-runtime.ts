/**
 * transformers.js behind the Runtime interface: a model is a hub-layout folder (a mirror URL, the
 * hub, or a dropped folder) run as a task pipeline. It shares the app's single onnxruntime-web
 * (ort-env.ts, imported first, also keeps its .wasm on this origin). Every file request goes
 * through ModelFiles via env.fetch, so nothing leaves for a CDN or the hub unless the model
 * source is the hub, and a missing file is named.
 */
import { ort } from './ort-env.ts';
import { env, pipeline, RawImage } from '@huggingface/transformers';
import type { BackendId } from '../src/core/result.ts';
import type { TaskId, TaskInput } from '../src/core/tasks/types.ts';
import { DTYPE_FILE_SUFFIX } from '../src/core/variants.ts';
import { assertWebGpu } from './env.ts';
import { BenchError } from './errors.ts';
import type { ModelFiles } from './model-files.ts';
import type { LoadedModel, LoadOptions, Runtime } from './runtime.ts';
import { instrumentPipeline, pipelineRunner, type Pipe } from './transformers-task.ts';

/** transformers.js sees one local model at this made-up path; env.fetch maps it to ModelFiles. */
const MODEL_ROOT = '/benchtab-model/';
const MODEL_ID = 'model';
let current: ModelFiles | null = null;

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = MODEL_ROOT;
env.useFS = false;
env.useBrowserCache = false;
env.useFSCache = false;
env.useWasmCache = false;
env.fetch = async (input: string | URL) => {
  const path = new URL(String(input), 'http://x').pathname;
  const prefix = `${MODEL_ROOT}${MODEL_ID}/`;
  if (!current || !path.startsWith(prefix)) return new Response(null, { status: 404 });
  return current.response(decodeURIComponent(path.slice(prefix.length)));
};

interface HubConfig {
  model_type?: string;
  architectures?: string[];
}

async function readConfig(files: ModelFiles): Promise<HubConfig> {
  const bytes = await files.tryRead('config.json');
  if (!bytes) {
    throw new BenchError('BadModelError',
      `${files.describeMissing('config.json')}: transformers.js needs a folder laid out like a hub repository ` +
      '(config.json, tokenizer or preprocessor files, onnx/model.onnx). For a single .onnx file choose runtime ort.');
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as HubConfig;
  } catch {
    throw new BenchError('BadModelError', 'config.json is not valid JSON.');
  }
}

const describeConfig = (config: HubConfig) =>
  `model_type ${config.model_type ?? 'unknown'}${config.architectures?.length ? ` (${config.architectures.join(', ')})` : ''}`;

function explainLoadFailure(cause: unknown, files: ModelFiles, task: TaskId, dtype: string, config: HubConfig): BenchError {
  if (cause instanceof BenchError) return cause;
  const raw = cause instanceof Error ? cause.message : String(cause);
  const onnx = files.missing.filter((path) => path.endsWith('.onnx'));
  if (onnx.length > 0) {
    return new BenchError('BadModelError',
      `This model has no ${dtype} weights: ${onnx.join(', ')} ${onnx.length === 1 ? 'is' : 'are'} missing ` +
      `(${dtype} files end in "${DTYPE_FILE_SUFFIX[dtype] ?? ''}.onnx"). Choose a dtype the model has files for.`);
  }
  if (/unsupported model type|not supported|unknown (model|task)|cannot/i.test(raw)) {
    return new BenchError('BadModelError', `The model (${describeConfig(config)}) cannot do ${task} in transformers.js: ${raw}`);
  }
  return new BenchError('BadModelError', `transformers.js could not load the model for ${task}: ${raw}`);
}

class TransformersModel implements LoadedModel {
  readonly io = { inputs: [], outputs: [] };
  constructor(private readonly pipe: Pipe, readonly backend: BackendId, private readonly taskId: TaskId) {}

  prepare(): never {
    throw new BenchError('BadModelError', 'transformers.js runs whole task pipelines: choose a task.');
  }
  runOnce = this.prepare;
  readOutputs = this.prepare;

  task(task: TaskId, input: TaskInput) {
    if (task !== this.taskId) throw new BenchError('BadModelError', `The pipeline was built for ${this.taskId}, not ${task}.`);
    return pipelineRunner(this.pipe, task, input, { RawImage });
  }

  async dispose(): Promise<void> {
    await this.pipe.dispose();
    current = null;
  }
}

export const runtime: Runtime = {
  id: 'transformers',
  defaultDtype: 'fp32',
  // Every result says that on WebGPU single nodes may run on the CPU (see load() for why).
  versions: () => ({
    'transformers.js': env.version,
    'onnxruntime-web': ort.env.versions.web ?? 'unknown',
    'webgpu-node-placement': 'per-node CPU fallback allowed',
  }),
  async inspect(files: ModelFiles) {
    const config = await readConfig(files);
    return { io: { inputs: [], outputs: [] }, summary: `transformers.js · ${describeConfig(config)}` };
  },
  async load(files: ModelFiles, { backend, threads, dtype = 'fp32', task }: LoadOptions): Promise<LoadedModel> {
    if (!task) throw new BenchError('BadModelError', 'transformers.js runs task pipelines: choose a task (for example feature-extraction).');
    if (backend !== 'wasm' && backend !== 'webgpu') {
      throw new BenchError('BackendUnavailableError', `transformers.js runs on the webgpu or wasm device, not ${backend}.`);
    }
    if (backend === 'webgpu') {
      const adapter = await assertWebGpu('the wasm device');
      if (dtype === 'fp16' && !adapter.features.has('shader-f16')) {
        throw new BenchError('BackendUnavailableError',
          `fp16 on WebGPU needs the adapter feature "shader-f16", which this GPU (${adapter.info.vendor} ${adapter.info.architecture}) does not offer. ` +
          'Choose fp32 or q8, or the wasm device.');
      }
    }
    const config = await readConfig(files);
    current = files;
    ort.env.wasm.numThreads = threads;
    try {
      // Unlike the ort runtime, CPU fallback of single nodes stays allowed on WebGPU: transformer
      // graphs place shape and int64 gather nodes on the CPU, and forbidding it fails them all.
      const pipe = (await pipeline(task, MODEL_ID, { device: backend, dtype: dtype as 'fp32' })) as unknown as Pipe;
      instrumentPipeline(pipe);
      return new TransformersModel(pipe, backend, task);
    } catch (cause) {
      throw explainLoadFailure(cause, files, task, dtype, config);
    }
  },
};
