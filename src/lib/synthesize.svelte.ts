/**
 * Builds a full-size (or tiny) zoo model in the browser and hands it to the benchmark: a
 * ResNet-50 or BERT-base on a phone with zero download. The model is labelled synthetic.
 */
import * as Comlink from 'comlink';
import { CATALOG, type CatalogEntry, type Dtype, type Preset } from '../../models/catalog.ts';
import type { SynthApi, SynthResult } from '../../workers/synth.worker.ts';
import type { Benchmark } from './benchmark.svelte.ts';

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
  #worker: Worker | null = null;

  constructor(private readonly bench: Benchmark) {}

  entry(): CatalogEntry | undefined {
    return CATALOG.find((e) => e.architecture === this.architecture && e.preset === this.preset);
  }

  async run(): Promise<void> {
    const entry = this.entry();
    if (!entry || this.running) return;
    this.running = true;
    this.error = null;
    const worker = (this.#worker = new Worker(new URL('../../workers/synth.worker.ts', import.meta.url), { type: 'module', name: 'benchtab-synth' }));
    try {
      const result = await Comlink.wrap<SynthApi>(worker).build({ architecture: entry.architecture, preset: this.preset, dtype: this.dtype, seed: 42 });
      const name = `${entry.name} (${this.dtype}, synthesized here)`;
      this.last = { ...result, name, bytes: result.bytes.byteLength };
      // Held as an in-memory file: every run's worker reads it like a dropped model.
      const file = new File([result.bytes as Uint8Array<ArrayBuffer>], `${entry.id}${this.dtype === 'fp32' ? '' : `_${this.dtype}`}.onnx`);
      await this.bench.load({ kind: 'file', file, synthetic: true }, { catalogDomain: entry.domain, task: entry.task, dtypes: [this.dtype] });
    } catch (cause) {
      if (this.#worker === worker) this.error = cause instanceof Error ? cause.message : String(cause);
    } finally {
      worker.terminate();
      if (this.#worker === worker) {
        this.#worker = null;
        this.running = false;
      }
    }
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.running = false;
    this.error = 'Stopped.';
  }
}
