/**
 * Times a transformers.js pipeline from the inside: calls into its tokenizer and processor count
 * as pre-processing, every ONNX session run counts as model time, and the rest of the end-to-end
 * request (sampling, decoding, pooling, labels) is post-processing. A streamer stamps each new
 * token for time to first token and per-token latency.
 */
import { BaseStreamer, type RawImage as RawImageClass } from '@huggingface/transformers';
import { completeSplit, GENERATED_TOKENS } from '../src/core/tasks/metrics.ts';
import type { TaskId, TaskInput } from '../src/core/tasks/types.ts';
import { decodeWav, resample, WavError } from '../src/core/tasks/wav.ts';
import { BenchError } from './errors.ts';
import type { TaskRunner } from './runtime.ts';

/** The parts of a transformers.js pipeline we time; the library's own types are per task. */
export interface Pipe {
  (input: unknown, options?: unknown): Promise<unknown>;
  tokenizer?: Callable | null;
  processor?: (Callable & { feature_extractor?: { config?: { sampling_rate?: number } } }) | null;
  model: { sessions: Record<string, { run: (...args: unknown[]) => Promise<unknown> }> };
  dispose(): Promise<void>;
}

interface Callable {
  _call: (...args: unknown[]) => unknown;
}

/** Wall time inside a group of possibly nested calls (a processor may call the tokenizer). */
class Span {
  totalMs = 0;
  #depth = 0;
  #start = 0;
  enter(): void {
    if (this.#depth++ === 0) this.#start = performance.now();
  }
  exit(): void {
    if (--this.#depth === 0) this.totalMs += performance.now() - this.#start;
  }
}

const spans = new WeakMap<Pipe, { pre: Span; model: Span }>();

function wrap<T extends object>(target: T, key: keyof T, span: Span): void {
  const original = target[key] as (...args: unknown[]) => unknown;
  (target as Record<keyof T, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    span.enter();
    let result: unknown;
    try {
      result = original.apply(this, args);
    } catch (error) {
      span.exit();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => span.exit());
    span.exit();
    return result;
  };
}

export function instrumentPipeline(pipe: Pipe): void {
  const pre = new Span();
  const model = new Span();
  for (const part of [pipe.tokenizer, pipe.processor]) if (part) wrap(part, '_call', pre);
  for (const session of Object.values(pipe.model.sessions)) wrap(session, 'run', model);
  spans.set(pipe, { pre, model });
}

/** Records when each generated token arrives; generate() first puts the prompt, which is skipped. */
class TokenClock extends BaseStreamer {
  times: number[] = [];
  #start = 0;
  #prompt = true;
  reset(start: number): void {
    this.times = [];
    this.#start = start;
    this.#prompt = true;
  }
  override put(): void {
    if (this.#prompt) this.#prompt = false;
    else this.times.push(performance.now() - this.#start);
  }
  override end(): void {}
}


function render(output: unknown): string {
  const first = Array.isArray(output) ? (Array.isArray(output[0]) ? output[0][0] : output[0]) : output;
  if (first && typeof first === 'object') {
    const o = first as { label?: string; score?: number; generated_text?: string; text?: string; dims?: number[]; box?: unknown };
    if (o.label !== undefined) return `${o.label}${o.score !== undefined ? ` (${o.score.toFixed(3)})` : ''}${o.box ? ` · ${(output as unknown[]).length} boxes` : ''}`;
    if (o.generated_text !== undefined) return o.generated_text.slice(0, 120);
    if (o.text !== undefined) return o.text.slice(0, 120) || '(empty transcript)';
    if (o.dims) return `embedding [${o.dims.join(', ')}]`;
  }
  return Array.isArray(output) && output.length === 0 ? 'nothing found' : String(output).slice(0, 120);
}

async function decodeInput(pipe: Pipe, task: TaskId, input: TaskInput, RawImage: typeof RawImageClass) {
  const need = (what: string): never => { throw new BenchError('BadModelError', `${task} needs ${what}: choose a sample or give your own.`); };
  switch (task) {
    case 'image-classification':
    case 'object-detection':
      return { value: input.image ? await RawImage.fromBlob(input.image) : need('an image') };
    case 'zero-shot-image-classification': {
      const labels = (input.text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (labels.length < 2) need('at least two candidate labels, separated by commas');
      return { value: input.image ? await RawImage.fromBlob(input.image) : need('an image'), extra: labels };
    }
    case 'automatic-speech-recognition': {
      if (!input.audio) need('a WAV audio file');
      try {
        const wav = decodeWav(new Uint8Array(await input.audio!.arrayBuffer()));
        const rate = pipe.processor?.feature_extractor?.config?.sampling_rate ?? 16000;
        const samples = resample(wav.samples, wav.sampleRate, rate);
        return { value: samples, audioSeconds: wav.samples.length / wav.sampleRate };
      } catch (error) {
        throw error instanceof WavError ? new BenchError('BadModelError', error.message) : error;
      }
    }
    default:
      return { value: input.text?.trim() || need('text') };
  }
}

function promptLength(tokenizer: Callable, text: unknown): number | undefined {
  const encoded = (tokenizer as unknown as (t: unknown) => { input_ids?: { dims?: number[] } })(text);
  return encoded.input_ids?.dims?.at(-1);
}

export async function pipelineRunner(pipe: Pipe, task: TaskId, input: TaskInput, libs: { RawImage: typeof RawImageClass }): Promise<TaskRunner> {
  const { value, extra, audioSeconds } = await decodeInput(pipe, task, input, libs.RawImage) as { value: unknown; extra?: unknown; audioSeconds?: number };
  const { pre, model } = spans.get(pipe)!;
  const clock = new TokenClock();
  const options: Record<string, unknown> =
    task === 'text-generation' ? { max_new_tokens: GENERATED_TOKENS, min_new_tokens: GENERATED_TOKENS, do_sample: false, return_full_text: false, streamer: clock }
      : task === 'feature-extraction' ? { pooling: 'mean', normalize: true }
        : task === 'automatic-speech-recognition' ? { max_new_tokens: GENERATED_TOKENS }
          : task === 'image-classification' ? { top_k: 1 } : {};
  let last = '';
  // Counted once, outside timing, with the special tokens the pipeline adds (BOS).
  const promptTokens = task === 'text-generation' && pipe.tokenizer ? promptLength(pipe.tokenizer, value) : undefined;
  return {
    ...(audioSeconds ? { audioSeconds } : {}),
    async run() {
      pre.totalMs = 0;
      model.totalMs = 0;
      const start = performance.now();
      clock.reset(start);
      const output = extra ? await pipe(value, extra) : await pipe(value, options);
      const totalMs = performance.now() - start;
      last = render(output);
      return completeSplit(totalMs, pre.totalMs, model.totalMs, task === 'text-generation' ? clock.times : undefined, promptTokens ? { promptTokens } : {});
    },
    lastOutput: () => last,
  };
}
