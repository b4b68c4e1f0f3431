/**
 * The side-by-side LLM comparison: one zoo LLaMA as ONNX on transformers.js and as GGUF on
 * wllama, at each precision and backend. Every point's model is opened in its own worker, then
 * the points take turns in interleaved rounds (lib/interleaved.ts), one request each per round, so
 * the device's drift falls on all of them alike; speed-ups against ONNX fp32 come with their
 * interval (core/llm-interleaved.ts), with how far each greedy output agrees with ONNX fp32's.
 */
import { CATALOG } from '../../models/catalog.ts';
import { stoppingRuleFor } from '../core/config.ts';
import { llmPoints, type LlmPoint } from '../core/llm-compare.ts';
import { interleavedLlmRows, type LlmInterleavedRow } from '../core/llm-interleaved.ts';
import type { BackendId, BenchConfig } from '../core/result.ts';
import type { RunRequest } from '../../workers/protocol.ts';
import { AbortedError } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { measureInterleaved, type InterleavedPoint } from './interleaved.ts';
import { defaultTaskInput } from './task-inputs.ts';
import { watchHidden } from './visibility.ts';

/** The zoo's LLaMA entries that have GGUF twins, tiny first. */
export const LLM_MODELS = CATALOG.filter((e) => e.gguf && e.preset === 'tiny');

export class LlmCompare {
  modelId = $state(LLM_MODELS[0]?.id ?? '');
  backends = $state<BackendId[]>(['wasm']);
  /** Requests per point, about one per round: 6 or more give each speed-up a 95% interval. */
  iterations = $state(12);
  running = $state(false);
  /** Opening point `index` of `total`, or taking round `round`'s turn. */
  current = $state<{ opening: boolean; index: number; total: number; round: number; label: string } | null>(null);
  rows = $state.raw<LlmInterleavedRow[]>([]);
  error = $state<string | null>(null);
  #abort: AbortController | null = null;

  constructor(private readonly bench: Benchmark) {}

  points(): LlmPoint[] {
    const entry = LLM_MODELS.find((e) => e.id === this.modelId);
    return entry ? llmPoints({ path: entry.path, gguf: entry.gguf ?? {} }, this.backends) : [];
  }

  async #request(point: LlmPoint, base: BenchConfig): Promise<RunRequest> {
    const url = new URL(point.params.model!, location.href).href;
    const config: BenchConfig = {
      ...base, runtime: point.runtime, backend: point.backend, task: 'text-generation', mode: 'fixed',
      iterations: this.iterations, warmup: 1, stopping: stoppingRuleFor('fixed', this.iterations),
      ...(point.runtime === 'transformers' ? { dtype: point.precision } : { dtype: undefined }),
    };
    const name = `${this.modelId} ${point.precision}`;
    return {
      source: { kind: 'url', url, name, synthetic: true },
      model: { name, bytes: 0, sha256: '', source: 'url', url, synthetic: true },
      config,
      taskInput: await defaultTaskInput('text-generation'),
    };
  }

  async start(): Promise<void> {
    const base = this.bench.resolvedConfig();
    if (this.running) return;
    if (typeof base === 'string') {
      this.error = base;
      return;
    }
    const points = this.points();
    this.running = true;
    this.error = null;
    this.rows = [];
    const abort = (this.#abort = new AbortController());
    const stopWatching = watchHidden();
    const show = (measured: InterleavedPoint[]): void => {
      this.rows = interleavedLlmRows(points, measured.map((m) => ({
        windows: m.windows, splits: m.splits,
        ...(m.output !== undefined ? { output: m.output } : {}),
        ...(m.opened ? { ranBackend: m.opened.backend, ...(m.opened.placement ? { placement: m.opened.placement } : {}) } : {}),
        ...(m.error ? { error: m.error } : {}),
      })));
    };
    try {
      const requests = await Promise.all(points.map((point) => this.#request(point, base)));
      const rule = stoppingRuleFor('fixed', this.iterations);
      const measured = await measureInterleaved(abort.signal, requests, rule, (state, round, running) => {
        const opening = running !== null && !state[running]!.opened && !state[running]!.error;
        this.current = running === null ? null : { opening, index: running, total: points.length, round, label: points[running]!.label };
        show(state);
      });
      show(measured);
      const hidden = stopWatching();
      if (hidden > 0) this.error = `The tab was hidden ${hidden} time(s) during the comparison: browsers throttle hidden tabs, so run it again in view.`;
    } catch (cause) {
      this.error = cause instanceof AbortedError ? 'Stopped: the rounds measured so far are shown.' : String(cause);
    } finally {
      stopWatching();
      this.running = false;
      this.current = null;
      this.#abort = null;
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
