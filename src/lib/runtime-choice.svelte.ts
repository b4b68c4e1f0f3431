/**
 * Choosing a runtime (onnxruntime-web, TF.js, transformers.js), its task and dtype, and the
 * models made for it: the zoo's hub-layout folders for transformers.js, the TF.js zoo, a dropped
 * folder. Keeps the Benchmark's config consistent (a backend and a task the runtime has).
 */
import type { FolderFile } from '../../workers/protocol.ts';
import type { RuntimeId } from '../core/result.ts';
import { RUNTIMES } from '../core/runtimes.ts';
import type { TaskId } from '../core/tasks/types.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { folderSource, runtimeForFiles, sourceForRuntime } from './runtime-sources.ts';

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
}

async function manifest(path: string): Promise<ManifestEntry[]> {
  const response = await fetch(new URL(path, document.baseURI)).catch(() => null);
  if (!response?.ok) return [];
  return ((await response.json()) as { entries?: [] }).entries ?? [];
}

export async function loadRuntimeModels(): Promise<Record<'tfjs' | 'transformers', RuntimeModel[]>> {
  const [zoo, tfjs] = await Promise.all([manifest('zoo/manifest.json'), manifest('zoo/tfjs-manifest.json')]);
  return {
    transformers: zoo.map((e) => ({ id: e.id, name: e.name, task: e.task, url: `${e.path}/` })),
    tfjs: [
      ...tfjs.map((e) => ({ id: e.id, name: e.name, task: e.task, url: e.url ?? `${e.path}/model.json` })),
      ...zoo.filter((e) => e.tfjsModel).map((e) => ({ id: `${e.id}-tfjs`, name: `${e.name}, TF.js graph model`, task: e.task, url: e.tfjsModel! })),
    ],
  };
}

export class RuntimeChoice {
  readonly bench: Benchmark;
  info = $derived.by(() => RUNTIMES[this.bench.config.runtime]);

  constructor(bench: Benchmark) {
    this.bench = bench;
  }

  /** Switches runtime; unless told otherwise, a model already chosen is read again by the new one. */
  setRuntime(id: RuntimeId, reloadModel = true): void {
    const config = this.bench.config;
    if (config.runtime === id) return;
    const info = RUNTIMES[id];
    config.runtime = id;
    if (!info.backends.includes(config.backend)) config.backend = info.backends[0]!;
    if (config.task && !info.tasks.includes(config.task)) config.task = undefined;
    if (id === 'transformers') config.task ??= 'feature-extraction';
    if (id !== 'transformers') config.dtype = undefined;
    if (!this.bench.source || this.bench.inspection?.runtime === id) return;
    // A built-in model was made for the runtime it was listed under: it leaves with it.
    const source = this.bench.source;
    if (source.kind === 'builtin' || (source.kind === 'url' && source.synthetic)) this.bench.unload();
    else if (reloadModel) void this.bench.load(this.bench.source);
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

  /** A dropped folder or several files: model.json means TF.js, config.json transformers.js. */
  loadFolder(files: FolderFile[]): Promise<boolean> | null {
    if (files.length === 0) return null;
    // Switch only to the richer runtimes: .onnx files beside tokenizer files are a hub folder
    // (perhaps one missing its config.json, which transformers.js will then say).
    const runtime = runtimeForFiles(files.map((f) => f.path));
    if (runtime && runtime !== 'ort' && runtime !== this.bench.config.runtime) this.setRuntime(runtime, false);
    return this.bench.load(folderSource(files));
  }
}
