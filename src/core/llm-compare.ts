/**
 * The ONNX-versus-GGUF comparison: the same LLaMA weights as ONNX on transformers.js and as GGUF
 * on wllama, one point per runtime × precision × backend, each measured the same way (greedy,
 * 16 new tokens, EOS ignored), in one table. Pure: the page (LlmCompare) and `npm run bench:llm`
 * both build their points and rows here.
 */
import type { BackendId } from './result.ts';
import type { GenerationMetrics } from './tasks/types.ts';

export interface LlmPoint {
  /** "transformers.js q8 · wasm" */
  label: string;
  runtime: 'transformers' | 'wllama';
  backend: BackendId;
  /** The ONNX dtype or the GGUF type. */
  precision: string;
  /** The automation parameters that run it. */
  params: Record<string, string>;
}

export interface LlmModel {
  /** The hub-layout folder, relative to the site root ("zoo/llama-tiny"). */
  path: string;
  /** GGUF files by type, relative to the site root. */
  gguf: Record<string, string>;
}

/** ONNX variants the zoo writes (it has no q4) and the GGUF types llama.cpp users pick, full precision first. */
export const ONNX_PRECISIONS = ['fp32', 'fp16', 'q8'] as const;
export const GGUF_PRECISIONS = ['F32', 'F16', 'Q8_0', 'Q4_0'] as const;

export function llmPoints(model: LlmModel, backends: readonly BackendId[] = ['wasm']): LlmPoint[] {
  const points: LlmPoint[] = [];
  for (const backend of backends) {
    for (const dtype of ONNX_PRECISIONS) {
      points.push({ label: `transformers.js ${dtype} · ${backend}`, runtime: 'transformers', backend, precision: dtype,
        params: { model: `/${model.path}/`, runtime: 'transformers', task: 'text-generation', dtype, backend } });
    }
    for (const type of GGUF_PRECISIONS) {
      const url = model.gguf[type];
      if (url) points.push({ label: `wllama ${type} · ${backend}`, runtime: 'wllama', backend, precision: type, params: { model: `/${url}`, runtime: 'wllama', backend } });
    }
  }
  return points;
}

export interface LlmRow {
  point: LlmPoint;
  ttftMs: number | null;
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  tokenP50Ms: number | null;
  tokenP99Ms: number | null;
  /** llama.cpp's own decode rate (wllama only). */
  engineTokensPerSecond: number | null;
  placement: string | null;
  output: string;
  /** Characters of output shared with the reference point's, from the start. */
  agreeChars: number | null;
  error: string | null;
}

/** Length of the common beginning of two texts: how far two runtimes' greedy outputs agree. */
export function agreement(reference: string, output: string): number {
  let n = 0;
  while (n < reference.length && n < output.length && reference[n] === output[n]) n++;
  return n;
}

/** What a row reads from a run: a BenchResult, or the same figures gathered from interleaved rounds. */
export interface GenerationOutcome {
  task?: { generation?: GenerationMetrics; output?: string };
}

export function llmRow(point: LlmPoint, outcome: GenerationOutcome | string, reference?: string): LlmRow {
  if (typeof outcome === 'string') {
    return { point, ttftMs: null, prefillTokensPerSecond: null, decodeTokensPerSecond: null, tokenP50Ms: null, tokenP99Ms: null,
      engineTokensPerSecond: null, placement: null, output: '', agreeChars: null, error: outcome };
  }
  const g = outcome.task?.generation;
  const output = outcome.task?.output ?? '';
  return {
    point,
    ttftMs: g?.ttftMs ?? null,
    prefillTokensPerSecond: g?.prefillTokensPerSecond ?? null,
    decodeTokensPerSecond: g?.tokensPerSecond ?? null,
    tokenP50Ms: g?.tokenLatencyMs?.p50 ?? null,
    tokenP99Ms: g?.tokenLatencyMs?.p99 ?? null,
    engineTokensPerSecond: g?.engine?.tokensPerSecond ?? null,
    placement: g?.placement ?? null,
    output,
    agreeChars: reference === undefined ? null : agreement(reference, output),
    error: null,
  };
}
