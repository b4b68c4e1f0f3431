/**
 * Greedy generation on wllama, timed the way transformers-task.ts times transformers.js: exactly
 * GENERATED_TOKENS new tokens (EOS ignored, temperature 0), the prompt processed afresh every run
 * (no prompt cache), each token's arrival stamped on our clock. llama.cpp's own timings
 * (prompt_ms, predicted_ms) travel beside ours; the harness states the gap.
 */
import type { Wllama } from '@wllama/wllama';
import type { GgufSummary } from '../src/core/gguf.ts';
import type { BackendId } from '../src/core/result.ts';
import { completeSplit, GENERATED_TOKENS } from '../src/core/tasks/metrics.ts';
import type { EngineTimings, TaskInput } from '../src/core/tasks/types.ts';
import { BenchError } from './errors.ts';
import type { TaskRunner } from './runtime.ts';

interface Timings {
  prompt_n: number;
  prompt_ms: number;
  predicted_n: number;
  predicted_ms: number;
}

interface Chunk {
  choices?: { text?: string }[];
  timings?: Timings;
}

/** The reason llama.cpp gave, from its log, when loading failed. */
export function explainLoadFailure(cause: unknown, summary: GgufSummary, log: readonly string[]): BenchError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  const unknownArch = log.map((line) => /unknown model architecture: '([^']+)'/.exec(line)).find(Boolean);
  if (unknownArch) {
    return new BenchError('BadModelError',
      `llama.cpp (in wllama) cannot run this GGUF: its architecture "${unknownArch[1]}" is not one llama.cpp knows. ` +
      'It runs LLaMA-family and other decoder models (llama, mistral, qwen2, phi3, gemma, …).');
  }
  const said = log.filter((line) => /error|failed|invalid|unable/i.test(line)).slice(-3).join(' · ');
  return new BenchError('BadModelError',
    `wllama could not load this ${summary.architecture} GGUF (${summary.quantization}): ${raw}${said ? `. llama.cpp said: ${said}` : ''}`);
}

/** Where the layers ran: on webgpu llama.cpp must report every layer offloaded, or the run stops. */
export function layerPlacement(engine: Wllama, backend: BackendId, log: readonly string[], askedThreads: number): { text: string; error?: string } {
  const threads = engine.isMultithread() ? engine.getNumThreads() : 1;
  const why = askedThreads > 1 && threads === 1 ? ` of ${askedThreads} asked (single-threaded build: the page is not cross-origin isolated)` : '';
  const cpu = `CPU (wasm), ${threads} thread${threads === 1 ? '' : 's'}${why}`;
  if (backend === 'wasm') return { text: cpu };
  const offload = log.map((line) => /offloaded (\d+)\/(\d+) layers to GPU/.exec(line)).find(Boolean);
  if (!offload) return { text: '', error: 'WebGPU was asked for, but llama.cpp did not report placing any layer on the GPU. Choose the wasm backend.' };
  const [, placed, total] = offload;
  if (placed !== total) {
    return { text: '', error: `llama.cpp placed only ${placed} of ${total} layers on WebGPU (the rest would run on the CPU). Choose the wasm backend, or a smaller model.` };
  }
  return { text: `${placed}/${total} layers on WebGPU` };
}

/** A failure during generation, with what llama.cpp logged about it. */
function explainRunFailure(cause: unknown, log: readonly string[]): BenchError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  if (log.some((line) => /invalid UTF-8/i.test(line))) {
    return new BenchError('BadModelError',
      'llama.cpp stopped generating: the model emitted bytes that are not valid UTF-8, which its server cannot stream. ' +
      `Try another prompt. (${raw})`);
  }
  const said = log.filter((line) => /error|exception|failed/i.test(line)).slice(-2).join(' · ');
  return new BenchError('BadModelError', `wllama failed while generating: ${raw}${said ? `. llama.cpp said: ${said}` : ''}`);
}

export function wllamaRunner(engine: Wllama, input: TaskInput, placement: string, log: readonly string[]): TaskRunner {
  const prompt = input.text?.trim();
  if (!prompt) throw new BenchError('BadModelError', 'text-generation needs a prompt: choose a sample or give your own text.');
  let last = '';
  return {
    placement,
    async run() {
      const times: number[] = [];
      let text = '';
      let final: Timings | undefined;
      const start = performance.now();
      const finished = engine.createCompletion({
        prompt, max_tokens: GENERATED_TOKENS, temperature: 0, ignore_eos: true, stream: true,
        // Not in wllama's types, passed through to llama.cpp's server: no prompt reuse between
        // runs (each TTFT processes the whole prompt) and timings on every streamed chunk.
        ...({ cache_prompt: false, timings_per_token: true } as object),
        onData: (chunk: Chunk) => {
          const now = performance.now() - start;
          const piece = chunk.choices?.[0]?.text ?? '';
          // Several tokens can arrive in one chunk (a character split over byte tokens): they share its time.
          const count = chunk.timings?.predicted_n ?? (piece ? times.length + 1 : times.length);
          while (times.length < Math.min(count, GENERATED_TOKENS)) times.push(now);
          text += piece;
          if (chunk.timings) final = chunk.timings;
        },
      });
      await finished.catch((cause: unknown) => { throw explainRunFailure(cause, log); });
      const totalMs = performance.now() - start;
      last = text.slice(0, 120);
      const engineTimings: EngineTimings | undefined = final
        ? { promptTokens: final.prompt_n, promptMs: final.prompt_ms, decodeTokens: final.predicted_n, decodeMs: final.predicted_ms }
        : undefined;
      const modelMs = engineTimings ? engineTimings.promptMs + engineTimings.decodeMs : totalMs;
      return completeSplit(totalMs, 0, modelMs, times, engineTimings ? { promptTokens: engineTimings.promptTokens, engine: engineTimings } : {});
    },
    lastOutput: () => last,
  };
}
