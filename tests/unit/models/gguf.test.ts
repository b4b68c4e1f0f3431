import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gguf, GGMLQuantizationType } from '@huggingface/gguf';
import { afterAll, describe, expect, it } from 'vitest';
import { llama, llama3, llamaTensors } from '../../../models/arch/llama.ts';
import { catalogEntry, GGUF_TYPES } from '../../../models/catalog.ts';
import { fromFloat16Array } from '../../../models/core/float16.ts';
import { GraphBuilder } from '../../../models/core/graph.ts';
import { transpose } from '../../../models/core/transformer.ts';
import { llamaGguf } from '../../../models/gguf/index.ts';
import { permuteRotaryRows } from '../../../models/gguf/llama-gguf.ts';
import { decodeTensor, encodeTensor, type GgmlType } from '../../../models/gguf/quantize.ts';
import { countParameters } from '../../../models/zoo.ts';

/**
 * The GGUF writer's files, read back with @huggingface/gguf (an independent parser): metadata
 * keys llama.cpp requires, tensor names, types and shapes, the parameter count, and the bytes
 * of the tensors against ggml's block layouts and the ONNX graph's own weights.
 */
const root = mkdtempSync(join(tmpdir(), 'benchtab-gguf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXPECTED_TYPE: Record<GgmlType, GGMLQuantizationType> = {
  F32: GGMLQuantizationType.F32, F16: GGMLQuantizationType.F16, Q8_0: GGMLQuantizationType.Q8_0, Q4_0: GGMLQuantizationType.Q4_0,
};

async function written(config: typeof llama.presets.tiny, type: GgmlType, name: string) {
  const file = llamaGguf(config, { type, seed: 42, name });
  const bytes = file.whole();
  expect(bytes.length).toBe(file.bytes);
  const path = join(root, `${name}-${type}.gguf`);
  writeFileSync(path, bytes);
  const parsed = await gguf(path, { allowLocalFile: true, computeParametersCount: true });
  return { bytes, parsed };
}

function tensorBytes(bytes: Uint8Array, parsed: Awaited<ReturnType<typeof written>>['parsed'], name: string, length: number): Uint8Array {
  const info = parsed.tensorInfos.find((t) => t.name === name)!;
  const start = Number(parsed.tensorDataOffset + info.offset);
  return bytes.subarray(start, start + length);
}

describe('GGML block encodings', () => {
  const block = Float32Array.from({ length: 32 }, (_, i) => (i - 12) / 4);

  it('Q8_0: an fp16 scale max|x|/127, then 32 int8 values', () => {
    const bytes = encodeTensor('Q8_0', block);
    expect(bytes.length).toBe(34);
    const scale = fromFloat16Array(Uint16Array.of(bytes[0]! | (bytes[1]! << 8)))[0]!;
    expect(scale).toBeCloseTo(4.75 / 127, 4);
    expect(new Int8Array(bytes.buffer, 2, 32)[31]).toBe(127);
    expect(new Int8Array(bytes.buffer, 2, 32)[0]).toBe(Math.round(-3 / (4.75 / 127)));
  });

  it('Q4_0: an fp16 scale m/−8, value j in the low nibble of byte j and value j+16 in its high nibble', () => {
    const bytes = encodeTensor('Q4_0', block);
    expect(bytes.length).toBe(18);
    const scale = fromFloat16Array(Uint16Array.of(bytes[0]! | (bytes[1]! << 8)))[0]!;
    expect(scale).toBeCloseTo(4.75 / -8, 3); // the largest magnitude is +4.75: its code is 0 (−8·d)
    expect(bytes[2 + 15]! >> 4).toBe(0); // value 31 (+4.75) → code 0
    expect(bytes[2]! & 0x0f).toBe(Math.min(15, Math.trunc(-3 / scale + 8.5))); // value 0 in byte 0's low nibble
    expect(bytes[2]! >> 4).toBe(Math.min(15, Math.trunc(1 / scale + 8.5))); // value 16 in byte 0's high nibble
  });

  it.each<GgmlType>(GGUF_TYPES as GgmlType[])('%s round-trips within its step', (type) => {
    const values = Float32Array.from({ length: 256 }, (_, i) => Math.sin(i * 0.37) * 0.1);
    const back = decodeTensor(type, encodeTensor(type, values), values.length, fromFloat16Array);
    const step = type === 'Q4_0' ? 0.1 / 8 : type === 'Q8_0' ? 0.1 / 127 : 1e-4;
    values.forEach((v, i) => expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(step));
  });
});

describe.each(GGUF_TYPES as GgmlType[])('llama-tiny as GGUF %s', (type) => {
  const config = llama.presets.tiny;

  it('parses with @huggingface/gguf, with the llama keys llama.cpp requires', async () => {
    const { parsed } = await written(config, type, 'llama-tiny');
    const m = parsed.metadata as Record<string, unknown>;
    expect(m.version).toBe(3);
    expect(m['general.architecture']).toBe('llama');
    expect(m['general.file_type']).toBe({ F32: 0, F16: 1, Q4_0: 2, Q8_0: 7 }[type]);
    expect(m['llama.context_length']).toBe(config.maxPositions);
    expect(m['llama.embedding_length']).toBe(config.hidden);
    expect(m['llama.block_count']).toBe(config.layers);
    expect(m['llama.feed_forward_length']).toBe(config.intermediate);
    expect(m['llama.attention.head_count']).toBe(config.heads);
    expect(m['llama.attention.head_count_kv']).toBe(config.kvHeads);
    expect(m['llama.rope.dimension_count']).toBe(config.hidden / config.heads);
    expect(m['llama.attention.layer_norm_rms_epsilon']).toBeCloseTo(config.rmsEpsilon, 9);
    expect(m['llama.rope.freq_base']).toBe(config.ropeTheta);
    expect(m['tokenizer.ggml.model']).toBe('llama');
    const tokens = m['tokenizer.ggml.tokens'] as string[];
    expect(tokens).toHaveLength(config.vocab);
    for (let b = 0; b < 256; b++) expect(tokens).toContain(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    expect((m['tokenizer.ggml.token_type'] as number[]).filter((t) => t === 6)).toHaveLength(256);
    expect(m['tokenizer.ggml.scores']).toHaveLength(config.vocab);
  });

  it('holds every tensor, in its type, with as many parameters as the ONNX graph', async () => {
    const { parsed } = await written(config, type, 'llama-tiny');
    expect(parsed.parameterCount).toBe(countParameters(catalogEntry('llama-tiny')!));
    expect(parsed.tensorInfos).toHaveLength(llamaTensors(config).length);
    const q = parsed.tensorInfos.find((t) => t.name === 'blk.0.attn_q.weight')!;
    expect(q.shape).toEqual([BigInt(config.hidden), BigInt(config.hidden)]);
    expect(q.dtype).toBe(EXPECTED_TYPE[type]);
    expect(parsed.tensorInfos.find((t) => t.name === 'blk.1.attn_k.weight')!.shape).toEqual([64n, 32n]);
    expect(parsed.tensorInfos.find((t) => t.name === 'output_norm.weight')!.dtype).toBe(GGMLQuantizationType.F32);
    expect(parsed.tensorInfos.find((t) => t.name === 'output.weight')!.shape).toEqual([64n, 512n]);
    for (const t of parsed.tensorInfos) expect(Number(t.offset) % 32).toBe(0);
  });
});

describe('GGUF weights are the ONNX weights', () => {
  it('F32 q rows are the ONNX q_proj transposed, permuted to interleaved rotary pairs', async () => {
    const config = llama.presets.tiny;
    const { bytes, parsed } = await written(config, 'F32', 'llama-tiny');
    const onnx = new GraphBuilder(42, 'fp32').weightValues('model.layers.0.self_attn.q_proj.weight', [64, 64], { fanIn: 64, gain: 1 });
    const expected = permuteRotaryRows(transpose(onnx, 64, 64), config.heads, 64);
    const stored = decodeTensor('F32', tensorBytes(bytes, parsed, 'blk.0.attn_q.weight', 64 * 64 * 4), 64 * 64, fromFloat16Array);
    expect(Array.from(stored)).toEqual(Array.from(expected));
    // Row h·d + 2i + s holds rotate-half row h·d + s·d/2 + i: head 1 (d = 16), i = 3, s = 1.
    expect(Array.from(stored.subarray((16 + 7) * 64, (16 + 8) * 64))).toEqual(Array.from(transpose(onnx, 64, 64).subarray((16 + 8 + 3) * 64, (16 + 8 + 4) * 64)));
  });

  it('the embedding table, written in slices of rows, is the ONNX table (raw-byte rows zero)', async () => {
    const config = { ...llama3.presets.tiny, vocab: 9000 }; // more rows than one slice (4096)
    const { bytes, parsed } = await written(config, 'F32', 'llama3-wide');
    const table = llamaTensors(config)[0]!;
    const onnx = new GraphBuilder(42, 'fp32').weightValues(table.name, table.shape, table.init);
    const stored = decodeTensor('F32', tensorBytes(bytes, parsed, 'token_embd.weight', 9000 * 64 * 4), 9000 * 64, fromFloat16Array);
    expect(stored).toEqual(onnx);
    expect(stored.subarray(200 * 64, 201 * 64).every((v) => v === 0)).toBe(true); // token 200 is the lone byte 0xC8: a zero row
    expect(stored.subarray(5000 * 64, 5001 * 64).some((v) => v !== 0)).toBe(true);
  });

  it('Llama 3 (tied, byte-level BPE, rope scaling): no output.weight, gpt2 tokenizer with merges, rope_freqs', async () => {
    const config = llama3.presets.tiny;
    const { parsed } = await written(config, 'Q8_0', 'llama3-tiny');
    const m = parsed.metadata as Record<string, unknown>;
    expect(m['tokenizer.ggml.model']).toBe('gpt2');
    expect((m['tokenizer.ggml.merges'] as string[]).length).toBeGreaterThan(0);
    expect(m['tokenizer.ggml.tokens']).toHaveLength(config.vocab);
    expect(parsed.tensorInfos.some((t) => t.name === 'output.weight')).toBe(false);
    expect(parsed.tensorInfos.find((t) => t.name === 'rope_freqs.weight')!.shape).toEqual([8n]);
  });

  it('the zoo writes llama-tiny GGUF files beside its ONNX files', () => {
    const path = join('public/zoo/llama-tiny/gguf/model-Q4_0.gguf');
    const head = readFileSync(path).subarray(0, 8);
    expect(new TextDecoder().decode(head.subarray(0, 4))).toBe('GGUF');
    expect(head[4]).toBe(3);
  });
});
