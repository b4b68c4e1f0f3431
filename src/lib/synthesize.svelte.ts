/**
 * Builds a full-size (or tiny) zoo model in the browser and hands it to the benchmark: a
 * ResNet-50 or BERT-base on a phone with zero download. The model is labelled synthetic.
 */
import * as Comlink from 'comlink';
import { CATALOG, type CatalogEntry, type Dtype, type GgufType, type Preset } from '../../models/catalog.ts';
import type { SynthApi, SynthResult } from '../../workers/synth.worker.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { switchRuntime } from './runtime-choice.svelte.ts';
import { WorkerSlot } from './worker-slot.ts';

export interface Synthesized extends Omit<SynthResult, 'bytes'> {
  name: string;
  bytes: number;
}

/** One choice per architecture; the preset picks the tiny or full entry of it. */
export const SYNTH_FAMILIES = CATALOG.filter((entry) => entry.preset === 'full');

export class Synthesizer {
  architecture = $state(SYNTH_FAMILIES[0]?.architecture ?? 'resnet');
  preset = $state<Preset>('full');
  dtype = $state<Dtype>('fp32');
  running = $state(false);
  last = $state.raw<Synthesized | null>(null);
  error = $state<string | null>(null);
  /** LLaMA families are written as GGUF for wllama (a 1B model in fp32 ONNX would not fit in a tab). */
  ggufType = $state<GgufType>('Q4_0');
  /** The size a GGUF will take, shown before anything is written; confirm() writes it. */
  pendingBytes = $state<number | null>(null);
  readonly #slot = new WorkerSlot();

  constructor(private readonly bench: Benchmark) {}

  entry(): CatalogEntry | undefined {
    return CATALOG.find((e) => e.architecture === this.architecture && e.preset === this.preset);
  }

  /** True when the chosen family is written as GGUF (and run on wllama). */
  isGguf(): boolean {
    return this.entry()?.gguf !== undefined;
  }

  #ggufRequest(entry: CatalogEntry) {
    return { architecture: entry.architecture, preset: this.preset, type: this.ggufType, seed: 42, name: `${entry.name} (synthetic)` };
  }

  async run(): Promise<void> {
    const entry = this.entry();
    if (!entry || this.running) return;
    if (entry.gguf) return this.#planGguf(entry);
    await this.#withWorker(async (api) => {
      const result = await api.build({ architecture: entry.architecture, preset: this.preset, dtype: this.dtype, seed: 42 });
      const name = `${entry.name} (${this.dtype}, synthesized here)`;
      this.last = { ...result, name, bytes: result.bytes.byteLength };
      // Held as an in-memory file: every run's worker reads it like a dropped model.
      const file = new File([result.bytes as Uint8Array<ArrayBuffer>], `${entry.id}${this.dtype === 'fp32' ? '' : `_${this.dtype}`}.onnx`);
      await this.bench.load({ kind: 'file', file, synthetic: true }, { catalogDomain: entry.domain, task: entry.task, dtypes: [this.dtype] });
    });
  }

  /** Runs `work` in a fresh synth worker with the running and error state; Stop terminates it. */
  async #withWorker(work: (api: Comlink.Remote<SynthApi>) => Promise<void>): Promise<void> {
    this.running = true;
    this.error = null;
    const outcome = await this.#slot.run(
      () => new Worker(new URL('../../workers/synth.worker.ts', import.meta.url), { type: 'module', name: 'benchtab-synth' }),
      (worker) => work(Comlink.wrap<SynthApi>(worker)),
    );
    if (outcome === null) return;
    this.running = false;
    if ('error' in outcome) this.error = outcome.error;
  }

  /** Step one for GGUF: the size, computed from the header alone, for the warning. */
  async #planGguf(entry: CatalogEntry): Promise<void> {
    await this.#withWorker(async (api) => {
      this.pendingBytes = await api.ggufBytes(this.#ggufRequest(entry));
    });
  }

  /** Step two: writes the GGUF in a worker, then loads it on wllama. */
  async confirm(): Promise<void> {
    const entry = this.entry();
    if (!entry || this.running || this.pendingBytes === null) return;
    this.pendingBytes = null;
    await this.#withWorker(async (api) => {
      const result = await api.buildGguf(this.#ggufRequest(entry));
      this.last = { stem: 'gguf', parameters: result.parameters, generateMs: result.generateMs, name: `${entry.name} (${this.ggufType}, synthesized here)`, bytes: result.file.size };
      switchRuntime(this.bench.config, 'wllama');
      const file = new File([result.file], `${entry.id}-${this.ggufType}.gguf`);
      await this.bench.load({ kind: 'file', file, synthetic: true }, { catalogDomain: entry.domain, task: entry.task });
    });
  }

  cancel(): void {
    this.pendingBytes = null;
  }

  stop(): void {
    this.#slot.stop();
    this.running = false;
    this.error = 'Stopped.';
  }
}
