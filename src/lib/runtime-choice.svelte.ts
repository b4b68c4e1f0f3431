/**
 * Choosing a runtime (onnxruntime-web, TF.js, transformers.js), its task and dtype, and the
 * models made for it: the zoo's hub-layout folders for transformers.js, the TF.js zoo, a dropped
 * folder. Keeps the Benchmark's config consistent (a backend and a task the runtime has).
 */
import type { BenchConfig, RuntimeId } from '../core/result.ts';
import { RUNTIMES } from '../core/runtimes.ts';
import type { TaskId } from '../core/tasks/types.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { sourceForRuntime } from './runtime-sources.ts';

/** A model the app ships for a runtime other than ort. */
export interface RuntimeModel {
  id: string;
  name: string;
  task: TaskId;
  /** A hub-layout folder (transformers.js) or a model.json (TF.js), relative to the site. */
  url: string;
}

interface ManifestEntry {
  id: string;
  name: string;
  task: TaskId;
  path: string;
  /** tfjs-manifest.json: the model.json. */
  url?: string;
  /** manifest.json: the TF.js graph-model conversion of a vision model, where the zoo wrote one. */
  tfjsModel?: string;
  /** manifest.json: the runtimes that can run it (absent in older manifests: all). */
  runtimes?: string[];
  /** manifest.json: GGUF files of the same weights by GGML type (LLaMA family). */
  gguf?: Record<string, string>;
}

const runsOn = (runtime: string) => (e: ManifestEntry) => !e.runtimes || e.runtimes.includes(runtime);

async function manifest(path: string): Promise<ManifestEntry[]> {
  const response = await fetch(new URL(path, document.baseURI)).catch(() => null);
  if (!response?.ok) return [];
  return ((await response.json()) as { entries?: [] }).entries ?? [];
}

export async function loadRuntimeModels(): Promise<Partial<Record<RuntimeId, RuntimeModel[]>>> {
  const [zoo, tfjs, tflite] = await Promise.all([manifest('zoo/manifest.json'), manifest('zoo/tfjs-manifest.json'), manifest('zoo/tflite-manifest.json')]);
  return {
    transformers: zoo.filter(runsOn('transformers')).map((e) => ({ id: e.id, name: e.name, task: e.task, url: `${e.path}/` })),
    wllama: zoo.flatMap((e) => Object.entries(e.gguf ?? {}).map(([type, url]) => ({ id: `${e.id}-${type}`, name: `${e.name}, GGUF ${type}`, task: e.task, url }))),
    tfjs: [
      ...tfjs.map((e) => ({ id: e.id, name: e.name, task: e.task, url: e.url ?? `${e.path}/model.json` })),
      ...zoo.filter((e) => e.tfjsModel && runsOn('tfjs')(e)).map((e) => ({ id: `${e.id}-tfjs`, name: `${e.name}, TF.js graph model`, task: e.task, url: e.tfjsModel! })),
    ],
    litert: tflite.map((e) => ({ id: e.id, name: e.name, task: e.task, url: e.url ?? `${e.path}/model.tflite` })),
  };
}

/** Sets the runtime and keeps the config consistent with it: a backend and a task it has. */
export function switchRuntime(config: BenchConfig, id: RuntimeId): void {
  const info = RUNTIMES[id];
  config.runtime = id;
  if (!info.backends.includes(config.backend)) config.backend = info.backends[0]!;
  if (config.task && !info.tasks.includes(config.task)) config.task = undefined;
  if (id === 'transformers') config.task ??= 'feature-extraction';
  // llama.cpp only generates text.
  if (id === 'wllama') config.task = 'text-generation';
  if (id !== 'transformers') config.dtype = undefined;
}

export class RuntimeChoice {
  readonly bench: Benchmark;
  info = $derived.by(() => RUNTIMES[this.bench.config.runtime]);

  constructor(bench: Benchmark) {
    this.bench = bench;
  }

  /**
   * Switches runtime. A built-in model was made for the runtime it was listed under, so it leaves
   * with it; a user's own model is read again by the new one.
   */
  setRuntime(id: RuntimeId): void {
    if (this.bench.config.runtime === id) return;
    switchRuntime(this.bench.config, id);
    const source = this.bench.source;
    if (!source || this.bench.inspection?.runtime === id) return;
    if (source.kind === 'builtin' || (source.kind === 'url' && source.synthetic)) this.bench.unload();
    else void this.bench.load(source);
  }

  setTask(task: TaskId | ''): void {
    this.bench.config.task = task || undefined;
    this.bench.taskInput = null;
  }

  setDtype(dtype: string): void {
    this.bench.config.dtype = dtype || undefined;
  }

  /** Loads one of the app's models for this runtime, with the task it was made for. */
  loadModel(model: RuntimeModel): Promise<boolean> {
    const runtime = this.bench.config.runtime;
    if (RUNTIMES[runtime].tasks.includes(model.task) && (runtime === 'transformers' || this.bench.config.task)) this.setTask(model.task);
    return this.bench.load(sourceForRuntime(model.url, runtime));
  }
}
