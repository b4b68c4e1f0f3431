/**
 * The side-by-side LLM sweep: one zoo LLaMA as ONNX on transformers.js and as GGUF on wllama, at
 * each precision and backend, each point in a fresh worker, measured the same way, in one table
 * and chart with how far each greedy output agrees with ONNX fp32's.
 */
import { CATALOG } from '../../models/catalog.ts';
import { stoppingRuleFor } from '../core/config.ts';
import { llmPoints, llmRow, type LlmPoint, type LlmRow } from '../core/llm-compare.ts';
import type { BackendId, BenchConfig } from '../core/result.ts';
import type { RunRequest } from '../../workers/protocol.ts';
import { AbortedError } from './bench-bridge.ts';
import type { Benchmark } from './benchmark.svelte.ts';
import { measurePoint } from './measure-point.ts';
import { defaultTaskInput } from './task-inputs.ts';

/** The zoo's LLaMA entries that have GGUF twins, tiny first. */
export const LLM_MODELS = CATALOG.filter((e) => e.gguf && e.preset === 'tiny');

export class LlmCompare {
  modelId = $state(LLM_MODELS[0]?.id ?? '');
  backends = $state<BackendId[]>(['wasm']);
  iterations = $state(5);
  running = $state(false);
  current = $state<{ index: number; total: number; label: string } | null>(null);
  rows = $state.raw<LlmRow[]>([]);
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
    let reference: string | undefined;
    try {
      for (const [index, point] of points.entries()) {
        this.current = { index, total: points.length, label: point.label };
        let row: LlmRow;
        try {
          const { measurement } = await measurePoint(abort.signal, await this.#request(point, base));
          row = llmRow(point, measurement, reference);
          // The first point that ran (ONNX fp32 on the first backend) is the reference output.
          reference ??= row.output;
        } catch (cause) {
          if (cause instanceof AbortedError) throw cause;
          row = llmRow(point, cause instanceof Error ? cause.message : String(cause));
        }
        this.rows = [...this.rows, row];
      }
    } catch (cause) {
      this.error = cause instanceof AbortedError ? 'Stopped: the rows above were measured.' : String(cause);
    } finally {
      this.running = false;
      this.current = null;
      this.#abort = null;
    }
  }

  stop(): void {
    this.#abort?.abort();
  }
}
