import { GraphBuilder, type WeightInit } from '../core/graph.ts';
import { silu } from '../core/nn.ts';
import { applyRotary, inverseFrequencies, llama3RopeFactors, repeatKeyValue, rmsNorm, rotaryTables, type Llama3RopeScaling } from '../core/rotary.ts';
import { causalMask, dimension, mergeHeads, scaledDotProduct, splitHeads, tiedLmHead } from '../core/transformer.ts';
import { ConfigCheck } from '../core/validate.ts';
import { DataType } from '../onnx/types.ts';
import { llamaHubFiles } from './llama-hub.ts';
import type { Architecture, BuildOptions, BuiltGraph } from './types.ts';

/**
 * LLaMA decoder (Touvron et al. 2023): pre-RMSNorm blocks, rotary position embeddings, SwiGLU
 * MLP, grouped-query attention (kvHeads < heads), tied or untied embeddings. Exported like
 * optimum's LlamaForCausalLM with a KV cache: past_key_values.N.key/value [batch, kvHeads,
 * past_sequence, headDim] in, present.N.* out, as transformers.js' text-generation feeds them.
 * The GGUF writer (models/gguf/llama-gguf.ts) stores the same weights, listed by llamaTensors().
 */
export interface LlamaConfig {
  vocab: number;
  hidden: number;
  intermediate: number;
  layers: number;
  heads: number;
  /** Key/value heads: heads / kvHeads query heads share each (grouped-query attention). */
  kvHeads: number;
  maxPositions: number;
  ropeTheta: number;
  rmsEpsilon: number;
  /** Prompt length the app benchmarks with by default (inputs stay dynamic). */
  sequence: number;
  /** Llama 3.2 ties the LM head to the embeddings; TinyLlama has its own lm_head. */
  tiedEmbeddings: boolean;
  /** sentencepiece (Llama 2, TinyLlama: 32000 pieces) or byte-level BPE (Llama 3: 128256). */
  tokenizer: 'sentencepiece' | 'byte-level';
  ropeScaling?: Llama3RopeScaling;
}

/** One learned tensor: its name in the ONNX graph (ONNX layout: MatMul weights are [in, out]) and how it is seeded. */
export interface LlamaTensor {
  name: string;
  shape: number[];
  init: WeightInit;
}

/** Residual projections start smaller (as GPT-2's here) so random deep stacks keep finite activations. */
const RESIDUAL_GAIN = 0.2;

export const headDim = (c: LlamaConfig): number => c.hidden / c.heads;

/**
 * Tokens that stand for one raw byte which is not a character by itself: SentencePiece's 256
 * byte-fallback pieces, byte-level BPE's 128 non-ASCII bytes. Random weights would pick them as
 * often as any other token and emit invalid UTF-8, which llama.cpp's server refuses to stream
 * (and no real model produces on its own), so their output rows are zero: a zero logit is never
 * the greedy choice among hundreds of random ones. The rest of the weights stay uniform noise.
 */
export function rawByteTokens(c: LlamaConfig): number[] {
  return c.tokenizer === 'sentencepiece' ? Array.from({ length: 256 }, (_, b) => 3 + b) : Array.from({ length: 128 }, (_, b) => 128 + b);
}

/** The output table with raw-byte tokens zeroed: rows of [vocab, hidden], or columns of [hidden, vocab]. */
function outputTable(c: LlamaConfig, name: string, byRows: boolean): LlamaTensor {
  const ids = rawByteTokens(c);
  const adjust = (values: Float32Array, firstRow: number): void => {
    const rowLength = byRows ? c.hidden : c.vocab;
    const rows = values.length / rowLength;
    if (byRows) {
      for (const id of ids) if (id >= firstRow && id < firstRow + rows) values.fill(0, (id - firstRow) * c.hidden, (id - firstRow + 1) * c.hidden);
    } else {
      for (let r = 0; r < rows; r++) for (const id of ids) values[r * c.vocab + id] = 0;
    }
  };
  return { name, shape: byRows ? [c.vocab, c.hidden] : [c.hidden, c.vocab], init: { fanIn: c.hidden, adjust } };
}

/** Every learned tensor in graph order: what the ONNX graph stores and the GGUF file converts. */
export function llamaTensors(c: LlamaConfig): LlamaTensor[] {
  const d = headDim(c);
  const matrix = (name: string, inputs: number, outputs: number, gain = 1): LlamaTensor => ({ name: `${name}.weight`, shape: [inputs, outputs], init: { fanIn: inputs, gain } });
  const norm = (name: string): LlamaTensor => ({ name: `${name}.weight`, shape: [c.hidden], init: { fill: 1 } });
  const embedding: LlamaTensor = c.tiedEmbeddings ? outputTable(c, 'model.embed_tokens.weight', true)
    : { name: 'model.embed_tokens.weight', shape: [c.vocab, c.hidden], init: { fanIn: c.hidden } };
  const tensors: LlamaTensor[] = [embedding];
  for (let i = 0; i < c.layers; i++) {
    const p = `model.layers.${i}`;
    tensors.push(
      norm(`${p}.input_layernorm`),
      matrix(`${p}.self_attn.q_proj`, c.hidden, c.heads * d),
      matrix(`${p}.self_attn.k_proj`, c.hidden, c.kvHeads * d),
      matrix(`${p}.self_attn.v_proj`, c.hidden, c.kvHeads * d),
      matrix(`${p}.self_attn.o_proj`, c.heads * d, c.hidden, RESIDUAL_GAIN),
      norm(`${p}.post_attention_layernorm`),
      matrix(`${p}.mlp.gate_proj`, c.hidden, c.intermediate),
      matrix(`${p}.mlp.up_proj`, c.hidden, c.intermediate),
      matrix(`${p}.mlp.down_proj`, c.intermediate, c.hidden, RESIDUAL_GAIN),
    );
  }
  tensors.push(norm('model.norm'));
  if (!c.tiedEmbeddings) tensors.push(outputTable(c, 'lm_head.weight', false));
  return tensors;
}

/** Rotary inverse frequencies, with Llama 3 scaling applied where the config has it. */
export function llamaInverseFrequencies(c: LlamaConfig): Float32Array {
  const base = inverseFrequencies(headDim(c), c.ropeTheta);
  if (!c.ropeScaling) return Float32Array.from(base);
  const factors = llama3RopeFactors(base, c.ropeScaling);
  return Float32Array.from(base, (f, i) => f / (factors[i] as number));
}

function build(c: LlamaConfig, o: BuildOptions): BuiltGraph[] {
  const g = new GraphBuilder(o.seed, o.variant, o);
  const d = headDim(c);
  const specs = new Map(llamaTensors(c).map((t) => [t.name, t]));
  const project = (name: string, x: string): string => {
    const t = specs.get(`${name}.weight`)!;
    return g.matmul(x, t.name, t.shape as [number, number], t.init);
  };
  const ids = g.input('input_ids', DataType.INT64, ['batch', 'sequence']);
  const attentionMask = g.input('attention_mask', DataType.INT64, ['batch', 'total_sequence']);
  const positions = g.input('position_ids', DataType.INT64, ['batch', 'sequence']);
  const cacheShape = ['batch', c.kvHeads, 'past_sequence', d];
  const presentShape = ['batch', c.kvHeads, 'total_sequence', d];
  const table = specs.get('model.embed_tokens.weight')!;
  let x = g.embedding(table.name, [c.vocab, c.hidden], ids, table.init);
  const mask = causalMask(g, dimension(g, ids, 1), dimension(g, attentionMask, 1), attentionMask);
  const tables = rotaryTables(g, positions, llamaInverseFrequencies(c));
  for (let i = 0; i < c.layers; i++) {
    const p = `model.layers.${i}`;
    const pastKey = g.input(`past_key_values.${i}.key`, DataType.FLOAT, cacheShape);
    const pastValue = g.input(`past_key_values.${i}.value`, DataType.FLOAT, cacheShape);
    const h = rmsNorm(g, `${p}.input_layernorm`, x, c.hidden, c.rmsEpsilon);
    const q = applyRotary(g, splitHeads(g, project(`${p}.self_attn.q_proj`, h), c.heads, d), tables, d);
    const k = applyRotary(g, splitHeads(g, project(`${p}.self_attn.k_proj`, h), c.kvHeads, d), tables, d);
    const key = g.op('Concat', [pastKey, k], { axis: 2 });
    const value = g.op('Concat', [pastValue, splitHeads(g, project(`${p}.self_attn.v_proj`, h), c.kvHeads, d)], { axis: 2 });
    g.output(key, `present.${i}.key`, DataType.FLOAT, presentShape);
    g.output(value, `present.${i}.value`, DataType.FLOAT, presentShape);
    const groups = c.heads / c.kvHeads;
    const attended = scaledDotProduct(g, q, repeatKeyValue(g, key, c.kvHeads, groups, d), repeatKeyValue(g, value, c.kvHeads, groups, d), d, mask);
    x = g.op('Add', [x, project(`${p}.self_attn.o_proj`, mergeHeads(g, attended, c.hidden))]);
    const m = rmsNorm(g, `${p}.post_attention_layernorm`, x, c.hidden, c.rmsEpsilon);
    const gated = g.op('Mul', [silu(g, project(`${p}.mlp.gate_proj`, m)), project(`${p}.mlp.up_proj`, m)]);
    x = g.op('Add', [x, project(`${p}.mlp.down_proj`, gated)]);
  }
  x = rmsNorm(g, 'model.norm', x, c.hidden, c.rmsEpsilon);
  const logits = c.tiedEmbeddings ? tiedLmHead(g, x, table.name, c.vocab, c.hidden, table.init) : project('lm_head', x);
  g.output(logits, 'logits', DataType.FLOAT, ['batch', 'sequence', c.vocab]);
  return [{ fileStem: 'model', model: g.model('llama', 'Synthetic LLaMA decoder with KV cache; weights are random.') }];
}

const tiny: LlamaConfig = {
  vocab: 512, hidden: 64, intermediate: 192, layers: 2, heads: 4, kvHeads: 2, maxPositions: 256,
  ropeTheta: 10000, rmsEpsilon: 1e-5, sequence: 16, tiedEmbeddings: false, tokenizer: 'sentencepiece',
};

export const llama: Architecture<LlamaConfig> = {
  key: 'llama',
  presets: {
    // TinyLlama-1.1B (TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T config.json): 1,100,048,384
    // parameters = 22 layers × 44,044,288 (q, o 2048²; k, v 2048×256; gate, up, down 2048×5632;
    // two norms) + embeddings and untied lm_head 2 × 32000×2048 + final norm 2048.
    full: { vocab: 32000, hidden: 2048, intermediate: 5632, layers: 22, heads: 32, kvHeads: 4, maxPositions: 2048,
      ropeTheta: 10000, rmsEpsilon: 1e-5, sequence: 128, tiedEmbeddings: false, tokenizer: 'sentencepiece' },
    tiny,
  },
  validate(c) {
    new ConfigCheck('llama')
      .positive('vocab', c.vocab).positive('hidden', c.hidden).positive('intermediate', c.intermediate)
      .positive('layers', c.layers).positive('heads', c.heads).positive('kvHeads', c.kvHeads)
      .positive('maxPositions', c.maxPositions).positive('sequence', c.sequence)
      .divides('heads', c.heads, 'hidden', c.hidden)
      .divides('kvHeads', c.kvHeads, 'heads', c.heads)
      .require((c.hidden / c.heads) % 2 === 0, `head size ${c.hidden / c.heads} must be even for rotary embeddings`)
      .require(c.sequence <= c.maxPositions, `sequence ${c.sequence} exceeds maxPositions ${c.maxPositions}`)
      .require(c.ropeTheta > 1, `ropeTheta must be above 1, got ${c.ropeTheta}`)
      .require(c.rmsEpsilon > 0 && c.rmsEpsilon < 1, `rmsEpsilon must be in (0, 1), got ${c.rmsEpsilon}`)
      .atLeast('vocab', c.vocab, c.tokenizer === 'sentencepiece' ? 300 : 258, 'the tokenizer needs its 256 byte tokens and specials')
      .done();
  },
  build,
  hubFiles: llamaHubFiles,
};

/** Llama 3.2: the same builder with tied embeddings, a byte-level BPE vocabulary and Llama 3 rope scaling. */
export const llama3: Architecture<LlamaConfig> = {
  ...llama,
  key: 'llama3',
  presets: {
    // Llama-3.2-1B (meta-llama/Llama-3.2-1B config.json): 1,235,814,400 parameters = 16 layers ×
    // 60,821,504 (q, o 2048²; k, v 2048×512; gate, up, down 2048×8192; two norms) + tied
    // embeddings 128256×2048 + final norm 2048.
    full: { vocab: 128256, hidden: 2048, intermediate: 8192, layers: 16, heads: 32, kvHeads: 8, maxPositions: 131072,
      ropeTheta: 500000, rmsEpsilon: 1e-5, sequence: 128, tiedEmbeddings: true, tokenizer: 'byte-level',
      ropeScaling: { factor: 32, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 8192 } },
    tiny: { ...tiny, tiedEmbeddings: true, tokenizer: 'byte-level', ropeTheta: 500000, vocab: 600,
      ropeScaling: { factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 64 } },
  },
};
