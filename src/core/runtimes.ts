/**
 * The runtimes the app offers, what each runs on, and the automation parameters that choose them
 * (runtime, backend or its alias device, task, dtype). The worker side of each is one file,
 * workers/<id>-runtime.ts.
 */
import type { BackendId, BenchConfig, RuntimeId } from './result.ts';
import { parseTask, TASK_IDS, type TaskId } from './tasks/types.ts';
import { DTYPES } from './variants.ts';

export interface RuntimeInfo {
  id: RuntimeId;
  label: string;
  /** In the order the UI offers them; the first is the default. */
  backends: readonly BackendId[];
  /** Tasks it can time end to end; transformers.js runs only tasks. */
  tasks: readonly TaskId[];
  /** What a model is for this runtime, for the picker's hints. */
  accepts: string;
}

export const RUNTIMES: Readonly<Record<RuntimeId, RuntimeInfo>> = {
  ort: { id: 'ort', label: 'onnxruntime-web', backends: ['wasm', 'webgpu', 'webnn'], tasks: ['image-classification', 'object-detection'], accepts: 'an .onnx file' },
  tfjs: { id: 'tfjs', label: 'TensorFlow.js', backends: ['wasm', 'webgpu', 'webgl', 'cpu'], tasks: ['image-classification', 'object-detection'], accepts: 'model.json with its weight shards' },
  transformers: { id: 'transformers', label: 'transformers.js', backends: ['wasm', 'webgpu'], tasks: TASK_IDS, accepts: 'a hub-layout folder, its URL, or a hub id' },
  litert: { id: 'litert', label: 'LiteRT.js (TFLite)', backends: ['wasm', 'webgpu'], tasks: ['image-classification', 'object-detection'], accepts: 'a .tflite file' },
  wllama: { id: 'wllama', label: 'wllama (llama.cpp)', backends: ['wasm', 'webgpu'], tasks: ['text-generation'], accepts: 'a .gguf file (LLaMA family)' },
};

/** Names of every browser runtime a format can ask for. */
export const RUNTIME_LABELS: Readonly<Record<RuntimeId, string>> =
  Object.fromEntries(Object.values(RUNTIMES).map((r) => [r.id, r.label])) as Record<RuntimeId, string>;

export const RUNTIME_IDS = Object.keys(RUNTIMES) as RuntimeId[];

/** "Xenova/bert-base-uncased": an org/name pair, not a URL or a path. */
export function isHubId(model: string): boolean {
  return /^[\w.-]+\/[\w.-]+$/.test(model) && !model.startsWith('.') && !/\.(onnx|json)$/i.test(model);
}

/** Parses runtime, backend / device, task and dtype; problems go to `errors` in words. */
export function parseRuntimeParams(params: URLSearchParams, errors: string[]): Partial<BenchConfig> {
  const out: Partial<BenchConfig> = {};
  const runtimeRaw = params.get('runtime');
  const runtime = runtimeRaw === null ? 'ort' : (RUNTIME_IDS as string[]).includes(runtimeRaw) ? (runtimeRaw as RuntimeId) : null;
  if (runtime === null) errors.push(`URL parameter runtime=${runtimeRaw} is not one of ${RUNTIME_IDS.join(', ')}.`);
  else if (runtime !== 'ort') out.runtime = runtime;
  const info = RUNTIMES[runtime ?? 'ort'];
  const backend = params.get('backend');
  const device = params.get('device');
  if (backend !== null && device !== null && backend !== device) errors.push(`URL parameters backend=${backend} and device=${device} disagree; give one.`);
  const chosen = backend ?? device;
  if (chosen !== null) {
    if ((info.backends as string[]).includes(chosen)) out.backend = chosen as BackendId;
    else errors.push(`URL parameter ${backend !== null ? 'backend' : 'device'}=${chosen} is not one of ${info.backends.join(', ')} (runtime ${info.id}).`);
  }
  const task = params.get('task');
  if (task !== null) {
    const parsed = parseTask(task);
    if (!parsed) errors.push(`URL parameter task=${task} is not one of ${TASK_IDS.join(', ')}.`);
    else if (!info.tasks.includes(parsed)) errors.push(`URL parameter task=${task}: runtime ${info.id} runs ${info.tasks.join(', ')}; use runtime=transformers.`);
    else out.task = parsed;
  }
  const dtype = params.get('dtype');
  if (dtype !== null) {
    if (!DTYPES.includes(dtype)) errors.push(`URL parameter dtype=${dtype} is not one of ${DTYPES.join(', ')}.`);
    else if (info.id !== 'transformers') errors.push(`URL parameter dtype=${dtype} needs runtime=transformers (for ort, give the file of that precision).`);
    else out.dtype = dtype;
  }
  const sample = params.get('sample');
  if (sample !== null) {
    if (/^[\w-]+$/.test(sample)) out.sample = sample;
    else errors.push(`URL parameter sample=${sample} must be a sample id such as chirp or shapes.`);
  }
  // llama.cpp only generates text: its one task needs no parameter.
  if (info.id === 'wllama' && task === null) out.task = 'text-generation';
  if (info.id === 'transformers' && task === null) errors.push('runtime=transformers runs task pipelines: add task= (for example task=feature-extraction).');
  return out;
}
