/**
 * A sweep: the model at every backend × threads × batch × dtype point, each in its own worker,
 * measured in interleaved rounds (lib/interleaved.ts) so that the device's drift falls on every
 * point alike, with speed-ups and their intervals against a baseline the user picks, and drift
 * of the outputs against the wasm reference.
 */
import { planSweep, sweepTable, type SweepPlan, type SweepPoint } from '../core/method/sweep.ts';
import type { BackendId, BenchConfig } from '../core/result.ts';
import { sweepEvidence, toSweepResult, type MeasuredPoint } from '../core/sweep-evidence.ts';
import { variantUrl } from '../core/variants.ts';
import type { ModelSource, RunRequest } from '../../workers/protocol.ts';
import { AbortedError } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { failedPoint, toMeasuredPoint } from './sweep-points.ts';
import { measureInterleaved, type InterleavedPoint } from './interleaved.ts';
import { watchHidden } from './visibility.ts';

interface Prepared {
  point: SweepPoint;
  request?: RunRequest;
  error?: string;
}

/** A batch dimension is the one the model calls batch; other dims stay as configured. */
const BATCH_DIM = /^(batch|batch_size|n|b)$/i;

export class Sweep {
  backends = $state<BackendId[]>(['wasm', 'webgpu']);
  threads = $state<number[]>([1, navigator.hardwareConcurrency]);
  batchSizes = $state<number[]>([1]);
  dtypes = $state<string[]>(['fp32']);
  running = $state(false);
  current = $state<{ index: number; total: number; id: string } | null>(null);
  points = $state.raw<MeasuredPoint[]>([]);
  skipped = $state.raw<string[]>([]);
  baselineId = $state<string>('');
  error = $state<string | null>(null);

  table = $derived(sweepTable(this.points.map(toSweepResult), this.baselineId));
  #abort: AbortController | null = null;

  constructor(private readonly bench: Benchmark) {}

  /** The dims a point runs with: the model's, with its batch dimension set. */
  #dims(batchSize: number): Record<string, number> | null {
    const batchName = Object.keys(this.bench.config.dims).find((name) => BATCH_DIM.test(name));
    if (batchSize !== 1 && !batchName) return null;
    return { ...this.bench.config.dims, ...(batchName ? { [batchName]: batchSize } : {}) };
  }

  #sourceFor(source: ModelSource, dtype: string, runtime: BenchConfig['runtime']): ModelSource | null {
    // transformers.js picks the dtype's file itself (config.dtype); the others need another file.
    if (runtime === 'transformers') return source;
    if (source.kind === 'file' || source.kind === 'folder') return dtype === this.bench.availableDtypes[0] ? source : null;
    const url = variantUrl(source.url, dtype);
    return url ? { ...source, url, name: `${source.name} (${dtype})` } : null;
  }

  plan(): SweepPlan {
    return planSweep({
      backends: this.backends, threads: this.threads, batchSizes: this.batchSizes,
      dtypes: this.dtypes, availableDtypes: this.bench.availableDtypes,
    });
  }

  async start(base: BenchConfig): Promise<void> {
    const source = this.bench.source;
    const inspection = this.bench.inspection;
    if (!source || !inspection || this.running) return;
    const plan = this.plan();
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.error = null;
    this.points = [];
    this.skipped = plan.skipped;
    if (!plan.points.some((p) => p.id === this.baselineId)) this.baselineId = plan.points[0]?.id ?? '';
    const stopWatching = watchHidden();
    const prepared = await Promise.all(plan.points.map((point) => this.#requestFor(source, base, point)));
    const runnable = prepared.filter((p): p is Prepared & { request: RunRequest } => p.request !== undefined);
    const show = (measured: InterleavedPoint[], hiddenEvents: number): void => {
      this.points = prepared.map((p) => {
        const k = runnable.indexOf(p as Prepared & { request: RunRequest });
        return k < 0 ? failedPoint(p.point, base.runtime, p.error!) : toMeasuredPoint(p.point, base, measured[k]!, hiddenEvents);
      });
    };
    try {
      const measured = await measureInterleaved(abort.signal, runnable.map((p) => p.request), base.stopping, (state, round, running) => {
        this.current = running === null ? null : { index: round, total: runnable.length, id: runnable[running]!.point.id };
        show(state, 0);
      });
      show(measured, stopWatching());
      this.bench.addEvidence(sweepEvidence(this.points, this.bench.availableDtypes[0] ?? 'fp32'));
    } catch (cause) {
      this.error = cause instanceof AbortedError ? 'Sweep stopped; the rounds measured so far are shown.' : String(cause);
    } finally {
      stopWatching();
      this.running = false;
      this.current = null;
    }
  }

  /** The request a point runs, or why it cannot run. */
  async #requestFor(source: ModelSource, base: BenchConfig, point: SweepPoint): Promise<Prepared> {
    const dims = this.#dims(point.batchSize);
    const pointSource = this.#sourceFor(source, point.dtype, base.runtime);
    if (!dims) return { point, error: 'the model has no batch dimension to set' };
    if (!pointSource) return { point, error: `no ${point.dtype} file next to this model` };
    const config: BenchConfig = {
      ...base, backend: point.backend, threads: point.threads, dims,
      ...(base.runtime === 'transformers' && point.dtype !== 'as-is' ? { dtype: point.dtype } : {}),
    };
    try {
      const inspected = this.bench.inspection!.model;
      // A variant is another file: the inspected sha256 is not its hash, so none is claimed.
      const identity = pointSource === source ? inspected : { ...inspected, name: pointSource.kind === 'file' ? inspected.name : pointSource.name, sha256: '' };
      const request = await this.bench.requestFor(config, pointSource);
      return { point, request: { ...request, model: identity, captureOutputs: true, countWork: true } };
    } catch (cause) {
      return { point, error: cause instanceof Error ? cause.message : String(cause) };
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
