/**
 * The roofline beside a result: this device's ceilings for the backend the run used (from the
 * cache, or measured in a worker on request), and the run placed under them from its own p50.
 */
import * as Comlink from 'comlink';
import type { DeviceCeilings, RooflinePoint } from '../core/roofline/place.ts';
import type { BenchResult } from '../core/result.ts';
import type { CeilingsWorkerApi } from '../../workers/ceilings.worker.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { cachedCeilings, saveCeilings } from './roofline/ceilings-store.ts';
import { threadsThatRan } from '../core/roofline/sweep.ts';
import { WorkerSlot } from './worker-slot.ts';

/** Backends whose ceilings the probes can measure. */
const PROBED = new Set(['wasm', 'webgpu']);

/** One device, one backend (and thread count for wasm): the key ceilings are cached under. */
export function ceilingsKey(result: BenchResult): string {
  const gpu = result.env.gpu;
  const where = result.backend === 'webgpu' ? `${gpu?.vendor ?? ''} ${gpu?.architecture ?? ''} ${gpu?.description ?? ''}` : `${threadsThatRan(result.runtime, result.config.threads)} threads`;
  return `${result.backend}|${where}|${result.env.userAgent}`;
}

export class Roofline {
  ceilings = $state.raw<DeviceCeilings | null>(null);
  measuring = $state(false);
  /** performance.now() when measuring began, for the elapsed time. */
  startedAt = $state(0);
  error = $state<string | null>(null);
  readonly #slot = new WorkerSlot();
  #key = '';

  /** Called once the result carries a placement, so its share link can be made again. */
  onPlaced: (() => void) | null = null;

  constructor(private readonly bench: Benchmark) {}

  /** Why this result cannot be placed, or null when it can. */
  static unplaceable(result: BenchResult): string | null {
    if (!result.work) return 'the work of this model is not counted: the roofline needs a raw run (not a task run) of an ONNX model or a TF.js graph model';
    if (!PROBED.has(result.backend)) return `the ${result.backend} backend's ceilings are not measured here (wasm and webgpu are)`;
    if (result.work.flops === 0) return 'no floating-point work was counted in this graph';
    return null;
  }

  point(result: BenchResult): RooflinePoint | null {
    return result.roofline?.point ?? null;
  }

  /** Shows the cached ceilings for this result's device and backend, if any. */
  async show(result: BenchResult): Promise<void> {
    const key = ceilingsKey(result);
    if (key === this.#key) return;
    this.#key = key;
    this.ceilings = null;
    const cached = await cachedCeilings(key).catch(() => null);
    if (cached && this.#key === key) this.#use(cached, result);
  }

  async measure(result: BenchResult): Promise<void> {
    if (this.measuring) return;
    const key = ceilingsKey(result);
    this.measuring = true;
    this.startedAt = performance.now();
    this.error = null;
    const outcome = await this.#slot.run(
      () => new Worker(new URL('../../workers/ceilings.worker.ts', import.meta.url), { type: 'module', name: 'benchtab-ceilings' }),
      async (worker) => {
        const backend = result.backend === 'webgpu' ? 'webgpu' : 'wasm';
        const ceilings = await Comlink.wrap<CeilingsWorkerApi>(worker).measure(backend, threadsThatRan(result.runtime, result.config.threads));
        await saveCeilings(key, ceilings);
        return ceilings;
      },
    );
    if (outcome === null) return;
    this.measuring = false;
    if ('value' in outcome) this.#use(outcome.value, result);
    else this.error = outcome.error;
  }

  stop(): void {
    this.#slot.stop();
    this.measuring = false;
  }

  /** The ceilings become evidence: the result is re-assessed with them (placement, checklist). */
  #use(ceilings: DeviceCeilings, _result: BenchResult): void {
    this.ceilings = ceilings;
    this.bench.addEvidence({ ceilings });
    this.onPlaced?.();
  }
}
