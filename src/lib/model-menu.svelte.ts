/**
 * The one model picker's state: the built-in models listed follow the runtime (onnxruntime-web's
 * ONNX zoo, TF.js models, transformers.js hub folders), one Load button loads the chosen one,
 * and the page opens with the default model already loaded.
 */
import type { RuntimeId } from '../core/result.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { loadBuiltins } from './builtins.ts';
import type { BuiltinModel } from './model-sources.ts';
import { loadRuntimeModels, RuntimeChoice, type RuntimeModel } from './runtime-choice.svelte.ts';

/** One entry of the picker, whichever runtime it is for. */
export interface MenuEntry {
  id: string;
  name: string;
  /** The domain or task it was made for. */
  detail: string;
}

/** The built-in model loaded on a first visit: the smallest vision model, a number in seconds. */
export const DEFAULT_MODEL_ID = 'resnet-tiny';

export class ModelMenu {
  readonly bench: Benchmark;
  readonly choice: RuntimeChoice;
  builtins = $state.raw<BuiltinModel[]>([]);
  runtimeModels = $state.raw<Partial<Record<RuntimeId, RuntimeModel[]>>>({});

  entries: MenuEntry[] = $derived.by(() => this.#entriesFor(this.bench.config.runtime));
  /** Follows the list until the user picks another (a writable $derived). */
  selectedId = $derived(this.entries[0]?.id ?? '');

  constructor(bench: Benchmark) {
    this.bench = bench;
    this.choice = new RuntimeChoice(bench);
  }

  /** Settles once the ONNX zoo's list is in (the default model needs only it); set by fetchLists. */
  builtinsLoaded: Promise<void> = Promise.resolve();

  async fetchLists(): Promise<void> {
    this.builtinsLoaded = loadBuiltins().catch(() => []).then((builtins) => {
      this.builtins = builtins;
    });
    const runtimeModels = loadRuntimeModels().catch(() => ({})).then((models) => {
      this.runtimeModels = models;
    });
    await Promise.all([this.builtinsLoaded, runtimeModels]);
  }

  /** Loads the entry chosen in the picker with the runtime shown. */
  load(id = this.selectedId): Promise<boolean> {
    const runtime = this.bench.config.runtime;
    if (runtime === 'ort') {
      const model = this.builtins.find((m) => m.id === id);
      return model ? this.bench.loadBuiltin(model) : Promise.resolve(false);
    }
    const model = this.runtimeModels[runtime]?.find((m) => m.id === id);
    return model ? this.choice.loadModel(model) : Promise.resolve(false);
  }

  /**
   * On a plain first visit, loads the default model so Run is ready at once; never over a model
   * the user already started loading (a drop while the lists were fetched).
   */
  async loadDefault(): Promise<void> {
    if (this.bench.source || this.bench.status !== 'idle' || this.bench.config.runtime !== 'ort') return;
    const model = this.builtins.find((m) => m.id === DEFAULT_MODEL_ID) ?? this.builtins[0];
    if (!model) return;
    this.selectedId = model.id;
    await this.bench.loadBuiltin(model);
  }

  setRuntime(id: RuntimeId): void {
    this.choice.setRuntime(id);
  }

  #entriesFor(runtime: RuntimeId): MenuEntry[] {
    if (runtime === 'ort') return this.builtins.map((m) => ({ id: m.id, name: m.name, detail: m.domain }));
    return (this.runtimeModels[runtime] ?? []).map((m) => ({ id: m.id, name: m.name, detail: m.task }));
  }
}
