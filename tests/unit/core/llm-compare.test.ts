import { describe, expect, it } from 'vitest';
import { agreement, llmPoints, llmRow } from '../../../src/core/llm-compare.ts';

describe('the ONNX-versus-GGUF comparison', () => {
  const model = { path: 'zoo/llama-tiny', gguf: { F16: 'zoo/llama-tiny/gguf/model-F16.gguf', Q4_0: 'zoo/llama-tiny/gguf/model-Q4_0.gguf' } };

  it('plans ONNX fp32 first (the reference), then the other ONNX dtypes and the GGUF files the model has, per backend', () => {
    const points = llmPoints(model, ['wasm', 'webgpu']);
    expect(points.map((p) => p.label)).toEqual([
      'transformers.js fp32 · wasm', 'transformers.js fp16 · wasm', 'transformers.js q8 · wasm', 'wllama F16 · wasm', 'wllama Q4_0 · wasm',
      'transformers.js fp32 · webgpu', 'transformers.js fp16 · webgpu', 'transformers.js q8 · webgpu', 'wllama F16 · webgpu', 'wllama Q4_0 · webgpu',
    ]);
    expect(points[3]!.params).toEqual({ model: '/zoo/llama-tiny/gguf/model-F16.gguf', runtime: 'wllama', backend: 'wasm' });
    expect(points[1]!.params).toMatchObject({ model: '/zoo/llama-tiny/', runtime: 'transformers', dtype: 'fp16', task: 'text-generation' });
  });

  it('agreement is the length of the common beginning', () => {
    expect(agreement('awaiawai2Ces', 'awaiawai2Ces')).toBe(12);
    expect(agreement('awaiawai2Ces', 'awaiXwai')).toBe(4);
    expect(agreement('abc', '')).toBe(0);
  });

  it('a row carries the generation figures, or the error of a point that failed', () => {
    const [point] = llmPoints(model);
    const generation = { tokens: 16, ttftMs: 30, perTokenMs: 5, tokensPerSecond: 200, tokenLatencyMs: { count: 15, p50: 5, p90: 6, p99: 9, max: 9 } };
    const row = llmRow(point!, { task: { generation, output: 'abcd' } as never }, 'abXd');
    expect(row).toMatchObject({ ttftMs: 30, decodeTokensPerSecond: 200, tokenP50Ms: 5, tokenP99Ms: 9, agreeChars: 2, error: null });
    expect(llmRow(point!, 'shader-f16 missing')).toMatchObject({ error: 'shader-f16 missing', decodeTokensPerSecond: null });
  });
});
