import { describe, expect, it } from 'vitest';
import { llama, llama3 } from '../../../models/arch/llama.ts';
import { llamaGguf } from '../../../models/gguf/index.ts';
import { ggufBytes } from '../../../models/gguf/writer.ts';
import { describeGguf, GgufError, readGguf } from '../../../src/core/gguf.ts';

/** The app's GGUF header reader against the project's writer (itself checked with @huggingface/gguf). */
const tiny = llamaGguf(llama.presets.tiny, { type: 'Q4_0', seed: 42, name: 'LLaMA (tiny)' }).whole();

describe('readGguf', () => {
  it('reads architecture, parameters, quantization, context and vocabulary', () => {
    const s = readGguf(tiny);
    expect(s.version).toBe(3);
    expect(s.architecture).toBe('llama');
    expect(s.name).toBe('LLaMA (tiny)');
    expect(s.parameters).toBe(164_160);
    expect(s.quantization).toBe('Q4_0');
    expect(s.contextLength).toBe(256);
    expect(s.vocabSize).toBe(512);
    expect(s.metadata['tokenizer.ggml.tokens']).toBe(512);
    expect(s.expectedBytes).toBe(tiny.length);
    expect(s.tensors.find((t) => t.name === 'blk.0.ffn_down.weight')).toMatchObject({ dims: [192, 64], type: 'Q4_0', bytes: (192 * 64 / 32) * 18 });
    expect(describeGguf(s)).toBe('llama · 164,160 params · Q4_0 · context 256 · vocab 512');
  });

  it('names the quantization of each file type', () => {
    for (const type of ['F32', 'F16', 'Q8_0'] as const) {
      expect(readGguf(llamaGguf(llama3.presets.tiny, { type, seed: 1, name: 'x' }).whole()).quantization).toBe(type);
    }
  });

  it('says a truncated file is truncated, by how much, in the data or in the header', () => {
    expect(() => readGguf(tiny.subarray(0, tiny.length - 1000))).toThrow(/truncated: its tensors need [\d,]+ bytes, the file has [\d,]+ \(1,000 missing\)/);
    expect(() => readGguf(tiny.subarray(0, 200))).toThrow(/truncated: it ends inside its header/);
    expect(() => readGguf(tiny.subarray(0, 100_000), tiny.length)).not.toThrow(GgufError);
  });

  it('reads a header far larger than the writer’s first buffer (a 128,256-token vocabulary)', () => {
    const tokens = Array.from({ length: 128_256 }, (_, i) => `token-${i}`);
    const bytes = ggufBytes({ 'general.architecture': { type: 'string', value: 'llama' }, 'tokenizer.ggml.tokens': { type: 'array', of: 'string', value: tokens },
      'llama.context_length': { type: 'u32', value: 131072 } }, []);
    const s = readGguf(bytes);
    expect(s.vocabSize).toBe(128_256);
    expect(s.contextLength).toBe(131_072);
  });

  it('refuses what is not GGUF, and a GGUF without an architecture', () => {
    expect(() => readGguf(new TextEncoder().encode('<!doctype html>'))).toThrow(/not a GGUF file/);
    const bare = ggufBytes({ 'general.name': { type: 'string', value: 'x' } }, []);
    expect(() => readGguf(bare)).toThrow(/no general.architecture/);
  });
});
