import { GraphBuilder } from '../core/graph.ts';
import { transpose } from '../core/transformer.ts';
import { llamaTensors, headDim, type LlamaConfig, type LlamaTensor } from '../arch/llama.ts';
import { LLAMA3_SPECIALS, specialIds } from '../arch/llama-hub.ts';
import { inverseFrequencies, llama3RopeFactors } from '../core/rotary.ts';
import { byteLevelBpe, sentencePieceVocabulary, TOKEN_TYPE } from '../hub/vocabulary.ts';
import { encodedBytes, encodeTensor, LLAMA_FILE_TYPE, type GgmlType } from './quantize.ts';
import type { GgufTensor, GgufValue } from './writer.ts';

/**
 * The zoo's LLaMA weights as a GGUF file llama.cpp loads as `general.architecture = llama`: the
 * metadata keys its loader requires (llama-model.cpp, LLM_ARCH_LLAMA), the tokenizer as
 * tokenizer.ggml.*, and tensors named and laid out as convert_hf_to_gguf.py writes them:
 * MatMul weights transposed back to PyTorch's [out, in] rows, q and k rows permuted from
 * transformers' rotate-half order to llama.cpp's interleaved pairs (LlamaModel.permute), norms
 * kept in F32, every matrix in the chosen type (as llama-quantize --pure does).
 */

const u32 = (value: number): GgufValue => ({ type: 'u32', value });
const f32 = (value: number): GgufValue => ({ type: 'f32', value });
const str = (value: string): GgufValue => ({ type: 'string', value });

/** HF module path → GGUF tensor name (llama.cpp's gguf-py tensor_mapping.py for LLAMA). */
const BLOCK_NAMES: Record<string, string> = {
  input_layernorm: 'attn_norm', 'self_attn.q_proj': 'attn_q', 'self_attn.k_proj': 'attn_k', 'self_attn.v_proj': 'attn_v',
  'self_attn.o_proj': 'attn_output', post_attention_layernorm: 'ffn_norm',
  'mlp.gate_proj': 'ffn_gate', 'mlp.up_proj': 'ffn_up', 'mlp.down_proj': 'ffn_down',
};

export function ggufName(hfName: string): string {
  if (hfName === 'model.embed_tokens.weight') return 'token_embd.weight';
  if (hfName === 'model.norm.weight') return 'output_norm.weight';
  if (hfName === 'lm_head.weight') return 'output.weight';
  const match = /^model\.layers\.(\d+)\.(.+)\.weight$/.exec(hfName);
  const part = match ? BLOCK_NAMES[match[2] ?? ''] : undefined;
  if (!match || !part) throw new Error(`no GGUF name for ${hfName}`);
  return `blk.${match[1]}.${part}.weight`;
}

/** Rows h·d + s·d/2 + i (rotate-half) → h·d + 2i + s (interleaved pairs), per head; rows of `columns` values. */
export function permuteRotaryRows(rows: Float32Array, heads: number, columns: number): Float32Array {
  const out = new Float32Array(rows.length);
  const d = rows.length / columns / heads;
  for (let h = 0; h < heads; h++) {
    for (let s = 0; s < 2; s++) {
      for (let i = 0; i < d / 2; i++) {
        const from = (h * d + s * (d / 2) + i) * columns;
        out.set(rows.subarray(from, from + columns), (h * d + 2 * i + s) * columns);
      }
    }
  }
  return out;
}

/** One tensor's float32 values in GGUF row order (row = ne0 contiguous values). */
function ggufValues(c: LlamaConfig, t: LlamaTensor, seed: number): Float32Array {
  const values = new GraphBuilder(seed, 'fp32').weightValues(t.name, t.shape, t.init);
  if (t.shape.length === 1) return values;
  const [inputs, outputs] = t.shape as [number, number];
  const rows = transpose(values, inputs, outputs);
  if (t.name.endsWith('q_proj.weight')) return permuteRotaryRows(rows, c.heads, inputs);
  if (t.name.endsWith('k_proj.weight')) return permuteRotaryRows(rows, c.kvHeads, inputs);
  return rows;
}

/** Rows of the embedding table generated and encoded at a time: Llama 3's table is 1 GB in float32. */
const TABLE_ROWS = 4096;

/** The embedding table, already in GGUF row order, encoded a slice of rows at a time (blocks never cross a row). */
function encodeTable(t: LlamaTensor, type: GgmlType, seed: number): Uint8Array {
  const [rows, columns] = t.shape as [number, number];
  const out = new Uint8Array(encodedBytes(type, rows * columns));
  let at = 0;
  for (const chunk of new GraphBuilder(seed, 'fp32').weightChunks(t.name, [rows, columns], t.init as { fanIn: number }, TABLE_ROWS)) {
    const bytes = encodeTensor(type, chunk);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

export function llamaGgufTensors(c: LlamaConfig, type: GgmlType, seed: number): GgufTensor[] {
  const tensors: GgufTensor[] = llamaTensors(c).map((t) => ({
    name: ggufName(t.name),
    dims: t.shape.length === 1 || t.name === 'model.embed_tokens.weight' ? [...t.shape].reverse() : [...t.shape],
    type: t.shape.length === 1 ? 'F32' : type,
    encode: () => t.name === 'model.embed_tokens.weight' ? encodeTable(t, type, seed) : encodeTensor(t.shape.length === 1 ? 'F32' : type, ggufValues(c, t, seed)),
  }));
  if (c.ropeScaling) {
    const factors = llama3RopeFactors(inverseFrequencies(headDim(c), c.ropeTheta), c.ropeScaling);
    tensors.push({ name: 'rope_freqs.weight', dims: [factors.length], type: 'F32', encode: () => encodeTensor('F32', factors) });
  }
  return tensors;
}

function tokenizerMetadata(c: LlamaConfig): Record<string, GgufValue> {
  const { bos, eos } = specialIds(c);
  const ends = { 'tokenizer.ggml.bos_token_id': u32(bos), 'tokenizer.ggml.eos_token_id': u32(eos),
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: true }, 'tokenizer.ggml.add_eos_token': { type: 'bool', value: false } } as const;
  if (c.tokenizer === 'sentencepiece') {
    const v = sentencePieceVocabulary(c.vocab);
    return {
      'tokenizer.ggml.model': str('llama'),
      'tokenizer.ggml.tokens': { type: 'array', of: 'string', value: v.tokens },
      'tokenizer.ggml.scores': { type: 'array', of: 'f32', value: v.scores },
      'tokenizer.ggml.token_type': { type: 'array', of: 'i32', value: v.types },
      'tokenizer.ggml.unknown_token_id': u32(0),
      'tokenizer.ggml.add_space_prefix': { type: 'bool', value: true },
      ...ends,
    };
  }
  const { vocab, merges } = byteLevelBpe(c.vocab - LLAMA3_SPECIALS.length);
  return {
    'tokenizer.ggml.model': str('gpt2'),
    'tokenizer.ggml.pre': str('llama-bpe'),
    'tokenizer.ggml.tokens': { type: 'array', of: 'string', value: [...vocab, ...LLAMA3_SPECIALS] },
    'tokenizer.ggml.token_type': { type: 'array', of: 'i32', value: [...vocab.map(() => TOKEN_TYPE.normal), ...LLAMA3_SPECIALS.map(() => TOKEN_TYPE.control)] },
    'tokenizer.ggml.merges': { type: 'array', of: 'string', value: merges },
    ...ends,
  };
}

export function llamaGgufMetadata(c: LlamaConfig, type: GgmlType, name: string): Record<string, GgufValue> {
  return {
    'general.architecture': str('llama'),
    'general.name': str(name),
    'general.description': str('benchtab synthetic model: architecture-faithful, seeded random weights. Latency only; outputs are meaningless.'),
    'general.file_type': u32(LLAMA_FILE_TYPE[type]),
    'general.quantization_version': u32(2),
    'llama.vocab_size': u32(c.vocab),
    'llama.context_length': u32(c.maxPositions),
    'llama.embedding_length': u32(c.hidden),
    'llama.block_count': u32(c.layers),
    'llama.feed_forward_length': u32(c.intermediate),
    'llama.attention.head_count': u32(c.heads),
    'llama.attention.head_count_kv': u32(c.kvHeads),
    'llama.attention.layer_norm_rms_epsilon': f32(c.rmsEpsilon),
    'llama.rope.dimension_count': u32(headDim(c)),
    'llama.rope.freq_base': f32(c.ropeTheta),
    ...tokenizerMetadata(c),
  };
}
